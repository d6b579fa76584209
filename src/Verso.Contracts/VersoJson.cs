using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Verso.Contracts;

/// <summary>
/// The serializer settings of Verso's wire types, shared by every face (after the MCP C# SDK's
/// <c>McpJsonUtilities.DefaultOptions</c>): the source-generated <see cref="VersoJsonContext"/> plus the one
/// setting a context cannot carry, the encoder that keeps non-ASCII text readable (the body is JSON, never HTML).
/// </summary>
public static class VersoJson
{
    /// <summary>The options every face serializes the contracts with; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the contracts.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes a contract as UTF-8 bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Serializes a contract as text.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(VersoJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = VersoJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}
