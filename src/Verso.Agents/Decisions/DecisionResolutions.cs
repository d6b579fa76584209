using System.Collections.Immutable;
using System.Text.Json;
using Verso.Agents.Kinds;
using Verso.Contracts;
using Verso.Contracts.Rollouts;
using Verso.Errors;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Decisions;

/// <summary>The resolution a decision records: recomputed from the rollout version it names, never taken on trust.</summary>
internal static class DecisionResolutions
{
    /// <summary>The member of a decision's metadata that holds its resolution.</summary>
    public const string Member = "resolution";

    /// <summary>
    /// What the label served the subject: from the named rollout version when one is given (the bucket recomputed from
    /// its salt), else what the label serves now. An explicit executor ref must be that version.
    /// </summary>
    public static async Task<RolloutResolution> ResolveAsync(VersioningService service, IVersionStore store, DecisionRequest request, CancellationToken cancellationToken)
    {
        var resolution = request.Resolution!;
        var key = EntityKey.Create(AgentKinds.Agent.Name, request.Executor);
        RolloutResolution resolved;
        if (resolution.RolloutVersion is { } version)
        {
            var record = await store.GetVersionAsync(RolloutService.KeyOf(key, resolution.Label), version, cancellationToken).ConfigureAwait(false)
                ?? throw Invalid($"{key}@{resolution.Label} has no rollout version {version}");
            var rollout = Rollout.Read(record);
            var bucket = resolution.Subject is null ? (int?)null : RolloutBuckets.Of(rollout.Salt, resolution.Subject);
            var served = rollout.VersionFor(bucket);
            var snapshot = await service.GetAsync(VersionRef.ForVersion(key, served), cancellationToken).ConfigureAwait(false);
            resolved = new RolloutResolution(snapshot, resolution.Label, resolution.Subject, bucket, version, served == rollout.Control ? "control" : "candidate");
        }
        else
        {
            resolved = await new RolloutService(service).ResolveAsync(key, resolution.Label, resolution.Subject, cancellationToken).ConfigureAwait(false);
        }

        if (request.ExecutorRef is { } pinned
            && (pinned.Key != key || (await service.GetAsync(pinned, cancellationToken).ConfigureAwait(false)).Version != resolved.Version.Version))
        {
            throw Invalid($"the executor ref {pinned} is not what {key}@{resolution.Label} served {resolution.Subject ?? "without a subject"} ({resolved.Version.Ref})");
        }

        return resolved;
    }

    /// <summary>The decision's metadata: <c>{"resolution": {ref, hash, variant, label, subject, bucket, rollout_version, …}}</c>.</summary>
    /// <remarks>The same <see cref="Resolution"/> contract resolve answers with, so a decision records what a caller was told.</remarks>
    public static ImmutableDictionary<string, JsonElement> Metadata(RolloutResolution resolved)
    {
        var version = resolved.Version;
        var resolution = new Resolution
        {
            Ref = version.Ref.ToString(),
            Kind = version.Key.Kind,
            Id = version.Key.Id,
            Version = version.Version,
            Hash = version.Hash.ToString(),
            Variant = resolved.Variant,
            Label = resolved.Label,
            Subject = resolved.Subject,
            Bucket = resolved.Bucket,
            RolloutVersion = resolved.RolloutVersion,
        };
        return ImmutableDictionary<string, JsonElement>.Empty.Add(Member, JsonSerializer.SerializeToElement(resolution, VersoJson.TypeInfo<Resolution>()));
    }

    private static InvalidRecordException Invalid(string message) => new("decision", [new RecordProblem("/resolution", message)]);
}
