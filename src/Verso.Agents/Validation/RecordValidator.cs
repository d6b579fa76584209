using System.Text.Json;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Documents.Pointers;

namespace Verso.Agents.Validation;

/// <summary>
/// A kind's validator: the record's declared shape (fields, types, ranges, formats) checked by
/// <see cref="SchemaWalker"/>, then the invariants that span fields, such as a workflow's edges
/// pointing at existing nodes. Every problem is reported, not just the first.
/// </summary>
public sealed class RecordValidator : IRecordValidator, IRecordShapes
{
    private readonly ValueSpec _record;
    private readonly IReadOnlyList<Func<JsonElement, IEnumerable<RecordProblem>>> _invariants;

    /// <summary>Creates the validator.</summary>
    /// <param name="shape">The record's declared members.</param>
    /// <param name="invariants">
    /// Checks across fields. Each runs even when the shape has problems, so it must skip values of the
    /// wrong type rather than assume them (the shape check reports those).
    /// </param>
    public RecordValidator(ObjectShape shape, params IEnumerable<Func<JsonElement, IEnumerable<RecordProblem>>> invariants)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(invariants);
        Shape = shape;
        _record = ValueSpec.Object(shape);
        _invariants = [.. invariants];
    }

    /// <summary>The record's declared members.</summary>
    public ObjectShape Shape { get; }

    /// <inheritdoc />
    public ObjectShape ShapeOf(JsonElement record) => Shape;

    /// <inheritdoc />
    /// <remarks>
    /// True: the shape check and the invariants read members by name and numbers by value, and the canonical
    /// form has no duplicate names left to tell spellings apart. Invariants given here must keep it so.
    /// </remarks>
    public bool IsSpellingIndependent => true;

    /// <inheritdoc />
    public IReadOnlyList<RecordProblem> Validate(JsonElement record)
    {
        var problems = new List<RecordProblem>();
        SchemaWalker.CheckInto(record, _record, JsonPointer.Root, problems);
        if (record.ValueKind == JsonValueKind.Object)
        {
            foreach (var invariant in _invariants)
            {
                problems.AddRange(invariant(record));
            }
        }

        return problems;
    }
}
