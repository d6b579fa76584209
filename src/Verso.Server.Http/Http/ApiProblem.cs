using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;

namespace Verso.Server.Http;

/// <summary>
/// One RFC 9457 problem as the API sends it: a stable <c>type</c> per error, the CLI's one-line message as
/// <c>detail</c>, and the facts (kind, id, expected, actual, …) as extensions.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Slug">The last part of the type, e.g. <c>version-conflict</c>.</param>
/// <param name="Title">A short, fixed summary of the type.</param>
/// <param name="Detail">The one-line message.</param>
public sealed record ApiProblem(int Status, string Slug, string Title, string Detail)
{
    /// <summary>The prefix of every problem type: a URN, so no host is implied.</summary>
    public const string TypePrefix = "urn:verso:problem:";

    /// <summary>The facts, written as extension members after the standard ones.</summary>
    public ImmutableDictionary<string, object?> Extensions { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The problem type URI.</summary>
    public string Type => TypePrefix + Slug;

    /// <summary>A copy with one more extension member.</summary>
    public ApiProblem With(string name, object? value) => this with { Extensions = Extensions.SetItem(name, value) };

    /// <summary>400: the request is malformed (a parameter, a header, the body).</summary>
    public static ApiProblem BadRequest(string detail, string slug = "bad-request") => new(StatusCodes.Status400BadRequest, slug, "Bad request", detail);

    /// <summary>401: no valid bearer token.</summary>
    public static ApiProblem Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", detail);

    /// <summary>403: the token may not do this.</summary>
    public static ApiProblem Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);

    /// <summary>404: nothing at this address.</summary>
    public static ApiProblem NotFound(string detail) => new(StatusCodes.Status404NotFound, "not-found", "Not found", detail);

    /// <summary>412: <c>If-Match</c> did not name the current head.</summary>
    public static ApiProblem PreconditionFailed(string detail) => new(StatusCodes.Status412PreconditionFailed, "precondition-failed", "Precondition failed", detail);

    /// <summary>415: the body is not JSON.</summary>
    public static ApiProblem UnsupportedMediaType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type", detail);

    /// <summary>The problem for a bare status code (an unknown route, a wrong method, a body too large).</summary>
    public static ApiProblem ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest("the request is malformed"),
        StatusCodes.Status401Unauthorized => Unauthorized("a bearer token is required"),
        StatusCodes.Status403Forbidden => Forbidden("this token may not do that"),
        StatusCodes.Status404NotFound => NotFound("no such resource"),
        StatusCodes.Status405MethodNotAllowed => new(status, "method-not-allowed", "Method not allowed", "this resource does not take that method"),
        StatusCodes.Status406NotAcceptable => new(status, "not-acceptable", "Not acceptable", "this resource cannot be served in the media type asked for"),
        StatusCodes.Status413PayloadTooLarge => new(status, "payload-too-large", "Payload too large", "the request body is larger than the server accepts"),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType("the body must be application/json"),
        StatusCodes.Status503ServiceUnavailable => new(status, "store-unavailable", "Store unavailable", "the store cannot be reached"),
        _ => new(status, "error", "Error", $"the request failed with status {status}"),
    };
}
