using System.Globalization;
using System.Text.Json;
using Verso.Naming;

namespace Verso.Server.Mcp.Tools;

/// <summary>
/// The arguments of one tool call, read against the tool's input schema: an unknown name, a wrong type or a
/// value out of range is refused with one line naming the parameter, before anything is read or written.
/// </summary>
internal sealed class ToolArguments
{
    private readonly IDictionary<string, JsonElement> _values;

    public ToolArguments(IDictionary<string, JsonElement>? values, IReadOnlyCollection<string> known)
    {
        _values = values ?? new Dictionary<string, JsonElement>();
        foreach (var name in _values.Keys)
        {
            if (!known.Contains(name))
            {
                throw new ToolArgumentException(name, $"unknown argument '{name}': this tool takes {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>Whether the argument is given (and not null).</summary>
    public bool Has(string name) => _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? OptionalString(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ToolArgumentException(name, $"'{name}' must be a string");
    }

    public string String(string name) =>
        OptionalString(name) is { Length: > 0 } text ? text : throw new ToolArgumentException(name, $"'{name}' is required");

    public int? OptionalInt(string name, int min, int max)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new ToolArgumentException(name, $"'{name}' must be an integer");
        }

        return number >= min && number <= max
            ? number
            : throw new ToolArgumentException(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be from {min} to {max}, not {number}"));
    }

    public JsonElement? Optional(string name, JsonValueKind kind, string what)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw new ToolArgumentException(name, $"'{name}' must be {what}");
    }

    public string Enum(string name, string fallback, params string[] allowed)
    {
        var text = OptionalString(name) ?? fallback;
        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new ToolArgumentException(name, $"'{name}' must be {string.Join(", ", allowed)}, not '{text}'");
    }

    /// <summary>A ref argument, e.g. <c>agent/alice@3</c>; a bad one is this parameter's error.</summary>
    public VersionRef Ref(string name) => ParseRef(name, String(name));

    public static VersionRef ParseRef(string name, string text)
    {
        try
        {
            return VersionRef.Parse(text);
        }
        catch (Errors.VersoException exception) when (exception.Category == Errors.ErrorCategory.BadInput)
        {
            throw new ToolArgumentException(name, $"'{name}': {exception.Message}");
        }
    }

    /// <summary>
    /// The SHA-256 of arguments as sent: of their canonical JSON, or of the JSON text as it came when it has no
    /// canonical form (a lone surrogate), so even a refused call's arguments are named by a hash.
    /// </summary>
    public static string HashOf(IDictionary<string, JsonElement>? values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        try
        {
            return Documents.Canonical.CanonicalJson.CreateDocument(buffer.WrittenSpan).Hash.ToString();
        }
        catch (Errors.CanonicalJsonException)
        {
            return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan));
        }
    }
}
