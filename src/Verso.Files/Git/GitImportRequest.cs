using System.Collections.Immutable;
using Verso.Canonical;

namespace Verso.Files.Git;

/// <summary>What to import from a repository's history, and how to read its files.</summary>
public sealed record GitImportRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="repository">A work tree's top folder, a bare repository or a <c>.git</c> directory.</param>
    /// <param name="paths">The globs a file must match one of to be imported.</param>
    /// <param name="kind">The kind of every imported entity.</param>
    /// <param name="parse">
    /// Reads one step's file bytes as canonical content of <paramref name="kind"/>; use
    /// <see cref="Versioning.VersioningService.Canonicalize"/> so the kind's rules apply. A
    /// <see cref="Verso.Errors.VersoException"/> of category bad input skips the step with its message as the reason.
    /// </param>
    public GitImportRequest(string repository, IEnumerable<PathGlob> paths, string kind, Func<GitImportStep, CanonicalDocument> parse)
        : this(repository, paths, kind, (step, _) => ValueTask.FromResult(parse(step)))
    {
        ArgumentNullException.ThrowIfNull(parse);
    }

    /// <summary>Creates a request whose parser may read the store, e.g. to pin what was in force at the step's commit.</summary>
    /// <param name="repository">A work tree's top folder, a bare repository or a <c>.git</c> directory.</param>
    /// <param name="paths">The globs a file must match one of to be imported.</param>
    /// <param name="kind">The kind of every imported entity.</param>
    /// <param name="parse">Reads one step's file bytes as canonical content, as the other constructor's parser does.</param>
    public GitImportRequest(string repository, IEnumerable<PathGlob> paths, string kind, Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> parse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(parse);
        Repository = repository;
        Paths = [.. paths];
        Kind = kind;
        Parse = parse;
    }

    /// <summary>The repository's path.</summary>
    public string Repository { get; }

    /// <summary>The globs a file must match one of.</summary>
    public ImmutableArray<PathGlob> Paths { get; }

    /// <summary>The kind of every imported entity.</summary>
    public string Kind { get; }

    /// <summary>Reads one step's bytes as canonical content.</summary>
    public Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> Parse { get; }

    /// <summary>How paths name entities; <see cref="EntityIdRule.FileName"/> unless said otherwise.</summary>
    public EntityIdRule IdRule { get; init; } = EntityIdRule.FileName;

    /// <summary>The commit whose history is imported; <c>HEAD</c> unless said otherwise.</summary>
    public string Revision { get; init; } = "HEAD";
}
