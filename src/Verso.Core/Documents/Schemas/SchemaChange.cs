namespace Verso.Documents.Schemas;

/// <summary>One difference between two versions of a JSON Schema, judged for one direction.</summary>
/// <param name="Path">
/// The RFC 6901 pointer of the keyword in the new schema (in the old one when it was removed), through
/// every <c>$ref</c> followed, as JSON Schema's keyword locations are: <c>/properties/address/$ref/required</c>.
/// </param>
/// <param name="Kind">What changed, e.g. <c>type-narrowed</c>, <c>enum-widened</c>, <c>required-added</c>, <c>unknown-keyword</c>.</param>
/// <param name="Direction">The side of the tool the schema describes.</param>
/// <param name="Level">Compatible, warning or breaking for callers on that side.</param>
/// <param name="Message">The change in words, naming the values involved.</param>
public sealed record SchemaChange(string Path, string Kind, SchemaDirection Direction, SchemaChangeLevel Level, string Message);
