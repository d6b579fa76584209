using System.Text;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

public sealed class VersioningServiceTests
{
    private readonly FakeTimeProvider _clock = new(Some.Instant);
    private readonly KindRegistry _kinds = new();
    private readonly VersioningService _service;

    public VersioningServiceTests()
    {
        _kinds.Register(new EntityKind("workflow") { VolatileFields = new JsonPointerSet(["/revision", "/updated_at"]), SchemaVersion = 2 });
        _service = new VersioningService(new InMemoryVersionStore(), _kinds, _clock);
    }

    [Fact]
    public async Task VolatileFieldsAreLeftOutOfTheStoredContentAndTheHash()
    {
        var key = EntityKey.Create("workflow", "review");
        var first = await SaveAsync(key, """{"name":"review","revision":1,"updated_at":"2026-11-01T00:00:00Z"}""");
        var second = await SaveAsync(key, """{"name":"review","revision":2,"updated_at":"2026-11-02T00:00:00Z"}""");

        Assert.Equal(AppendOutcome.Unchanged, second.Outcome);
        Assert.Equal("""{"name":"review"}""", first.Head.ContentText());
        Assert.Equal(CanonicalJson.CreateDocument("""{"name":"review"}"""u8).Hash, first.Head.Hash);
        Assert.Equal(2, first.Head.SchemaVersion);
    }

    [Fact]
    public async Task AnUnregisteredKindIsADocumentKindWithNothingVolatile()
    {
        var key = EntityKey.Create("prompt-notes", "x");
        var first = await SaveAsync(key, """{"revision":1}""");
        var second = await SaveAsync(key, """{"revision":2}""");

        Assert.Equal(AppendOutcome.Created, second.Outcome);
        Assert.Equal(1, first.Head.SchemaVersion);
        Assert.True(_kinds.Resolve("prompt-notes").IsDocumentKind);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task ARecordMustBeAJsonObject(string json)
    {
        var error = await Assert.ThrowsAsync<CanonicalJsonException>(() => SaveAsync(Some.Key(), json));

        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavesAreStampedWithTheClockInUtcToTheMicrosecond()
    {
        _clock.Advance(TimeSpan.FromTicks(1234567));
        var result = await SaveAsync(Some.Key(), """{"a":1}""");

        Assert.Equal(Some.Instant.AddTicks(1234560), result.Head.SavedAt);
        Assert.Equal(TimeSpan.Zero, result.Head.SavedAt.Offset);
    }

    [Fact]
    public async Task ForcingRecordsTheForceOperation()
    {
        var key = Some.Key();
        await SaveAsync(key, """{"a":1}""");
        var forced = await _service.SaveAsync(key, Encoding.UTF8.GetBytes("""{"a":1}"""), new SaveOptions("ops") { Force = true });

        Assert.Equal((AppendOutcome.Created, VersionOperation.Force), (forced.Outcome, forced.Head.Operation));
    }

    [Fact]
    public async Task RefsResolveByLatestNumberAndHashPrefix()
    {
        var key = Some.Key();
        var first = await SaveAsync(key, """{"a":1}""");
        var second = await SaveAsync(key, """{"a":2}""");

        Assert.Equal(2, (await _service.GetAsync(VersionRef.Latest(key))).Version);
        Assert.Equal(1, (await _service.GetAsync(VersionRef.ForVersion(key, 1))).Version);
        Assert.Equal(1, (await _service.GetAsync(VersionRef.Parse($"{key}@sha256:{first.Head.Hash.Hex[..8]}"))).Version);
        Assert.Equal(2, (await _service.GetAsync(VersionRef.Parse($"{key}@{second.Head.Hash}"))).Version);
    }

    [Fact]
    public async Task AMissingVersionIsNotFoundWithTheRangeThatExists()
    {
        var key = Some.Key();
        await SaveAsync(key, """{"a":1}""");

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync(VersionRef.ForVersion(key, 9)));

        Assert.Contains("has versions 1..1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankSavedByIsRejected() => Assert.ThrowsAny<ArgumentException>(() => new SaveOptions(" "));

    private Task<AppendResult> SaveAsync(EntityKey key, string json) =>
        _service.SaveAsync(key, Encoding.UTF8.GetBytes(json), new SaveOptions("ops"));
}
