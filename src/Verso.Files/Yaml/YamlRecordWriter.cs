using System.Text.Json;
using Verso.Agents.Validation;
using Verso.Files.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verso.Files.Yaml;

/// <summary>
/// Writes a JSON value as YAML that reads back to the same canonical JSON: object members in the order
/// their declared shape gives (the rest in canonical order), prose as literal blocks, strings a reader
/// could take for numbers, booleans, null or dates quoted, numbers exactly as canonical JSON writes them.
/// The output is UTF-8 with LF line endings and no line folding, so the same value always gives the same bytes.
/// </summary>
public static class YamlRecordWriter
{
    // No folding: a long line stays one line, so a diff of a change shows the change and nothing else.
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, newLine: "\n");

    /// <summary>Writes <paramref name="value"/> as one YAML document.</summary>
    /// <param name="value">Any JSON value; records are objects.</param>
    /// <param name="shape">The declared members of the top-level object, giving their order; null for canonical order.</param>
    public static byte[] Write(JsonElement value, ObjectShape? shape = null)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        WriteValue(emitter, value, shape is null ? null : ValueSpec.Object(shape));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return Utf8Text.Encode(text.ToString());
    }

    private static void WriteValue(IEmitter emitter, JsonElement value, ValueSpec? spec)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(emitter, value, spec);
                break;
            case JsonValueKind.Array:
                var empty = value.GetArrayLength() == 0;
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, empty ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(emitter, item, spec?.Items);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                emitter.Emit(new Scalar(null, null, text, ScalarStyles.ForValue(text), isPlainImplicit: true, isQuotedImplicit: true));
                break;
            default:
                // Numbers as canonical JSON spells them (1e+21, 0.1), true, false, null: all plain.
                emitter.Emit(new Scalar(null, null, value.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static void WriteObject(IEmitter emitter, JsonElement value, ValueSpec? spec)
    {
        var members = Ordered(value, spec?.Shape);
        emitter.Emit(new MappingStart(null, null, isImplicit: true, members.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var member in members)
        {
            emitter.Emit(new Scalar(null, null, member.Name, ScalarStyles.ForKey(member.Name), isPlainImplicit: true, isQuotedImplicit: true));
            var memberSpec = spec?.Shape?.Find(member.Name)?.Value ?? spec?.MapValues;
            WriteValue(emitter, member.Value, memberSpec);
        }

        emitter.Emit(new MappingEnd());
    }

    /// <summary>Declared members first, in declared order; members the shape does not know after them, as they come.</summary>
    private static List<JsonProperty> Ordered(JsonElement value, ObjectShape? shape)
    {
        var members = value.EnumerateObject().ToList();
        if (shape is null)
        {
            return members;
        }

        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < shape.Fields.Length; i++)
        {
            rank[shape.Fields[i].Name] = i;
        }

        // OrderBy is stable, so undeclared members keep their (canonical) order after the declared ones.
        return [.. members.OrderBy(m => rank.TryGetValue(m.Name, out var r) ? r : int.MaxValue)];
    }
}
