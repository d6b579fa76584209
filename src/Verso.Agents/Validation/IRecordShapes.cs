using System.Text.Json;

namespace Verso.Agents.Validation;

/// <summary>
/// Names the declared shape a record follows, so plain-text formats can write its fields in the order the
/// record declares them rather than alphabetically.
/// </summary>
public interface IRecordShapes
{
    /// <summary>The shape <paramref name="record"/> is checked against.</summary>
    ObjectShape ShapeOf(JsonElement record);
}
