using System.Text.Json.Nodes;

namespace Verso.Server.Tests.Fuzz;

/// <summary>One operation of the served OpenAPI document, as the fuzzer needs it.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template, e.g. <c>/api/v1/entities/{kind}/{id}</c>.</param>
/// <param name="Id">The operationId.</param>
/// <param name="Parameters">Its path, query and header parameters.</param>
/// <param name="Body">Its request body, when it takes one.</param>
/// <param name="Responses">Status (or <c>default</c>) → media type → schema (null: no body).</param>
/// <param name="ResponseHeaders">Status (or <c>default</c>) → the names of the headers it describes.</param>
/// <param name="Secured">Whether the document asks for a bearer token.</param>
public sealed record ApiOperation(
    string Method,
    string Path,
    string Id,
    IReadOnlyList<ApiParameter> Parameters,
    ApiRequestBody? Body,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonNode?>> Responses,
    IReadOnlyDictionary<string, IReadOnlySet<string>> ResponseHeaders,
    bool Secured)
{
    /// <summary>Every operation of <paramref name="document"/>.</summary>
    public static IReadOnlyList<ApiOperation> All(JsonObject document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var (method, node) in item.AsObject().Where(p => p.Key is not ("parameters" or "summary" or "description" or "servers")))
            {
                var operation = node!.AsObject();
                var parameters = shared.Concat(operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false, p["schema"]))
                    .ToList();
                ApiRequestBody? body = null;
                if (operation["requestBody"] is JsonObject requestBody)
                {
                    body = new ApiRequestBody(
                        requestBody["required"]?.GetValue<bool>() ?? false,
                        requestBody["content"]!.AsObject().ToDictionary(c => c.Key, c => c.Value?["schema"], StringComparer.OrdinalIgnoreCase));
                }

                var responses = new Dictionary<string, IReadOnlyDictionary<string, JsonNode?>>(StringComparer.Ordinal);
                var headers = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    responses[status] = (response!["content"]?.AsObject() ?? []).ToDictionary(c => c.Key, c => c.Value?["schema"], StringComparer.OrdinalIgnoreCase);
                    headers[status] = (response["headers"]?.AsObject() ?? []).Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
                }

                // An empty requirement ({}) or an empty list means the operation needs no token.
                var security = (operation["security"] ?? document["security"])?.AsArray() ?? [];
                var secured = security.Count > 0 && security.All(r => r!.AsObject().Count > 0);
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, operation["operationId"]?.GetValue<string>() ?? $"{method} {path}", parameters, body, responses, headers, secured));
            }
        }

        return operations;
    }

    /// <summary>What the document says a response of <paramref name="status"/> may carry, or null when it does not list the status.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? ResponseFor(int status) =>
        Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var content) ? content
        : Responses.TryGetValue($"{status / 100}XX", out var range) ? range
        : Responses.GetValueOrDefault("default");

    /// <summary>The headers the document describes on a response of <paramref name="status"/>.</summary>
    public IReadOnlySet<string> HeadersFor(int status) =>
        ResponseHeaders.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var headers) ? headers
        : ResponseHeaders.GetValueOrDefault("default") ?? new HashSet<string>();

    public override string ToString() => $"{Method} {Path} ({Id})";
}
