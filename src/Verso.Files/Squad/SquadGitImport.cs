using System.Collections.Immutable;
using System.Text.Json;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Documents.Canonical;
using Verso.Files.Git;
using Verso.Files.Text;
using Verso.Documents.Hashing;
using Verso.Model.Lineage;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Squad;

/// <summary>
/// What <c>verso import-git REPO --squad</c> imports from a Squad team's history, walked at once, in this
/// order within each commit: the charters (<c>agents/**/charter.md</c>, as agents named by folder), each
/// agent's lineage (retired under <c>_alumni/</c>, recast per <c>casting/registry.json</c>), the team files
/// (<c>team.md</c>, <c>routing.md</c>, <c>casting/registry.json</c> as kind <see cref="TeamFileKind"/>, their
/// text kept whole), each entry of <c>decisions.md</c> and each inbox file as a team decision pinned to the
/// charters of its agent authors as the commit's own tree held them. Each under <c>.squad/</c> or
/// <c>.ai-team/</c>; where both name one entity, <c>.squad/</c> wins.
/// </summary>
public static class SquadGitImport
{
    /// <summary>The kind of a team file: <c>{"text": …}</c>, the file's text exactly.</summary>
    public const string TeamFileKind = "squad-file";

    private static readonly string[] Folders = [".squad", ".ai-team"];

    /// <summary>The request that imports the team at <paramref name="repository"/> into <paramref name="store"/>, the store <paramref name="service"/> serves.</summary>
    public static GitImportRequest Request(string repository, VersioningService service, IVersionStore store) => new(repository, Parts(service, store));

    /// <summary>The parts of a Squad team's import, in the order each commit's steps are taken.</summary>
    public static ImmutableArray<GitImportPart> Parts(VersioningService service, IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        var charters = Globs("agents/**/charter.md");
        var registry = Globs("casting/registry.json");
        var log = Globs("decisions.md");
        // Many decisions pin the same charter content: its version is looked up once.
        var pins = new Dictionary<(EntityKey, string), PinnedCharter>();
        return
        [
            GitImportPart.Files(charters, "agent", EntityIdRule.SquadCharterFolder, GitFileParsers.For(service, store, "agent", GitFileFormat.Squad)),
            new GitImportPart(
                [.. charters, .. registry], EntityLineage.Kind,
                new SquadLineageReader(path => charters.Any(g => g.IsMatch(path)), path => registry.Any(g => g.IsMatch(path))),
                (step, _) => ValueTask.FromResult(CanonicalJson.CreateDocument(step.Content.Span)),
                recordsDeletions: false),
            GitImportPart.Files([.. Globs("team.md"), .. Globs("routing.md"), .. registry], TeamFileKind, EntityIdRule.SquadTeamFile, (step, _) => ValueTask.FromResult(TeamFile(service, step))),
            new GitImportPart(log, "decision", new SquadDecisionLogReader(path => log.Any(g => g.IsMatch(path))), (step, token) => DecisionAsync(service, store, step, null, token, pins), recordsDeletions: false),
            GitImportPart.Files(
                Globs("decisions/inbox/*.md"), "decision", EntityIdRule.SquadInboxFile,
                (step, token) => DecisionAsync(service, store, step, step.Path[(step.Path.LastIndexOf('/') + 1)..], token, pins), recordsDeletions: false),
        ];
    }

    /// <summary>
    /// A team decision from a step's text (an inbox file, or one entry of <c>decisions.md</c>), pinned to the
    /// charter of each agent its <c>**By:**</c> line names, as the step's commit held that charter.
    /// </summary>
    internal static async ValueTask<CanonicalDocument> DecisionAsync(
        VersioningService service, IVersionStore store, GitImportStep step, string? inboxFile, CancellationToken cancellationToken, Dictionary<(EntityKey, string), PinnedCharter>? cache = null)
    {
        var decision = inboxFile is null
            ? SquadDecisionLog.Read(Utf8Text.Decode(step.Content.Span), new HashSet<string>(StringComparer.Ordinal)) with { Id = step.Key.Id }
            : SquadInbox.Parse(inboxFile, step.Content.Span) with { Id = step.Key.Id };
        var pins = await PinsAsync(service, store, step, decision.By, cache, cancellationToken).ConfigureAwait(false);
        if (!pins.IsEmpty)
        {
            decision = decision with { PinnedCharters = pins };
        }

        return service.Canonicalize(step.Key.Kind, JsonSerializer.SerializeToUtf8Bytes(decision, TeamDecisionJson.TypeInfo));
    }

