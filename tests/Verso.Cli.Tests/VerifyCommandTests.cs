using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task AnIntactStoreExitsZeroAndADamagedOneExitsOneNamingTheVersion()
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= 3; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
        }

        var intact = await _verso.RunAsync("verify");
        await using (var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE versions SET saved_by = 'mallory' WHERE version = 2;";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var damaged = await _verso.RunAsync("verify");
        var json = (await _verso.RunAsync("--json", "verify")).Json();

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("intact: 3 versions of 1 entities", intact.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains("broken note/alice@2: its chain hash does not match", damaged.Stdout, StringComparison.Ordinal);
        Assert.False(json.GetProperty("intact").GetBoolean());
        Assert.Equal("note/alice@2", Assert.Single(json.GetProperty("problems").EnumerateArray()).GetProperty("ref").GetString());
        Assert.Empty(json.GetProperty("storage_problems").EnumerateArray());
    }
}
