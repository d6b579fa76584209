using System.Net;
using Verso.Naming;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

public abstract partial class ApiContract
{
    private const string WeatherInput = """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city"]}""";

    [Fact]
    public async Task CompatListsToolChangesOneByOneWithPathDirectionAndLevel()
    {
        var tool = Some.Id("weather");
        await SaveToolAsync(tool, WeatherInput, """{"type":"object","properties":{"temp":{"type":"number"}}}""");
        await SaveToolAsync(tool, WeatherInput.Replace("[\"c\",\"f\"]", "[\"c\",\"f\",\"k\"]", StringComparison.Ordinal), """{"type":"object","properties":{"temp":{"type":"integer"}}}""");

        var verdict = await ReadAsync(await Client.GetAsync($"/api/v1/compat?a=tool/{tool}@1&b=tool/{tool}@2"));

        Assert.Equal("compatible", Text(verdict["verdict"]));
        Assert.Equal(
            ["/inputSchema/properties/units/enum input compatible enum-widened", "/outputSchema/properties/temp/type output compatible type-narrowed"],
            verdict["tool_changes"]!.AsArray().Select(c => $"{Text(c!["path"])} {Text(c["direction"])} {Text(c["level"])} {Text(c["kind"])}"));
        Assert.Empty(verdict["differences"]!.AsArray());
    }

    [Fact]
    public async Task ATagPolicyRefusesABreakingToolChangeAsAConflictNamingIt()
    {
        var tool = Some.Id("weather");
        await SaveToolAsync(tool, WeatherInput, null);
        await SaveToolAsync(tool, WeatherInput.Replace("\"string\",\"enum\":[\"c\",\"f\"]", "\"integer\"", StringComparison.Ordinal), null);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("policy", "tag.tools-live", """{"breaking_tool_changes":"refuse"}""", "saved_by=ops")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync($"/api/v1/entities/tool/{tool}/tags/tools-live?saved_by=ops", Body("""{"version":1}"""))).StatusCode);

        var refused = await ProblemAsync(await Client.PutAsync($"/api/v1/entities/tool/{tool}/tags/tools-live?saved_by=ops", Body("""{"version":2}""")), 409);

        Assert.Equal("breaking_tool_changes", Text(refused["rule"]));
        Assert.Contains($"{tool} /inputSchema/properties/units/type (input): breaking, type \"string\" → \"integer\"", Text(refused["reason"]), StringComparison.Ordinal);
        Assert.Equal(1, await Store.GetTagAsync(EntityKey.Create("tool", tool), "tools-live"));
    }

    private async Task SaveToolAsync(string name, string input, string? output)
    {
        var json = $$"""{"name":"{{name}}","inputSchema":{{input}}{{(output is null ? "" : ",\"outputSchema\":" + output)}}}""";
        var response = await PutAsync("tool", name, json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
