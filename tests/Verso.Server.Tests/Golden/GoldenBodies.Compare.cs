using System.Text;

namespace Verso.Server.Tests.Golden;

// Comparison, merge, import, erasure, signatures and problems: recorded before their writers moved to the contracts.
public abstract partial class GoldenBodies
{
    [Fact]
    public async Task CompareMergeAndImportAnswersAreUnchanged()
    {
        var log = new StringBuilder();
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":1,"text":"one\ntwo","list":[1,2],"gone":null}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=bob", """{"a":2.50,"text":"one\ntwo too\nthree","list":[1,2,3],"é":"ü <b>","new":null}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/production", """{"version":1,"reason":"first"}""");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/diff?from=1");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/diff?from=1&to=2&format=patch");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/diff?from=production&format=text");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/diff?from=1&format=yaml");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/diff");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/diff?from=9");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/blame");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/blame?ref=1");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/referrers");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/referrers?version=1");
        await SendAsync(log, HttpMethod.Get, "/compat?a=doc/golden@1&b=doc/golden@2");
        await SendAsync(log, HttpMethod.Get, "/compat?a=doc/golden@1");
        await SendAsync(log, HttpMethod.Get, "/compat?a=doc/golden@1&b=doc/nobody@1");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/merge", """{"base":1,"ours":2,"theirs":1}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/merge", """{"base":1,"ours":2,"content":{"a":1,"text":"one\ntwo","list":[1,2],"gone":null,"x":true},"save":true,"message":"both"}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/merge", """{"base":1,"ours":2,"content":{"a":7,"list":[1,2]}}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/merge", """{"base":1,"ours":2}""");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/tags/production/signatures");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/tags/nope/signatures");
        await SendAsync(log, HttpMethod.Get, "/checkpoints/latest");
        await SendAsync(log, HttpMethod.Post, "/import", """{"versions":[{"kind":"doc","id":"moved","version":1,"content":{"v":1},"saved_by":"old","saved_at":"2020-01-02T03:04:05Z","message":"from elsewhere"},{"kind":"doc","id":"moved","version":2,"content":{"v":2},"saved_by":"old","saved_at":"2020-01-03T03:04:05Z"}]}""");
        await SendAsync(log, HttpMethod.Post, "/import", """{"versions":[{"kind":"doc","id":"moved","version":1,"content":{"v":1},"saved_by":"old","saved_at":"2020-01-02T03:04:05Z"}]}""");
        await SendAsync(log, HttpMethod.Post, "/import", """{"versions":[{"kind":"doc","id":"moved","version":1,"content":{"v":1},"saved_by":"old","saved_at":"yesterday"}]}""");
        await SendAsync(log, HttpMethod.Post, "/import", """{}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/moved/erase-all", """{"reason":"gdpr"}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/moved/erase-all", """{}""");
        await SendAsync(log, HttpMethod.Post, "/prune", """{"keep":1,"entity":"doc/golden","dry_run":true,"keep_days":5}""");
        await SendAsync(log, HttpMethod.Post, "/prune", """{"keep":1,"keep_days":99999999}""");
        await SendAsync(log, HttpMethod.Get, "/entities/Bad!/golden/blame");
        await SendAsync(log, HttpMethod.Get, "/entities/_token/x/diff?from=1");
        await CompareAsync("compare-import", log);
    }
}
