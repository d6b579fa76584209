using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Verso.Documents.Canonical;

namespace Verso.Server.Http;

/// <summary>Small JSON request bodies (rollback, tag, merge): parsed with the canonical rules, fields read with one clear error each.</summary>
public static class JsonRequests
{
    /// <summary>Reads the body as one JSON object.</summary>
    /// <exception cref="ApiProblemException">415, 413, or 400 when the body is not a JSON object.</exception>
    /// <exception cref="Errors.CanonicalJsonException">The body is not JSON with a canonical form.</exception>
    public static async Task<JsonDocument> ReadObjectAsync(HttpRequest request, VersoServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bytes = await RequestBody.ReadJsonAsync(request, options.MaxRequestBodyBytes, cancellationToken);
        // The canonical parser applies the same limits (nesting, duplicates, surrogates) as every record.
        var document = JsonDocument.Parse(CanonicalJson.Canonicalize(bytes), JsonLimits.Document);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw Invalid("", "the body must be a JSON object");
        }

        return document;
    }

    /// <summary>A required whole number of at least <paramref name="minimum"/>.</summary>
    public static int RequiredInt(JsonElement body, string name, int minimum) =>
        OptionalInt(body, name, minimum) ?? throw Invalid(name, $"'{name}' is required");

    /// <summary>An optional whole number of at least <paramref name="minimum"/>.</summary>
    public static int? OptionalInt(JsonElement body, string name, int minimum)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < minimum)
        {
            throw Invalid(name, $"'{name}' must be a whole number from {minimum}");
        }

        return number;
    }

    /// <summary>An optional string.</summary>
    public static string? OptionalString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(name, $"'{name}' must be a string");
    }

    /// <summary>An optional boolean.</summary>
    public static bool? OptionalBool(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Invalid(name, $"'{name}' must be true or false");
    }

    /// <summary>400 naming the field.</summary>
    public static ApiProblemException Invalid(string field, string detail) =>
        new(ApiProblem.BadRequest(detail, "invalid-body").With("field", field.Length == 0 ? "/" : "/" + field));
}
