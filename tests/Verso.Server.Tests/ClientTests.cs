using System.Net;
using System.Text.Json;
using Verso.Client;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Server.Tests;

/// <summary>The typed .NET client against a real in-process server over a real SQLite file.</summary>
public sealed class ClientTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private VersoApiFactory _factory = null!;
    private VersoClient _client = null!;

    public async Task InitializeAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store);
        _client = new VersoClient(_factory.CreateClient());
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SavesReadsWithETagsPagesHistoryAndRollsBack()
    {
        var first = await _client.SaveAsync("doc", "a", """{"n":1}""", new SaveRequest { SavedBy = "ann", Message = "one" });
        var unchanged = await _client.SaveAsync("doc", "a", """{"n":1}""");
        await _client.SaveAsync("doc", "a", """{"n":2}""", new SaveRequest { IfMatch = first.ETag, SavedBy = "ann" });

        Assert.True(first.Value.Created);
        Assert.False(unchanged.Value.Created);
        var head = (await _client.GetHeadAsync("doc", "a"))!;
        using var content = JsonDocument.Parse(head.Value.Content.Utf8);
        Assert.Equal((2, 2), (head.Value.Version, content.RootElement.GetProperty("n").GetInt32()));
        Assert.Null(await _client.GetHeadIfChangedAsync("doc", "a", head.ETag!));
        Assert.Equal("one", (await _client.GetVersionAsync("doc", "a", "1"))!.Value.Message);
        Assert.Null(await _client.GetHeadAsync("doc", "nope"));

        var rolledBack = await _client.RollbackAsync("doc", "a", 1, "undo");
        Assert.Equal((3, 1), (rolledBack.Value.Version, rolledBack.Value.RevertOf));
        var history = new List<int>();
        await foreach (var version in _client.GetHistoryAsync("doc", "a", pageSize: 2))
        {
            history.Add(version.Version);
        }

        Assert.Equal([3, 2, 1], history);
        var diff = await _client.DiffAsync("doc", "a", "1", "2");
        Assert.Equal("/n", diff.GetProperty("changes")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task ReadsEveryMemberTheServerWritesAboutAVersion()
    {
        // The client reads the server's own records: schema_version, source and removed, which its old models lacked.
        using var http = _factory.CreateClient();
        var proposed = await Support.Api.ReadAsync(await http.PostAsync("/api/v1/change-requests", Support.Api.Body("""{"kind":"doc","id":"applied","record":{"n":1}}""")));
        var cr = Support.Api.Text(proposed["id"]);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/v1/change-requests/{cr}/apply", Support.Api.Body("{}"))).StatusCode);
        await _client.SaveAsync("doc", "erased", """{"secret":"x"}""");
        await _client.SaveAsync("doc", "erased", """{"secret":"y"}""");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/v1/entities/doc/erased/erase", Support.Api.Body("""{"ref":"1","reason":"gdpr"}"""))).StatusCode);

        var applied = (await _client.GetHeadAsync("doc", "applied"))!.Value;
        var erased = (await _client.GetVersionAsync("doc", "erased", "1"))!.Value;
        var history = new List<Contracts.Versions.VersionPageItem>();
        await foreach (var item in _client.GetHistoryAsync("doc", "erased"))
        {
            history.Add(item);
        }

        Assert.Equal((1, "apply", cr), (applied.SchemaVersion, applied.Operation, applied.Source?.Request));
        Assert.Empty(applied.Source!.Approvers!);
        Assert.Null(applied.Source.Commit);
        Assert.Equal(("erased", "gdpr"), (erased.Removed?.Kind, erased.Removed?.Reason));
        Assert.Equal("null", System.Text.Encoding.UTF8.GetString(erased.Content.Utf8.Span));
        Assert.Equal(["save", "save"], history.Select(v => v.Operation));
        Assert.Equal("erased", history[^1].Removed?.Kind);
        Assert.Null(history[0].Content);
    }

    [Fact]
    public async Task ProblemsBecomeExceptionsWithTheirFacts()
    {
        await _client.SaveAsync("doc", "a", """{"n":1}""");

        var conflict = await Assert.ThrowsAsync<VersoApiException>(() => _client.SaveAsync("doc", "a", """{"n":2}""", new SaveRequest { ExpectedVersion = 0 }));
        var stale = await Assert.ThrowsAsync<VersoApiException>(() => _client.SaveAsync("doc", "a", """{"n":2}""", new SaveRequest { IfMatch = "\"9-00\"" }));
        var bad = await Assert.ThrowsAsync<VersoApiException>(() => _client.SaveAsync("doc", "a", """{"n":""" ));

        Assert.Equal((HttpStatusCode.Conflict, "urn:verso:problem:version-conflict", 1), (conflict.Status, conflict.Type, conflict.Problem.GetProperty("actual").GetInt32()));
        Assert.Equal("conflict on doc/a: expected version 0 but the head is 1", conflict.Message);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal("urn:verso:problem:bad-json", bad.Type);
    }

    [Fact]
    public async Task TheChangeFeedIsPolledAfterTheLastSequence()
    {
        var start = (await _client.GetChangesAsync()).LastSeq;
        await _client.SaveAsync("doc", "a", """{"n":1}""");
        await _client.SaveAsync("note", "b", """{"n":1}""");

        var all = await _client.GetChangesAsync(start);
        var notes = await _client.GetChangesAsync(start, kind: "note");
        var none = await _client.GetChangesAsync(all.LastSeq);

        Assert.Equal(["doc/a@1", "note/b@1"], all.Items.Select(c => c.Ref));
        Assert.Equal(["note/b@1"], notes.Items.Select(c => c.Ref));
        Assert.Empty(none.Items);
        Assert.Equal(all.LastSeq, none.LastSeq);
    }
}
