using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// Checks one answer against what the document says of its operation: not a 5xx, a listed status, a listed
/// media type for that status (or no body when it lists none), a JSON body valid against the schema, a
/// problem whose status is the response's, and no success for a request the document calls invalid.
/// </summary>
public sealed class ResponseChecker(SchemaValidator schemas)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>What is wrong with <paramref name="response"/> to <paramref name="request"/>; empty when nothing is.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(FuzzRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // A stream (the change feed) never ends: its headers are the answer.
        var body = mediaType == "text/event-stream" ? null : await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var shown = body is null ? "(a stream)" : Shorten(Encoding.UTF8.GetString(body));
        if (status >= 500)
        {
            problems.Add($"{status} {shown}");
        }

        problems.AddRange(FuzzInvariants.Broken(request, status));
        if (request.Invalid is not null && status is >= 200 and < 300)
        {
            problems.Add($"{status}: accepted although invalid ({request.Invalid}): {shown}");
        }

        var documented = request.Operation.ResponseFor(status);
        if (documented is null)
        {
            problems.Add($"{status} is not a status the document lists ({string.Join(", ", request.Operation.Responses.Keys)}): {shown}");
            return problems;
        }

        problems.AddRange(UndescribedHeaders(request.Operation, response).Select(h => $"{status} sends the header {h}, which the document does not describe on it"));
        if (documented.Count == 0)
        {
            if (body is not { Length: 0 } || mediaType is not null)
            {
                problems.Add($"{status} carries a body ({mediaType}) where the document describes none: {shown}");
            }

            return problems;
        }

        if (mediaType is null || !documented.TryGetValue(mediaType, out var schema))
        {
            problems.Add($"{status} is {mediaType ?? "without a Content-Type"}, not one of {string.Join(", ", documented.Keys)}: {shown}");
            return problems;
        }

        if (body is null || !(mediaType.EndsWith("/json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal)))
        {
            return problems;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body, documentOptions: Options);
        }
        catch (JsonException exception)
        {
            problems.Add($"{status} {mediaType} is not JSON ({exception.Message}): {shown}");
            return problems;
        }

        problems.AddRange(schemas.Validate(json, schema).Take(5).Select(p => $"{status} {mediaType} breaks its schema at {p}: {shown}"));
        if (mediaType == "application/problem+json" && json?["status"]?.GetValue<int>() != status)
        {
            problems.Add($"{status}: the problem says status {json?["status"]}: {shown}");
        }

        return problems;
    }

    /// <summary>The headers of <paramref name="response"/> that the document does not describe on its status (transport headers aside).</summary>
    public static IEnumerable<string> UndescribedHeaders(ApiOperation operation, HttpResponseMessage response)
    {
        var described = operation.HeadersFor((int)response.StatusCode);
        return response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(h => !TransportHeaders.Contains(h) && !described.Contains(h));
    }

    // Set by HTTP itself, or described as the media type rather than as a header.
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Type", "Content-Length", "Transfer-Encoding", "Date", "Server", "Connection", "Keep-Alive" };

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
