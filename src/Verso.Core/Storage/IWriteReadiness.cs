using Verso.Errors;

namespace Verso.Storage;

/// <summary>
/// A store that knows when its writes are failing for a cause every write would meet (a full disk, a
/// read-only file or database), so a readiness probe can say so before the next write does.
/// </summary>
public interface IWriteReadiness
{
    /// <summary>The failure of the last write, when it failed for such a cause and no write has succeeded since; otherwise null.</summary>
    StoreFailureException? WriteFault { get; }
}
