using System.Text;
using System.Text.Json;

namespace Verso.Cli.Tests.Support;

/// <summary>What one run of <c>verso</c> did.</summary>
public sealed record CliResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    /// <summary>Standard output parsed as the one JSON document <c>--json</c> promises.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(StdoutBytes);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
