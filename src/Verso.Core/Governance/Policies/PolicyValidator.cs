using System.Text.Json;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;

namespace Verso.Governance.Policies;

/// <summary>
/// Checks a <c>policy</c> record: <c>approvals</c> (0-100), <c>group</c> (a group id), <c>direct_saves</c>
/// (bool), <c>required_checks</c> (check names), <c>on_fail</c> (<c>rollback-tag</c> or <c>none</c>), nothing else.
/// Which fields fit which scope is checked where the id is known (<see cref="PolicyBook.EnsureFits"/>).
/// </summary>
internal sealed class PolicyValidator : IRecordValidator
{
    public IReadOnlyList<RecordProblem> Validate(JsonElement record)
    {
        var problems = new List<RecordProblem>();
        foreach (var property in record.EnumerateObject())
        {
            var path = "/" + property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "approvals" when value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count is < 0 or > 100:
                    problems.Add(new RecordProblem(path, "must be a whole number from 0 to 100"));
                    break;
                case "group" when value.ValueKind != JsonValueKind.Null && (value.ValueKind != JsonValueKind.String || !EntityKey.IsValidId(value.GetString()!)):
                    problems.Add(new RecordProblem(path, "must name a group entity id, e.g. \"reviewers\""));
                    break;
                case "direct_saves" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                    problems.Add(new RecordProblem(path, "must be true or false"));
                    break;
                case "required_checks" when value.ValueKind != JsonValueKind.Array
                    || value.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || !TagNames.IsValid(c.GetString()!)):
                    problems.Add(new RecordProblem(path, "must be an array of check names (a-z 0-9 . _ -, starting with a letter)"));
                    break;
                case "on_fail" when value.ValueKind != JsonValueKind.String || value.GetString() is not (Policy.RollbackTag or "none"):
                    problems.Add(new RecordProblem(path, "must be \"rollback-tag\" or \"none\""));
                    break;
                case PolicyRules.BreakingToolChanges when value.ValueKind != JsonValueKind.String || value.GetString() is not (Policy.Allow or Policy.Review or Policy.Refuse or Policy.Major):
                    problems.Add(new RecordProblem(path, "must be \"allow\", \"review\" (kind or entity), \"refuse\" or \"major\" (tag)"));
                    break;
                case PolicyRules.BreakingToolChecks when value.ValueKind != JsonValueKind.Array
                    || value.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || !TagNames.IsValid(c.GetString()!)):
                    problems.Add(new RecordProblem(path, "must be an array of check names (a-z 0-9 . _ -, starting with a letter)"));
                    break;
                case "approvals" or "group" or "direct_saves" or "required_checks" or "on_fail" or "description"
                    or PolicyRules.BreakingToolChanges or PolicyRules.BreakingToolChecks:
                    break;
                default:
                    problems.Add(new RecordProblem(path, "is not a policy field (approvals, group, direct_saves, required_checks, on_fail, breaking_tool_changes, breaking_tool_checks, description)"));
                    break;
            }
        }

        return problems;
    }
}
