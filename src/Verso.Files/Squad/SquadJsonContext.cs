using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Files.Squad;

/// <summary>
/// The layout record's JSON, generated at compile time (no reflection, so NativeAOT builds read it too),
/// with the agent records' settings: snake_case, nulls left out, an unknown member refused.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    MaxDepth = Documents.Canonical.CanonicalJson.MaxDepth + 1)]
[JsonSerializable(typeof(SquadLayout))]
internal sealed partial class SquadJsonContext : JsonSerializerContext;
