using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Hardening;

public sealed class CheckpointCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task VerifySinceACheckpointNamesTheDeletedNewestVersionThatPlainVerifyCannotSee()
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= 3; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
        }

        await _verso.RunAsync("tag", "note/alice@2", "production", "--by", "ops");
        var checkpoint = await _verso.RunAsync("checkpoint", "--out", "cp.txt");
        var text = await File.ReadAllTextAsync(_verso.PathOf("cp.txt"));
        await ExecuteAsync("""
            DELETE FROM versions WHERE version = 3;
            UPDATE entities SET head = 2, head_hash = (SELECT hash FROM versions WHERE version = 2);
            """);
        var plain = await _verso.RunAsync("verify", "--quick");
        var since = await _verso.RunAsync("verify", "--since", "cp.txt");

        Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
        Assert.StartsWith("verso checkpoint 1\ncreated ", text, StringComparison.Ordinal);
        Assert.Contains("\nentity note/alice 3 sha256:", text, StringComparison.Ordinal);
        Assert.Contains("\ntag note/alice production 1 sha256:", text, StringComparison.Ordinal);
        Assert.Matches(@"\nroot sha256:[0-9a-f]{64}\n\z", text);
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(1, since.ExitCode);
        Assert.Contains("broken note/alice@3: missing: the history was cut back to version 2", since.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointIsRefusedForADamagedStoreAndAnEditedCheckpointIsRefused()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v.json", """{"n":1}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
        await _verso.RunAsync("checkpoint", "--out", "cp.txt");
        var text = await File.ReadAllTextAsync(_verso.PathOf("cp.txt"));
        _verso.WriteFile("edited.txt", text.Replace("entity note/alice 1", "entity note/alice 2", StringComparison.Ordinal));
        await ExecuteAsync("UPDATE versions SET saved_by = 'mallory';");

        var damaged = await _verso.RunAsync("checkpoint");
        var edited = await _verso.RunAsync("verify", "--since", "edited.txt");

        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains("a checkpoint vouches only for an intact history", damaged.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, edited.ExitCode);
        Assert.Contains("its root does not match its lines", edited.Stderr, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using (var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }
}
