using Microsoft.OpenApi;

namespace Verso.Server.OpenApi;

/// <summary>
/// Corrections to every schema of the generated document, inline or shared, made once the document is whole:
/// numbers are JSON numbers only (the web defaults would also allow numeric strings), and "null or any
/// JSON" is the any-JSON schema itself, since a oneOf of two schemas that both accept null rejects null.
/// </summary>
internal static class SchemaCleanup
{
    private const string AnyJson = "JsonNode";

    // The contracts' raw JSON values (Verso.Contracts.Json.RawJson): any JSON too.
    private const string AnyRawJson = "RawJson";

    public static void Apply(OpenApiDocument document)
    {
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>())
        {
            Visit(schema, seen);
        }

        foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema, seen);
            }

            foreach (var media in (operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                .Concat((operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())))
            {
                Visit(media.Schema, seen);
            }
        }
    }

    private static void Visit(IOpenApiSchema? node, HashSet<IOpenApiSchema> seen)
    {
        if (node is not OpenApiSchema schema || !seen.Add(schema))
        {
            // References are visited where they are defined, among the components.
            return;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        foreach (var (name, property) in schema.Properties?.ToList() ?? [])
        {
            if (property is OpenApiSchema { OneOf: { Count: 2 } options } && options.Any(IsNull) && options.FirstOrDefault(o => !IsNull(o)) is OpenApiSchemaReference { Reference.Id: AnyJson or AnyRawJson } any)
            {
                schema.Properties![name] = any;
                continue;
            }

            Visit(property, seen);
        }

        Visit(schema.Items, seen);
        Visit(schema.AdditionalProperties, seen);
        foreach (var option in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
        {
            Visit(option, seen);
        }
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
