namespace Verso.Sqlite;

/// <summary>How hard a commit waits for the disk (SQLite's <c>PRAGMA synchronous</c>, in WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// Every commit is synced to the disk before it is acknowledged: it survives a crash of the process
    /// and a loss of power. The default.
    /// </summary>
    Full,

    /// <summary>
    /// Commits are synced at checkpoints only: an acknowledged commit survives a crash of the process,
    /// but the last ones may be lost with the machine's power (the file stays consistent either way).
    /// Several times faster for one writer.
    /// </summary>
    Normal,
}
