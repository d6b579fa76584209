using FsCheck;
using FsCheck.Fluent;
using Verso.Core.Tests.Diff.Support;
using Verso.Core.Tests.Support;
using Verso.Documents.Diff;
using Verso.Model.Kinds;
using Verso.Versioning.Replay;
using static Verso.Core.Tests.Diff.Support.DiffJson;

namespace Verso.Core.Tests.Replay;

/// <summary>Invariants of replay verdicts over arbitrary values and edited copies of them.</summary>
public sealed class ReplayPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static readonly Arbitrary<(TestJson Left, TestJson Right)> Pairs = Arb.From(
        ArbitraryJson.Values.Generator.Zip(Gen.Choose(0, int.MaxValue), (value, seed) => (value, Mutation.Of(value, new Random(seed)))));

    private static readonly EntityKind[] Kinds =
    [
        EntityKind.Document("doc"),
        new("some") { BehaviourFields = ["/a", "/*/b", "/0"] },
        new("none") { BehaviourFields = [] },
    ];

    [Fact]
    public void AValueComparedWithItselfIsIdentical()
    {
        Check.One(Cases, Prop.ForAll(ArbitraryJson.Values, value =>
            Kinds.All(kind => ReplayCompatibility.Compare(kind, From(value), From(value)).Verdict == CompatibilityLevel.Identical)));
    }

    [Fact]
    public void TheVerdictPartitionsTheDiffAndIsBreakingExactlyWhenABehaviourFieldChanged()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair => Kinds.All(kind =>
        {
            var (left, right) = (From(pair.Left), From(pair.Right));
            var verdict = ReplayCompatibility.Compare(kind, left, right);
            var identical = CanonicalText(left) == CanonicalText(right);
            var changes = identical ? 0 : JsonDiff.Compute(left, right, kind.DiffRules).Length;

            return (verdict.Verdict == CompatibilityLevel.Identical) == identical
                && verdict.Differences.Length + verdict.Cosmetic.Length == changes
                && (verdict.Verdict == CompatibilityLevel.Breaking) == !verdict.Differences.IsEmpty
                && (kind.BehaviourFields is not null || verdict.Cosmetic.IsEmpty)
                && (kind.BehaviourFields is not { IsEmpty: true } || verdict.Differences.IsEmpty);
        })));
    }
}
