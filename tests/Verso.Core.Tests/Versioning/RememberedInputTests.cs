using System.Text;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

// A save of the bytes that last came out unchanged reuses their canonical document (VersioningService.Unchanged):
// the memory must only ever stand in for the very same bytes of the very same entity, and never for the outcome.
public sealed class RememberedInputTests
{
    private readonly FakeTimeProvider _clock = new(Some.Instant);
    private readonly InMemoryVersionStore _store = new();
    private readonly VersioningService _service;

    public RememberedInputTests() => _service = Service();

    [Fact]
    public async Task OtherBytesAfterAnUnchangedSaveAreSavedAsTheirOwnContent()
    {
        var key = EntityKey.Create("doc", "charter");
        await SaveAsync(_service, key, """{"prompt":"one"}""");
        Assert.Equal(AppendOutcome.Unchanged, (await SaveAsync(_service, key, """{"prompt":"one"}""")).Outcome);

        var other = await SaveAsync(_service, key, """{"prompt":"two"}""");

        Assert.Equal(AppendOutcome.Created, other.Outcome);
        Assert.Equal("""{"prompt":"two"}""", other.Head.ContentText());
    }

    [Fact]
    public async Task TheRememberedBytesOfOneEntityDoNotStandForAnother()
    {
        var first = EntityKey.Create("doc", "a");
        var second = EntityKey.Create("doc", "b");
        await SaveAsync(_service, first, """{"prompt":"one"}""");
        await SaveAsync(_service, first, """{"prompt":"one"}""");
        await SaveAsync(_service, second, """{"prompt":"two"}""");

        var again = await SaveAsync(_service, second, """{"prompt":"one"}""");

        Assert.Equal(AppendOutcome.Created, again.Outcome);
        Assert.Equal(2, again.Head.Version);
    }

    [Fact]
    public async Task TheSameBytesAfterAnotherWriterMovedTheHeadAreAChange()
    {
        var key = EntityKey.Create("doc", "charter");
        await SaveAsync(_service, key, """{"prompt":"one"}""");
        await SaveAsync(_service, key, """{"prompt":"one"}""");
        await SaveAsync(Service(), key, """{"prompt":"two"}""");

        var back = await SaveAsync(_service, key, """{"prompt":"one"}""");

        Assert.Equal(AppendOutcome.Created, back.Outcome);
        Assert.Equal(3, back.Head.Version);
        Assert.Equal("""{"prompt":"one"}""", back.Head.ContentText());
    }

    [Fact]
    public async Task AnotherSpellingOfTheSameRecordIsStillUnchanged()
    {
        var key = EntityKey.Create("doc", "charter");
        await SaveAsync(_service, key, """{"a":1,"b":[true,null]}""");
        await SaveAsync(_service, key, """{"a":1,"b":[true,null]}""");

        var respelled = await SaveAsync(_service, key, """{ "b" : [ true, null ], "a" : 1.0 }""");

        Assert.Equal(AppendOutcome.Unchanged, respelled.Outcome);
        Assert.Equal(1, respelled.Head.Version);
    }

    private VersioningService Service() => new(_store, new KindRegistry(), _clock);

    private static Task<AppendResult> SaveAsync(VersioningService service, EntityKey key, string json) =>
        service.SaveAsync(key, Encoding.UTF8.GetBytes(json), new SaveOptions("alice"));
}
