using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

// The one guard of reserved kinds. Every append this service makes (save, force, rollback, merge, batch,
// import, git import, change-request apply, erase) is built by RequestFor, and RequestFor asks the guard
// first; entry points that read before they write (rollback, erase, tag moves, checks, change requests)
// ask it before they read, so a refused write learns nothing about that kind's records.
public sealed partial class VersioningService
{
    /// <summary>
    /// Whether records of <paramref name="kind"/> are written only by the service that owns them: every
    /// <c>verso-*</c> kind (the server's tokens, its probes), change requests and checks. No save, force,
    /// rollback, merge, batch, import or change-request apply writes one.
    /// </summary>
    public static bool IsReservedKind(string kind) => ReservedKinds.IsReserved(kind) || PolicyKinds.IsReserved(kind);

    /// <summary>Fails when <paramref name="key"/>'s kind is reserved and <paramref name="owner"/> is not the service that owns it.</summary>
    /// <param name="key">The entity written.</param>
    /// <param name="operation">What would write it, named in the refusal: an operation's name (<c>save</c>, <c>rollback</c>), <c>tag move</c>, <c>check</c>.</param>
    /// <param name="owner">
    /// The reserved kind the calling service owns: the change request service passes <c>change-request</c> for
    /// its own records, the check service <c>check</c>; every other path passes null. (A <c>verso-*</c> kind's
    /// owner, such as the server's token store, appends through the store itself, beneath this service.)
    /// </param>
    /// <exception cref="RefusedException">The kind is reserved (rule <c>reserved_kind</c>).</exception>
    internal static void EnsureWritable(EntityKey key, string operation, string? owner = null)
    {
        if (!IsReservedKind(key.Kind) || string.Equals(owner, key.Kind, StringComparison.Ordinal))
        {
            return;
        }

        throw ReservedRefusal(key, operation);
    }

    private static RefusedException ReservedRefusal(EntityKey key, string operation) => new(
        PolicyRules.Reserved, null, key.ToString(),
        $"{key.Kind} records are written only by {(ReservedKinds.IsReserved(key.Kind) ? "the server that owns them" : "propose, review, apply and check")}, never by a {operation}",
        "change a record of another kind");

    // Per save: its head when it is of a reserved kind and would change nothing (a no-op, as a single save
    // makes it), null when it goes to the store; a reserved save that would change something is refused.
    private async Task<AppendResult?[]> UnchangedReservedAsync(IReadOnlyList<BatchSave> saves, CancellationToken cancellationToken)
    {
        var unchanged = new AppendResult?[saves.Count];
        for (var i = 0; i < saves.Count; i++)
        {
            var save = saves[i];
            ArgumentNullException.ThrowIfNull(save);
            if (!IsReservedKind(save.Key.Kind))
            {
                continue;
            }

            var operation = save.Options.Operation ?? (save.Options.Force ? VersionOperation.Force : VersionOperation.Save);
            unchanged[i] = !save.Options.Force && await Store.GetLatestAsync(save.Key, cancellationToken).ConfigureAwait(false) is { } head && head.Hash == save.Content.Hash
                ? new AppendResult(AppendOutcome.Unchanged, head)
                : throw ReservedRefusal(save.Key, operation.ToName());
        }

        return unchanged;
    }
}
