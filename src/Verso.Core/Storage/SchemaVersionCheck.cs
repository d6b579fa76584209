using Verso.Errors;

namespace Verso.Storage;

/// <summary>What every backend says when a store's schema is missing, older or newer than the code's.</summary>
public static class SchemaVersionCheck
{
    /// <summary>Fails unless <paramref name="found"/> is exactly <paramref name="current"/>.</summary>
    /// <param name="found">The schema version recorded in the store; null when it has none.</param>
    /// <param name="current">The schema version this code writes.</param>
    /// <param name="where">The store, for the message (a file path or host:port/db).</param>
    /// <exception cref="StoreUnavailableException">The versions differ; the message says what to run.</exception>
    public static void EnsureCurrent(int? found, int current, string where)
    {
        if (found is null)
        {
            throw new StoreUnavailableException($"{where} is not a Verso store yet; run 'verso init' to create it");
        }

        EnsureNotNewer(found.Value, current, where);
        if (found < current)
        {
            throw new StoreUnavailableException($"{where} has schema {found}, older than this Verso's {current}; run 'verso init' to upgrade it");
        }
    }

    /// <summary>Fails when the store was written by a newer Verso (init cannot downgrade it).</summary>
    /// <exception cref="StoreUnavailableException">The store's schema is newer than the code's.</exception>
    public static void EnsureNotNewer(int found, int current, string where)
    {
        if (found > current)
        {
            throw new StoreUnavailableException($"{where} has schema {found}, newer than this Verso supports ({current}); upgrade Verso");
        }
    }
}
