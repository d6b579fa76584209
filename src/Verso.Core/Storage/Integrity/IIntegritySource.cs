namespace Verso.Storage.Integrity;

/// <summary>
/// A store that can show <see cref="IntegrityVerifier"/> one consistent snapshot of itself (SQLite: one
/// read transaction; PostgreSQL: one REPEATABLE READ transaction), so appends that run while a verify
/// reads never look like damage. A store without it is read call by call.
/// </summary>
public interface IIntegritySource
{
    /// <summary>Opens a read-only snapshot of the whole store; dispose it to end the read.</summary>
    Task<IIntegritySnapshot> OpenIntegritySnapshotAsync(CancellationToken cancellationToken = default);
}
