using System.Net;
using System.Text.Json;

namespace Verso.Client;

/// <summary>The API answered with a problem (RFC 9457): its type, status, one-line detail and facts.</summary>
public sealed class VersoApiException : Exception
{
    /// <summary>Creates the exception from a problem body.</summary>
    public VersoApiException(HttpStatusCode status, string type, string detail, JsonElement problem)
        : base(detail)
    {
        Status = status;
        Type = type;
        Problem = problem;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem type, e.g. <c>urn:verso:problem:version-conflict</c>.</summary>
    public string Type { get; }

    /// <summary>The whole problem document, for its extension members (kind, id, expected, actual, problems …).</summary>
    public JsonElement Problem { get; }
}
