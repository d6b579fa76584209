using System.Collections.Immutable;
using Verso.Documents.Canonical;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// One part of an import: the files it follows, the kind of entity they hold, how a tree's files become
/// entities, and how a step's bytes become content. A Squad team is several parts walked at once (charters,
/// decisions, the inbox, lineage, team files); a plain import is one.
/// </summary>
public sealed class GitImportPart
{
    internal GitImportPart(ImmutableArray<PathGlob> paths, string kind, GitEntityReader reader, Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> parse, bool recordsDeletions)
    {
        EntityKey.ValidateKind(kind);
        Paths = paths;
        Kind = kind;
        Reader = reader;
        Parse = parse;
        RecordsDeletions = recordsDeletions;
    }

    /// <summary>The globs a file must match one of to belong to this part.</summary>
    public ImmutableArray<PathGlob> Paths { get; }

    /// <summary>The kind of the part's entities.</summary>
    public string Kind { get; }

    /// <summary>Reads one step's bytes as canonical content (see <see cref="GitImportRequest.Parse"/>).</summary>
    public Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> Parse { get; }

    /// <summary>
    /// Whether an entity that leaves the tree gets a version recording its deletion. Decisions do not:
    /// they are append-only, and an entry that leaves a file (or an inbox file merged into the log) still was decided.
    /// </summary>
    public bool RecordsDeletions { get; }

    internal GitEntityReader Reader { get; }

    /// <summary>Whether the part follows <paramref name="path"/>.</summary>
    public bool Follows(string path) => Paths.Any(glob => glob.IsMatch(path));

    /// <summary>One file per entity, named by <paramref name="idRule"/> (its precedence picks among files naming one entity).</summary>
    /// <exception cref="Verso.Errors.InvalidNameException">The kind name breaks the rule.</exception>
    public static GitImportPart Files(
        IEnumerable<PathGlob> paths, string kind, EntityIdRule idRule, Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> parse, bool recordsDeletions = true)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(idRule);
        ArgumentNullException.ThrowIfNull(parse);
        ImmutableArray<PathGlob> globs = [.. paths];
        return new GitImportPart(globs, kind, new GitFileEntityReader(kind, idRule, path => globs.Any(g => g.IsMatch(path))), parse, recordsDeletions);
    }
}
