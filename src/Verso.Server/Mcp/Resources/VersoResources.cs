using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verso.Server.Wire;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Server.Mcp.Tools;
using Verso.Server.Security;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Mcp.Resources;

/// <summary>
/// The resources: a version (immutable, cached long and shared), an entity's head (cached briefly, per
/// caller) and its history. Read with the caller's role and kind scopes, like every tool; a refusal or a
/// missing entity is a JSON-RPC error carrying the problem's one-line message.
/// </summary>
internal static class VersoResources
{
    /// <summary>How long a version may be cached: it never changes.</summary>
    public static readonly TimeSpan VersionTtl = TimeSpan.FromDays(365);

    /// <summary>How long a head or a history may be cached: a save moves it.</summary>
    public static readonly TimeSpan HeadTtl = TimeSpan.FromSeconds(5);

    private const int HistoryLimit = 50;

    // The listing is bounded: a host wanting more reads the templates.
    private const int ListLimit = 500;

    private const string MimeType = "application/json";

    public static ValueTask<ListResourceTemplatesResult> ListTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListResourceTemplatesResult
        {
            ResourceTemplates =
            [
                new ResourceTemplate { Name = "version", Title = "One version", UriTemplate = "verso://{kind}/{id}@{version}", MimeType = MimeType,
                    Description = "One version of an entity with its metadata and content; immutable, so it may be cached for a long time and shared." },
                new ResourceTemplate { Name = "head", Title = "The head", UriTemplate = "verso://{kind}/{id}", MimeType = MimeType,
                    Description = "The latest version of an entity; changes with every save, so cache it briefly." },
                new ResourceTemplate { Name = "history", Title = "History", UriTemplate = "verso://{kind}/{id}/history", MimeType = MimeType,
                    Description = "The latest versions of an entity, newest first, metadata and messages (list_versions pages further)." },
            ],
            TimeToLive = TimeSpan.FromHours(1),
            CacheScope = CacheScope.Public,
        });

    public static async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken)
    {
        var (caller, service) = Resolve(context.Services);
        var store = context.Services!.GetRequiredService<IVersionStore>();
        caller.Demand(ApiRole.Reader);
        var resources = new List<Resource>();
        foreach (var kind in service.Kinds.Registered.Select(k => k.Name).Where(k => !ReservedKinds.IsReserved(k) && !Governance.Policies.PolicyKinds.IsReserved(k) && caller.MayTouch(k)).Order(StringComparer.Ordinal))
        {
            await foreach (var head in store.ListEntitiesAsync(kind, cancellationToken))
            {
                if (resources.Count == ListLimit)
                {
                    break;
                }

                resources.Add(new Resource { Name = head.Key.ToString(), Uri = VersoResourceUri.For(head.Key), MimeType = MimeType });
            }
        }

        return new ListResourcesResult { Resources = resources, TimeToLive = HeadTtl, CacheScope = CacheScope.Private };
    }

    public static async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> context, CancellationToken cancellationToken)
    {
        var uri = context.Params?.Uri ?? "";
        if (!VersoResourceUri.TryParse(uri, out var address))
        {
            throw new McpProtocolException($"'{uri}' is not a Verso resource: verso://KIND/ID, verso://KIND/ID@VERSION or verso://KIND/ID/history", McpErrorCode.InvalidParams);
        }

        var (caller, service) = Resolve(context.Services);
        try
        {
            caller.Demand(ApiRole.Reader, address!.Key.Kind);
            ReservedKindGuard.ThrowIfReserved(address.Key.Kind);
            if (address.History)
            {
                return await HistoryAsync(service, address.Key, uri, cancellationToken);
            }

            var snapshot = await service.GetAsync(address.Version is { } version ? VersionRef.ForVersion(address.Key, version) : VersionRef.Latest(address.Key), cancellationToken);
            return new ReadResourceResult
            {
                Contents = [Text(uri, snapshot)],
                TimeToLive = address.Version is null ? HeadTtl : VersionTtl,
                CacheScope = address.Version is null ? CacheScope.Private : CacheScope.Public,
            };
        }
        catch (Exception exception) when (VersoToolbox.ProblemOf(exception) is { } problem)
        {
            var code = problem.Status == 404 ? McpErrorCode.ResourceNotFound : McpErrorCode.InvalidParams;
            throw new McpProtocolException($"{problem.Detail} ({problem.Type})", code);
        }
    }

    private static async Task<ReadResourceResult> HistoryAsync(VersioningService service, EntityKey key, string uri, CancellationToken cancellationToken)
    {
        var items = new List<Snapshot>();
        await foreach (var snapshot in service.GetHistoryAsync(key, 0, HistoryLimit, cancellationToken))
        {
            items.Add(snapshot);
        }

        if (items.Count == 0)
        {
            throw Errors.NotFoundException.ForEntity(key);
        }

        var body = ToolJson.Object(writer =>
        {
            writer.WriteString("entity", key.ToString());
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                ToolJson.Write(writer, WireVersions.Metadata(item));
            }

            writer.WriteEndArray();
        });
        return new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = uri, MimeType = MimeType, Text = body.GetRawText() }],
            TimeToLive = HeadTtl,
            CacheScope = CacheScope.Private,
        };
    }

    private static TextResourceContents Text(string uri, Snapshot snapshot)
    {
        var body = ToolJson.Of(WireVersions.WithContent(snapshot));
        return new TextResourceContents { Uri = uri, MimeType = MimeType, Text = body.GetRawText() };
    }

    private static (Caller Caller, VersioningService Service) Resolve(IServiceProvider? services) =>
        (McpCaller.Of(services), services?.GetRequiredService<VersioningService>() ?? throw new InvalidOperationException("the MCP server has no services"));
}
