namespace Verso.Storage;

/// <summary>What <see cref="IVersionStore.InitializeAsync"/> did to the store's schema.</summary>
/// <param name="FromVersion">The schema version found (0 for a new store).</param>
/// <param name="ToVersion">The schema version the store has now.</param>
public sealed record SchemaUpgrade(int FromVersion, int ToVersion)
{
    /// <summary>Whether anything was created or migrated.</summary>
    public bool Changed => FromVersion != ToVersion;
}
