using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Verso.Server.Http;

/// <summary>Reads a JSON request body whole, refusing other media types (415) and bodies over the limit (413).</summary>
public static class RequestBody
{
    /// <summary>Whether a media type is JSON: <c>application/json</c> or any <c>+json</c> suffix type.</summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body's bytes.</summary>
    /// <exception cref="ApiProblemException">415 when the body is not JSON; 413 when it is too large.</exception>
    public static async Task<byte[]> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            throw new ApiProblemException(ApiProblem.UnsupportedMediaType(
                $"the body must be application/json, not {(string.IsNullOrEmpty(request.ContentType) ? "a body without Content-Type" : request.ContentType)}"));
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Kestrel enforces the same limit on bodies without Content-Length; this catches other hosts (TestServer).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiProblemException TooLarge(long limit) => new(
        new ApiProblem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Payload too large", $"the request body is larger than the limit of {limit} bytes")
            .With("limit", limit));
}
