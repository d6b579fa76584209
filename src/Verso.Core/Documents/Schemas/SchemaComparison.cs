using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Verso.Documents.Schemas;

/// <summary>
/// Compares two versions of a JSON Schema (2020-12) for the callers on one side of a tool: each change
/// with its path, kind and level.
/// </summary>
/// <remarks>
/// <para>
/// A change that makes the schema accept fewer values (a type narrowed, an enum value removed, a property
/// required, a bound tightened) breaks senders, so it is breaking for <see cref="SchemaDirection.Input"/>
/// and compatible for <see cref="SchemaDirection.Output"/>; one that accepts more is the opposite; one
/// that is neither (a type swapped) breaks both. Compared: <c>type</c> (with <c>integer</c> inside
/// <c>number</c>), <c>enum</c>/<c>const</c>, numeric, string, array and object bounds, <c>multipleOf</c>,
/// <c>uniqueItems</c>, <c>format</c> (as an assertion), <c>pattern</c>, <c>properties</c>,
/// <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>prefixItems</c>, <c>anyOf</c>,
/// <c>oneOf</c>, <c>allOf</c>, and local <c>$ref</c>s into <c>$defs</c> (or anywhere in the document),
/// recursive ones included.
/// </para>
/// <para>
/// Removing an optional input property is breaking (a caller's argument is no longer understood, as
/// Apicurio's MCP rules say) and a warning for output. Annotations (<c>title</c>, <c>description</c>,
/// <c>examples</c>, <c>default</c>, …) are compatible. Whatever is not decided is a warning, never
/// silently compatible: a changed <c>pattern</c>, a keyword such as <c>not</c> or <c>if</c> that is
/// not compared, a keyword JSON Schema does not know, an external or unresolvable <c>$ref</c>.
/// </para>
/// </remarks>
public static class SchemaComparison
{
    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>; null (absent) accepts anything, as <c>true</c> does.</summary>
    /// <param name="before">The schema callers were written against.</param>
    /// <param name="after">The schema they meet now.</param>
    /// <param name="direction">Whether the schema describes what callers send or what they receive.</param>
    /// <returns>Every change found, in the order of a walk from the root; empty when the two validate alike as far as Verso can tell.</returns>
    public static ImmutableArray<SchemaChange> Compare(JsonNode? before, JsonNode? after, SchemaDirection direction) =>
        [.. new SchemaComparer(before, after).Run().Select(c => new SchemaChange(c.Path, c.Kind, direction, c.Effect.For(direction), c.Message))];

    /// <summary>The highest level among <paramref name="changes"/>; compatible when there are none.</summary>
    public static SchemaChangeLevel Worst(IEnumerable<SchemaChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Select(c => c.Level).DefaultIfEmpty(SchemaChangeLevel.Compatible).Max();
    }
}
