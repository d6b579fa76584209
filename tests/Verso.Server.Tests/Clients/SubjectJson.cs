using System.Text.Json.Serialization;

namespace Verso.Server.Tests.Clients;

/// <summary>Strings as JSON, for the subjects file the clients read.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SubjectJson : JsonSerializerContext;
