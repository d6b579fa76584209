using System.Text.Json;
using Verso.Errors;
using Verso.Model.Kinds;

namespace Verso.Agents.Validation;

/// <summary>
/// A kind whose records come in more than one shape: each record is checked by the validator its own
/// members select, so one kind can hold, say, review decisions and team decisions side by side.
/// </summary>
public sealed class DiscriminatedValidator : IRecordValidator, IRecordShapes
{
    private readonly Func<JsonElement, RecordValidator> _select;

    /// <summary>Creates the validator.</summary>
    /// <param name="select">Picks the validator for a record; it must accept any JSON value, objects or not.</param>
    public DiscriminatedValidator(Func<JsonElement, RecordValidator> select)
    {
        ArgumentNullException.ThrowIfNull(select);
        _select = select;
    }

    /// <inheritdoc />
    public ObjectShape ShapeOf(JsonElement record) => _select(record).Shape;

    /// <inheritdoc />
    /// <remarks>True: the selector reads members by name, and each <see cref="RecordValidator"/> is.</remarks>
    public bool IsSpellingIndependent => true;

    /// <inheritdoc />
    public IReadOnlyList<RecordProblem> Validate(JsonElement record) => _select(record).Validate(record);
}
