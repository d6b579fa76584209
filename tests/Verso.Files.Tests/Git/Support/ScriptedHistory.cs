using Verso.Testing.Git;

namespace Verso.Files.Tests.Git.Support;

/// <summary>
/// A history with what an import must get right: a move, an odd folder name, a file whose name is no
/// valid id, a branch merged cleanly, a file edited back to an earlier content, a deletion and a return,
/// a conflicting merge resolved by hand (one side kept for another file), a move to a new id, a commit
/// dated earlier than its parent, and a commit touching no followed file. Commits are named c1…, m1
/// (main while a branch is open), f1… (branch feature), k1 (branch conflict), M1/M2 (merges).
/// </summary>
public sealed class ScriptedHistory : IDisposable
{
    private readonly Dictionary<string, string> _commits = [];

    private ScriptedHistory(GitTestRepository repository) => Repository = repository;

    public GitTestRepository Repository { get; }

    /// <summary>Commit ids by name.</summary>
    public IReadOnlyDictionary<string, string> Commits => _commits;

    /// <summary>The commit names in the order the walker takes them.</summary>
    public static IReadOnlyList<string> WalkOrder { get; } =
        ["c1", "c2", "c3", "m1", "f1", "f2", "M1", "c4", "c5", "c6", "c7", "k1", "M2", "c8", "c9"];

    /// <summary>For each entity, the commits that made its versions, oldest first.</summary>
    public static IReadOnlyDictionary<string, string[]> VersionsByEntity { get; } = new Dictionary<string, string[]>
    {
        ["alice"] = ["c1", "c2", "m1", "c4", "c7", "k1", "M2"],
        ["bob"] = ["c1", "f1", "k1", "M2"],
        ["dora"] = ["c3", "c8"],
        ["dorothy"] = ["c8"],
        ["erin"] = ["f2", "c5", "c6"],
    };

    public const string Team = "agents/équipe une";

    public static DateTimeOffset At(int hour) => new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(2)).AddHours(hour);

    public static ScriptedHistory Build()
    {
        var history = new ScriptedHistory(GitTestRepository.Create());
        var repo = history.Repository;
        repo.Write("agents/alice.json", """{"name": "Alice", "rev": 1}""")
            .Write("agents/bob.json", """{"name": "Bob", "rev": 1}""")
            .Write("README.md", "# the team\n");
        history.Commit("c1", "Add alice, bob and the readme", TestAuthor.Alice, At(0));
        repo.Write("agents/alice.json", """{"name": "Alice", "rev": 2}""");
        history.Commit("c2", "Sharpen Alice's charter", TestAuthor.Bob, At(1));
        repo.Move("agents/bob.json", $"{Team}/bob.json")
            .Write($"{Team}/dora.json", """{"name": "Dora", "rev": 1}""")
            .Write("agents/bad name.json", """{"name": "nobody"}""");
        history.Commit("c3", "Move bob into the team folder, add dora", TestAuthor.Zoe, At(2));

        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write($"{Team}/bob.json", """{"name": "Bob", "rev": 2}""");
        history.Commit("f1", "Feature: Bob learns Go", TestAuthor.Bob, At(4));
        repo.Write("agents/erin.json", """{"name": "Erin", "rev": 1}""");
        history.Commit("f2", "Feature: add Erin", TestAuthor.Zoe, At(5));

        repo.Git("checkout", "-q", "main");
        repo.Write("agents/alice.json", """{"name": "Alice", "rev": 3}""");
        history.Commit("m1", "Alice takes the lead", TestAuthor.Alice, At(3));
        history.Merge("M1", "feature", "Merge branch 'feature'", At(6));

        // Byte for byte the content c2 wrote: an older version's content, but not the head's.
        repo.Write("agents/alice.json", """{"name": "Alice", "rev": 2}""");
        history.Commit("c4", "Back to Alice's second charter", TestAuthor.Alice, At(7));
        repo.Delete("agents/erin.json");
        history.Commit("c5", "Erin leaves", TestAuthor.Bob, At(8));
        repo.Write("agents/erin.json", """{"name": "Erin", "rev": 2}""");
        history.Commit("c6", "Erin returns", TestAuthor.Zoe, At(9));

        repo.Git("checkout", "-q", "-b", "conflict");
        repo.Write("agents/alice.json", """{"name": "Alice", "rev": "bob"}""")
            .Write($"{Team}/bob.json", """{"name": "Bob", "rev": 3}""");
        history.Commit("k1", "Conflict: Bob's Alice", TestAuthor.Bob, At(11));
        repo.Git("checkout", "-q", "main");
        repo.Write("agents/alice.json", """{"name": "Alice", "rev": "alice"}""");
        history.Commit("c7", "Conflict: Alice's Alice", TestAuthor.Alice, At(10));
        history.Merge("M2", "conflict", "Merge branch 'conflict'", At(12), new Dictionary<string, string>
        {
            ["agents/alice.json"] = """{"name": "Alice", "rev": "merged"}""",
            // Not a conflict: the merge keeps main's bob over the branch's edit.
            [$"{Team}/bob.json"] = """{"name": "Bob", "rev": 2}""",
        });

        // A move to a path that names another entity: dora is deleted, dorothy appears. Dated a day
        // earlier than its parent, as a rebase can leave it.
        repo.Move($"{Team}/dora.json", "agents/dorothy.json");
        history.Commit("c8", "Dora becomes Dorothy", TestAuthor.Zoe, At(-24));
        repo.Write("README.md", "# the team, now with Dorothy\n");
        history.Commit("c9", "Readme only", TestAuthor.Bob, At(14));
        return history;
    }

    public void Dispose() => Repository.Dispose();

    private void Commit(string name, string subject, TestAuthor author, DateTimeOffset date) =>
        _commits[name] = Repository.Commit(subject, author, date);

    private void Merge(string name, string branch, string subject, DateTimeOffset date, IReadOnlyDictionary<string, string>? resolutions = null) =>
        _commits[name] = Repository.Merge(branch, subject, TestAuthor.Alice, date, resolutions);
}
