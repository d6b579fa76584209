using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Verso.Versioning.Rollouts;

/// <summary>
/// The bucket function every face computes alike (the Python and TypeScript clients too): the first 8 bytes of
/// SHA-256 over the UTF-8 of <c>salt ":" subject</c>, read as a big-endian unsigned integer, modulo 10,000.
/// Candidates own explicit bucket ranges; the control owns the rest. A candidate that grows takes the control's
/// lowest free buckets, one that shrinks gives back its highest, so a subject only ever moves between the control
/// and the candidate whose weight changed: nobody flips back and forth as a rollout advances.
/// </summary>
public static class RolloutBuckets
{
    /// <summary>The number of buckets: weights are in basis points.</summary>
    public const int Count = 10_000;

    /// <summary>The subject's bucket under <paramref name="salt"/>.</summary>
    public static int Of(string salt, string subject)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(subject);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + subject), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Count);
    }

    /// <summary>
    /// The candidates after candidate <paramref name="index"/> is given <paramref name="weight"/> buckets: growth is
    /// taken from the buckets no candidate holds, lowest first; a shrink gives back the candidate's highest buckets.
    /// </summary>
    /// <exception cref="InvalidRolloutException">The weights would sum past 10,000.</exception>
    public static ImmutableArray<RolloutCandidate> Reweigh(ImmutableArray<RolloutCandidate> candidates, int index, int weight)
    {
        if (weight is < 0 or > Count)
        {
            throw new InvalidRolloutException($"a weight is in basis points, 0 to {Count}; {weight} is not");
        }

        var current = candidates[index];
        var ranges = current.Ranges.ToList();
        var delta = weight - current.Weight;
        if (delta > 0)
        {
            var free = Free(candidates);
            if (free.Sum(r => r.Length) < delta)
            {
                throw new InvalidRolloutException($"the weights would sum to {candidates.Sum(c => c.Weight) + delta} basis points; at most {Count}");
            }

            foreach (var range in free)
            {
                var take = Math.Min(delta, range.Length);
                ranges.Add(new BucketRange(range.Start, range.Start + take));
                delta -= take;
                if (delta == 0)
                {
                    break;
                }
            }
        }
        else
        {
            var give = -delta;
            ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
            while (give > 0)
            {
                var last = ranges[^1];
                ranges.RemoveAt(ranges.Count - 1);
                if (last.Length > give)
                {
                    ranges.Add(new BucketRange(last.Start, last.End - give));
                    give = 0;
                }
                else
                {
                    give -= last.Length;
                }
            }
        }

        return candidates.SetItem(index, current with { Ranges = Merge(ranges) });
    }

    // The buckets no candidate holds, in order.
    private static List<BucketRange> Free(ImmutableArray<RolloutCandidate> candidates)
    {
        var taken = candidates.SelectMany(c => c.Ranges).OrderBy(r => r.Start).ToList();
        var free = new List<BucketRange>();
        var at = 0;
        foreach (var range in taken)
        {
            if (range.Start > at)
            {
                free.Add(new BucketRange(at, range.Start));
            }

            at = Math.Max(at, range.End);
        }

        if (at < Count)
        {
            free.Add(new BucketRange(at, Count));
        }

        return free;
    }

    private static ImmutableArray<BucketRange> Merge(List<BucketRange> ranges)
    {
        var merged = new List<BucketRange>();
        foreach (var range in ranges.Where(r => r.Length > 0).OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && merged[^1].End == range.Start)
            {
                merged[^1] = new BucketRange(merged[^1].Start, range.End);
            }
            else
            {
                merged.Add(range);
            }
        }

        return [.. merged];
    }
}
