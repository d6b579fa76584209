using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Versioning.Rollouts;

/// <summary>
/// One version of a rollout: a release label of an entity that serves a control version and candidate versions by
/// weight, kept as the reserved record <c>verso-rollout/KIND.ID.LABEL</c>, so its history is the label's history.
/// </summary>
/// <param name="Entity">The entity whose label it is.</param>
/// <param name="Label">The label, e.g. <c>production</c>.</param>
/// <param name="State">Active, promoted or aborted.</param>
/// <param name="Control">The version served to every subject outside the candidates' buckets, and without a subject.</param>
/// <param name="Candidates">The candidate versions and their buckets.</param>
/// <param name="Salt">Mixed into each subject's bucket, so two rollouts bucket the same subjects independently.</param>
/// <param name="BucketBy">The name of the subject attribute callers bucket by (e.g. <c>user_id</c>), for the record.</param>
/// <param name="Steps">Planned weights of the first candidate, in basis points, rising; <c>advance</c> takes the next.</param>
/// <param name="AdvanceOn">A check that, passing on the first candidate, advances the rollout one step.</param>
/// <param name="Reason">Why the last change was made.</param>
public sealed record Rollout(
    EntityKey Entity,
    string Label,
    RolloutState State,
    int Control,
    ImmutableArray<RolloutCandidate> Candidates,
    string Salt,
    string? BucketBy,
    ImmutableArray<int> Steps,
    string? AdvanceOn,
    string? Reason)
{
    /// <summary>The version of the rollout record this was read from (0 before it is saved).</summary>
    public int Version { get; init; }

    /// <summary>Who made this version of it.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The version <paramref name="bucket"/> is served: the candidate holding it, else the control.</summary>
    public int VersionFor(int? bucket) =>
        State == RolloutState.Active && bucket is { } b ? Candidates.FirstOrDefault(c => c.Ranges.Any(r => r.Contains(b)))?.Version ?? Control : Control;

    /// <summary>The record's JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["entity"] = Entity.ToString(),
        ["label"] = Label,
        ["state"] = State.ToString().ToLowerInvariant(),
        ["control"] = Control,
        ["candidates"] = new JsonArray([.. Candidates.Select(c => (JsonNode)new JsonObject
        {
            ["version"] = c.Version,
            ["weight"] = c.Weight,
            ["ranges"] = new JsonArray([.. c.Ranges.Select(r => (JsonNode)new JsonArray(r.Start, r.End))]),
        })]),
        ["salt"] = Salt,
        ["bucket_by"] = BucketBy,
        ["steps"] = new JsonArray([.. Steps.Select(s => (JsonNode)s)]),
        ["advance_on"] = AdvanceOn,
        ["reason"] = Reason,
    };

    /// <summary>Reads one version of a rollout record.</summary>
    public static Rollout Read(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var document = JsonDocument.Parse(snapshot.Content);
        var root = document.RootElement;
        var candidates = root.GetProperty("candidates").EnumerateArray().Select(c => new RolloutCandidate(
            c.GetProperty("version").GetInt32(),
            [.. c.GetProperty("ranges").EnumerateArray().Select(r => new BucketRange(r[0].GetInt32(), r[1].GetInt32()))])).ToImmutableArray();
        return new Rollout(
            EntityKey.Parse(root.GetProperty("entity").GetString()!),
            root.GetProperty("label").GetString()!,
            Enum.Parse<RolloutState>(root.GetProperty("state").GetString()!, ignoreCase: true),
            root.GetProperty("control").GetInt32(),
            candidates,
            root.GetProperty("salt").GetString()!,
            OptionalString(root, "bucket_by"),
            [.. root.GetProperty("steps").EnumerateArray().Select(s => s.GetInt32())],
            OptionalString(root, "advance_on"),
            OptionalString(root, "reason"))
        {
            Version = snapshot.Version,
            ChangedBy = snapshot.SavedBy,
            ChangedAt = snapshot.SavedAt,
        };
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
