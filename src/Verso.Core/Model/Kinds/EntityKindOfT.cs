using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Verso.Model.Kinds;

/// <summary>A kind whose records are <typeparamref name="T"/>, mapped to JSON by System.Text.Json.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class EntityKind<T> : EntityKind
{
    /// <summary>Creates a kind.</summary>
    /// <param name="name">The kind name.</param>
    /// <param name="idOf">Reads a record's entity id.</param>
    public EntityKind(string name, Func<T, string> idOf)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        IdOf = idOf;
    }

    /// <summary>Reads a record's entity id.</summary>
    public Func<T, string> IdOf { get; }

    /// <summary>How records map to JSON; snake_case names by default, as agent platforms write them.</summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = DefaultSerializerOptions;

    /// <summary>
    /// snake_case property names, no indentation, enums as snake_case strings. Record types are read by
    /// reflection where reflection-based serialization is enabled (the default, except under NativeAOT or
    /// trimming, where a kind brings its own source-generated <see cref="JsonSerializerOptions.TypeInfoResolver"/>
    /// and these options know no type).
    /// </summary>
    public static JsonSerializerOptions DefaultSerializerOptions { get; } = CreateDefaultSerializerOptions();

    private static JsonSerializerOptions CreateDefaultSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            AllowDuplicateProperties = false,
            // Records nest as deep as canonical JSON allows, so every stored record reads back.
            MaxDepth = Documents.Canonical.CanonicalJson.MaxDepth + 1,
        };
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            AddReflection(options);
        }
        else
        {
            options.TypeInfoResolver = JsonTypeInfoResolver.Combine();
        }

        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Called only when reflection-based serialization is enabled, which NativeAOT and trimmed applications turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Called only when reflection-based serialization is enabled, which NativeAOT and trimmed applications turn off.")]
    private static void AddReflection(JsonSerializerOptions options)
    {
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
    }
}
