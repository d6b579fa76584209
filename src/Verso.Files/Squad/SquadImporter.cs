using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Errors;
using Verso.Files.Directories;
using Verso.Files.Errors;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Squad;

/// <summary>
/// Imports a Squad team folder (<c>.squad/</c> or <c>.ai-team/</c>): each <c>agents/&lt;name&gt;/charter.md</c>
/// as agent <c>&lt;name&gt;</c> (see <see cref="SquadAgentRecord"/>), each <c>decisions.md</c> entry and each
/// <c>decisions/inbox/*.md</c> file as a team decision, then the folder's <see cref="SquadLayout"/>. Every save
/// is an <c>import</c> that creates a version only when the content changed; a file that cannot be used is
/// reported and skipped. Report paths start at the team folder (<c>.squad/agents/ripley/charter.md</c>).
/// </summary>
public sealed class SquadImporter
{
    private readonly VersioningService _service;
    private readonly IVersionStore _store;

    /// <summary>Creates the importer over <paramref name="service"/>'s kinds, reading heads from <paramref name="store"/>, the store it serves.</summary>
    public SquadImporter(VersioningService service, IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        _service = service;
        _store = store;
    }

    /// <summary>The team folder at or directly under <paramref name="path"/>: <c>.squad</c> first, then <c>.ai-team</c>.</summary>
    /// <exception cref="RecordFileException">Neither exists, or the folder is a symbolic link.</exception>
    public static string FindTeamFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var candidates = SquadLayout.FolderNames.Contains(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)))
            ? [full]
            : SquadLayout.FolderNames.Select(name => Path.Combine(full, name));
        var folder = candidates.FirstOrDefault(Directory.Exists)
            ?? throw new RecordFileException($"no .squad/ or .ai-team/ folder in {path}");
        return ContainedDirectory.IsLink(folder)
            ? throw new RecordFileException($"{folder} is a symbolic link; links are never followed")
            : folder;
    }

    /// <summary>How many files an import of <paramref name="path"/> reads at most: the total for a progress bar.</summary>
    public static int CountFiles(string path)
    {
        var team = new SquadTree(FindTeamFolder(path));
        return team.Charters().Count() + team.InboxFiles().Count() + (team.Exists("decisions.md") ? 1 : 0);
    }

    /// <summary>Imports the team folder at or under <paramref name="path"/>.</summary>
    /// <param name="path">A repository (or any folder) holding <c>.squad/</c> or <c>.ai-team/</c>, or that folder itself.</param>
    /// <param name="options">Who imports and why; the operation is always <see cref="VersionOperation.Import"/>.</param>
    /// <param name="progress">Told the number of files done after each one.</param>
    /// <param name="cancellationToken">Stops between files; what is saved stays.</param>
    /// <returns>One result per charter, per decision entry, per inbox file, and one for the layout.</returns>
    /// <exception cref="RecordFileException">There is no team folder.</exception>
    public async Task<DirectoryReport> ImportAsync(string path, SaveOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tree = new SquadTree(FindTeamFolder(path));
        var run = new Run(_service, _store, tree, options with { Operation = VersionOperation.Import }, progress);
        var agents = await run.ChartersAsync(cancellationToken).ConfigureAwait(false);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var decisions = await run.DecisionLogAsync(taken, cancellationToken).ConfigureAwait(false);
        var inbox = await run.InboxAsync(taken, cancellationToken).ConfigureAwait(false);
        var layout = new SquadLayout { Folder = tree.Name, Agents = agents, Decisions = decisions, Inbox = inbox };
        await run.SaveAsync(tree.Name + "/", SquadLayout.Key, layout.ToJson(), cancellationToken).ConfigureAwait(false);
        return DirectoryReport.Of(run.Results);
    }

    /// <summary>One import: the results so far and the saves that make them.</summary>
    private sealed class Run(VersioningService service, IVersionStore store, SquadTree tree, SaveOptions options, IProgress<int>? progress)
    {
        private int _done;

        public List<FileResult> Results { get; } = [];

        public async Task<ImmutableArray<string>> ChartersAsync(CancellationToken cancellationToken)
        {
            var agents = ImmutableArray.CreateBuilder<string>();
            foreach (var (name, relative) in tree.Charters())
            {
                var saved = await TryAsync(relative, async () =>
                {
                    var key = EntityKey.Create("agent", name);
                    if (SafeName.IsWindowsDeviceName(name))
                    {
                        // It could never be exported back on every system a repository is checked out on.
                        throw new RecordFileException($"'{name}' cannot be an agent folder: Windows reserves it for a device");
                    }

                    var bytes = await tree.ReadAsync(relative, cancellationToken).ConfigureAwait(false);
                    var head = await store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
                    var existing = head is null ? null : Documents.Canonical.JsonLimits.ParseNode(head.Content.Span)!.AsObject();
                    return await SaveAsync(tree.Name + "/" + relative, key, SquadAgentRecord.ToJson(name, bytes, existing), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
                if (saved)
                {
                    agents.Add(name);
                }

                Step();
            }

            return agents.ToImmutable();
        }

        public async Task<ImmutableArray<SquadLayoutPart>?> DecisionLogAsync(ISet<string> taken, CancellationToken cancellationToken)
        {
            const string relative = "decisions.md";
            if (!tree.Exists(relative))
            {
                return null;
            }

            ImmutableArray<SquadLayoutPart>? layout = null;
            await TryAsync(relative, async () =>
            {
                var parts = SquadDecisionLog.Parse(await tree.ReadAsync(relative, cancellationToken).ConfigureAwait(false), taken);
                var kept = ImmutableArray.CreateBuilder<SquadLayoutPart>();
                foreach (var part in parts)
                {
                    if (part.Decision is not { } decision)
                    {
                        kept.Add(new SquadLayoutPart(Text: part.Text));
                    }
                    else if (await SaveDecisionAsync(relative, decision, cancellationToken).ConfigureAwait(false))
                    {
                        kept.Add(new SquadLayoutPart(Decision: decision.Id));
                    }
                    else
                    {
                        // The entry could not be saved: the layout keeps its words, so the file still comes back whole.
                        kept.Add(new SquadLayoutPart(Text: part.Text));
                    }
                }

                layout = kept.ToImmutable();
                return true;
            }).ConfigureAwait(false);
            Step();
            return layout;
        }

        public async Task<ImmutableArray<SquadInboxFile>> InboxAsync(ISet<string> taken, CancellationToken cancellationToken)
        {
            var inbox = ImmutableArray.CreateBuilder<SquadInboxFile>();
            foreach (var (file, relative) in tree.InboxFiles())
            {
                await TryAsync(relative, async () =>
                {
                    var decision = SquadInbox.Parse(file, await tree.ReadAsync(relative, cancellationToken).ConfigureAwait(false), taken);
                    if (await SaveDecisionAsync(relative, decision, cancellationToken).ConfigureAwait(false))
                    {
                        inbox.Add(new SquadInboxFile(file, decision.Id));
                    }

                    return true;
                }).ConfigureAwait(false);
                Step();
            }

            return inbox.ToImmutable();
        }

        public async Task<bool> SaveAsync(string path, EntityKey key, byte[] json, CancellationToken cancellationToken)
        {
            return await TryAsync(path, async () =>
            {
                var result = await service.SaveAsync(key, json, options, cancellationToken).ConfigureAwait(false);
                var status = result.Outcome == AppendOutcome.Unchanged ? FileStatus.Unchanged
                    : result.Head.Version == 1 ? FileStatus.Created
                    : FileStatus.Updated;
                Results.Add(new FileResult(path, status, key, result.Head.Version, result.Head.Hash));
                return true;
            }, key).ConfigureAwait(false);
        }

        private async Task<bool> SaveDecisionAsync(string relative, TeamDecision decision, CancellationToken cancellationToken)
        {
            var key = EntityKey.Create("decision", decision.Id);
            var path = tree.Name + "/" + relative;
            var head = await store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
            if (head is not null && !IsTeamDecision(head))
            {
                // A review decision of a task with this id: a team decision must not become its next version.
                Results.Add(new FileResult(path, FileStatus.Invalid, key, Detail: $"{key} is a review decision; the entry needs another title or date"));
                return false;
            }

            return await SaveAsync(path, key, JsonSerializer.SerializeToUtf8Bytes(decision, TeamDecisionJson.TypeInfo), cancellationToken).ConfigureAwait(false);
        }

        private static bool IsTeamDecision(Snapshot head)
        {
            using var document = JsonDocument.Parse(head.Content, Documents.Canonical.JsonLimits.Document);
            return TeamDecision.IsOne(document.RootElement);
        }

        /// <summary>Runs one file's work; a bad-input error becomes that file's invalid line, anything else stops the import.</summary>
        private async Task<bool> TryAsync(string path, Func<Task<bool>> work, EntityKey? key = null)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is VersoException { Category: ErrorCategory.BadInput } or IOException or UnauthorizedAccessException)
            {
                var fullPath = path.StartsWith(tree.Name + "/", StringComparison.Ordinal) ? path : tree.Name + "/" + path;
                Results.Add(new FileResult(fullPath, FileStatus.Invalid, key, Detail: DirectoryImporter.Describe(exception)));
                return false;
            }
        }

        private void Step() => progress?.Report(++_done);
    }
}
