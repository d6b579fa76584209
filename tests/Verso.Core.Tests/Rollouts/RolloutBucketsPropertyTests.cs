using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Verso.Versioning.Rollouts;

namespace Verso.Core.Tests.Rollouts;

/// <summary>The bucket function and the bucket layout: determinism, distribution and stickiness over arbitrary inputs.</summary>
public sealed class RolloutBucketsPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(150);

    private const int Control = 1;

    // The three versions (2, 3, 4) a rollout's candidates may be, and a weight for one of them: a reweigh.
    private static readonly Gen<(int Index, int Weight)> Reweigh =
        Gen.Choose(0, 2).Zip(Gen.Frequency((3, Gen.Choose(0, 10_000)), (2, Gen.Choose(0, 3_000)), (1, Gen.Elements(0, 500, 2_500, 5_000, 10_000))));

    [Theory]
    [InlineData("s1", "user-1", 7524)]
    [InlineData("0011223344556677", "alice", 8204)]
    [InlineData("salt", "", 7643)]
    public void TheBucketOfKnownSubjectsIsTheDocumentedOne(string salt, string subject, int bucket)
    {
        // The same vectors are pinned in the Python and TypeScript clients' tests.
        Assert.Equal(bucket, RolloutBuckets.Of(salt, subject));
    }

    [Fact]
    public void TheBucketIsTheFirstEightBytesOfTheSaltedHashBigEndianModTenThousand()
    {
        // An independent reading of the specification: the hash as a big-endian BigInteger, its top 64 bits.
        var text = Gen.Elements("", "a", "ü", "🙂", ":", "user-42", "ÅÉ").ArrayOf().Select(parts => string.Concat(parts));
        Check.One(Cases, Prop.ForAll(Arb.From(text.Zip(text)), pair =>
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(pair.Item1 + ":" + pair.Item2));
            var top = new BigInteger(hash.AsSpan(0, 8), isUnsigned: true, isBigEndian: true);
            var expected = (int)(top % RolloutBuckets.Count);
            return RolloutBuckets.Of(pair.Item1, pair.Item2) == expected && RolloutBuckets.Of(pair.Item1, pair.Item2) == expected;
        }));
    }

    [Fact]
    public void HundredThousandSubjectsFillTheTenThousandBucketsEvenly()
    {
        var counts = new int[RolloutBuckets.Count];
        for (var n = 0; n < 100_000; n++)
        {
            counts[RolloutBuckets.Of("chi-square", string.Create(CultureInfo.InvariantCulture, $"subject-{n}"))]++;
        }

        // Pearson's chi-square over 10,000 cells of expected 10: 9,999 degrees of freedom, mean 9,999,
        // standard deviation about 141. Six deviations above the mean is a bound a fair hash never nears.
        var chiSquare = counts.Sum(c => (c - 10.0) * (c - 10.0) / 10.0);
        Assert.InRange(chiSquare, 9_999 - (6 * 141.4), 9_999 + (6 * 141.4));
    }

    [Fact]
    public void ACandidatesShareOfSubjectsIsItsWeightWithinAChiSquareBound()
    {
        var subjects = Enumerable.Range(0, 20_000).Select(n => string.Create(CultureInfo.InvariantCulture, $"user-{n}")).ToArray();
        var weights = Gen.Choose(1, 9_999).Zip(Gen.Choose(0, int.MaxValue));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Arb.From(weights), pair =>
        {
            var (weight, seed) = pair;
            var salt = seed.ToString("x8", CultureInfo.InvariantCulture);
            var rollout = RolloutBuckets.Reweigh([new RolloutCandidate(2, [])], 0, weight);
            var served = subjects.Count(s => rollout[0].Ranges.Any(r => r.Contains(RolloutBuckets.Of(salt, s))));
            var expected = subjects.Length * weight / 10_000.0;
            var other = subjects.Length - expected;
            var chiSquare = ((served - expected) * (served - expected) / expected) + ((served - expected) * (served - expected) / other);
            // One degree of freedom: 30 is beyond p = 1e-7, so a fair layout never fails; a layout off by a few
            // percent of its weight does for every weight above a few hundred basis points.
            return chiSquare < 30;
        }));
    }

    [Fact]
    public void GrowthTakesTheLowestFreeBucketsAndAShrinkGivesBackTheHighest()
    {
        ImmutableArray<RolloutCandidate> candidates = [new RolloutCandidate(2, []), new RolloutCandidate(3, [])];
        candidates = RolloutBuckets.Reweigh(candidates, 0, 500);
        candidates = RolloutBuckets.Reweigh(candidates, 1, 1_000);
        candidates = RolloutBuckets.Reweigh(candidates, 0, 2_500);
        Assert.Equal(new[] { new BucketRange(0, 500), new BucketRange(1_500, 3_500) }, candidates[0].Ranges.ToArray());
        Assert.Equal(new[] { new BucketRange(500, 1_500) }, candidates[1].Ranges.ToArray());

        candidates = RolloutBuckets.Reweigh(candidates, 0, 1_000);
        Assert.Equal(new[] { new BucketRange(0, 500), new BucketRange(1_500, 2_000) }, candidates[0].Ranges.ToArray());
        Assert.Equal((1_000, 1_000), (candidates[0].Weight, candidates[1].Weight));
        var past = Assert.Throws<InvalidRolloutException>(() => RolloutBuckets.Reweigh(candidates, 1, 9_001));
        Assert.Contains("10001 basis points", past.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidRolloutException>(() => RolloutBuckets.Reweigh(candidates, 1, -1));
    }

    [Fact]
    public void EveryReweighMovesSubjectsOnlyBetweenTheControlAndTheCandidateReweighed()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(Reweigh.ListOf()), steps =>
        {
            ImmutableArray<RolloutCandidate> candidates = [new RolloutCandidate(2, []), new RolloutCandidate(3, []), new RolloutCandidate(4, [])];
            var before = Layout(candidates);
            foreach (var (index, weight) in steps)
            {
                var total = candidates.Sum(c => c.Weight) - candidates[index].Weight + weight;
                if (total > RolloutBuckets.Count)
                {
                    // Past 10,000 basis points is refused, and refused whole.
                    Assert.Throws<InvalidRolloutException>(() => RolloutBuckets.Reweigh(candidates, index, weight));
                    continue;
                }

                var grew = weight > candidates[index].Weight;
                candidates = RolloutBuckets.Reweigh(candidates, index, weight);
                var after = Layout(candidates);
                var moved = Enumerable.Range(0, RolloutBuckets.Count).Where(b => before[b] != after[b]).ToList();
                var version = candidates[index].Version;
                Assert.Equal(weight, candidates[index].Weight);
                Assert.Equal(weight, after.Count(v => v == version));
                Assert.All(moved, b => Assert.Equal(grew ? (Control, version) : (version, Control), (before[b], after[b])));
                Assert.True(Disjoint(candidates), "two candidates hold the same bucket");
                before = after;
            }

            return true;
        }));
    }

    [Fact]
    public void ASubjectOnceOnTheCandidateStaysThereAsTheRolloutAdvances()
    {
        var steps = Gen.Choose(1, 10_000).ArrayOf().Select(ws => ws.Distinct().Order().ToArray());
        Check.One(Cases, Prop.ForAll(Arb.From(steps.Zip(Gen.Choose(0, int.MaxValue))), pair =>
        {
            var salt = pair.Item2.ToString(CultureInfo.InvariantCulture);
            var subjects = Enumerable.Range(0, 500).Select(n => string.Create(CultureInfo.InvariantCulture, $"s{n}")).ToArray();
            ImmutableArray<RolloutCandidate> candidates = [new RolloutCandidate(2, [])];
            var onCandidate = new HashSet<string>();
            foreach (var weight in pair.Item1)
            {
                candidates = RolloutBuckets.Reweigh(candidates, 0, weight);
                var now = subjects.Where(s => candidates[0].Ranges.Any(r => r.Contains(RolloutBuckets.Of(salt, s)))).ToHashSet();
                if (!onCandidate.IsSubsetOf(now))
                {
                    return false;
                }

                onCandidate = now;
            }

            return true;
        }));
    }

    // The version each bucket is served.
    private static int[] Layout(ImmutableArray<RolloutCandidate> candidates)
    {
        var layout = Enumerable.Repeat(Control, RolloutBuckets.Count).ToArray();
        foreach (var candidate in candidates)
        {
            foreach (var range in candidate.Ranges)
            {
                Array.Fill(layout, candidate.Version, range.Start, range.Length);
            }
        }

        return layout;
    }

    private static bool Disjoint(ImmutableArray<RolloutCandidate> candidates) =>
        candidates.SelectMany(c => c.Ranges).Sum(r => r.Length) == Layout(candidates).Count(v => v != Control);
}
