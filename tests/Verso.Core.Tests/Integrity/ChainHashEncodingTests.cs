using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Core.Tests.Integrity;

/// <summary>
/// The chain hash is written straight to canonical bytes; links stored before were computed by writing
/// the link as JSON and canonicalizing it. Both must agree on every input, in both chain formats, or
/// existing stores would stop verifying.
/// </summary>
public sealed class ChainHashEncodingTests
{
    private static readonly string[] Texts =
    [
        "", " ", "alice", "Ünïcødé ✓", "emoji 😀 pair", "quote \" and backslash \\", "tab\tnew\nline\rcr\bback\fform",
        "\u0001\u001f\u007f controls", "<html> & 'apostrophe'", "\u2028\u2029 separators", "\uFEFF bom", "\uFFFF max",
        "a/b~c", "日本語のメッセージ", new string('x', 3000),
    ];

    [Fact]
    public void TheDirectWriterGivesTheLinkOfTheJsonRoundTripOnManyGeneratedVersions()
    {
        var random = new Random(1234);
        for (var i = 0; i < 3000; i++)
        {
            var (previous, snapshot) = Generate(random);

            Assert.Equal(Legacy(previous, snapshot, 2), ChainHash.Compute(previous, snapshot));
            Assert.True(ChainHash.Matches(previous, snapshot, Legacy(previous, snapshot, 1)), $"format 1 link of case {i}");
        }
    }

    [Fact]
    public void AnAbsentMessageAndAnEmptyOneHaveDifferentLinksInFormatTwoAndTheSameInFormatOne()
    {
        var (previous, snapshot) = Generate(new Random(7));
        var absent = new Snapshot(snapshot.Key, snapshot.Version, snapshot.Hash, default, snapshot.SavedBy, snapshot.SavedAt, null, snapshot.Operation, snapshot.SchemaVersion);
        var empty = new Snapshot(snapshot.Key, snapshot.Version, snapshot.Hash, default, snapshot.SavedBy, snapshot.SavedAt, "", snapshot.Operation, snapshot.SchemaVersion);

        Assert.NotEqual(ChainHash.Compute(previous, absent), ChainHash.Compute(previous, empty));
        Assert.Equal(Legacy(previous, absent, 2), ChainHash.Compute(previous, absent));
        Assert.Equal(Legacy(previous, empty, 2), ChainHash.Compute(previous, empty));
        Assert.Equal(Legacy(previous, absent, 1), Legacy(previous, empty, 1));
        Assert.True(ChainHash.Matches(previous, absent, Legacy(previous, empty, 1)));
    }

    [Theory]
    [InlineData("lone high \ud800 surrogate")]
    [InlineData("lone low \udc00 surrogate")]
    [InlineData("reversed \udc00\ud800 pair")]
    public void TextThatIsNotValidUtf16IsTreatedAsTheRoundTripTreatedIt(string text)
    {
        var (previous, snapshot) = Generate(new Random(3));
        var odd = new Snapshot(snapshot.Key, snapshot.Version, snapshot.Hash, default, snapshot.SavedBy, snapshot.SavedAt, text, snapshot.Operation, snapshot.SchemaVersion);

        var expected = Record.Exception(() => Legacy(previous, odd, 2));
        var actual = Record.Exception(() => ChainHash.Compute(previous, odd));

        Assert.Equal(expected?.GetType(), actual?.GetType());
        if (expected is null)
        {
            Assert.Equal(Legacy(previous, odd, 2), ChainHash.Compute(previous, odd));
        }
    }

    private static (ContentHash? Previous, Snapshot Snapshot) Generate(Random random)
    {
        var hash = ContentHash.Compute(BitConverter.GetBytes(random.NextInt64()));
        ContentHash? previous = random.Next(4) == 0 ? null : ContentHash.Compute(BitConverter.GetBytes(random.NextInt64()));
        var ticks = random.Next(5) switch
        {
            0 => DateTimeOffset.MinValue.UtcTicks,
            1 => DateTimeOffset.MaxValue.UtcTicks,
            2 => DateTimeOffset.UnixEpoch.UtcTicks - random.NextInt64(0, DateTimeOffset.UnixEpoch.UtcTicks),
            _ => DateTimeOffset.UnixEpoch.UtcTicks + random.NextInt64(0, 60L * 365 * TimeSpan.TicksPerDay),
        };
        var key = EntityKey.Create(random.Next(2) == 0 ? "agent" : "work-flow9", random.Next(2) == 0 ? "alice" : "A.b_c-" + random.Next(1000));
        var message = random.Next(3) switch
        {
            0 => null,
            1 => "",
            _ => Text(random),
        };
        var savedBy = Text(random) is { Length: > 0 } by && !string.IsNullOrWhiteSpace(by) ? by : "bob";
        var operations = Enum.GetValues<VersionOperation>();
        var snapshot = new Snapshot(
            key,
            random.Next(3) == 0 ? int.MaxValue : random.Next(1, 100_000),
            hash,
            default,
            savedBy,
            new DateTimeOffset(ticks, TimeSpan.Zero),
            message,
            operations[random.Next(operations.Length)],
            random.Next(1, 5))
        {
            RevertOf = random.Next(3) == 0 ? random.Next(1, 1000) : null,
            Source = random.Next(3) switch
            {
                0 => null,
                1 => new VersionSource(random.Next(2) == 0 ? "" : Convert.ToHexStringLower(SHA1.HashData(BitConverter.GetBytes(random.Next()))), Text(random), random.Next(2) == 0),
                _ => VersionSource.ForChangeRequest("cr-" + random.Next(100), Enumerable.Range(0, random.Next(4)).Select(_ => Text(random)).Where(t => t.Length > 0)),
            },
        };
        return (previous, snapshot);
    }

    private static string Text(Random random) =>
        random.Next(3) == 0 ? Texts[random.Next(Texts.Length)] + Texts[random.Next(Texts.Length)] : Texts[random.Next(Texts.Length)];

    // The link as it was computed before the direct writer: JSON written by Utf8JsonWriter, then canonicalized.
    private static ContentHash Legacy(ContentHash? previous, Snapshot snapshot, int format)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (format >= 2)
            {
                writer.WriteNumber("chain_format", format);
            }

            writer.WriteString("previous", previous?.ToString() ?? "");
            writer.WriteString("kind", snapshot.Key.Kind);
            writer.WriteString("id", snapshot.Key.Id);
            writer.WriteNumber("version", snapshot.Version);
            writer.WriteString("hash", snapshot.Hash.ToString());
            writer.WriteString("saved_by", snapshot.SavedBy);
            writer.WriteNumber("saved_at", (snapshot.SavedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
            if (format >= 2 && snapshot.Message is null)
            {
                writer.WriteNull("message");
            }
            else
            {
                writer.WriteString("message", snapshot.Message ?? "");
            }

            writer.WriteString("operation", snapshot.Operation.ToName());
            writer.WriteNumber("schema_version", snapshot.SchemaVersion);
            writer.WriteString("revert_of", snapshot.RevertOf?.ToString(CultureInfo.InvariantCulture) ?? "");
            if (snapshot.Source is { } source)
            {
                writer.WritePropertyName("source");
                source.WriteTo(writer);
            }
            else if (format >= 2)
            {
                writer.WriteNull("source");
            }

            writer.WriteEndObject();
        }

        return ContentHash.Compute(CanonicalJson.Canonicalize(buffer.ToArray()));
    }
}
