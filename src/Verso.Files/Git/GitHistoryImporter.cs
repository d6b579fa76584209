using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verso.Agents.Kinds;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Git;

/// <summary>
/// Imports a git history as versions: each commit's content of each followed file becomes a version of
/// its entity, saved by the commit's author (<c>Name &lt;email&gt;</c>) at the author date with the
/// commit's subject as message, operation <see cref="VersionOperation.Import"/> and the commit and path as
/// its <see cref="VersionSource"/>. A deletion is a version whose content is the empty record <c>{}</c> and
/// whose source says <see cref="VersionSource.Deleted"/>.
/// </summary>
/// <remarks>
/// Saves are save-if-changed, so content equal to the head adds nothing, while content equal to an older
/// version (a file edited back) is a new version. Running the import again imports only commits it has
/// not taken before (see <see cref="GitHistoryWalker"/> for the order and <c>GitImportResume</c> for how
/// the earlier run is found). Author dates are kept as they are even when earlier than the head's
/// saved_at (rebased or merged history): versions are ordered by number, not by time; an as-of query
/// answers with the version whose saved_at is the latest at or before the instant, which for such a
/// history may be an older version number than the one saved last before it.
/// </remarks>
public sealed class GitHistoryImporter
{
    private static readonly CanonicalDocument DeletedContent = CanonicalJson.CreateDocument("{}"u8);
    private readonly VersioningService _service;
    private readonly ILogger<GitHistoryImporter> _logger;

    /// <summary>Creates an importer that saves through <paramref name="service"/>.</summary>
    public GitHistoryImporter(VersioningService service, ILogger<GitHistoryImporter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _logger = logger ?? NullLogger<GitHistoryImporter>.Instance;
    }

