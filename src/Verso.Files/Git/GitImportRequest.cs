using System.Collections.Immutable;
using Verso.Documents.Canonical;

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

    /// <summary>Creates a request of several parts walked at once, such as a Squad team's (see <c>SquadGitImport</c>).</summary>
    /// <param name="repository">A work tree's top folder, a bare repository or a <c>.git</c> directory.</param>
    /// <param name="parts">The parts, in the order each commit's steps are taken (an agent's charter before the decisions that pin it).</param>
    /// <exception cref="ArgumentException">No part is given.</exception>
    public GitImportRequest(string repository, IEnumerable<GitImportPart> parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentNullException.ThrowIfNull(parts);
        _parts = [.. parts];
        if (_parts.Value.IsEmpty)
        {
            throw new ArgumentException("give at least one part", nameof(parts));
        }

        Repository = repository;
        Paths = [.. _parts.Value.SelectMany(p => p.Paths)];
        Kind = _parts.Value[0].Kind;
        Parse = (step, cancellationToken) => step.Part!.Parse(step, cancellationToken);
    }

    private readonly ImmutableArray<GitImportPart>? _parts;

    /// <summary>The parts to import: those given, or one part of <see cref="Kind"/> over <see cref="Paths"/> named by <see cref="IdRule"/>.</summary>
    /// <exception cref="Verso.Errors.InvalidNameException">The kind name breaks the rule.</exception>
    public ImmutableArray<GitImportPart> Parts => _parts ?? [GitImportPart.Files(Paths, Kind, IdRule, Parse)];

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
