using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Versioning.Signatures;

namespace Verso.Core.Tests.Signatures;

public sealed class SignedCheckpointTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSignedCheckpointIsReadBackAsTheSameCheckpoint()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var checkpoint = Sample(Noon, 3);

        var opened = SignedCheckpoint.Open(SignedCheckpoint.Sign(checkpoint, "store-1", null, key), key.PublicKey);

        Assert.Equal(checkpoint.ToText(), opened.Checkpoint.ToText());
        Assert.Equal("store-1", opened.StoreId);
        Assert.Null(opened.Previous);
    }

    [Fact]
    public void TheStatementIsAnInTotoStatementWhoseSubjectIsTheStoreAndTheRoot()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.EcdsaP256);
        var checkpoint = Sample(Noon, 2);

        var envelope = SignedCheckpoint.Sign(checkpoint, "store-1", null, key);
        using var statement = JsonDocument.Parse(envelope.Payload.ToArray());
        var subject = Assert.Single(statement.RootElement.GetProperty("subject").EnumerateArray());

        Assert.Equal("application/vnd.in-toto+json", envelope.PayloadType);
        Assert.Equal("https://in-toto.io/Statement/v1", statement.RootElement.GetProperty("_type").GetString());
        Assert.Equal("verso-checkpoint:store-1", subject.GetProperty("name").GetString());
        Assert.Equal(checkpoint.Root.Hex, subject.GetProperty("digest").GetProperty("sha256").GetString());
        Assert.Equal(SignedCheckpoint.PredicateType, statement.RootElement.GetProperty("predicateType").GetString());
        Assert.Equal(2, statement.RootElement.GetProperty("predicate").GetProperty("entities")[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public void AStatementWhosePredicateDisagreesWithItsSubjectIsRefusedEvenWhenSigned()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var envelope = SignedCheckpoint.Sign(Sample(Noon, 2), "store-1", null, key);
        var text = Encoding.UTF8.GetString(envelope.Payload.AsSpan()).Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal);
        var resigned = DsseEnvelope.Sign(envelope.PayloadType, Encoding.UTF8.GetBytes(text), key);

        var error = Assert.Throws<InvalidCheckpointException>(() => SignedCheckpoint.Open(resigned, key.PublicKey));

        Assert.Contains("its subject does not match its predicate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointsChainAndAnOlderOneReplayedAsTheNewestIsRefused()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var first = SignedCheckpoint.Open(SignedCheckpoint.Sign(Sample(Noon, 1), "s", null, key), key.PublicKey);
        var second = SignedCheckpoint.Open(SignedCheckpoint.Sign(Sample(Noon.AddHours(1), 2), "s", first, key), key.PublicKey);
        var unchained = SignedCheckpoint.Open(SignedCheckpoint.Sign(Sample(Noon.AddHours(2), 3), "s", null, key), key.PublicKey);

        second.EnsureFollows(first);
        var replay = Assert.Throws<InvalidSignatureException>(() => first.EnsureFollows(second));
        var broken = Assert.Throws<InvalidSignatureException>(() => unchained.EnsureFollows(second));

        Assert.Equal(first.Digest, second.Previous);
        Assert.Contains("an older checkpoint replayed", replay.Message, StringComparison.Ordinal);
        Assert.Contains("does not chain to", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APreviousCheckpointThatIsNotOlderCannotBeChainedTo()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var later = SignedCheckpoint.Open(SignedCheckpoint.Sign(Sample(Noon.AddHours(1), 1), "s", null, key), key.PublicKey);

        Assert.Throws<InvalidSignatureException>(() => SignedCheckpoint.Sign(Sample(Noon, 2), "s", later, key));
    }

    private static Checkpoint Sample(DateTimeOffset created, int version) => new(
        created,
        [new CheckpointEntity(EntityKey.Create("agent", "alice"), version, ContentHash.Compute(BitConverter.GetBytes(version)))],
        [new CheckpointTag(EntityKey.Create("agent", "alice"), "production", 1, ContentHash.Compute("moves"u8))],
        [new CheckpointRemovals(EntityKey.Create("agent", "alice"), ImmutableArray.Create(1), ContentHash.Compute("removed"u8))]);
}
