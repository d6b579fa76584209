using System.Text.Json;
using Verso.Errors;
using Verso.Model.Kinds;

namespace Verso.Governance.Policies;

/// <summary>Checks a <c>group</c> record: <c>members</c>, an array of non-blank names.</summary>
internal sealed class GroupValidator : IRecordValidator
{
    public IReadOnlyList<RecordProblem> Validate(JsonElement record) =>
        record.TryGetProperty("members", out var members)
        && members.ValueKind == JsonValueKind.Array
        && members.EnumerateArray().All(m => m.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(m.GetString()))
            ? []
            : [new RecordProblem("/members", "a group lists its members as an array of names")];
}
