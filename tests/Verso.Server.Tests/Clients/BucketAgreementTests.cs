using System.Globalization;
using System.Text;
using System.Text.Json;
using Verso.Versioning.Rollouts;

namespace Verso.Server.Tests.Clients;

/// <summary>
/// The rollout bucket computed offline by the Python and TypeScript clients equals the server's for 10,000 subjects:
/// ASCII, accented, astral, empty, and ones holding the ':' separator.
/// </summary>
public sealed class BucketAgreementTests : IDisposable
{
    private const int Subjects = 10_000;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("verso-buckets-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task PythonComputesTheSameBucketAsDotNetForTenThousandSubjects()
    {
        var (salt, subjects, expected) = await WriteSubjectsAsync();
        var script = """
            import json, sys
            from verso_client.hashing import rollout_bucket
            salt = sys.argv[1]
            with open(sys.argv[2], encoding="utf-8") as lines:
                print("\n".join(str(rollout_bucket(salt, json.loads(line))) for line in lines))
            """;
        var run = await ClientSuiteServer.RunAsync("env", _scratch.FullName,
            [$"PYTHONPATH={Path.Combine(ClientSuiteServer.Root, "clients", "python", "src")}", "PYTHONDONTWRITEBYTECODE=1", "python3", "-c", script, salt, subjects]);

        Assert.True(run.ExitCode == 0, run.Output);
        AssertAgrees(expected, run.Output);
    }

    [Fact]
    public async Task TypeScriptComputesTheSameBucketAsDotNetForTenThousandSubjects()
    {
        var tsc = Path.Combine(ClientSuiteServer.Root, "tests", "clients", "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), "tests/clients has no node_modules: run .ci/run (or npm install in tests/clients)");
        var (salt, subjects, expected) = await WriteSubjectsAsync();
        await File.WriteAllTextAsync(Path.Combine(_scratch.FullName, "package.json"), """{"type":"module"}""");
        var compile = await ClientSuiteServer.RunAsync("node", _scratch.FullName,
            [tsc, "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022,DOM", "--strict", "--outDir", _scratch.FullName,
             Path.Combine(ClientSuiteServer.Root, "clients", "typescript", "src", "rollouts.ts")]);
        Assert.True(compile.ExitCode == 0, compile.Output);
        var script = """
            import { readFileSync } from "node:fs";
            import { rolloutBucket } from "./rollouts.js";
            const [salt, file] = process.argv.slice(2);
            const lines = readFileSync(file, "utf8").split("\n").filter((line) => line.length > 0);
            const buckets = [];
            for (const line of lines) buckets.push(await rolloutBucket(salt, JSON.parse(line)));
            console.log(buckets.join("\n"));
            """;
        await File.WriteAllTextAsync(Path.Combine(_scratch.FullName, "buckets.mjs"), script);
        var run = await ClientSuiteServer.RunAsync("node", _scratch.FullName, ["buckets.mjs", salt, subjects]);

        Assert.True(run.ExitCode == 0, run.Output);
        AssertAgrees(expected, run.Output);
    }

    private static void AssertAgrees(int[] expected, string output)
    {
        var actual = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        var first = Enumerable.Range(0, expected.Length).FirstOrDefault(n => expected[n] != actual[n], -1);
        Assert.True(first < 0, $"subject {first}: .NET says {(first < 0 ? 0 : expected[first])}, the client {(first < 0 ? 0 : actual[first])}");
    }

    // One JSON string per line (so a subject may hold any character), and the buckets .NET computes for them.
    private async Task<(string Salt, string Path, int[] Buckets)> WriteSubjectsAsync()
    {
        var salt = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        string[] shapes = ["user-{0}", "tenant:{0}", "é{0}ü", "🙂{0}", "{0}", " {0} ", "a\"b\\{0}"];
        var subjects = Enumerable.Range(0, Subjects).Select(n => n == 0 ? "" : string.Format(CultureInfo.InvariantCulture, shapes[n % shapes.Length], n)).ToArray();
        var path = Path.Combine(_scratch.FullName, "subjects.jsonl");
        var text = new StringBuilder();
        foreach (var subject in subjects)
        {
            text.Append(JsonSerializer.Serialize(subject, SubjectJson.Default.String)).Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false));
        return (salt, path, [.. subjects.Select(s => RolloutBuckets.Of(salt, s))]);
    }
}
