namespace Verso.Cli.Tests.Golden;

/// <summary>The golden output on a SQLite file.</summary>
public sealed class SqliteGoldenOutput : GoldenOutput
{
    protected override Task<string> StoreAsync() => Task.FromResult(Verso.PathOf("verso.db"));
}
