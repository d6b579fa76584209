using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Hashing;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

/// <summary>Old versions keep their bytes and hashes forever, and still read as today's record.</summary>
public sealed class SchemaEvolutionTests
{
    private readonly InMemoryVersionStore _store = new();

    [Fact]
    public async Task AThousandVersionsWrittenUnderSchemaOneReadAsTodaysRecord()
    {
        var before = Collection(new EntityKind<NoteV1>("note", n => n.Id));
        for (var n = 0; n < 1000; n++)
        {
            await before.SaveAsync(new NoteV1("n", $"text {n}"), new SaveOptions("ops"));
        }

        var after = Collection(NoteV2Kind);
        var read = await after.ReadHistoryAsync("n").ToListAsync();
        var typed = await after.GetHistoryAsync("n").ToListAsync();

        Assert.Equal(1000, read.Count);
        Assert.All(read, r => Assert.True(r.IsReadable, r.Problem));
        Assert.Equal("text 999", typed[0].Record.Body);
        Assert.Equal(["migrated"], typed[0].Record.Tags);
        Assert.All(typed, t => Assert.Equal(1, t.Stored.SchemaVersion));
        Assert.All(typed, t => Assert.Equal(t.Hash, ContentHash.Compute(t.Stored.Content.Span)));
        Assert.Contains("\"text\":\"text 0\"", typed[^1].Stored.ContentText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewVersionsAreWrittenUnderTheCurrentSchema()
    {
        var after = Collection(NoteV2Kind);

        var saved = await after.SaveAsync(new NoteV2("n", "body", ["x"]), new SaveOptions("ops"));

        Assert.Equal(2, saved.Head.Stored.SchemaVersion);
        Assert.Equal("body", (await after.GetLatestAsync("n"))!.Record.Body);
    }

    [Fact]
    public async Task AVersionThatCannotBeReadIsReportedByRefWithoutFailingTheListing()
    {
        var before = Collection(new EntityKind<NoteV1>("note", n => n.Id));
        await before.SaveAsync(new NoteV1("n", "fine"), new SaveOptions("ops"));
        await before.SaveAsync(new NoteV1("n", "BROKEN"), new SaveOptions("ops"));
        await before.SaveAsync(new NoteV1("n", "fine again"), new SaveOptions("ops"));

        var read = await Collection(NoteV2Kind).ReadHistoryAsync("n").ToListAsync();

        Assert.Equal([true, false, true], read.Select(r => r.IsReadable));
        Assert.Equal("note/n@2", read[1].Stored.Ref.ToString());
        Assert.Contains("cannot upcast", read[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingUpcasterIsAClearError()
    {
        var kind = new EntityKind<NoteV2>("note", n => n.Id) { SchemaVersion = 3 };

        var error = Assert.Throws<InvalidOperationException>(() => kind.Upcast(new JsonObject(), 1));

        Assert.Contains("no upcaster from note schema 1 to 2", error.Message, StringComparison.Ordinal);
    }

    private static EntityKind<NoteV2> NoteV2Kind { get; } = new("note", n => n.Id)
    {
        SchemaVersion = 2,
        Upcasters = ImmutableDictionary<int, Func<JsonObject, JsonObject>>.Empty.Add(1, v1 =>
        {
            var text = v1["text"]!.GetValue<string>();
            if (text == "BROKEN")
            {
                throw new InvalidOperationException("cannot upcast a note marked BROKEN");
            }

            return new JsonObject { ["id"] = v1["id"]!.GetValue<string>(), ["body"] = text, ["tags"] = new JsonArray("migrated") };
        }),
    };

    private VersionedCollection<T> Collection<T>(EntityKind<T> kind) =>
        new VersioningService(_store, new KindRegistry().Register(kind)).Collection(kind);

    public sealed record NoteV1(string Id, string Text);

    public sealed record NoteV2(string Id, string Body, IReadOnlyList<string> Tags);
}
