using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Verso.Contracts;
using Verso.Contracts.Changes;
using Verso.Contracts.Tags;
using Verso.Contracts.Versions;

namespace Verso.Client;

/// <summary>
/// A typed client of Verso's REST API over a caller-owned <see cref="HttpClient"/> (whose BaseAddress is the
/// server, and which carries the bearer token). Every problem response becomes a <see cref="VersoApiException"/>.
/// Answers and requests are the server's own contracts (<see cref="Verso.Contracts"/>), read and written with
/// <see cref="VersoJson.Options"/>: the client cannot drift from the server.
/// </summary>
public sealed class VersoClient(HttpClient http)
{
    /// <summary>The head of an entity; null when it has none.</summary>
    public Task<Versioned<VersionWithContent>?> GetHeadAsync(string kind, string id, CancellationToken cancellationToken = default) =>
        GetVersionOrNullAsync(Entity(kind, id), null, cancellationToken);

    /// <summary>One version by number, tag, <c>sha256:</c> prefix or <c>{time}</c>; null when there is none.</summary>
    public Task<Versioned<VersionWithContent>?> GetVersionAsync(string kind, string id, string selector, CancellationToken cancellationToken = default) =>
        GetVersionOrNullAsync($"{Entity(kind, id)}/versions/{Uri.EscapeDataString(selector)}", null, cancellationToken);

    /// <summary>The head unless it still has <paramref name="etag"/>: then null (304, nothing transferred).</summary>
    public Task<Versioned<VersionWithContent>?> GetHeadIfChangedAsync(string kind, string id, string etag, CancellationToken cancellationToken = default) =>
        GetVersionOrNullAsync(Entity(kind, id), etag, cancellationToken);

    /// <summary>Saves a record (JSON text) as a new version when it changed.</summary>
    /// <exception cref="VersoApiException">400, 409, 412, 413, 415, 422 … as a problem.</exception>
    public async Task<Versioned<AppendOutcomeInfo>> SaveAsync(string kind, string id, string json, SaveRequest? request = null, CancellationToken cancellationToken = default)
    {
        var options = request ?? new SaveRequest();
        var query = new List<string>();
        Add(query, "message", options.Message);
        Add(query, "saved_by", options.SavedBy);
        Add(query, "expected_version", options.ExpectedVersion?.ToString(CultureInfo.InvariantCulture));
        if (options.Force)
        {
            query.Add("force=true");
        }

        using var message = new HttpRequestMessage(HttpMethod.Put, Entity(kind, id) + (query.Count == 0 ? "" : "?" + string.Join('&', query)))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (options.IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", options.IfMatch);
        }

        return await SendForOutcomeAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a version with version <paramref name="to"/>'s content.</summary>
    public async Task<Versioned<AppendOutcomeInfo>> RollbackAsync(string kind, string id, int to, string? reason = null, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{Entity(kind, id)}/rollback")
        {
            Content = JsonContent(new RollbackRequest { To = to, Reason = reason, ExpectedVersion = expectedVersion }),
        };
        return await SendForOutcomeAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points a tag at a version.</summary>
    public async Task TagAsync(string kind, string id, string tag, int version, string? reason = null, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, $"{Entity(kind, id)}/tags/{Uri.EscapeDataString(tag)}")
        {
            Content = JsonContent(new TagRequest { Version = System.Text.Json.Nodes.JsonValue.Create(version), Reason = reason }),
        };
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every version of an entity, newest first, reading page after page.</summary>
    public async IAsyncEnumerable<VersionPageItem> GetHistoryAsync(string kind, string id, int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var url = $"{Entity(kind, id)}/versions?limit={pageSize.ToString(CultureInfo.InvariantCulture)}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await GetJsonAsync<VersionPage>(url, cancellationToken).ConfigureAwait(false);
            foreach (var version in page.Items)
            {
                yield return version;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>What changed between two versions, as the change list (<c>format=json</c>).</summary>
    public async Task<JsonElement> DiffAsync(string kind, string id, string from, string? to = null, CancellationToken cancellationToken = default) =>
        await GetJsonAsync<JsonElement>($"{Entity(kind, id)}/diff?from={Uri.EscapeDataString(from)}" + (to is null ? "" : "&to=" + Uri.EscapeDataString(to)), cancellationToken).ConfigureAwait(false);

    /// <summary>The versions committed after sequence <paramref name="after"/>, oldest first.</summary>
    public Task<ChangePage> GetChangesAsync(long after = 0, int limit = 100, string? kind = null, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ChangePage>(
            $"/api/v1/changes?after={after.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}" + (kind is null ? "" : "&kind=" + Uri.EscapeDataString(kind)),
            cancellationToken);

    private static string Entity(string kind, string id) => $"/api/v1/entities/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(id)}";

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static StringContent JsonContent<T>(T body) => new(VersoJson.ToJson(body), Encoding.UTF8, "application/json");

    private async Task<Versioned<VersionWithContent>?> GetVersionOrNullAsync(string url, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotModified or HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var version = await ReadAsync<VersionWithContent>(response, cancellationToken).ConfigureAwait(false);
        return new(version, response.Headers.ETag?.ToString());
    }

    private async Task<Versioned<AppendOutcomeInfo>> SendForOutcomeAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var outcome = await ReadAsync<AppendOutcomeInfo>(response, cancellationToken).ConfigureAwait(false);
        return new(outcome, response.Headers.ETag?.ToString());
    }

    private async Task<T> GetJsonAsync<T>(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, VersoJson.TypeInfo<T>(), cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("the API answered JSON null");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/problem+json" })
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement.Clone();
            throw new VersoApiException(
                response.StatusCode,
                root.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "",
                root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : $"HTTP {(int)response.StatusCode}",
                root);
        }

        throw new HttpRequestException($"HTTP {(int)response.StatusCode} without a problem body", null, response.StatusCode);
    }
}
