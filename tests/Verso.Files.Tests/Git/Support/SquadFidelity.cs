using System.Globalization;
using System.Text;
using System.Text.Json;
using Verso.Agents.Kinds;
using Verso.Files.Git;
using Verso.Files.Squad;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Git;
using Verso.Versioning;

namespace Verso.Files.Tests.Git.Support;

/// <summary>
/// Checks a Squad import against git itself: every version of a whole file (charter, team file) holds
/// exactly <c>git show COMMIT:PATH</c>, every decision's text is in the file it came from at its commit,
/// every version has its commit's author and author date as <c>git log</c> prints them, a deletion's file
/// is absent from its commit's tree, and each agent's head is the charter the tip's tree holds by precedence.
/// </summary>
internal static class SquadFidelity
{
    public static VersioningService NewService() => new(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()));

    public static Task<GitImportSummary> ImportAsync(VersioningService service, string repository) =>
        new GitHistoryImporter(service).ImportAsync(SquadGitImport.Request(repository, service, service.Store));

    public static async Task<Snapshot[]> AssertFaithfulAsync(GitTestRepository repository, VersioningService service)
    {
        var all = await ImportHarness.AllAsync(service);
        var log = repository.Git("log", "--all", "-z", "--format=%H%x00%an <%ae>%x00%at").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var authors = new Dictionary<string, (string Author, long Seconds)>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < log.Length; i += 3)
        {
            authors[log[i].Trim('\n')] = (log[i + 1], long.Parse(log[i + 2], CultureInfo.InvariantCulture));
        }

        var sourced = all.Where(s => s.Key.Kind != "lineage").ToList();
        var files = Show(repository, sourced.Select(s => $"{s.Source!.Commit}:{s.Source.Path}"));
        foreach (var snapshot in all)
        {
            var source = snapshot.Source ?? throw new InvalidOperationException($"{snapshot.Ref} has no source");
            Assert.Equal(authors[source.Commit].Author, snapshot.SavedBy);
            Assert.Equal(authors[source.Commit].Seconds, snapshot.SavedAt.ToUnixTimeSeconds());
            var shown = files.GetValueOrDefault($"{source.Commit}:{source.Path}");
            if (source.Deleted)
            {
                Assert.Equal("{}", Encoding.UTF8.GetString(snapshot.Content.Span));
                Assert.Null(shown);
                continue;
            }

            switch (snapshot.Key.Kind)
            {
                case "agent":
                    Assert.Equal(shown, Encoding.UTF8.GetBytes(Member(snapshot, "charter")!));
                    break;
                case SquadGitImport.TeamFileKind:
                    Assert.Equal(shown, Encoding.UTF8.GetBytes(Member(snapshot, "text")!));
                    break;
                case "decision":
                    Assert.Contains(Member(snapshot, "text")!, Encoding.UTF8.GetString(shown!), StringComparison.Ordinal);
                    break;
            }
        }

        await AssertHeadsAreTheTipsAsync(repository, service, all);
        return all;
    }

    /// <summary>The bytes of each <c>COMMIT:PATH</c>, or null when the commit's tree has no such file.</summary>
    public static Dictionary<string, byte[]?> Show(GitTestRepository repository, IEnumerable<string> objects)
    {
        var requests = objects.Distinct(StringComparer.Ordinal).ToList();
        var output = repository.GitBytesWithInput(Encoding.UTF8.GetBytes(string.Concat(requests.Select(r => r + "\n"))), "cat-file", "--batch");
        var shown = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var at = 0;
        foreach (var request in requests)
        {
            var newline = Array.IndexOf(output, (byte)'\n', at);
            var header = Encoding.UTF8.GetString(output, at, newline - at).Split(' ');
            at = newline + 1;
            if (header[^1] == "missing" || header.Length != 3)
            {
                shown[request] = null;
                continue;
            }

            var size = int.Parse(header[2], CultureInfo.InvariantCulture);
            shown[request] = output[at..(at + size)];
            at += size + 1;
        }

        return shown;
    }

    private static async Task AssertHeadsAreTheTipsAsync(GitTestRepository repository, VersioningService service, Snapshot[] all)
    {
        var tip = repository.Git("ls-tree", "-r", "-z", "--name-only", "--full-tree", "HEAD").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var charters = tip.Where(p => p.EndsWith("/charter.md", StringComparison.Ordinal) && p.Contains("/agents/", StringComparison.Ordinal)).ToList();
        var shown = Show(repository, charters.Select(p => "HEAD:" + p));
        foreach (var agent in all.Where(s => s.Key.Kind == "agent").Select(s => s.Key).Distinct())
        {
            var head = (await service.Store.GetLatestAsync(agent))!;
            var expected = charters.Where(p => EntityIdRule.SquadCharterFolder.IdOf(p) == agent.Id).OrderBy(EntityIdRule.SquadCharterFolder.PrecedenceOf).FirstOrDefault();
            if (expected is null)
            {
                Assert.True(head.Source!.Deleted, $"{agent} is not at the tip, yet its head {head.Ref} is no deletion");
            }
            else
            {
                Assert.Equal(shown["HEAD:" + expected], Encoding.UTF8.GetBytes(Member(head, "charter")!));
            }
        }
    }

    public static string? Member(Snapshot snapshot, string member)
    {
        using var document = JsonDocument.Parse(snapshot.Content);
        return document.RootElement.TryGetProperty(member, out var value) ? value.GetString() : null;
    }

    /// <summary>An entity's versions, oldest first.</summary>
    public static async Task<List<Snapshot>> VersionsAsync(VersioningService service, string reference)
    {
        var versions = new List<Snapshot>();
        await foreach (var version in service.GetHistoryAsync(EntityKey.Parse(reference)))
        {
            versions.Insert(0, version);
        }

        return versions;
    }
}
