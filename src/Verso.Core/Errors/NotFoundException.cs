namespace Verso.Errors;

/// <summary>An entity, version or content hash that was asked for does not exist.</summary>
public sealed class NotFoundException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reference">The ref that was asked for, as the user wrote it.</param>
    /// <param name="message">What was not found, in one line.</param>
    public NotFoundException(string reference, string message)
        : base(message)
    {
        Reference = reference;
    }

    /// <summary>The ref that was asked for.</summary>
    public string Reference { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.NotFound;

    /// <summary>The entity <paramref name="key"/> has no versions.</summary>
    public static NotFoundException ForEntity(Naming.EntityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new NotFoundException(key.ToString(), $"not found: {key} has no versions");
    }

    /// <summary>No version of <paramref name="key"/> holds the content <paramref name="hash"/> (with its content still there).</summary>
    public static NotFoundException ForContent(Naming.EntityKey key, Documents.Hashing.ContentHash hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new NotFoundException($"{key}@{hash}", $"not found: no version of {key} holds {hash}");
    }
}
