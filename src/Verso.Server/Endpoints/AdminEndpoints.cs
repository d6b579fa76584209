using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Versioning;
using ErasureResult = Verso.Contracts.Admin.ErasureResult;
using EraseRequest = Verso.Contracts.Admin.EraseRequest;
using IntegrityReport = Verso.Contracts.Admin.IntegrityReport;
using IVersionStore = Verso.Storage.IVersionStore;
using PruneRequest = Verso.Contracts.Admin.PruneRequest;
using PruneResult = Verso.Contracts.Admin.PruneResult;
using VerifyProgress = Verso.Contracts.Admin.VerifyProgress;

namespace Verso.Server.Endpoints;

/// <summary>Admin-only store maintenance: verify (JSON, or progress as Server-Sent Events), prune and erase.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/verify", VerifyAsync).WithName("verify").WithTags("admin").Reads<IntegrityReport>("Re-check every version; progress as Server-Sent Events with Accept: text/event-stream; admin").Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .RequireRole(ApiRole.Admin, everyKind: "verify");
        api.MapPost("/prune", PruneAsync).WithName("prune").WithTags("admin").Writes<PruneRequest, PruneResult>("Drop the content of old versions; admin", creates: false)
            .RequireRole(ApiRole.Admin);
        api.MapPost("/entities/{kind}/{id}/erase", EraseAsync).WithName("erase").WithTags("admin").Writes<EraseRequest, ErasureResult>("Erase one content from every version holding it; admin", creates: false)
            .RequireRole(ApiRole.Admin);
    }

    private static async Task<Results<JsonHttpResult<IntegrityReport>, EmptyHttpResult>> VerifyAsync(
        HttpContext http, VersioningService service, IVersionStore store, CancellationToken cancellationToken)
    {
        if (!http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
        {
            var report = await IntegrityVerifier.VerifyAsync(store, service.Kinds, cancellationToken: cancellationToken);
            return WireResults.Ok(WireAdmin.Of(report));
        }

        // Streamed: "progress" events {done, total} as versions are checked, then one "report" event.
        var total = (await store.GetStatisticsAsync(cancellationToken)).Versions;
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var done = 0L;
        var verifying = IntegrityVerifier.VerifyAsync(store, service.Kinds, new SynchronousProgress(count => Interlocked.Exchange(ref done, count)), cancellationToken);
        var sent = -1L;
        while (!verifying.IsCompleted)
        {
            await Task.WhenAny(verifying, Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken));
            var now = Interlocked.Read(ref done);
            if (now != sent)
            {
                sent = now;
                await WriteEventAsync(response, "progress", new VerifyProgress { Done = now, Total = total }, cancellationToken);
            }
        }

        var finished = await verifying;
        await WriteEventAsync(response, "report", WireAdmin.Of(finished), cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<JsonHttpResult<PruneResult>> PruneAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var keep = JsonRequests.RequiredInt(root, "keep", 1);
        var keepDays = JsonRequests.OptionalInt(root, "keep_days", 0);
        if (keepDays > RetentionPolicy.MaxKeepDays)
        {
            // A span beyond what a date can go back would overflow the cut-off time.
            throw JsonRequests.Invalid("keep_days", $"'keep_days' must be a whole number from 0 to {RetentionPolicy.MaxKeepDays}");
        }

        var policy = new RetentionPolicy(keep) { KeepWithin = keepDays is { } days ? TimeSpan.FromDays(days) : null };
        var reason = JsonRequests.OptionalString(root, "reason");
        var dryRun = JsonRequests.OptionalBool(root, "dry_run") ?? false;
        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(root, "saved_by"));
        var results = new List<ContentRemovalResult>();
        if (JsonRequests.OptionalString(root, "entity") is { } entity)
        {
            var key = EntityKey.Parse(entity);
            KindAccess.Demand(http, ApiRole.Admin, key.Kind);
            results.Add(await service.PruneAsync(key, policy, by, reason, dryRun, cancellationToken));
        }
        else
        {
            KindAccess.DemandEveryKind(http, "a store-wide prune");
            await foreach (var result in service.PruneAllAsync(policy, by, reason, dryRun, cancellationToken))
            {
                results.Add(result);
            }
        }

        return WireResults.Ok(WireAdmin.Of(results, dryRun));
    }

    private static async Task<JsonHttpResult<ErasureResult>> EraseAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var selector = JsonRequests.OptionalString(root, "ref") ?? throw JsonRequests.Invalid("ref", "'ref' is required: the version whose content to erase, e.g. \"3\"");
        var reason = JsonRequests.OptionalString(root, "reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw JsonRequests.Invalid("reason", "'reason' is required: it is shown wherever the erased content is read");
        }

        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(root, "saved_by"));
        var result = await service.EraseAsync(HistoryEndpoints.ParseSelector(key, selector), by, reason, cancellationToken);
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(WireAdmin.Of(result));
    }

    private static async Task WriteEventAsync<T>(HttpResponse response, string name, T data, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonBody.WriterOptions))
        {
            JsonSerializer.Serialize(writer, data, VersoJson.TypeInfo<T>());
        }

        await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: {name}\ndata: "), cancellationToken);
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await response.WriteAsync("\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    // Progress<T> posts to the thread pool and may report after the verifier returned; this reports in place.
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
