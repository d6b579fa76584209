using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.Files;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>
/// One version's record as the file <c>verso export</c> and <c>verso show --format</c> write: YAML, or Markdown for a
/// kind with a prose body. The same writer, so the page's raw view, the CLI and an exported directory agree byte for byte.
/// </summary>
internal static class RecordFileEndpoints
{
    public const string Yaml = "application/yaml";
    public const string Markdown = "text/markdown";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/versions/{ref}/file", FileAsync).WithName("getVersionFile").WithTags("history")
            .WithSummary("One version's record as a file: format=yaml (the default) or md (a kind with a prose body, e.g. an agent's charter)")
            .Produces<string>(StatusCodes.Status200OK, Yaml, Markdown)
            .Problems(400, 401, 403, 404, 410, 503)
            .RequireRole(ApiRole.Reader);
    }

    private static async Task<IResult> FileAsync(
        HttpContext http, VersioningService service, string kind, string id, string @ref, string? format, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var chosen = (format ?? "yaml") switch
        {
            "yaml" => RecordFileFormat.Yaml,
            "md" when RecordFormat.HasMarkdownBody(kind) => RecordFileFormat.Markdown,
            "md" => throw new ApiProblemException(ApiProblem.BadRequest($"{kind} records have no Markdown form: use format=yaml", "invalid-parameter").With("parameter", "format")),
            var other => throw new ApiProblemException(ApiProblem.BadRequest($"format must be yaml or md, not '{other}'", "invalid-parameter").With("parameter", "format")),
        };
        var snapshot = await service.GetAsync(HistoryEndpoints.ParseSelector(key, @ref), cancellationToken);
        var bytes = RecordFormat.Write(service.Kinds.Resolve(kind), chosen, snapshot.Content);
        return Results.Bytes(bytes, (chosen == RecordFileFormat.Yaml ? Yaml : Markdown) + "; charset=utf-8");
    }
}
