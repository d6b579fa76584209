using System.Text;
using Verso.Documents.Canonical;
using Verso.Governance.ChangeRequests;
using Verso.Governance.Checks;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

/// <summary>
/// The one guard of reserved kinds, under every face: each way the library writes a record refuses a
/// <c>verso-*</c>, <c>change-request</c> or <c>check</c> record, and the store is left as it was.
/// </summary>
public sealed class ReservedKindGuardTests
{
    private static readonly byte[] Token = """{"name":"evil","role":"admin","kinds":[],"act_as":true,"sha256":"aa","revoked":false}"""u8.ToArray();

    private readonly InMemoryVersionStore _store = new();
    private readonly VersioningService _service;

    public ReservedKindGuardTests() => _service = new VersioningService(_store, new KindRegistry());

    public static TheoryData<string> Reserved => new() { "verso-token", "verso-anything", "change-request", "check" };

    [Theory]
    [MemberData(nameof(Reserved))]
    public async Task EveryWritePathRefusesAReservedKind(string kind)
    {
        var key = EntityKey.Create(kind, "evil");
        var content = CanonicalJson.CreateDocument(Token);
        var options = new SaveOptions("mallory");
        await _service.SaveAsync(EntityKey.Create("doc", "x"), CanonicalJson.CreateDocument("""{"n":1}"""u8), options);

        var refusals = new List<RefusedException>
        {
            await Assert.ThrowsAsync<RefusedException>(() => _service.SaveAsync(key, Token, options)),
            await Assert.ThrowsAsync<RefusedException>(() => _service.SaveAsync(key, content, options with { Force = true })),
            await Assert.ThrowsAsync<RefusedException>(() => _service.SaveAsync(key, content, options with { Operation = VersionOperation.Merge })),
            await Assert.ThrowsAsync<RefusedException>(() => _service.SaveBatchAsync([new BatchSave(EntityKey.Create("doc", "y"), content, options), new BatchSave(key, content, options)])),
            await Assert.ThrowsAsync<RefusedException>(() => _service.RollbackAsync(key, 1, options)),
            await Assert.ThrowsAsync<RefusedException>(() => _service.TagAsync(VersionRef.ForVersion(key, 1), "live", "mallory")),
            await Assert.ThrowsAsync<RefusedException>(() => _service.EraseAsync(VersionRef.ForVersion(key, 1), "mallory", "tidy")),
            await Assert.ThrowsAsync<RefusedException>(() => new ChangeRequestService(_service).ProposeAsync(key, Token, new Actor("mallory"))),
            await Assert.ThrowsAsync<RefusedException>(() => new CheckService(_service).RecordAsync(VersionRef.ForVersion(key, 1), "evals", true, "mallory")),
        };

        Assert.All(refusals, r => Assert.Equal(PolicyRules.Reserved, r.Rule));
        Assert.Equal(0, await _store.CountVersionsAsync(key));
        // The batch was refused whole: its ordinary save is not there either.
        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create("doc", "y")));
        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create(PolicyKinds.ChangeRequestKind, "cr-1")));
    }

    [Fact]
    public async Task AChangeRequestForgedIntoTheStoreAboutATokenIsNeverApplied()
    {
        var requests = new ChangeRequestService(_service);
        var legit = await requests.ProposeAsync(EntityKey.Create("doc", "x"), """{"n":1}"""u8.ToArray(), new Actor("ann"));
        var stored = (await _store.GetLatestAsync(EntityKey.Create(PolicyKinds.ChangeRequestKind, legit.Id)))!;
        var forged = Encoding.UTF8.GetString(stored.Content.Span)
            .Replace("\"target\":\"doc/x\"", "\"target\":\"verso-token/evil\"", StringComparison.Ordinal)
            .Replace("\"status\":\"open\"", "\"status\":\"approved\"", StringComparison.Ordinal);
        await _store.AppendAsync(new AppendRequest(stored.Key, CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(forged)), "forger", DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<RefusedException>(() => requests.ApplyAsync(legit.Id, new Actor("bob")));
        await Assert.ThrowsAsync<RefusedException>(() => requests.ReviewAsync(legit.Id, ReviewVerdict.Approve, new Actor("bob")));

        Assert.Equal(PolicyRules.Reserved, refused.Rule);
        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create("verso-token", "evil")));
    }

    [Fact]
    public async Task TheOwningServicesStillWriteTheirOwnKindsAndAnUnchangedReimportIsANoOp()
    {
        var requests = new ChangeRequestService(_service);
        await _service.SaveAsync(EntityKey.Create("doc", "x"), CanonicalJson.CreateDocument("""{"n":1}"""u8), new SaveOptions("ann"));
        var request = await requests.ProposeAsync(EntityKey.Create("doc", "x"), """{"n":2}"""u8.ToArray(), new Actor("ann"));
        await new CheckService(_service).RecordAsync(VersionRef.ForVersion(EntityKey.Create("doc", "x"), 1), "evals", true, "ci");
        var stored = (await _store.GetLatestAsync(request.Key))!;

        var again = await _service.SaveBatchAsync([new BatchSave(stored.Key, CanonicalDocument.FromCanonicalBytes(stored.Content.ToArray()), new SaveOptions("import"))]);

        Assert.Equal(AppendOutcome.Unchanged, Assert.Single(again).Outcome);
        Assert.Equal(1, await _store.CountVersionsAsync(request.Key));
        Assert.Equal(1, await _store.CountVersionsAsync(CheckLedger.KeyFor(EntityKey.Create("doc", "x"), 1)));
    }
}
