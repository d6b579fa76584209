using System.Text;
using System.Text.Json;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

/// <summary>What the service does with a kind's validator and reference reader.</summary>
public sealed class KindHooksTests
{
    private readonly FakeTimeProvider _clock = new(Some.Instant);
    private readonly VersioningService _service;

    public KindHooksTests()
    {
        var kinds = new KindRegistry()
            .Register(new EntityKind("note") { Validator = new NoteValidator(), VolatileFields = new Verso.Documents.Canonical.JsonPointerSet(["/status"]) })
            .Register(new EntityKind("pin") { References = new PinReader() });
        _service = new VersioningService(new InMemoryVersionStore(), kinds, _clock);
    }

    [Fact]
    public async Task EveryProblemTheValidatorFindsIsReportedAndNothingIsSaved()
    {
        var key = EntityKey.Create("note", "n");

        var error = await Assert.ThrowsAsync<InvalidRecordException>(() => SaveAsync(key, """{"status":7}"""));

        Assert.Equal(["/text", "/status"], error.Problems.Select(p => p.Path));
        Assert.Equal(0, await _service.Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task AValidRecordIsSavedWithoutItsVolatileFields()
    {
        var result = await SaveAsync(EntityKey.Create("note", "n"), """{"text":"hi","status":"draft"}""");

        Assert.Equal("""{"text":"hi"}""", result.Head.ContentText());
    }

    [Fact]
    public async Task PinnedVersionsAreCheckedAndIndexed()
    {
        var note = (await SaveAsync(EntityKey.Create("note", "n"), """{"text":"hi"}""")).Head;
        var pin = EntityKey.Create("pin", "p");

        await SaveAsync(pin, $$"""{"pins":["note/n@1 {{note.Hash}}"]}""");
        var dangling = await Assert.ThrowsAsync<InvalidReferenceException>(() => SaveAsync(pin, $$"""{"pins":["note/n@2 {{note.Hash}}"]}"""));

        Assert.Equal([VersionRef.ForVersion(pin, 1)], await _service.Store.FindReferrersAsync(note.Key, 1));
        Assert.Equal(ErrorCategory.BadInput, dangling.Category);
    }

    [Fact]
    public async Task AnAsOfRefFindsTheVersionInForceThen()
    {
        var key = EntityKey.Create("note", "n");
        await SaveAsync(key, """{"text":"one"}""");
        _clock.Advance(TimeSpan.FromHours(1));
        await SaveAsync(key, """{"text":"two"}""");

        var before = await _service.GetAsync(VersionRef.AsOf(key, Some.Instant.AddMinutes(30)));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync(VersionRef.AsOf(key, Some.Instant.AddDays(-1))));

        Assert.Equal(1, before.Version);
        Assert.Contains("had no version yet", missing.Message, StringComparison.Ordinal);
    }

    private Task<AppendResult> SaveAsync(EntityKey key, string json) =>
        _service.SaveAsync(key, Encoding.UTF8.GetBytes(json), new SaveOptions("ops"));

    private sealed class NoteValidator : IRecordValidator
    {
        public IReadOnlyList<RecordProblem> Validate(JsonElement record)
        {
            var problems = new List<RecordProblem>();
            if (!record.TryGetProperty("text", out _))
            {
                problems.Add(new RecordProblem("/text", "is required"));
            }

            if (record.TryGetProperty("status", out var status) && status.ValueKind != JsonValueKind.String)
            {
                problems.Add(new RecordProblem("/status", "must be a string"));
            }

            return problems;
        }
    }

    private sealed class PinReader : IReferenceReader
    {
        public IReadOnlyList<PinnedRef> ReferencesOf(JsonElement record) =>
            [.. record.GetProperty("pins").EnumerateArray().Select(p => PinnedRef.Parse(p.GetString()!))];
    }
}
