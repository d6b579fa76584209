using System.Text.Json;
using Verso.Errors;

namespace Verso.Model.Kinds;

/// <summary>Checks a record of one kind beyond being JSON: fields, types, invariants.</summary>
public interface IRecordValidator
{
    /// <summary>
    /// Every problem with the record, each naming its JSON path; empty when the record is valid. The
    /// versioning service passes the record in canonical form (members sorted, numbers in canonical
    /// spelling), volatile fields included, whenever the problems are reported.
    /// </summary>
    IReadOnlyList<RecordProblem> Validate(JsonElement record);

    /// <summary>
    /// Whether the verdict (valid or not) is the same for every spelling of one JSON value: any member
    /// order, any escapes, any form of the same numbers. When true, the service validates the input as
    /// it was parsed and reads the canonical form only when there are problems to report, which saves a
    /// save of a valid record a second parse. False unless a validator says so.
    /// </summary>
    bool IsSpellingIndependent => false;
}
