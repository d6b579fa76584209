using Verso.Agents.Validation;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape of a team decision: a <c>decision</c> record that keeps the team's own words.</summary>
internal static class TeamDecisionSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("title", NonBlankString()),
        Optional("date", String(StringFormat.CalendarDate)),
        Optional("by", String()),
        Required("text", String()),
        Optional("pinned_charters", DecisionSchema.PinnedCharters));

    public static RecordValidator Validator { get; } = new(Shape);
}