    /// <summary>Walks the repository's history oldest first and imports every followed file's versions.</summary>
    /// <exception cref="NotAGitRepositoryException">The path is not a repository.</exception>
    /// <exception cref="InvalidNameException">The kind name breaks the rule.</exception>
    /// <exception cref="ArgumentException">The request has no path glob.</exception>
    /// <exception cref="AmbiguousEntityPathsException">Two files with different contents name one entity in a commit.</exception>
    /// <exception cref="GitException">git is missing or failed.</exception>
    public async Task<GitImportSummary> ImportAsync(
        GitImportRequest request, IProgress<GitImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = request.Parts;
        if (parts.Any(part => part.Paths.IsEmpty))
        {
            throw new ArgumentException("give at least one path glob", nameof(request));
        }

        await using var repository = await GitRepository.OpenAsync(request.Repository, cancellationToken).ConfigureAwait(false);
        var walker = new GitHistoryWalker(repository, parts.SelectMany(part => part.Paths));
        var commits = await walker.ListCommitsAsync(request.Revision, cancellationToken).ConfigureAwait(false);
        // Walking git, planning and reading blobs run ahead of parsing and saving (GitPlanReadAhead).
        var plan = GitPlanReadAhead.PlanAsync(repository, walker, new GitImportPlanner(repository, parts), commits, cancellationToken);
        return await ImportAsync(commits, plan, (step, token) => step.Part!.Parse(step, token), progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports a plan made from a walk of <paramref name="commits"/>.</summary>
    /// <param name="commits">The walked commits, as <see cref="GitHistoryWalker.ListCommitsAsync"/> listed them.</param>
    /// <param name="plan">The planned commits, in walk order.</param>
    /// <param name="parse">Reads a step's bytes as canonical content (see <see cref="GitImportRequest.Parse"/>).</param>
    /// <param name="progress">Told the commits walked after each commit.</param>
    /// <param name="cancellationToken">Stops the import between saves; what was saved stays.</param>
    public Task<GitImportSummary> ImportAsync(
        ImmutableArray<GitCommit> commits,
        IAsyncEnumerable<GitPlannedCommit> plan,
        Func<GitImportStep, CanonicalDocument> parse,
        IProgress<GitImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return ImportAsync(commits, plan, (step, _) => ValueTask.FromResult(parse(step)), progress, cancellationToken);
    }

    /// <summary>Imports a plan made from a walk of <paramref name="commits"/>, with a parser that may read the store.</summary>
    /// <param name="commits">The walked commits, as <see cref="GitHistoryWalker.ListCommitsAsync"/> listed them.</param>
    /// <param name="plan">The planned commits, in walk order.</param>
    /// <param name="parse">Reads a step's bytes as canonical content (see <see cref="GitImportRequest.Parse"/>).</param>
    /// <param name="progress">Told the commits walked after each commit.</param>
    /// <param name="cancellationToken">Stops the import between saves; what was saved stays.</param>
    public async Task<GitImportSummary> ImportAsync(
        ImmutableArray<GitCommit> commits,
        IAsyncEnumerable<GitPlannedCommit> plan,
        Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> parse,
        IProgress<GitImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parse);
        var resume = new GitImportResume(_service, commits);
        var created = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skipped = ImmutableArray.CreateBuilder<GitImportSkip>();
        var shadowed = ImmutableArray.CreateBuilder<GitImportShadow>();
        int walked = 0, unchanged = 0, alreadyImported = 0, deletions = 0;
        progress?.Report(new GitImportProgress(0, commits.Length));
        // Versions go to the store in batches, one transaction each, counted as each batch returns.
        var pending = new GitImportBatch(_service, Count, MostPerBatch);
        void Count(EntityKey key, bool deleted, AppendResult result)
        {
            if (result.Outcome == AppendOutcome.Created)
            {
                created[key.ToString()] = created.GetValueOrDefault(key.ToString()) + 1;
                deletions += deleted ? 1 : 0;
            }
            else
            {
                unchanged++;
            }
        }

        try
        {
            await foreach (var planned in plan.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                skipped.AddRange(planned.Skipped);
                shadowed.AddRange(planned.Shadowed);
                var position = resume.PositionOf(planned.Commit.Id);
                foreach (var step in planned.Steps)
                {
                    if (await resume.IsImportedAsync(step.Key, position, cancellationToken).ConfigureAwait(false))
                    {
                        alreadyImported++;
                        continue;
                    }

                    // A decision's parser reads the store (the charter in force at the commit): what is pending goes in first.
                    if (step.Key.Kind == AgentKinds.Decision.Name)
                    {
                        await pending.FlushAsync().ConfigureAwait(false);
                    }

                    if (await ContentOfAsync(step, parse, skipped, cancellationToken).ConfigureAwait(false) is not { } content)
                    {
                        continue;
                    }

                    await pending.AddAsync(step, new BatchSave(step.Key, content, OptionsFor(step))).ConfigureAwait(false);
                }

                // Counted outside the call: with no progress, ?. would skip the increment along with the report.
                walked++;
                progress?.Report(new GitImportProgress(walked, commits.Length));
            }

            await pending.FlushAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A stopped import keeps what it walked, as one saving version by version did; a re-run resumes there.
            await pending.FlushAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Nothing is left saving behind the caller: a failed import returns once the store holds its last whole
            // batch, and a batch that failed first (it is earlier in the history) is the failure reported.
            await pending.WaitAsync().ConfigureAwait(false);
        }

        var summary = new GitImportSummary(walked, created.ToImmutableSortedDictionary(StringComparer.Ordinal), unchanged, alreadyImported, deletions, skipped.DrainToImmutable())
        {
            Shadowed = shadowed.DrainToImmutable(),
        };
        _logger.LogDebug("imported {Created} versions from {Commits} commits ({Unchanged} unchanged, {Already} already imported, {Skipped} skipped)",
            summary.TotalCreated, walked, unchanged, alreadyImported, summary.Skipped.Length);
        return summary;
    }

    /// <summary>The most versions sent to the store in one transaction (tests make it small to cut a history into several).</summary>
    internal int MostPerBatch { get; init; } = GitImportBatch.DefaultMostPerBatch;

    private static async ValueTask<CanonicalDocument?> ContentOfAsync(
        GitImportStep step, Func<GitImportStep, CancellationToken, ValueTask<CanonicalDocument>> parse, ImmutableArray<GitImportSkip>.Builder skipped, CancellationToken cancellationToken)
    {
        if (step.Deleted)
        {
            return DeletedContent;
        }

        try
        {
            return await parse(step, cancellationToken).ConfigureAwait(false);
        }
        catch (VersoException exception) when (exception.Category == ErrorCategory.BadInput)
        {
            // History holds broken files too (a bad merge, an old schema); one of them must not stop the import.
            skipped.Add(new GitImportSkip(step.Commit.Id, step.Path, exception.Message));
            return null;
        }
    }

    private static SaveOptions OptionsFor(GitImportStep step) => new(step.Commit.Author)
    {
        SavedAt = step.Commit.AuthorDate,
        Message = step.Commit.Subject.Length == 0 ? null : step.Commit.Subject,
        Operation = VersionOperation.Import,
        Source = step.Source,
    };
}
