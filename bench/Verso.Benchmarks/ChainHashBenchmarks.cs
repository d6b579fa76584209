using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Benchmarks;

/// <summary>
/// The chain hash of one version, as every append computes it: written straight to canonical bytes,
/// next to the way it was computed before (the link written as JSON, then canonicalized), kept here
/// as the baseline.
/// </summary>
[MemoryDiagnoser]
public class ChainHashBenchmarks
{
    private readonly ContentHash _previous = ContentHash.Compute("previous"u8);

    private readonly Snapshot _snapshot = new(
        EntityKey.Create("agent", "alice"),
        42,
        ContentHash.Compute("content"u8),
        default,
        "alice@example.com",
        new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        "Tighten the review rules for the payments service",
        VersionOperation.Save,
        1);

    [Benchmark(Baseline = true)]
    public ContentHash JsonRoundTrip()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("chain_format", 2);
            writer.WriteString("previous", _previous.ToString());
            writer.WriteString("kind", _snapshot.Key.Kind);
            writer.WriteString("id", _snapshot.Key.Id);
            writer.WriteNumber("version", _snapshot.Version);
            writer.WriteString("hash", _snapshot.Hash.ToString());
            writer.WriteString("saved_by", _snapshot.SavedBy);
            writer.WriteNumber("saved_at", (_snapshot.SavedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
            writer.WriteString("message", _snapshot.Message);
            writer.WriteString("operation", _snapshot.Operation.ToName());
            writer.WriteNumber("schema_version", _snapshot.SchemaVersion);
            writer.WriteString("revert_of", _snapshot.RevertOf?.ToString(CultureInfo.InvariantCulture) ?? "");
            writer.WriteNull("source");
            writer.WriteEndObject();
        }

        return ContentHash.Compute(CanonicalJson.Canonicalize(buffer.ToArray()));
    }

    [Benchmark]
    public ContentHash DirectWriter() => ChainHash.Compute(_previous, _snapshot);

    [GlobalSetup]
    public void Check()
    {
        if (JsonRoundTrip() != DirectWriter())
        {
            throw new InvalidOperationException("the two chain hashes differ");
        }
    }
}
