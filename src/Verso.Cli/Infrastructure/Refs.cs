using System.Text.RegularExpressions;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Versioning;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// Refs as people type them: every form of <see cref="VersionRef"/>, plus the short hash <c>verso log</c>
/// prints, without <c>sha256:</c> (<c>agent/alice@1a2b3c4d5e6f</c>). Every version read is checked against
/// its hash, so damaged content is never printed as if it were fine.
/// </summary>
internal static partial class Refs
{
    /// <summary>The version <paramref name="text"/> names, its content checked against its hash.</summary>
    /// <exception cref="NotFoundException">No such entity or version.</exception>
    /// <exception cref="CorruptVersionException">The content does not hash to the version's hash.</exception>
    public static async Task<Snapshot> GetAsync(VersioningService service, string text, CancellationToken cancellationToken)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var selector = at < 0 ? "" : text[(at + 1)..];
        if (!BareHash().IsMatch(selector) || selector.All(char.IsAsciiDigit))
        {
            return Verified(await service.GetAsync(VersionRef.Parse(text), cancellationToken));
        }

        var asHash = VersionRef.Parse($"{text[..at]}@{ContentHash.Prefix}{selector}");
        if (!char.IsAsciiLetter(selector[0]))
        {
            return Verified(await service.GetAsync(asHash, cancellationToken));
        }

        // A hex word that starts with a letter may also be a tag ("deadbeef"): the tag wins, then the hash.
        try
        {
            return Verified(await service.GetAsync(VersionRef.Parse(text), cancellationToken));
        }
        catch (NotFoundException)
        {
            return Verified(await service.GetAsync(asHash, cancellationToken));
        }
    }

    /// <summary>Checks a version's content against its hash (removed content has nothing to check).</summary>
    /// <exception cref="CorruptVersionException">The content does not hash to the version's hash.</exception>
    public static Snapshot Verified(Snapshot snapshot)
    {
        if (snapshot.HasContent && ContentHash.Compute(snapshot.Content.Span) is var actual && actual != snapshot.Hash)
        {
            throw new CorruptVersionException(snapshot.Ref.ToString(), actual.ToString(), snapshot.Hash.ToString());
        }

        return snapshot;
    }

    [GeneratedRegex("^[0-9a-f]{8,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex BareHash();
}