    /// <summary>
    /// The charters in force for <paramref name="by"/>'s agent authors at the step's commit: for each author,
    /// the agent its name (case-insensitively, before any parenthesis), its first word, or its
    /// <c>(formerly …)</c> name names, whose charter the commit's tree holds, pinned to the first stored version
    /// with exactly that content (in an import that follows no charters, the version saved last at or before
    /// the commit's author date). Authors who are no agent (a person, <c>Brady (via Copilot)</c>) pin nothing.
    /// </summary>
    internal static async Task<ImmutableList<PinnedCharter>> PinsAsync(
        VersioningService service, IVersionStore store, GitImportStep step, string? by, Dictionary<(EntityKey, string), PinnedCharter>? cache, CancellationToken cancellationToken)
    {
        var pins = ImmutableList.CreateBuilder<PinnedCharter>();
        foreach (var author in SquadAuthors.Parse(by))
        {
            var firstWord = author.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            var names = new[] { author.Name, firstWord, author.Formerly }.OfType<string>().Select(n => Slug.Of(n, 128)).Where(EntityKey.IsValidId).Distinct(StringComparer.Ordinal);
            foreach (var id in names)
            {
                if (await CharterAtAsync(service, store, step, EntityKey.Create("agent", id), cache, cancellationToken).ConfigureAwait(false) is { } pin)
                {
                    if (!pins.Any(p => p.Ref == pin.Ref))
                    {
                        pins.Add(pin);
                    }

                    break;
                }
            }
        }

        return pins.ToImmutable();
    }

    private static async Task<PinnedCharter?> CharterAtAsync(
        VersioningService service, IVersionStore store, GitImportStep step, EntityKey agent, Dictionary<(EntityKey, string), PinnedCharter>? cache, CancellationToken cancellationToken)
    {
        if (step.Tree is null || !step.Tree.Covers(agent.Kind))
        {
            // An import of decisions alone (or a step outside a planner) has no charters in its tree to read:
            // the version saved last at or before the commit's date is the best answer there is.
            return await store.GetAsOfAsync(agent, step.Commit.AuthorDate, cancellationToken).ConfigureAwait(false) is { } asOf ? PinnedCharter.Of(asOf) : null;
        }

        if (step.Tree.ContentIdOf(agent) is not { } contentId)
        {
            return null;
        }

        if (cache is not null && cache.TryGetValue((agent, contentId), out var known))
        {
            return known;
        }

        var charter = (await step.Tree.ReadAsync(agent, cancellationToken).ConfigureAwait(false))!.Value;

        ContentHash hash;
        try
        {
            hash = service.Canonicalize(agent.Kind, SquadAgentRecord.ToJson(agent.Id, charter.Span)).Hash;
        }
        catch (Verso.Errors.VersoException)
        {
            return null;
        }

        _ = ContentHashPrefix.TryParse(hash.ToString(), out var prefix);
        var versions = await store.FindByHashAsync(agent, prefix, 64, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return null;
        }

        var pin = PinnedCharter.Of(versions.MinBy(v => v.Version)!);
        cache?.TryAdd((agent, contentId), pin);
        return pin;
    }

    private static CanonicalDocument TeamFile(VersioningService service, GitImportStep step) =>
        service.Canonicalize(TeamFileKind, TeamDecisionJson.TextRecord(Utf8Text.Decode(step.Content.Span)));

    private static ImmutableArray<PathGlob> Globs(string relative) => [.. Folders.Select(folder => PathGlob.Parse($"{folder}/{relative}"))];
}
