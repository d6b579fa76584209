using System.Text.Json.Nodes;
using Verso.Governance.Checks;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;

namespace Verso.Versioning.Signatures;

/// <summary>
/// An in-toto statement about one version, for teams that keep configuration releases in supply-chain tooling: the
/// subject is <c>kind/id@N</c> with the sha256 of its canonical JSON (the version's content hash), and the predicate
/// (<see cref="PredicateType"/>) says how it came to be — who saved it and how, the change request and its approvers,
/// the checks recorded on it, and the policies that governed it then.
/// </summary>
public static class ReleaseAttestation
{
    /// <summary>The predicate type of a release attestation.</summary>
    public const string PredicateType = "https://verso.dev/release/v1";

    /// <summary>The statement for <paramref name="version"/>, unsigned.</summary>
    public static InTotoStatement Statement(Snapshot version, IEnumerable<CheckResult> checks, IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(policies);
        var checkArray = new JsonArray();
        foreach (var check in checks)
        {
            checkArray.Add((JsonNode)new JsonObject
            {
                ["name"] = check.Name,
                ["result"] = check.Result,
                ["by"] = check.By,
                ["at"] = Timestamp.Format(check.At),
                ["url"] = check.Url,
            });
        }

        var policyArray = new JsonArray();
        foreach (var policy in policies.OrderBy(p => p.Version.ToString(), StringComparer.Ordinal))
        {
            policyArray.Add((JsonNode)policy.Version.ToString());
        }

        var predicate = new JsonObject
        {
            ["ref"] = version.Ref.ToString(),
            ["version"] = version.Version,
            ["hash"] = version.Hash.ToString(),
            ["chain"] = version.ChainHash?.ToString(),
            ["saved_by"] = version.SavedBy,
            ["saved_at"] = Timestamp.Format(version.SavedAt),
            ["operation"] = version.Operation.ToString().ToLowerInvariant(),
            ["message"] = version.Message,
            ["change_request"] = version.Source?.ChangeRequest,
            ["approvers"] = new JsonArray([.. (version.Source?.Approvers ?? []).Select(a => (JsonNode)a)]),
            ["checks"] = checkArray,
            ["policies"] = policyArray,
        };
        return new InTotoStatement([new InTotoSubject(version.Ref.ToString(), version.Hash.Hex)], PredicateType, predicate);
    }

    /// <summary>The statement for <paramref name="version"/>, signed into a DSSE envelope.</summary>
    public static DsseEnvelope Sign(Snapshot version, IEnumerable<CheckResult> checks, IEnumerable<Policy> policies, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, Statement(version, checks, policies).ToPayload(), key);
    }
}
