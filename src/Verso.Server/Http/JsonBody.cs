using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verso.Server.Http;

/// <summary>
/// A response written straight to the body with a <see cref="Utf8JsonWriter"/>, so the API serves exactly
/// JSON a handler writes itself; contract answers go through <c>WireResults</c> instead.
/// </summary>
public sealed class JsonBody : IResult
{
    // Non-ASCII text stays readable, as in the CLI; the content type is JSON, never HTML.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Action<Utf8JsonWriter> _write;

    /// <summary>Creates a response that <paramref name="write"/> fills.</summary>
    public JsonBody(Action<Utf8JsonWriter> write, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = write;
        StatusCode = statusCode;
    }

    /// <summary>The status code sent.</summary>
    public int StatusCode { get; }

    /// <summary>The ETag header sent, if any (already quoted).</summary>
    public string? ETag { get; init; }

    /// <summary>The Location header sent, if any.</summary>
    public string? Location { get; init; }

    /// <summary>Whether the representation never changes (a read addressed by number or hash).</summary>
    public bool Immutable { get; init; }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        ApplyHeaders(response, ETag, Location, Immutable);
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            _write(writer);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    internal static void ApplyHeaders(HttpResponse response, string? etag, string? location, bool immutable)
    {
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        if (location is not null)
        {
            response.Headers.Location = location;
        }

        response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }
}
