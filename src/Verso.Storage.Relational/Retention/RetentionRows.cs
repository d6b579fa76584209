using System.Collections.Immutable;
using System.Data.Common;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Dialects;

namespace Verso.Storage.Relational.Retention;

/// <summary>
/// The skeleton of a prune and an erase that both stores share: what each checks of its arguments, and
/// how the versions to remove are chosen from the rows the store selects (under its own locks).
/// </summary>
internal static class RetentionRows
{
    /// <summary>Checks a prune's arguments.</summary>
    public static void EnsurePrune(RetentionPolicy policy, ContentRemoval stamp)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stamp);
        stamp.EnsureKind(ContentRemovalKind.Pruned);
    }

    /// <summary>Checks an erase's arguments.</summary>
    public static void EnsureErase(ContentRemoval stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        stamp.EnsureKind(ContentRemovalKind.Erased);
    }

    /// <summary>
    /// The versions <paramref name="policy"/> prunes, from rows of (version, saved_at, protected): the
    /// versions still holding content, and whether a tag or a pin protects each.
    /// </summary>
    public static async Task<ImmutableArray<int>> ChoosePrunableAsync(
        DbCommand command, SqlDialect dialect, RetentionPolicy policy, int head, ContentRemoval stamp, CancellationToken cancellationToken)
    {
        var candidates = new List<RetainedVersion>();
        var protectedVersions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new RetainedVersion(reader.GetInt32(0), dialect.ReadTime(reader, 1)));
            if (reader.GetBoolean(2))
            {
                protectedVersions.Add(reader.GetInt32(0));
            }
        }

        return policy.SelectPrunable(candidates, head, protectedVersions, stamp.RemovedAt);
    }

    /// <summary>The versions an erase removes, from rows of (version) holding the content.</summary>
    /// <exception cref="NotFoundException">No version of <paramref name="key"/> holds it.</exception>
    public static async Task<ImmutableArray<int>> ChooseErasedAsync(DbCommand command, EntityKey key, ContentHash hash, CancellationToken cancellationToken)
    {
        var versions = ImmutableArray.CreateBuilder<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions.Count > 0 ? versions.ToImmutable() : throw NotFoundException.ForContent(key, hash);
    }
}
