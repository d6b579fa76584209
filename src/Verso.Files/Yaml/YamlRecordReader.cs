using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Verso.Documents.Canonical;
using Verso.Files.Errors;
using Verso.Files.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verso.Files.Yaml;

/// <summary>
/// Reads one YAML document as JSON. Quoted and block scalars are strings; a plain scalar is null
/// (<c>null</c>, <c>~</c>, nothing), a boolean (<c>true</c>, <c>false</c>), a number when it is spelled as
/// a JSON number, and a string otherwise — so <c>0x1</c>, <c>007</c>, <c>yes</c> and dates read as the
/// strings they look like. Standard tags (<c>!!str</c>, <c>!!int</c>, …) are honoured. Aliases, complex
/// keys, duplicate keys, <c>.inf</c> and <c>.nan</c> are refused, each naming its line.
/// </summary>
public static partial class YamlRecordReader
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Reads the YAML document in <paramref name="utf8Yaml"/> as UTF-8 JSON (not yet canonical).</summary>
    /// <param name="utf8Yaml">One YAML document, UTF-8, optionally after a byte order mark.</param>
    /// <param name="firstLine">The line of the file the bytes start on, so errors name the file's lines.</param>
    /// <exception cref="RecordFileException">The bytes are not UTF-8, not YAML, or have no JSON value.</exception>
    public static byte[] ReadJson(ReadOnlySpan<byte> utf8Yaml, int firstLine = 1)
    {
        var text = Utf8Text.Decode(utf8Yaml.StartsWith("\uFEFF"u8) ? utf8Yaml[3..] : utf8Yaml);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false, MaxDepth = CanonicalJson.MaxDepth + 1 }))
        {
            var parser = new Parser(new StringReader(text));
            try
            {
                parser.Consume<StreamStart>();
                if (parser.Accept<StreamEnd>(out _))
                {
                    throw new RecordFileException("the file holds no YAML document", firstLine);
                }

                parser.Consume<DocumentStart>();
                new Walk(parser, writer, firstLine - 1).Value(depth: 0);
                parser.Consume<DocumentEnd>();
                if (!parser.Accept<StreamEnd>(out _))
                {
                    throw new RecordFileException("the file holds more than one YAML document (a second '---')", LineOf(parser.Current, firstLine - 1));
                }
            }
            catch (YamlException exception)
            {
                throw new RecordFileException($"not valid YAML: {Describe(exception)}", (int)exception.Start.Line + firstLine - 1, (int)exception.Start.Column, exception);
            }
            catch (InvalidOperationException exception)
            {
                // YamlDotNet's scanner gives up this way on some malformed flow collections ("[1," then a key).
                throw new RecordFileException("not valid YAML: a flow collection ('[' or '{') is not closed", LineOf(parser.Current, firstLine - 1), exception);
            }
            catch (ArgumentException exception)
            {
                // The JSON writer refuses a lone surrogate, which only a "\uD800" escape can produce.
                throw new RecordFileException("a string holds a lone surrogate escape, which is not Unicode text", innerException: exception);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes its messages with the position; the line is reported separately.
        var message = exception.InnerException is YamlException inner && inner.Message.Length > 0 ? inner.Message : exception.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    private static int LineOf(ParsingEvent? parsingEvent, int offset) => (int)(parsingEvent?.Start.Line ?? 1) + offset;

    /// <summary>The JSON number grammar: plain scalars spelled so are numbers, every other spelling a string.</summary>
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    internal static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)\z|^\.(nan|NaN|NAN)\z", RegexOptions.CultureInvariant)]
    internal static partial Regex NotANumber();

    /// <summary>One walk over the events of a document, writing JSON as it goes.</summary>
    private sealed class Walk(IParser parser, Utf8JsonWriter writer, int lineOffset)
    {
        public void Value(int depth)
        {
            if (depth > CanonicalJson.MaxDepth)
            {
                throw Error($"nested deeper than {CanonicalJson.MaxDepth} levels", parser.Current);
            }

            switch (parser.Current)
            {
                case AnchorAlias alias:
                    throw Error($"aliases (*{alias.Value}) are not supported: write the value out", alias);
                case Scalar scalar:
                    parser.MoveNext();
                    WriteScalar(scalar);
                    break;
                case SequenceStart:
                    parser.MoveNext();
                    writer.WriteStartArray();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        Value(depth + 1);
                    }

                    writer.WriteEndArray();
                    break;
                case MappingStart:
                    parser.MoveNext();
                    Mapping(depth);
                    break;
                default:
                    throw Error("expected a value", parser.Current);
            }
        }

        private void Mapping(int depth)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            writer.WriteStartObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is not Scalar key)
                {
                    throw Error("a key must be a single line of text, not a list, a mapping or an alias", parser.Current);
                }

                if (!seen.Add(key.Value))
                {
                    throw Error($"the key '{key.Value}' appears twice in one mapping", key);
                }

                parser.MoveNext();
                writer.WritePropertyName(key.Value);
                Value(depth + 1);
            }

            writer.WriteEndObject();
        }

        private void WriteScalar(Scalar scalar)
        {
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            if (tag is "!" or StrTag || (tag is null && scalar.Style != ScalarStyle.Plain))
            {
                writer.WriteStringValue(scalar.Value);
                return;
            }

            var value = scalar.Value;
            var type = tag switch
            {
                null => PlainType(value),
                "tag:yaml.org,2002:null" => IsNull(value) ? JsonValueKind.Null : throw Error($"'{value}' is not null", scalar),
                "tag:yaml.org,2002:bool" => IsBoolean(value) ? JsonValueKind.True : throw Error($"'{value}' is not true or false", scalar),
                "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" =>
                    JsonNumber().IsMatch(value) ? JsonValueKind.Number : throw Error($"'{value}' is not a number spelled as JSON spells one", scalar),
                _ => throw Error($"the tag '{tag}' is not supported; use plain values or !!str", scalar),
            };
            if (type == JsonValueKind.Undefined)
            {
                throw Error($"'{value}' has no JSON value: JSON numbers are finite (quote it for a string)", scalar);
            }

            switch (type)
            {
                case JsonValueKind.Null:
                    writer.WriteNullValue();
                    break;
                case JsonValueKind.True:
                    writer.WriteBooleanValue(value is "true" or "True" or "TRUE");
                    break;
                case JsonValueKind.Number:
                    writer.WriteRawValue(value, skipInputValidation: false);
                    break;
                default:
                    writer.WriteStringValue(value);
                    break;
            }
        }

        private static JsonValueKind PlainType(string value) =>
            IsNull(value) ? JsonValueKind.Null
            : IsBoolean(value) ? JsonValueKind.True
            : JsonNumber().IsMatch(value) ? JsonValueKind.Number
            : NotANumber().IsMatch(value) ? JsonValueKind.Undefined
            : JsonValueKind.String;

        private static bool IsNull(string value) => value is "" or "~" or "null" or "Null" or "NULL";

        private static bool IsBoolean(string value) => value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

        private RecordFileException Error(string reason, ParsingEvent? at) => new(reason, LineOf(at, lineOffset), (int?)at?.Start.Column);
    }
}
