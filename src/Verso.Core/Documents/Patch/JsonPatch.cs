using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Pointers;

namespace Verso.Documents.Patch;

/// <summary>
/// An RFC 6902 JSON Patch: an ordered, immutable list of operations that is applied all or nothing.
/// </summary>
/// <remarks>
/// Removing the root (<c>{"op":"remove","path":""}</c>) is an error, since RFC 6902 does not say what
/// it leaves behind; replace the root with <c>null</c> to get an empty document. The values held by
/// <see cref="Operations"/> are the patch's own: do not modify them.
/// </remarks>
public sealed class JsonPatch
{
    // Non-ASCII text stays readable in patches shown to people; the output is JSON data, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private JsonPatch(ImmutableArray<PatchOperation> operations) => Operations = operations;

    /// <summary>A patch with no operations: applying it returns a copy of the document.</summary>
    public static JsonPatch Empty { get; } = new([]);

    /// <summary>The operations, in the order they are applied.</summary>
    public ImmutableArray<PatchOperation> Operations { get; }

    /// <summary>Reads a patch document: a JSON array of operation objects, checked as RFC 6902 §4 requires.</summary>
    /// <param name="utf8Json">The patch document as UTF-8 JSON.</param>
    /// <returns>The patch.</returns>
    /// <exception cref="JsonPatchException">
    /// The text is not JSON or not an array (index -1), or an operation lacks <c>op</c>, <c>path</c>, or the
    /// <c>from</c> or <c>value</c> its op needs, names an unknown op, has a member twice, or has a pointer
    /// that is not RFC 6901 (the index of that operation).
    /// </exception>
    public static JsonPatch Parse(ReadOnlySpan<byte> utf8Json) => new(JsonPatchParser.Parse(utf8Json));

    /// <summary>Makes a patch from operations, checking their pointers; each value is copied, so later changes to it do not reach the patch.</summary>
    /// <param name="operations">The operations, in the order they are to be applied.</param>
    /// <returns>The patch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operations"/> or one of its items is null.</exception>
    /// <exception cref="JsonPatchException">A <c>path</c> or <c>from</c> is not a JSON pointer, or a move or copy has no <c>from</c>.</exception>
    public static JsonPatch Create(IEnumerable<PatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var builder = ImmutableArray.CreateBuilder<PatchOperation>();
        foreach (var operation in operations)
        {
            ArgumentNullException.ThrowIfNull(operation, nameof(operations));
            Check(operation, builder.Count);
            builder.Add(operation with { Value = operation.Value?.DeepClone() });
        }

        return new(builder.ToImmutable());
    }

    /// <summary>
    /// Applies every operation in order to a deep copy of <paramref name="document"/> and returns the copy.
    /// The document passed in is never modified; when an operation fails nothing is returned.
    /// </summary>
    /// <param name="document">The document; a C# null is JSON null.</param>
    /// <returns>The patched document (a C# null when the result is JSON null).</returns>
    /// <exception cref="JsonPatchException">
    /// An operation failed: its path or <c>from</c> does not exist, an array index is malformed or out of
    /// range, a move goes into the moved value's own children, the root is removed, or a <c>test</c> did not match.
    /// </exception>
    public JsonNode? Apply(JsonNode? document) => JsonPatchApplier.Apply(document, Operations);

    /// <summary>Writes the patch as an RFC 6902 array; <c>from</c> only for move and copy, <c>value</c> only for add, replace and test.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var operation in Operations)
        {
            writer.WriteStartObject();
            writer.WriteString("op", PatchOperationNames.ToName(operation.Op));
            writer.WriteString("path", operation.Path);
            if (PatchOperationNames.NeedsFrom(operation.Op))
            {
                writer.WriteString("from", operation.From);
            }

            if (PatchOperationNames.NeedsValue(operation.Op))
            {
                writer.WritePropertyName("value");
                if (operation.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    operation.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The patch as compact UTF-8 JSON.</summary>
    /// <returns>The bytes of the RFC 6902 array.</returns>
    public byte[] ToUtf8Bytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The patch as compact JSON text.</summary>
    /// <returns>The RFC 6902 array.</returns>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Bytes());

    /// <summary>The patch as compact JSON text, as <see cref="ToJson"/>.</summary>
    /// <returns>The RFC 6902 array.</returns>
    public override string ToString() => ToJson();

    private static void Check(PatchOperation operation, int index)
    {
        if (!Enum.IsDefined(operation.Op))
        {
            throw new JsonPatchException(index, $"'{operation.Op}' is not an operation");
        }

        var label = PatchOperationNames.Describe(operation);
        CheckPointer(operation.Path, "path", index, label);
        if (PatchOperationNames.NeedsFrom(operation.Op))
        {
            CheckPointer(operation.From, "from", index, label);
        }
    }

    private static void CheckPointer(string? pointer, string member, int index, string label)
    {
        if (pointer is null)
        {
            throw new JsonPatchException(index, $"the member '{member}' is missing", label);
        }

        try
        {
            _ = JsonPointer.Parse(pointer);
        }
        catch (FormatException e)
        {
            throw new JsonPatchException(index, $"the member '{member}' is not a JSON pointer: {e.Message}", label, e);
        }
    }
}
