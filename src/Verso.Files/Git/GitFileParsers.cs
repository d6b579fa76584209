using System.Collections.Immutable;
using System.Text.Json;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Documents.Canonical;
using Verso.Files.Squad;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Git;

/// <summary>The parser and entity id rule <c>verso import-git</c> uses for a kind and a file format.</summary>
public static class GitFileParsers
{
    /// <summary>How entities are named for <paramref name="format"/> and <paramref name="kind"/>.</summary>
    public static EntityIdRule IdRuleFor(string kind, GitFileFormat format) => (format, kind) switch
    {
        (GitFileFormat.Squad, "decision") => EntityIdRule.SquadInboxFile,
        (GitFileFormat.Squad, _) => EntityIdRule.SquadCharterFolder,
        _ => EntityIdRule.FileName,
    };

    /// <summary>Reads a walked file as canonical content of <paramref name="kind"/>, validated by the kind's rules.</summary>
    /// <exception cref="ArgumentException">Squad files hold agents and decisions only.</exception>
    public static Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> For(VersioningService service, IVersionStore store, string kind, GitFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        return (format, kind) switch
        {
            (GitFileFormat.Squad, "agent") => Sync(step => service.Canonicalize(kind, SquadAgentRecord.ToJson(step.Key.Id, step.Content.Span))),
            (GitFileFormat.Squad, "decision") => (step, cancellationToken) => SquadDecisionAsync(service, store, step, cancellationToken),
            (GitFileFormat.Squad, _) => throw new ArgumentException($"Squad files hold agents and decisions, not {kind} records", nameof(kind)),
            (GitFileFormat.Json, _) => Sync(step => service.Canonicalize(kind, step.Content.Span)),
            (GitFileFormat.Yaml, _) => Sync(step => RecordFormat.Read(service, kind, "record.yaml", step.Content.Span)),
            (GitFileFormat.Markdown, _) => Sync(step => RecordFormat.Read(service, kind, "record.md", step.Content.Span)),
            _ => Sync(step => step.Path.EndsWith(".json", StringComparison.Ordinal)
                ? service.Canonicalize(kind, step.Content.Span)
                : RecordFormat.Read(service, kind, step.Path, step.Content.Span)),
        };
    }

    private static Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> Sync(Func<GitImportStep, CanonicalDocument> parse) =>
        (step, _) => ValueTask.FromResult(parse(step));

    // A team decision from an inbox file, pinned to the charters of the agents it names as its authors, as the
    // commit's own tree held them (when the store has those versions): the decision can be traced to them.
    private static ValueTask<CanonicalDocument> SquadDecisionAsync(VersioningService service, IVersionStore store, GitImportStep step, CancellationToken cancellationToken) =>
        SquadGitImport.DecisionAsync(service, store, step, step.Path[(step.Path.LastIndexOf('/') + 1)..], cancellationToken);
}
