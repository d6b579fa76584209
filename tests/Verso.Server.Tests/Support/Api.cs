using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Server.Tests.Support;

/// <summary>Small helpers for talking JSON to the API in tests.</summary>
public static class Api
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static ByteArrayContent Body(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("the body is JSON null");
    }

    /// <summary>Reads a problem response, checking the media type every error must carry.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await ReadAsync(response)).AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.StartsWith("urn:verso:problem:", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        return problem;
    }

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing string");

    public static int Number(JsonNode? node) => node?.GetValue<int>() ?? throw new InvalidOperationException("missing number");

    public static string Canon(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions()) ?? "null";
}
