using FsCheck;
using FsCheck.Fluent;
using Verso.Core.Tests.Diff.Support;
using Verso.Core.Tests.Support;
using Verso.Documents.Diff;
using static Verso.Core.Tests.Diff.Support.DiffJson;

namespace Verso.Core.Tests.Diff;

/// <summary>Invariants of diff and patch over arbitrary values, and over edited copies of them.</summary>
public sealed class DiffPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Mostly a value and an edited copy of it, which share structure; sometimes two unrelated values.
    private static readonly Arbitrary<(TestJson Left, TestJson Right)> Pairs = Arb.From(Gen.Frequency(
        (1, ArbitraryJson.Values.Generator.Zip(ArbitraryJson.Values.Generator)),
        (3, ArbitraryJson.Values.Generator.Zip(Gen.Choose(0, int.MaxValue), (value, seed) => (value, Mutation.Of(value, new Random(seed)))))));

    private static readonly Arbitrary<(int Left, int Right)> KeyedSeeds =
        Arb.From(Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)));

    [Fact]
    public void ApplyingThePatchToTheLeftValueGivesTheRightValue()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair =>
            CanonicalText(Apply(From(pair.Left), JsonPatchBuilder.Create(From(pair.Left), From(pair.Right)))) == CanonicalText(From(pair.Right))));
    }

    [Fact]
    public void ApplyingThePatchGivesTheRightValueWithKeyedAndSetArrays()
    {
        Check.One(Cases, Prop.ForAll(KeyedSeeds, seeds =>
        {
            var left = KeyedDocuments.Create(new Random(seeds.Left));
            var right = KeyedDocuments.Create(new Random(seeds.Right));
            var patch = JsonPatchBuilder.Create(left, right, KeyedDocuments.Rules);

            return CanonicalText(Apply(left, patch)) == CanonicalText(right);
        }));
    }

    [Fact]
    public void KeyedRulesThatMatchNothingStillGiveAnExactPatch()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair =>
            CanonicalText(Apply(From(pair.Left), JsonPatchBuilder.Create(From(pair.Left), From(pair.Right), KeyedDocuments.Rules))) == CanonicalText(From(pair.Right))));
    }

    [Fact]
    public void AValueComparedWithItselfHasNoChangesAndAnEmptyPatch()
    {
        Check.One(Cases, Prop.ForAll(ArbitraryJson.Values, value =>
            JsonDiff.Compute(From(value), From(value)).IsEmpty && JsonPatchBuilder.Create(From(value), From(value)).IsEmpty));
        Check.One(Cases, Prop.ForAll(KeyedSeeds, seeds =>
        {
            var document = KeyedDocuments.Create(new Random(seeds.Left));
            return JsonDiff.Compute(document, document.DeepClone(), KeyedDocuments.Rules).IsEmpty;
        }));
    }

    [Fact]
    public void WithDefaultRulesTheDiffIsEmptyExactlyWhenTheValuesAreEqual()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair =>
            JsonDiff.Compute(From(pair.Left), From(pair.Right)).IsEmpty == (CanonicalText(From(pair.Left)) == CanonicalText(From(pair.Right)))));
    }
}
