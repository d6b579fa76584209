using System.Globalization;
using System.Text;

namespace Verso.Testing.Git;

/// <summary>
/// Writes a Squad team's history into a repository with <c>git fast-import</c>, deterministically: charters
/// under <c>.ai-team/</c>, then under both folders at once, then <c>.squad/</c> alone after the old folder
/// goes; the team state deleted and re-added on one day; a rebirth that retires a quarter of the agents
/// to <c>agents/_alumni/</c> and casts new ones in <c>casting/registry.json</c>; reskill commits that
/// rewrite every charter; a <c>decisions.md</c> entry on most commits by every author form; inbox files
/// that come and go; and side branches merged back with <c>decisions.md</c> as a union merge leaves it
/// (ours, then theirs). Tests read it for fidelity; the benchmark times an import of a large one.
/// </summary>
public sealed class SquadHistoryGenerator
{
    private static readonly string[] Names =
    [
        "Fenster", "Rabin", "Edie", "Keaton", "Baer", "Hockney", "Verbal", "Kobayashi", "Kujan", "Redfoot",
        "McManus", "Kint", "Soze", "Rizzi", "Strausz", "Arkosh", "Saul", "Jasper", "Renault", "Dutch",
        "Flight", "Control", "Capcom", "Fido", "Guido", "Retro", "Eecom", "Inco", "Gnc", "Booster",
        "Surgeon", "Procedures", "Network", "Telmu", "Prop", "Summit", "Vector", "Orbit", "Apogee", "Perigee",
    ];

    private readonly MemoryStream _stream = new();
    private readonly Dictionary<string, string> _main = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstAdded = new(StringComparer.Ordinal);
    private readonly Random _random;
    private readonly DateTimeOffset _start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private int _mark;
    private int _mainTip;

    private SquadHistoryGenerator(int seed) => _random = new Random(seed);

    /// <summary>Decision titles, each with the mark of the commit that first added its entry.</summary>
    private Dictionary<string, int> FirstAddedMarks { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes about <paramref name="commits"/> commits of a team of <paramref name="agents"/> agents onto
    /// branch main of <paramref name="repository"/> and returns each decision title with the id of the commit
    /// that first added its entry.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Generate(GitTestRepository repository, int commits, int agents, int seed = 15)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var generator = new SquadHistoryGenerator(seed);
        generator.Write(Math.Max(commits, 12), Math.Clamp(agents, 4, Names.Length / 2));
        var marks = System.IO.Path.Combine(repository.Parent, "marks");
        repository.GitWithInput(generator._stream.ToArray(), "fast-import", "--quiet", "--export-marks=" + marks);
        var ids = File.ReadAllLines(marks).Select(l => l.Split(' ')).ToDictionary(f => int.Parse(f[0][1..], CultureInfo.InvariantCulture), f => f[1]);
        return generator.FirstAddedMarks.ToDictionary(e => e.Key, e => ids[e.Value], StringComparer.Ordinal);
    }

    private void Write(int commits, int agents)
    {
        var team = Names.Take(agents).ToList();
        var folder = ".ai-team";
        var initial = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in team)
        {
            initial[$"{folder}/agents/{Id(name)}/charter.md"] = Charter(name, 0);
        }

