using Verso.Model.Snapshots;

namespace Verso.Errors;

/// <summary>
/// The content of a version was asked for, but it was pruned or erased. The version still exists (its
/// hash and metadata can be read); its bytes do not.
/// </summary>
public sealed class ContentRemovedException : VersoException
{
    /// <summary>Creates the exception for the version <paramref name="reference"/>.</summary>
    public ContentRemovedException(string reference, ContentRemoval removal)
        : base($"the content of {reference} was {removal}")
    {
        ArgumentNullException.ThrowIfNull(removal);
        Reference = reference;
        Removal = removal;
    }

    /// <summary>The version whose content is gone, e.g. <c>agent/alice@2</c>.</summary>
    public string Reference { get; }

    /// <summary>Who removed it, when and why.</summary>
    public ContentRemoval Removal { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.NotFound;
}
