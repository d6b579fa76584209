using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Naming;

namespace Verso.Versioning.Signatures;

/// <summary>
/// A checkpoint signed as an in-toto statement in a DSSE envelope. The subject is <c>verso-checkpoint:STORE</c> with the
/// checkpoint's root as its sha256; the predicate (<see cref="PredicateType"/>) carries the time, the store id, every
/// entity's chain head and version, every tag's and removal's digest, and the previous checkpoint's digest, so
/// checkpoints chain as versions do: an older checkpoint replayed in place of a newer one does not follow it.
/// </summary>
/// <param name="Checkpoint">The checkpoint, rebuilt from the predicate and checked against the subject's digest.</param>
/// <param name="StoreId">The id of the store it was taken of.</param>
/// <param name="Previous">The digest of the checkpoint before it, when there was one.</param>
/// <param name="Digest">This checkpoint's digest: the SHA-256 of its signed payload, what the next one names as previous.</param>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, string StoreId, ContentHash? Previous, ContentHash Digest)
{
    /// <summary>The predicate type of a checkpoint statement.</summary>
    public const string PredicateType = "https://verso.dev/checkpoint/v1";

    /// <summary>The prefix of a checkpoint statement's subject name; the store id follows.</summary>
    public const string SubjectPrefix = "verso-checkpoint:";

    /// <summary>Signs a checkpoint of the store <paramref name="storeId"/>, chained to <paramref name="previous"/> when given.</summary>
    public static DsseEnvelope Sign(Checkpoint checkpoint, string storeId, SignedCheckpoint? previous, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(key);
        if (previous is not null && previous.Checkpoint.Created >= checkpoint.Created)
        {
            throw new InvalidSignatureException($"the previous checkpoint ({Timestamp.Format(previous.Checkpoint.Created)}) is not older than this one");
        }

        var statement = new InTotoStatement(
            [new InTotoSubject(SubjectPrefix + storeId, checkpoint.Root.Hex)],
            PredicateType,
            Predicate(checkpoint, storeId, previous?.Digest));
        return DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, statement.ToPayload(), key);
    }

    /// <summary>Verifies the envelope's signature under <paramref name="key"/>, then reads the checkpoint it signs.</summary>
    /// <exception cref="InvalidSignatureException">The signature does not verify, or the statement is not a Verso checkpoint.</exception>
    /// <exception cref="InvalidCheckpointException">The signed checkpoint is inconsistent (its root does not match its subject).</exception>
    public static SignedCheckpoint Open(DsseEnvelope envelope, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        envelope.Verify(key);
        if (envelope.PayloadType != DsseEnvelope.InTotoPayloadType)
        {
            throw new InvalidSignatureException($"the envelope's payload type is '{envelope.PayloadType}', not an in-toto statement");
        }

        var statement = InTotoStatement.FromPayload(envelope.Payload.AsSpan());
        if (statement.PredicateType != PredicateType || statement.Subjects.Length != 1 || !statement.Subjects[0].Name.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            throw new InvalidSignatureException($"the signed statement is not a Verso checkpoint (predicate type {statement.PredicateType})");
        }

        var (checkpoint, storeId, previous) = Read(statement.Predicate);
        if (statement.Subjects[0].Name != SubjectPrefix + storeId || checkpoint.Root.Hex != statement.Subjects[0].Sha256)
        {
            throw new InvalidCheckpointException("its subject does not match its predicate (store id or root)");
        }

        return new SignedCheckpoint(checkpoint, storeId, previous, ContentHash.Compute(envelope.Payload.AsSpan()));
    }

    /// <summary>
    /// Checks that this checkpoint comes after <paramref name="earlier"/> in the same chain: same store, newer, and naming
    /// it as previous. An older checkpoint presented as the newest fails here.
    /// </summary>
    /// <exception cref="InvalidSignatureException">It does not follow <paramref name="earlier"/>.</exception>
    public void EnsureFollows(SignedCheckpoint earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (earlier.StoreId != StoreId)
        {
            throw new InvalidSignatureException($"the checkpoints are of different stores ({earlier.StoreId} and {StoreId})");
        }

        if (Checkpoint.Created <= earlier.Checkpoint.Created)
        {
            throw new InvalidSignatureException($"the checkpoint of {Timestamp.Format(Checkpoint.Created)} is not newer than the one of {Timestamp.Format(earlier.Checkpoint.Created)}: an older checkpoint replayed");
        }

        if (Previous != earlier.Digest)
        {
            throw new InvalidSignatureException($"the checkpoint of {Timestamp.Format(Checkpoint.Created)} does not chain to the one of {Timestamp.Format(earlier.Checkpoint.Created)} (previous {Previous?.Short() ?? "none"}, expected {earlier.Digest.Short()})");
        }
    }

    private static JsonObject Predicate(Checkpoint checkpoint, string storeId, ContentHash? previous)
    {
        var entities = new JsonArray();
        foreach (var entity in checkpoint.Entities.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal))
        {
            entities.Add((JsonNode)new JsonObject { ["entity"] = entity.Key.ToString(), ["version"] = entity.Version, ["chain"] = entity.Chain.ToString() });
        }

        var tags = new JsonArray();
        foreach (var tag in checkpoint.Tags.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            tags.Add((JsonNode)new JsonObject { ["entity"] = tag.Key.ToString(), ["tag"] = tag.Name, ["moves"] = tag.Moves, ["digest"] = tag.Digest.ToString() });
        }

        var removals = new JsonArray();
        foreach (var removal in checkpoint.Removals.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            removals.Add((JsonNode)new JsonObject
            {
                ["entity"] = removal.Key.ToString(),
                ["versions"] = new JsonArray([.. removal.Versions.Select(v => (JsonNode)v)]),
                ["digest"] = removal.Digest.ToString(),
            });
        }

        return new JsonObject
        {
            ["store"] = storeId,
            ["created"] = Timestamp.Format(checkpoint.Created),
            ["previous"] = previous?.ToString(),
            ["entities"] = entities,
            ["tags"] = tags,
            ["removals"] = removals,
        };
    }

    private static (Checkpoint Checkpoint, string StoreId, ContentHash? Previous) Read(JsonObject predicate)
    {
        try
        {
            var storeId = (string)predicate["store"]!;
            var created = Timestamp.TryParseUtc((string?)predicate["created"], out var time) ? time : throw new FormatException("'created' is not a UTC time");
            var previous = (string?)predicate["previous"] is { } text ? ContentHash.Parse(text) : (ContentHash?)null;
            var entities = predicate["entities"]!.AsArray()
                .Select(e => new CheckpointEntity(EntityKey.Parse((string)e!["entity"]!), (int)e["version"]!, ContentHash.Parse((string)e["chain"]!)))
                .ToImmutableArray();
            var tags = predicate["tags"]!.AsArray()
                .Select(t => new CheckpointTag(EntityKey.Parse((string)t!["entity"]!), (string)t["tag"]!, (int)t["moves"]!, ContentHash.Parse((string)t["digest"]!)))
                .ToImmutableArray();
            var removals = predicate["removals"]!.AsArray()
                .Select(r => new CheckpointRemovals(
                    EntityKey.Parse((string)r!["entity"]!),
                    [.. r["versions"]!.AsArray().Select(v => (int)v!)],
                    ContentHash.Parse((string)r["digest"]!)))
                .ToImmutableArray();
            return (new Checkpoint(created, entities, tags, removals), storeId, previous);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or NullReferenceException or Errors.InvalidNameException or Errors.InvalidReferenceException)
        {
            throw new InvalidCheckpointException($"the signed predicate is malformed: {exception.Message.Split('\n')[0]}");
        }
    }

}
