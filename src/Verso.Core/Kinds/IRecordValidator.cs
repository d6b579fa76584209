using System.Text.Json;
using Verso.Errors;

namespace Verso.Kinds;

/// <summary>Checks a record of one kind beyond being JSON: fields, types, invariants.</summary>
public interface IRecordValidator
{
    /// <summary>Every problem with the record, each naming its JSON path; empty when the record is valid.</summary>
    IReadOnlyList<RecordProblem> Validate(JsonElement record);
}
