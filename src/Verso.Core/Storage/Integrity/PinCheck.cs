using System.Collections.Immutable;
using System.Text.Json;
using Verso.Documents.Hashing;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Storage.Integrity;

// The reference part of a verify: every pin a record makes must name a version that exists with the
// pinned hash. The store checked this when the pin was written; this finds what changed since.
internal sealed class PinCheck(KindRegistry? kinds)
{
    private readonly Dictionary<(EntityKey Key, int Version), ContentHash> _hashes = [];
    private readonly List<(VersionRef Referrer, PinnedRef Pin)> _pins = [];

    /// <param name="snapshot">A version, in scan order.</param>
    /// <param name="contentIntact">Its bytes hash to its hash (checked once, by the verifier).</param>
    /// <param name="problems">Where a record whose pins cannot be read is reported.</param>
    public void Collect(Snapshot snapshot, bool contentIntact, ImmutableArray<IntegrityProblem>.Builder problems)
    {
        _hashes[(snapshot.Key, snapshot.Version)] = snapshot.Hash;
        // An erased record's pins went with its content; a damaged one is reported by the content check.
        if (kinds is null || !snapshot.HasContent || !contentIntact)
        {
            return;
        }

        try
        {
            foreach (var pin in kinds.Resolve(snapshot.Key.Kind).ReferencesIn(snapshot.Content))
            {
                _pins.Add((snapshot.Ref, pin));
            }
        }
        catch (Exception exception) when (exception is JsonException or Errors.VersoException or FormatException)
        {
            problems.Add(new IntegrityProblem(snapshot.Ref, $"its pins cannot be read: {exception.Message}"));
        }
    }

    public void Check(ImmutableArray<IntegrityProblem>.Builder problems)
    {
        foreach (var (referrer, pin) in _pins)
        {
            var target = $"{pin.Key}@{pin.Version}";
            if (!_hashes.TryGetValue((pin.Key, pin.Version), out var hash))
            {
                problems.Add(new IntegrityProblem(referrer, $"it pins {target}, which is not in the store"));
            }
            else if (hash != pin.Hash)
            {
                problems.Add(new IntegrityProblem(referrer, $"it pins {target} at {pin.Hash}, but that version's hash is {hash}"));
            }
        }
    }
}
