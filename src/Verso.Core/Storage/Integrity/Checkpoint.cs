using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage.Integrity;

/// <summary>
/// What a store's history was at one moment, small enough to keep outside the store (committed to git,
/// printed in CI): the chain hash of every entity's last version, the digest of every tag's moves and of
/// every entity's content removals, and a root over all of it. <c>verify --since</c> proves the history
/// still extends it: a deleted tail, a rewritten and re-chained version, a removed entity, an edited
/// tag move or removal row is named, even when whoever changed the store recomputed every chain link.
/// </summary>
/// <remarks>
/// The text is line-based and deterministic; its last line is <c>root sha256:…</c>, the SHA-256 of every
/// byte before it. A signature can later be added as one more line that signs the root, without changing
/// what is already written.
/// </remarks>
public sealed record Checkpoint(
    DateTimeOffset Created,
    ImmutableArray<CheckpointEntity> Entities,
    ImmutableArray<CheckpointTag> Tags,
    ImmutableArray<CheckpointRemovals> Removals)
{
    /// <summary>The first line of every checkpoint, with its format number.</summary>
    public const string Header = "verso checkpoint 1";

    /// <summary>The checkpoint as text, ending with its root line.</summary>
    public string ToText()
    {
        var body = Body();
        return $"{body}root {ContentHash.Compute(Encoding.UTF8.GetBytes(body))}\n";
    }

    /// <summary>The SHA-256 of the checkpoint's lines before the root: what a signature would sign.</summary>
    public ContentHash Root => ContentHash.Compute(Encoding.UTF8.GetBytes(Body()));

    /// <summary>Reads a checkpoint written by <see cref="ToText"/>, checking its root.</summary>
    /// <exception cref="InvalidCheckpointException">The text is not a checkpoint, or its root does not match its lines.</exception>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidCheckpointException($"the first line is not '{Header}'", 1);
        }

        DateTimeOffset? created = null;
        var entities = ImmutableArray.CreateBuilder<CheckpointEntity>();
        var tags = ImmutableArray.CreateBuilder<CheckpointTag>();
        var removals = ImmutableArray.CreateBuilder<CheckpointRemovals>();
        for (var i = 1; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ');
            try
            {
                switch (parts[0])
                {
                    case "created" when parts.Length == 2:
                        created = Timestamp.TryParseUtc(parts[1], out var time) ? time : throw new FormatException("not a UTC time");
                        break;
                    case "entity" when parts.Length == 4:
                        entities.Add(new CheckpointEntity(Key(parts[1]), Number(parts[2]), ContentHash.Parse(parts[3])));
                        break;
                    case "tag" when parts.Length == 5:
                        tags.Add(new CheckpointTag(Key(parts[1]), TagNames.Validate(parts[2]), Number(parts[3]), ContentHash.Parse(parts[4])));
                        break;
                    case "removals" when parts.Length == 4:
                        removals.Add(new CheckpointRemovals(Key(parts[1]), [.. parts[2].Split(',').Select(Number)], ContentHash.Parse(parts[3])));
                        break;
                    case "root" when parts.Length == 2:
                        var body = string.Join('\n', lines[..i]) + "\n";
                        if (ContentHash.Compute(Encoding.UTF8.GetBytes(body)) != ContentHash.Parse(parts[1]))
                        {
                            throw new InvalidCheckpointException("its root does not match its lines: the file was changed after it was written", i + 1);
                        }

                        if (created is null)
                        {
                            throw new InvalidCheckpointException("it has no 'created' line");
                        }

                        return new Checkpoint(created.Value, entities.ToImmutable(), tags.ToImmutable(), removals.ToImmutable());
                    default:
                        throw new InvalidCheckpointException($"'{Shorten(lines[i])}' is not a checkpoint line", i + 1);
                }
            }
            catch (Exception exception) when (exception is FormatException or Errors.InvalidNameException)
            {
                throw new InvalidCheckpointException($"'{Shorten(lines[i])}': {exception.Message}", i + 1);
            }
        }

        throw new InvalidCheckpointException("it has no 'root' line (cut short?)");
    }

    private string Body()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("created ").Append(Timestamp.Format(Created)).Append('\n');
        foreach (var entity in Entities.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"entity {entity.Key} {entity.Version} {entity.Chain}\n");
        }

        foreach (var tag in Tags.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"tag {tag.Key} {tag.Name} {tag.Moves} {tag.Digest}\n");
        }

        foreach (var removal in Removals.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"removals {removal.Key} {string.Join(',', removal.Versions)} {removal.Digest}\n");
        }

        return text.ToString();
    }

    private static EntityKey Key(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? throw new FormatException("an entity is KIND/ID") : EntityKey.Create(text[..slash], text[(slash + 1)..]);
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"'{text}' is not a version number");

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..59] + "…";
}
