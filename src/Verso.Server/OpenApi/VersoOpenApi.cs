using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Verso.Server.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at <c>/openapi/v1.json</c>: generated from the endpoints and the schema types
/// of this folder, with what generation cannot see added here: snake_case names, the bearer scheme, and
/// the conditional and resume headers, the response headers.
/// </summary>
internal static class VersoOpenApi
{
    public const string DocumentName = "v1";

    // Operation names (WithName) → the request headers each honours.
    private static readonly Dictionary<string, (string Name, string Description)[]> Headers = new(StringComparer.Ordinal)
    {
        ["getHead"] = [("If-None-Match", "an ETag from an earlier read: 304 when it is still the head")],
        ["getVersion"] = [("If-None-Match", "an ETag from an earlier read: 304 when it names this version")],
        ["saveEntity"] = [("If-Match", "the head's ETag (or *): 412 when the head is another version")],
        ["rollback"] = [("If-Match", "the head's ETag (or *): 412 when the head is another version")],
        ["merge"] = [("If-Match", "the head's ETag (or *): 412 when the head is another version (with save)")],
        ["changes"] = [("Last-Event-ID", "resume the stream after this sequence (EventSource sends it itself)"), ("Accept", "text/event-stream for Server-Sent Events")],
        ["verify"] = [("Accept", "text/event-stream for progress events")],
    };

    // Tag (WithTags) → what its operations are about, for readers of the reference page.
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["health"] = "Whether the process answers and the store is ready.",
        ["store"] = "The store as a whole: the caller, kinds and the organization's manifest.",
        ["entities"] = "Entities and their heads: read, save if changed, roll back.",
        ["history"] = "Versions of an entity, newest first, by number, tag, hash or time.",
        ["tags"] = "Named versions and the history of each name.",
        ["compare"] = "Diffs, merges, blame, referrers and compatibility between versions.",
        ["changes"] = "The change feed: every new version in store order, as JSON pages or Server-Sent Events.",
        ["tokens"] = "Bearer tokens and their roles (admin).",
        ["decisions"] = "Decisions recorded by the agent runtime.",
        ["admin"] = "Verify, prune and erase (admin).",
        ["change-requests"] = "Proposed records that wait for review and apply as new versions.",
        ["checks"] = "Check results recorded on versions, and the policies in force for an entity.",
    };

    public static IServiceCollection AddVersoOpenApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Add(OpenApiSchemaContext.Default);

            // The wire contracts the moved endpoint groups answer with: the document is generated from them.
            json.SerializerOptions.TypeInfoResolverChain.Add(Contracts.VersoJsonContext.Default);
        })
        .AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // A contract's time is written by its own converter, which the schema exporter cannot see into:
                // it is a string (null when the property may be absent), as the format already says.
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(JsonConverterAttribute), inherit: false)
                    .OfType<JsonConverterAttribute>().Any(a => a.ConverterType == typeof(Contracts.Json.TimestampConverter)) == true)
                {
                    schema.Type = Nullable.GetUnderlyingType(context.JsonPropertyInfo.PropertyType) is null
                        ? JsonSchemaType.String
                        : JsonSchemaType.Null | JsonSchemaType.String;
                }

                // RawJson (a record's content, or a compared value: a diff's old/new, a blame's value, a conflict's
                // sides) is written raw by its converter: the exporter leaves it any JSON, which is what it is.
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                // One status served in several media types (diff: JSON, JSON Patch or text; changes: JSON or
                // Server-Sent Events) keeps only the last declared one in generation: put every one back.
                var metadata = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>();
                foreach (var produces in metadata.Where(m => m.Type is not null && m.Type != typeof(void)))
                {
                    if (operation.Responses?.TryGetValue(produces.StatusCode.ToString(CultureInfo.InvariantCulture), out var response) is not true || response is not OpenApiResponse described)
                    {
                        continue;
                    }

                    described.Content ??= new Dictionary<string, OpenApiMediaType>();
                    foreach (var contentType in produces.ContentTypes.Where(t => !described.Content.ContainsKey(t)))
                    {
                        var schema = await context.GetOrCreateSchemaAsync(produces.Type!, null, cancellationToken);
                        described.Content[contentType] = new OpenApiMediaType { Schema = schema };
                    }
                }
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
                ResponseHeaders.Describe(operation, name);
                if (name is not null && Headers.TryGetValue(name, out var headers))
                {
                    operation.Parameters ??= [];
                    foreach (var (header, description) in headers)
                    {
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = header,
                            In = ParameterLocation.Header,
                            Description = description,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        });
                    }
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                SchemaCleanup.Apply(document);
                document.Info = new OpenApiInfo
                {
                    Title = "Verso",
                    Version = "v1",
                    Description = "Versions of the configuration of agent organizations. Errors are application/problem+json (RFC 9457) "
                        + "with a stable type (urn:verso:problem:…), the CLI's one-line message as detail and the facts as extension members.",
                };
                // The servers come from the request's base address, which ends with '/': joined with paths that
                // start with '/', clients would ask for '//api/v1/…'.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
                {
                    if (tag.Name is not null && TagDescriptions.TryGetValue(tag.Name, out var about))
                    {
                        tag.Description = about;
                    }
                }

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A token from 'verso token add' (vt1.NAME.SECRET). Not needed when the store holds no token (loopback only).",
                };
                // Only the API asks for the token: the probes answer anyone (an empty requirement says so).
                foreach (var (path, item) in document.Paths)
                {
                    var api = path.StartsWith(Endpoints.ApiPaths.Root + "/", StringComparison.Ordinal);
                    foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                    {
                        operation.Security = [api ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] } : new OpenApiSecurityRequirement()];
                    }
                }
                return Task.CompletedTask;
            });
        });
}
