using System.Text.Json;
using System.Text.Json.Serialization;
using Verso.Client.Models;

namespace Verso.Client;

// The client's JSON, source-generated: no reflection, so an application using the client can be trimmed or
// compiled ahead of time (the trim and AOT analyzers run on every build of this library).
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(VersionPage))]
[JsonSerializable(typeof(SaveOutcome))]
[JsonSerializable(typeof(ChangePage))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
