using System.Diagnostics;
using System.Text.Json;
using Verso.Files.Synthorg;

namespace Verso.Files.Tests.Synthorg;

/// <summary>PythonJson against python3 itself: the same values, dumped by both, must be the same text.</summary>
public sealed class PythonJsonTests
{
    // Prints, per line, a JSON value (as the platform stores it: plain json.dumps, non-ASCII unescaped) and Python's sort_keys dump of it.
    private const string Script = """
        import json, random, struct, sys
        rng = random.Random(20261206)
        values = []
        for _ in range(3000):
            bits = rng.getrandbits(64)
            x = struct.unpack("<d", struct.pack("<Q", bits))[0]
            if x == x and x not in (float("inf"), float("-inf")):
                values.append(x)
        values += [1e-05, 1e-04, 1e16, 1e15, 1.0, -0.0, 0.0, 5e-324, 1.7976931348623157e308, 0.1, 123456789.123, 1/3, 2.5e-7, 10.0**22]
        words = ["Zoë", "🚀", "審査", "tab\there", "quote\"back\\slash", "\x00\x1f\x7f", "\u2028", "a", "ä", "\U0001F600", "\uffff", ""]
        docs = [{"f": v, "words": rng.sample(words, 3), "n": rng.randint(-10**20, 10**20)} for v in values]
        docs.append({w: i for i, w in enumerate(words)})
        for d in docs:
            print(json.dumps(json.dumps(d, ensure_ascii=False)) + "\t" + json.dumps(json.dumps(d, sort_keys=True, default=str)))
        """;

    [Fact]
    public async Task EveryValueDumpsAsPythonDumpsIt()
    {
        var lines = await RunPythonAsync();

        Assert.True(lines.Count > 2900, $"python3 printed {lines.Count} lines");
        Assert.All(lines, line =>
        {
            var parts = line.Split('\t');
            var stored = JsonSerializer.Deserialize<string>(parts[0])!;
            var expected = JsonSerializer.Deserialize<string>(parts[1])!;
            Assert.Equal(expected, PythonJson.Dumps(stored));
        });
    }

    [Theory]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void FloatsAreWrittenAsPythonReprWritesThem(double value, string expected) => Assert.Equal(expected, PythonJson.FloatRepr(value));

    private static async Task<List<string>> RunPythonAsync()
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add("-");
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var python = Process.Start(info)!;
        await python.StandardInput.WriteAsync(Script);
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"python3 failed: {errors}");
        return [.. (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
