using System.Text;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Agents.Tests.Tools;

// Tool and agent records for the tool tests, and a service over a fresh in-memory store with the domain's kinds.
internal static class ToolRecords
{
    public const string Input = """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city"]}""";

    public const string Output = """{"type":"object","properties":{"temp":{"type":"number"},"sky":{"enum":["sun","rain"]}},"required":["temp"]}""";

    public static string Tool(string input = Input, string output = Output, string description = "Current weather for a city") =>
        $$"""{"name":"weather","description":"{{description}}","inputSchema":{{input}},"outputSchema":{{output}}}""";

    public static string Agent(string tools, string version = "1.0.0") =>
        $$"""{"id":"alice","name":"Alice","role":"analyst","version":"{{version}}","charter":"Report the weather.","tools":{{tools}}}""";

    public static string Inline(string input = Input, string output = Output) => $$"""{"definitions":[{{Tool(input, output)}}]}""";

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public static VersioningService Service() =>
        new(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()), new FakeTimeProvider(Some.Instant));
}
