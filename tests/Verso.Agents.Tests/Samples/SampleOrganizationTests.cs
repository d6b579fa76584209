using System.Text.Json;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Tests.Samples;

public sealed class SampleOrganizationTests
{
    private static readonly Dictionary<string, Func<string, byte[], Task<RoundTrip>>> ByKind = new(StringComparer.Ordinal)
    {
        ["agent"] = (id, bytes) => RoundTripAsync(AgentKinds.Agent, id, bytes),
        ["role"] = (id, bytes) => RoundTripAsync(AgentKinds.Role, id, bytes),
        ["workflow"] = (id, bytes) => RoundTripAsync(AgentKinds.Workflow, id, bytes),
        ["company"] = (id, bytes) => RoundTripAsync(AgentKinds.Company, id, bytes),
        ["budget"] = (id, bytes) => RoundTripAsync(AgentKinds.Budget, id, bytes),
        ["hiring-template"] = (id, bytes) => RoundTripAsync(AgentKinds.HiringTemplate, id, bytes),
        ["tool-policy"] = (id, bytes) => RoundTripAsync(AgentKinds.ToolPolicy, id, bytes),
        ["prompt-profile"] = (id, bytes) => RoundTripAsync(AgentKinds.PromptProfile, id, bytes),
    };

    public static TheoryData<string, string> Samples => SampleFiles.All();

    [Fact]
    public void TheSampleOrganizationHasEveryKindAndFiveAgents()
    {
        var samples = SampleFiles.All().Select(row => ((string)row[0], (string)row[1])).ToList();

        Assert.Equal(ByKind.Keys.Order(StringComparer.Ordinal), samples.Select(s => s.Item1).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(5, samples.Count(s => s.Item1 == "agent"));
        Assert.Equal(5, samples.Count(s => s.Item1 == "role"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySampleIsValidAgainstItsRegisteredKind(string kind, string id)
    {
        var registered = AgentKinds.RegisterAll(new KindRegistry()).Resolve(kind);
        using var document = JsonDocument.Parse(SampleFiles.Bytes(kind, id));

        var problems = registered.Validator!.Validate(document.RootElement);

        Assert.False(registered.IsDocumentKind);
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task EverySampleRoundTripsThroughItsTypedRecordAndTheStoreWithTheSameHash(string kind, string id)
    {
        var result = await ByKind[kind](id, SampleFiles.Bytes(kind, id));

        Assert.Equal(id, result.IdOfRecord);
        Assert.Equal(result.FileHash, result.SerializedHash);
        Assert.Equal(result.FileHash, result.SavedRawHash);
        Assert.Equal(result.FileHash, result.SavedTypedHash);
        Assert.Equal(result.FileHash, result.ReadBackHash);
    }

    [Fact]
    public async Task SavingTheTypedRecordOfAnUnchangedSampleCreatesNoSecondVersion()
    {
        var kinds = AgentKinds.RegisterAll(new KindRegistry());
        var service = new VersioningService(new InMemoryVersionStore(), kinds);
        var agents = service.Collection(AgentKinds.Agent);
        var alice = JsonSerializer.Deserialize<Identity.AgentIdentity>(SampleFiles.Bytes("agent", "alice"), AgentKinds.Agent.SerializerOptions)!;

        await service.SaveAsync(EntityKey.Create("agent", "alice"), SampleFiles.Bytes("agent", "alice"), new SaveOptions("ops"));
        var again = await agents.SaveAsync(alice with { Status = Identity.AgentStatus.OnLeave }, new SaveOptions("ops"));

        Assert.Equal(AppendOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Head.Version);
    }

    private static async Task<RoundTrip> RoundTripAsync<T>(EntityKind<T> kind, string id, byte[] bytes)
    {
        var fileHash = CanonicalJson.CreateDocument(bytes, kind.VolatileFields).Hash;
        var record = JsonSerializer.Deserialize<T>(bytes, kind.SerializerOptions)!;
        var serialized = JsonSerializer.SerializeToUtf8Bytes(record, kind.SerializerOptions);

        // Two stores, so the typed save is a first version and not skipped as unchanged.
        var kinds = AgentKinds.RegisterAll(new KindRegistry());
        var raw = await new VersioningService(new InMemoryVersionStore(), kinds)
            .SaveAsync(EntityKey.Create(kind.Name, id), bytes, new SaveOptions("ops"));
        var collection = new VersioningService(new InMemoryVersionStore(), kinds).Collection(kind);
        var typed = await collection.SaveAsync(record, new SaveOptions("ops"));
        var readBack = (await collection.GetAsync(id, 1))!;
        var reserialized = JsonSerializer.SerializeToUtf8Bytes(readBack.Record, kind.SerializerOptions);

        return new RoundTrip(
            kind.IdOf(record),
            fileHash,
            CanonicalJson.CreateDocument(serialized, kind.VolatileFields).Hash,
            raw.Head.Hash,
            typed.Head.Hash,
            CanonicalJson.CreateDocument(reserialized, kind.VolatileFields).Hash);
    }

    private sealed record RoundTrip(
        string IdOfRecord,
        ContentHash FileHash,
        ContentHash SerializedHash,
        ContentHash SavedRawHash,
        ContentHash SavedTypedHash,
        ContentHash ReadBackHash);
}
