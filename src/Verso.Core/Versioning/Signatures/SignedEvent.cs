using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning.Signatures;

/// <summary>
/// An event that changes what is in force — a tag move, a policy version, a change request applied — as the statement
/// its signature covers. The statement is rebuilt from the store when verifying and compared byte for byte with what
/// was signed, so a signature vouches for the event exactly as it is recorded.
/// </summary>
public sealed record SignedEvent(string Id, VersionRef Ref, DateTimeOffset At, InTotoStatement Statement)
{
    /// <summary>The predicate type of an event statement.</summary>
    public const string PredicateType = "https://verso.dev/event/v1";

    /// <summary>Whether a new version is an event that is signed: a policy version, a rollout change or an applied change request.</summary>
    public static bool IsSigned(Snapshot version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Key.Kind is PolicyKinds.PolicyKind or Rollouts.RolloutService.Kind || version.Source?.ChangeRequest is not null;
    }

    /// <summary>The event of a policy version or an applied change request.</summary>
    public static SignedEvent ForVersion(Snapshot version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var name = version.Key.Kind == PolicyKinds.PolicyKind ? "policy" : version.Key.Kind == Rollouts.RolloutService.Kind ? "rollout" : "apply";
        var predicate = new JsonObject
        {
            ["event"] = name,
            ["ref"] = version.Ref.ToString(),
            ["by"] = version.SavedBy,
            ["at"] = Timestamp.Format(version.SavedAt),
            ["operation"] = version.Operation.ToName(),
            ["change_request"] = version.Source?.ChangeRequest,
            ["approvers"] = new JsonArray([.. (version.Source?.Approvers ?? []).Select(a => (JsonNode)a)]),
        };
        var statement = new InTotoStatement([new InTotoSubject(version.Ref.ToString(), version.Hash.Hex)], PredicateType, predicate);
        return new SignedEvent(IdOf($"{name}\n{version.Ref}\n{version.Hash}"), version.Ref, version.SavedAt, statement);
    }

    /// <summary>The event of a tag move. Its subject is the tag on its entity; the predicate says where it moved, by whom, when and why.</summary>
    public static SignedEvent ForTagMove(TagMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var at = Timestamp.Format(move.MovedAt);
        var predicate = new JsonObject
        {
            ["event"] = "tag-move",
            ["entity"] = move.Key.ToString(),
            ["tag"] = move.Name,
            ["to"] = move.ToVersion,
            ["by"] = move.MovedBy,
            ["at"] = at,
            ["reason"] = move.Reason,
        };
        var description = string.Create(CultureInfo.InvariantCulture, $"tag-move\n{move.Key}\n{move.Name}\n{move.ToVersion}\n{move.MovedBy}\n{at}");
        var subject = new InTotoSubject($"{move.Key}@{move.Name}", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description))));
        return new SignedEvent(IdOf(description), VersionRef.ForVersion(move.Key, move.ToVersion), move.MovedAt, new InTotoStatement([subject], PredicateType, predicate));
    }

    // An entity id for the signature record, derived from the event alone so a verifier finds it without an index.
    private static string IdOf(string description) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)))[..40];
}
