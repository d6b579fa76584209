using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Verso.Documents.Canonical;

namespace Verso.Benchmarks;

/// <summary>
/// The canonical hash of a ~20 KB document against the floor: parsing the same bytes, writing them back
/// with a plain Utf8JsonWriter and hashing the result. The ratio is what canonical form costs.
/// </summary>
[MemoryDiagnoser]
public class CanonicalHashBenchmarks
{
    private readonly byte[] _document = SampleDocuments.Workflow();

    [Benchmark(Baseline = true)]
    public byte[] Utf8JsonWriterPlusSha256()
    {
        using var parsed = JsonDocument.Parse(_document);
        var buffer = new ArrayBufferWriter<byte>(_document.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            parsed.WriteTo(writer);
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    [Benchmark]
    public string CanonicalJsonPlusSha256() => CanonicalJson.CreateDocument(_document).Hash.Hex;

    [GlobalSetup]
    public void ReportSize() => Console.WriteLine($"// document: {_document.Length} bytes");
}
