using System.Globalization;
using System.Text.Json;
using Verso.Agents.Decisions;
using Verso.Agents.Validation;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>decision</c> record.</summary>
internal static class DecisionSchema
{
    /// <summary>Pins to exact agent versions, as review and team decisions both write them.</summary>
    public static ValueSpec PinnedCharters { get; } = ArrayOf(Object(new ObjectShape(
        Required("ref", String(StringFormat.PinnedAgentRef)),
        Required("hash", String(StringFormat.ContentHash)))));

    public static ObjectShape Shape { get; } = new(
        Required("id", NonBlankString()),
        Required("task_id", String(StringFormat.EntityId)),
        Required("executor", String(StringFormat.EntityId)),
        Required("reviewer", String(StringFormat.EntityId)),
        Required("decision", EnumOf<DecisionOutcome>()),
        Optional("reason", String()),
        Optional("criteria", StringArray()),
        Required("executed_at", String(StringFormat.UtcTimestamp)),
        Required("recorded_at", String(StringFormat.UtcTimestamp)),
        Optional("metadata", OpenObject()),
        Required("pinned_charters", PinnedCharters));

    public static RecordValidator Validator { get; } = new(Shape, ReviewerIsNotExecutor, RecordedAfterExecution, PinsBothCharters);

    /// <summary>
    /// Review decisions and team decisions share the kind; a <c>text</c> member (which a review decision
    /// never has) marks a team decision, so every existing review decision validates exactly as before.
    /// </summary>
    public static DiscriminatedValidator KindValidator { get; } = new(record =>
        TeamDecision.IsOne(record) ? TeamDecisionSchema.Validator : Validator);

    private static IEnumerable<RecordProblem> ReviewerIsNotExecutor(JsonElement record)
    {
        var executor = JsonRead.String(record, "executor");
        if (executor is not null && JsonRead.String(record, "reviewer") == executor)
        {
            yield return new RecordProblem("/reviewer", $"agent '{executor}' executed the task and cannot also review it");
        }
    }

    private static IEnumerable<RecordProblem> RecordedAfterExecution(JsonElement record)
    {
        if (Timestamp(record, "executed_at") is { } executed && Timestamp(record, "recorded_at") is { } recorded && recorded < executed)
        {
            yield return new RecordProblem("/recorded_at", "a decision cannot be recorded before the task executed");
        }
    }

    // Each pin names an agent version; there must be exactly one for the executor and one for the
    // reviewer, so "which charter produced this decision" always has one answer per party.
    private static IEnumerable<RecordProblem> PinsBothCharters(JsonElement record)
    {
        if (JsonRead.At(record, ["pinned_charters"]) is not { ValueKind: JsonValueKind.Array })
        {
            yield break;
        }

        var parties = new[] { JsonRead.String(record, "executor"), JsonRead.String(record, "reviewer") };
        var pinned = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (index, pin) in JsonRead.Items(record, ["pinned_charters"]))
        {
            if (JsonRead.String(pin, "ref") is not { } reference || !StringFormat.PinnedAgentRef.IsValid(reference))
            {
                continue;
            }

            var agent = reference["agent/".Length..reference.LastIndexOf('@')];
            if (!parties.Contains(agent, StringComparer.Ordinal))
            {
                yield return new RecordProblem($"/pinned_charters/{index}/ref", $"'{reference}' is neither the executor's nor the reviewer's charter");
            }
            else if (!pinned.TryAdd(agent, index))
            {
                yield return new RecordProblem($"/pinned_charters/{index}/ref", $"agent '{agent}' is pinned twice (see item {pinned[agent]})");
            }
        }

        foreach (var (party, role) in parties.Zip(["executor", "reviewer"]))
        {
            if (party is not null && StringFormat.EntityId.IsValid(party) && !pinned.ContainsKey(party))
            {
                yield return new RecordProblem("/pinned_charters", $"the {role} '{party}' has no pinned charter");
            }
        }
    }

    private static DateTimeOffset? Timestamp(JsonElement record, string member) =>
        JsonRead.String(record, member) is { } text
        && StringFormat.UtcTimestamp.IsValid(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : null;
}
