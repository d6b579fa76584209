using System.Diagnostics;
using System.Text.Json;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary>
/// <c>verso import-synthorg</c> on databases that python3's own sqlite3 and json modules write, so every stored
/// hash is the seed platform's formula as Python computes it: tricky floats, non-ASCII text, a gap, duplicate
/// content, a tampered hash, a table of another shape.
/// </summary>
public sealed class ImportSynthorgCommandTests : IDisposable
{
    // Rows as the platform writes them: snapshot = json.dumps(model_dump(mode="json")), content_hash = its sha256 of json.dumps(..., sort_keys=True, default=str).
    private const string Generator = """
        import hashlib, json, sqlite3, sys
        db = sqlite3.connect(sys.argv[1])
        cols = "entity_id TEXT, version INTEGER, content_hash TEXT, snapshot TEXT, saved_by TEXT, saved_at TEXT, PRIMARY KEY (entity_id, version)"
        db.execute(f"CREATE TABLE agent_identity_versions ({cols})")
        db.execute(f"CREATE TABLE workflow_definition_versions ({cols})")
        db.execute("CREATE TABLE settings (key TEXT, value TEXT)")
        def h(o): return hashlib.sha256(json.dumps(o, sort_keys=True, default=str).encode()).hexdigest()
        def put(table, eid, v, o, by, at, ensure_ascii=True, tamper=False):
            db.execute(f"INSERT INTO {table} VALUES (?,?,?,?,?,?)", (eid, v, ("0" * 64) if tamper else h(o), json.dumps(o, ensure_ascii=ensure_ascii), by, at))
        floats = {"tiny": 1e-05, "big": 1e16, "one": 1.0, "third": 1/3, "neg": -2.5e-7, "huge": 1.7976931348623157e308, "edge": 0.0001, "k": 123456789012345680.0, "int": 10**20}
        text = {"name": "Zoë Ångström", "emoji": "🚀 launch", "quote": "say \"hi\"\n\ttab\u007f", "cjk": "審査", "z": {"ä": 1, "a": 2, "\U0001F600": 3, "\uffff": 4}}
        put("agent_identity_versions", "agent-1", 1, {"id": "agent-1", **floats}, "alice", "2024-01-02T03:04:05.123456+00:00")
        put("agent_identity_versions", "agent-1", 2, {"id": "agent-1", **text}, "bob", "2024-02-03T04:05:06+00:00", ensure_ascii=False)
        put("agent_identity_versions", "agent-1", 3, {"id": "agent-1", **text}, "bob", "2024-02-04T00:00:00Z")
        put("agent_identity_versions", "agent-2", 1, {"id": "agent-2", "level": 1}, "carol", "2024-03-01T00:00:00+00:00")
        put("agent_identity_versions", "agent-2", 2, {"id": "agent-2", "level": 2}, "carol", "2024-03-02T00:00:00+00:00", tamper=True)
        put("agent_identity_versions", "agent-gap", 1, {"id": "agent-gap", "n": 1}, "dan", "2024-04-01T00:00:00+00:00")
        put("agent_identity_versions", "agent-gap", 3, {"id": "agent-gap", "n": 3}, "dan", "2024-04-03T00:00:00+00:00")
        put("workflow_definition_versions", "wf-1", 1, {"id": "wf-1", "nodes": [{"x": 0.5, "y": -0.0}], "weights": [1e21, 5e-324]}, "erin", "2024-05-01T00:00:00+00:00")
        db.commit()
        """;

    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task EveryVersionKeepsItsNumberAuthorAndTimeAndEveryHashIsChecked()
    {
        var database = await GenerateAsync();
        await _verso.InitializedAsync();

        var first = await _verso.RunAsync("--json", "import-synthorg", database, "--table", "agent_identity_versions=agent-identity");
        var report = first.Json();
        var log = (await _verso.RunAsync("--json", "log", "agent-identity/agent-1")).Json().EnumerateArray().Reverse().ToArray();
        var again = (await _verso.RunAsync("--json", "import-synthorg", database, "--table", "agent_identity_versions=agent-identity")).Json();

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(
            [("agent_identity_versions", "agent-identity"), ("workflow_definition_versions", "workflow-definition")],
            report.GetProperty("tables").EnumerateArray().Select(t => (t.GetProperty("table").GetString(), t.GetProperty("kind").GetString())));
        Assert.Equal((3, 6, 0), (report.GetProperty("entities").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        // Only the tampered row: the floats, the escapes and the key order all hash as Python's json.dumps does.
        Assert.Equal(["agent-identity/agent-2@2"], report.GetProperty("mismatches").EnumerateArray().Select(m => m.GetString()));
        var refused = Assert.Single(report.GetProperty("refused").EnumerateArray());
        Assert.Equal("agent-identity/agent-gap", refused.GetProperty("entity").GetString());
        Assert.Contains("version 2 is missing", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            [(1, "alice", "2024-01-02T03:04:05.123456Z"), (2, "bob", "2024-02-03T04:05:06Z"), (3, "bob", "2024-02-04T00:00:00Z")],
            log.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("saved_by").GetString(), v.GetProperty("saved_at").GetString())));
        Assert.All(log, v => Assert.Equal("import", v.GetProperty("operation").GetString()));
        Assert.Equal(log[1].GetProperty("hash").GetString(), log[2].GetProperty("hash").GetString());
        Assert.Equal((0, 6), (again.GetProperty("created").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var shown = (await _verso.RunAsync("--json", "show", "agent-identity/agent-1@2")).Json().GetProperty("content");
        Assert.Equal("Zoë Ångström", shown.GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheSummarySaysWhatItDidAndBadInputIsOneLine()
    {
        var database = await GenerateAsync();
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("import-synthorg", database);
        var missing = await _verso.RunAsync("import-synthorg", _verso.PathOf("nothing.db"));
        var badMapping = await _verso.RunAsync("import-synthorg", database, "--table", "agent_identity_versions");
        var unknownTable = await _verso.RunAsync("import-synthorg", database, "--table", "settings=setting");
        var notSqlite = await _verso.RunAsync("import-synthorg", _verso.WriteFile("text.db", "not a database at all, just text"));

        Assert.Contains("hash mismatch agent-identity/agent-2@2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 entities, 6 versions (6 new, 0 already there), 1 hash mismatches, 1 entities not imported", result.Stdout, StringComparison.Ordinal);
        Assert.All([missing, badMapping, unknownTable, notSqlite], r =>
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Stderr.Trim().Split('\n'));
        });
    }

    private async Task<string> GenerateAsync()
    {
        var database = _verso.PathOf("synthorg.db");
        var script = _verso.WriteFile("generate.py", Generator);
        var info = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(database);
        using var python = Process.Start(info)!;
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"python3 failed: {errors}");
        return database;
    }
}
