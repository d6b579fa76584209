using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verso.Versioning.Signatures;

// Source-generated metadata for the one shape serialized here, so signing works under NativeAOT.
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SignatureJsonContext : JsonSerializerContext;