        initial[$"{folder}/team.md"] = "# Team\n\n" + string.Concat(team.Select(n => $"- {n}\n"));
        initial[$"{folder}/routing.md"] = "# Routing\n\n| work | agent |\n|---|---|\n";
        initial[$"{folder}/decisions.md"] = "# Decisions\n\n";
        Commit("refs/heads/main", 0, "Start the team", initial, null);
        var inbox = new Queue<(int Due, string Path)>();
        var alumni = new List<string>();
        for (var i = 1; i < commits; i++)
        {
            var changes = new Dictionary<string, string>(_main, StringComparer.Ordinal);
            string subject;
            if (i == commits / 3)
            {
                // .squad/ arrives beside .ai-team/: charters rewritten there, the old ones left as they were.
                foreach (var (path, text) in _main.Where(f => f.Key.StartsWith(".ai-team/", StringComparison.Ordinal)).ToList())
                {
                    changes[".squad/" + path[".ai-team/".Length..]] = path.EndsWith("charter.md", StringComparison.Ordinal) ? text + "\n## Squad\n\nMoved to .squad.\n" : text;
                }

                folder = ".squad";
                subject = "Move the team to .squad";
            }
            else if (i == commits / 2)
            {
                foreach (var path in _main.Keys.Where(p => p.StartsWith(".ai-team/", StringComparison.Ordinal)))
                {
                    changes.Remove(path);
                }

                subject = "Drop .ai-team";
            }
            else if (i == commits / 2 + 1)
            {
                foreach (var path in _main.Keys.Where(p => p.StartsWith(".squad/", StringComparison.Ordinal)))
                {
                    changes.Remove(path);
                }

                subject = "guard: remove team state";
                _stash = new Dictionary<string, string>(_main.Where(f => f.Key.StartsWith(".squad/", StringComparison.Ordinal)), StringComparer.Ordinal);
            }
            else if (i == commits / 2 + 2)
            {
                foreach (var (path, text) in _stash!)
                {
                    changes[path] = text;
                }

                subject = "Restore team state";
            }
            else if (i == 2 * commits / 3)
            {
                subject = Rebirth(changes, team, alumni);
            }
            else if (i % 200 == 0 || i == commits / 4)
            {
                foreach (var name in team)
                {
                    changes[$"{folder}/agents/{Id(name)}/charter.md"] = Charter(name, i);
                }

                subject = $"reskill: {team.Count} charters";
            }
            else
            {
                var name = team[_random.Next(team.Count)];
                var path = $"{folder}/agents/{Id(name)}/charter.md";
                changes[path] = (changes.TryGetValue(path, out var charter) ? charter : throw new InvalidOperationException($"{i}: no {path} in {string.Join(", ", changes.Keys)}")) + $"- Learned topic {i}\n";
                subject = $"{name}: learn topic {i}";
                if (i % 50 == 0)
                {
                    changes[$"{folder}/team.md"] = changes[$"{folder}/team.md"] + $"- note {i}\n";
                }
            }

            if (_random.Next(10) < 8)
            {
                AddDecision(changes, folder, i, team, alumni);
            }

            while (inbox.Count > 0 && inbox.Peek().Due <= i)
            {
                changes.Remove(inbox.Dequeue().Path);
            }

            if (_random.Next(10) == 0 && changes.ContainsKey($"{folder}/decisions.md"))
            {
                var path = $"{folder}/decisions/inbox/{Id(team[i % team.Count])}-topic-{i}.md";
                changes[path] = $"### {Date(i)}: Inbox topic {i}\n\n**By:** {team[i % team.Count]}\n**What:** topic {i}\n";
                inbox.Enqueue((i + 3, path));
            }

            Commit("refs/heads/main", i, subject, changes, null);
            if (i % 25 == 10 && i + 5 < commits && !NearEvent(i, commits))
            {
                Side(i, folder, team, alumni);
            }
        }
    }

    private Dictionary<string, string>? _stash;

    private static bool NearEvent(int i, int commits) =>
        new[] { commits / 4, commits / 3, commits / 2, commits / 2 + 1, commits / 2 + 2, 2 * commits / 3 }.Any(e => e > i - 2 && e < i + 6);

    // Three commits on a side branch, then a merge back: charters the side changed come in, decisions.md is
    // main's text followed by the side's new entries, as merge=union leaves it.
    private void Side(int i, string folder, List<string> team, List<string> alumni)
    {
        var fork = _mainTip;
        var baseLog = _main[$"{folder}/decisions.md"];
        var side = new Dictionary<string, string>(_main, StringComparer.Ordinal);
        var sideRef = $"refs/heads/side-{i}";
        var from = fork;
        for (var k = 0; k < 3; k++)
        {
            var name = team[_random.Next(team.Count)];
            var path = $"{folder}/agents/{Id(name)}/charter.md";
            side[path] = side[path] + $"- Side work {i}.{k}\n";
            AddDecision(side, folder, i * 10 + k + 100000, team, alumni);
            from = CommitOn(sideRef, from, null, i, k + 1, $"side {i}: {name} works", side);
        }

        // Main moves on once before the merge.
        var changes = new Dictionary<string, string>(_main, StringComparer.Ordinal);
        AddDecision(changes, folder, i * 10 + 5 + 200000, team, alumni);
        Commit("refs/heads/main", i, $"main goes on after {i}", changes, null, minutes: 30);
        var merged = new Dictionary<string, string>(_main, StringComparer.Ordinal);
        foreach (var (path, text) in side.Where(f => f.Key.EndsWith("charter.md", StringComparison.Ordinal)))
        {
            if (!_main.TryGetValue(path, out var ours) || ours == text)
            {
                continue;
            }

            merged[path] = ours.Length >= text.Length ? ours : text;
        }

        var logPath = $"{folder}/decisions.md";
        merged[logPath] = _main[logPath] + side[logPath][baseLog.Length..];
        Commit("refs/heads/main", i, $"Merge side-{i}", merged, from, minutes: 50);
    }

    private static string Rebirth(Dictionary<string, string> changes, List<string> team, List<string> alumni)
    {
        var retiring = team.Take(Math.Max(1, team.Count / 4)).ToList();
        var registry = new StringBuilder("{\n  \"agents\": {\n");
        for (var k = 0; k < retiring.Count; k++)
        {
            var old = retiring[k];
            var cast = Names[(Names.Length / 2) + k];
            var from = $".squad/agents/{Id(old)}/charter.md";
            changes[$".squad/agents/_alumni/{Id(old)}/charter.md"] = changes[from];
            changes.Remove(from);
            changes[$".squad/agents/{Id(cast)}/charter.md"] = Charter(cast, 0);
            registry.Append(CultureInfo.InvariantCulture, $"    \"{Id(cast)}\": {{\"persistent_name\": \"{cast}\", \"previous_name\": \"{old}\"}}{(k + 1 < retiring.Count ? "," : "")}\n");
            team.Remove(old);
            team.Add(cast);
            alumni.Add(old);
        }

        changes[".squad/casting/registry.json"] = registry.Append("  }\n}\n").ToString();
        return $"team rebirth: {retiring.Count} agents to alumni";
    }

    private void AddDecision(Dictionary<string, string> files, string folder, int n, List<string> team, List<string> alumni)
    {
        var path = $"{folder}/decisions.md";
        if (!files.TryGetValue(path, out var log))
        {
            return;
        }

        var a = team[n % team.Count];
        var b = team[(n / 7 + 1) % team.Count];
        var by = (n % 6) switch
        {
            0 => $"{a} (Core Dev)",
            1 => $"{a} (Distribution) + {b} (Core Dev)",
            2 => "Brady (via Copilot)",
            3 => alumni.Count > 0 ? $"{a.ToUpperInvariant()} (formerly {alumni[n % alumni.Count]})" : $"{a.ToUpperInvariant()}",
            4 => $"{a.ToLowerInvariant()}   ",
            _ => $"{a} and {b}",
        };
        var title = $"Decision {n}";
        files[path] = log + $"### {Date(n % 100000)}: {title}\n\n**By:** {by}\n**What:** choose option {n % 3}\n**Why:** reasons {n}\n\n";
        _pendingTitles.Add(title);
    }

    private readonly List<string> _pendingTitles = [];

    private void Commit(string branch, int i, string subject, Dictionary<string, string> files, int? merge, int minutes = 0)
    {
        _mainTip = CommitOn(branch, _mainTip == 0 ? null : _mainTip, merge, i, minutes, subject, files, main: true);
    }

    private int CommitOn(string branch, int? from, int? merge, int i, int minutes, string subject, Dictionary<string, string> files, bool main = false)
    {
        var before = main ? _main : _sideBase(from);
        var body = new StringBuilder();
        foreach (var (path, text) in files)
        {
            if (!before.TryGetValue(path, out var old) || old != text)
            {
                var blob = ++_mark;
                Emit($"blob\nmark :{blob}\n");
                Data(text);
                body.Append(CultureInfo.InvariantCulture, $"M 100644 :{blob} {path}\n");
            }
        }

        foreach (var path in before.Keys.Where(p => !files.ContainsKey(p)))
        {
            body.Append(CultureInfo.InvariantCulture, $"D {path}\n");
        }

        var mark = ++_mark;
        var author = Names[(i + minutes) % Names.Length];
        var when = _start.AddHours(i).AddMinutes(minutes).ToUnixTimeSeconds();
        Emit($"commit {branch}\nmark :{mark}\nauthor {author} <{author.ToLowerInvariant()}@example.org> {when} +0000\ncommitter Committer Bot <bot@example.org> {when} +0000\n");
        Data(subject);
        if (from is { } parent)
        {
            Emit($"from :{parent}\n");
        }

        if (merge is { } other)
        {
            Emit($"merge :{other}\n");
        }

        Emit(body.ToString() + "\n");
        foreach (var title in _pendingTitles)
        {
            FirstAddedMarks.TryAdd(title, mark);
        }

        _pendingTitles.Clear();
        if (main)
        {
            _main.Clear();
            foreach (var (path, text) in files)
            {
                _main[path] = text;
            }
        }
        else
        {
            _sides[mark] = new Dictionary<string, string>(files, StringComparer.Ordinal);
        }

        return mark;
    }

    private readonly Dictionary<int, Dictionary<string, string>> _sides = [];

    private Dictionary<string, string> _sideBase(int? from) => from is { } mark && _sides.TryGetValue(mark, out var side) ? side : _main;

    private void Emit(string text) => _stream.Write(Encoding.UTF8.GetBytes(text));

    private void Data(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Emit($"data {bytes.Length}\n");
        _stream.Write(bytes);
        Emit("\n");
    }

    private string Date(int i) => _start.AddHours(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(string name) => name.ToLowerInvariant();

    private static string Charter(string name, int skill) =>
        $"# {name} — Member\n\n> {name} keeps the team honest.\n\n## Identity\n\n- **Name:** {name}\n- **Role:** Member\n- **Expertise:** skill {skill}, review\n\n## How I Work\n\n- Reskilled at {skill}\n";
}
