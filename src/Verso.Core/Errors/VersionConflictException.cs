namespace Verso.Errors;

/// <summary>An append expected the entity's head to be one version but found another.</summary>
public sealed class VersionConflictException : VersoException
{
    /// <summary>Creates the exception.</summary>
    public VersionConflictException(string kind, string id, int expectedVersion, int actualVersion)
        : base($"conflict on {kind}/{id}: expected version {expectedVersion} but the head is {actualVersion}")
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The entity's kind.</summary>
    public string Kind { get; }

    /// <summary>The entity's id.</summary>
    public string Id { get; }

    /// <summary>The head version the caller expected (0 means "no version yet").</summary>
    public int ExpectedVersion { get; }

    /// <summary>The head version the store had (0 means "no version yet").</summary>
    public int ActualVersion { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Conflict;
}
