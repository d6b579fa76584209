using System.Text.Json.Nodes;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// What no answer may be, whatever the document says: a write that names a reserved kind (in the path or
/// as the body's <c>kind</c>) accepted, or a <c>saved_by</c> holding a control character accepted.
/// </summary>
public static class FuzzInvariants
{
    /// <summary>Kinds only their own services write.</summary>
    public static readonly string[] ReservedKinds = ["verso-token", "verso-probe", "change-request", "check"];

    /// <summary>Act-as names that must be refused.</summary>
    public static readonly string[] ControlNames = ["ann\nsaved_by: mallory", "ann\u001b[31m", "ann\r", "ann\u0085", "ann\u0000"];

    /// <summary>The invariants <paramref name="request"/>, answered <paramref name="status"/>, breaks.</summary>
    public static IEnumerable<string> Broken(FuzzRequest request, int status)
    {
        if (request.Operation.Method == "GET" || status is < 200 or >= 300)
        {
            yield break;
        }

        var path = Uri.UnescapeDataString(request.Url.Split('?')[0]);
        var segments = path.Split('/');
        var kindIndex = Array.IndexOf(segments, "entities") + 1;
        JsonObject? body = null;
        try
        {
            body = request.Body is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: nothing in it names a kind.
        }

        var bodyKind = body?["kind"] is JsonValue value && value.TryGetValue<string>(out var k) ? k : null;
        if ((kindIndex > 0 && kindIndex < segments.Length && ReservedKinds.Contains(segments[kindIndex])) || (bodyKind is not null && ReservedKinds.Contains(bodyKind)))
        {
            yield return $"{status}: a write naming a reserved kind was accepted";
        }

        var query = request.Url.Contains('?', StringComparison.Ordinal) ? request.Url[(request.Url.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var names = query.Split('&').Where(p => p.StartsWith("saved_by=", StringComparison.Ordinal)).Select(p => Uri.UnescapeDataString(p["saved_by=".Length..].Replace('+', ' ')));
        if (body?["saved_by"] is JsonValue named && named.TryGetValue<string>(out var bodyName))
        {
            names = names.Append(bodyName);
        }

        if (names.Any(n => n.Any(char.IsControl)))
        {
            yield return $"{status}: a saved_by with a control character was accepted";
        }
    }
}
