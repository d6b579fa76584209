using System.Globalization;

namespace Verso.Model.Snapshots;

/// <summary>
/// The tombstone of a version whose content was pruned or erased. The version itself (number, hash,
/// metadata, chain hash) stays; only the bytes are gone, and this says by whom, when and why.
/// </summary>
/// <param name="Kind">Pruned or erased.</param>
/// <param name="RemovedBy">Who removed it.</param>
/// <param name="RemovedAt">When, in UTC.</param>
/// <param name="Reason">Why, if given.</param>
public sealed record ContentRemoval(ContentRemovalKind Kind, string RemovedBy, DateTimeOffset RemovedAt, string? Reason)
{
    /// <summary>The past participle users read: <c>pruned</c> or <c>erased</c>.</summary>
    public string Verb => Kind.ToName();

    /// <summary>Checks that this stamp is for <paramref name="expected"/>, as a store's prune or erase requires.</summary>
    /// <exception cref="ArgumentException">The stamp is of the other kind, or names no one.</exception>
    public void EnsureKind(ContentRemovalKind expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RemovedBy);
        if (Kind != expected)
        {
            throw new ArgumentException($"a {Verb} stamp was given where the store {(expected == ContentRemovalKind.Pruned ? "prunes" : "erases")}", nameof(Kind));
        }
    }

    /// <summary>One line, e.g. <c>erased by dpo@example.com at 2026-11-02T10:00:00Z: personal data</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Verb} by {RemovedBy} at {RemovedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}{(Reason is null ? "" : ": " + Reason)}");
}
