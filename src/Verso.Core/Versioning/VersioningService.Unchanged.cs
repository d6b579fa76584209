using System.Collections.Concurrent;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Versioning;

// Unchanged saves answered from memory. A save's outcome depends only on the store's state and the request;
// when a save came out unchanged and the store's change stamp (see IChangeStamp) is still the one read before
// that save began, nothing committed since (no version, no policy, no tag, by any process), so the same request
// comes out unchanged again, with the same head. The stamp is read without any lock, so such a save never
// waits behind a writer; a store without a stamp (the in-memory one) always asks the store. The stamp costs a
// PostgreSQL save a round trip, so it is read only while the entity's last save here did not create a version:
// a run of changed saves pays nothing, and a run of unchanged ones is answered from memory from its third save.
public sealed partial class VersioningService
{
    // Past this many entities the memory starts over (a changed stamp makes every entry useless anyway).
    private const int MaxUnchangedHeads = 4096;

    private readonly ConcurrentDictionary<(string Kind, string Id), (string Stamp, AppendResult Result)> _unchangedHeads = new();

    // Entities whose last save in this process created a version, with that version's hash: a save of other
    // content is then all but certainly a change, and its append skips the store's lock-free unchanged read
    // (AppendRequest.ExpectsChange; the locked append still compares, so a wrong guess costs only a wait).
    private readonly ConcurrentDictionary<(string Kind, string Id), ContentHash> _lastCreated = new();

    // The input bytes of each entity's last save that came out unchanged, with their canonical document: a caller
    // that saves the same bytes again (a platform re-saving its configuration at every start or task) skips the
    // parse, validation and hash. Only inputs up to MaxRememberedInput bytes are kept, at most
    // MaxUnchangedHeads of them, so the memory stays under 256 MiB in the worst case and is far less in practice.
    private const int MaxRememberedInput = 64 * 1024;

    private readonly ConcurrentDictionary<(string Kind, string Id), (byte[] Input, CanonicalDocument Content)> _unchangedInputs = new();

    private CanonicalDocument? RememberedCanonical(EntityKey key, ReadOnlySpan<byte> utf8Json) =>
        _unchangedInputs.TryGetValue((key.Kind, key.Id), out var known) && utf8Json.SequenceEqual(known.Input) ? known.Content : null;

    // alreadyRemembered: the content came from this memory, so the entry holds these very bytes (compared on the way in).
    private void RememberInput(EntityKey key, ReadOnlySpan<byte> utf8Json, CanonicalDocument content, bool alreadyRemembered, AppendResult result)
    {
        if (result.Outcome != AppendOutcome.Unchanged || utf8Json.Length > MaxRememberedInput)
        {
            _unchangedInputs.TryRemove((key.Kind, key.Id), out _);
            return;
        }

        if (alreadyRemembered)
        {
            return;
        }

        if (_unchangedInputs.Count >= MaxUnchangedHeads)
        {
            _unchangedInputs.Clear();
        }

        _unchangedInputs[(key.Kind, key.Id)] = (utf8Json.ToArray(), content);
    }

    private async ValueTask<string?> ChangeStampAsync(EntityKey key, CancellationToken cancellationToken) =>
        Store is IChangeStamp stamps && !_lastCreated.ContainsKey((key.Kind, key.Id))
            ? await stamps.GetChangeStampAsync(cancellationToken).ConfigureAwait(false)
            : null;

    private bool ExpectsChange(EntityKey key, CanonicalDocument content, SaveOptions options) =>
        !options.Force && _lastCreated.TryGetValue((key.Kind, key.Id), out var created) && created != content.Hash;

    private AppendResult? KnownUnchanged(EntityKey key, CanonicalDocument content, SaveOptions options, string? stamp)
    {
        if (stamp is null || !_unchangedHeads.TryGetValue((key.Kind, key.Id), out var known) || known.Stamp != stamp)
        {
            return null;
        }

        var head = known.Result.Head;
        return head.Hash == content.Hash && (options.ExpectedVersion is null || options.ExpectedVersion == head.Version) ? known.Result : null;
    }

    private AppendResult Remember(EntityKey key, string? stamp, AppendResult result)
    {
        if (_unchangedHeads.Count >= MaxUnchangedHeads || _lastCreated.Count >= MaxUnchangedHeads)
        {
            _unchangedHeads.Clear();
            _lastCreated.Clear();
        }

        if (result.Outcome != AppendOutcome.Unchanged)
        {
            _lastCreated[(key.Kind, key.Id)] = result.Head.Hash;
            _unchangedHeads.TryRemove((key.Kind, key.Id), out _);
            return result;
        }

        _lastCreated.TryRemove((key.Kind, key.Id), out _);
        if (stamp is not null)
        {
            _unchangedHeads[(key.Kind, key.Id)] = (stamp, result);
        }

        return result;
    }
}
