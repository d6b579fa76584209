using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Verso.Files.Git;

/// <summary>
/// An import's plan made ahead of its saves: walking git, planning and asking git for the steps' bytes run on a
/// task of their own while the importer parses and saves what was planned before. Commits are handed over in runs
/// (one wake-up of each side per run, not per commit), and each run's blobs are asked for at once. The order is
/// the plan's; a failure of the plan reaches the importer after every commit planned before it, as it would have
/// unread ahead.
/// </summary>
internal static class GitPlanReadAhead
{
    // A run is handed over when it holds this many commits or this many blobs (1.3 MB of 21 KB files).
    private const int MostPerRun = 64;

    // Runs waiting for the importer: enough that git keeps streaming while the importer is held up (a batch sent, a
    // time slice lost), few enough that at most 256 blobs wait in memory (5 MB of 21 KB files).
    private const int RunsAhead = 4;

    /// <summary>The planned commits of <paramref name="commits"/>, in walk order, each with its steps' bytes.</summary>
    /// <exception cref="GitException">git failed.</exception>
    /// <exception cref="AmbiguousEntityPathsException">Two files with different contents name one entity in a commit.</exception>
    public static async IAsyncEnumerable<GitPlannedCommit> PlanAsync(
        GitRepository repository,
        GitHistoryWalker walker,
        GitImportPlanner planner,
        ImmutableArray<GitCommit> commits,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = repository.OpenBlobPipe();
        var runs = Channel.CreateBounded<(List<GitPlannedAhead> Commits, Task<ReadOnlyMemory<byte>[]> Blobs)>(
            new BoundedChannelOptions(RunsAhead) { SingleReader = true, SingleWriter = true });
        var planning = Task.Run(() => FillAsync(runs.Writer, walker, planner, commits, pipe, stop.Token), CancellationToken.None);
        try
        {
            // A plan that failed completes the channel with its exception, which WaitToReadAsync throws as it is.
            while (await runs.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (runs.Reader.TryRead(out var run))
                {
                    var blobs = await run.Blobs.ConfigureAwait(false);
                    var next = 0;
                    foreach (var planned in run.Commits)
                    {
                        // Checked here because commits read ahead would otherwise go on after a stop.
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return planned.WithBlobs(blobs, next);
                        next += planned.BlobCount;
                    }
                }
            }
        }
        finally
        {
            // The importer stopped (done, failed or cancelled): the planner stops too, and no git is left running.
            await stop.CancelAsync().ConfigureAwait(false);
            await planning.ConfigureAwait(false);
            await pipe.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task FillAsync(
        ChannelWriter<(List<GitPlannedAhead>, Task<ReadOnlyMemory<byte>[]>)> runs,
        GitHistoryWalker walker,
        GitImportPlanner planner,
        ImmutableArray<GitCommit> commits,
        GitBlobPipe pipe,
        CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var run = new List<GitPlannedAhead>();
            var blobIds = new List<string>();
            await foreach (var planned in planner.PlanAheadAsync(commits, walker.WalkAsync(commits, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                run.Add(planned);
                blobIds.AddRange(planned.BlobIds);
                if (run.Count >= MostPerRun || blobIds.Count >= MostPerRun)
                {
                    await runs.WriteAsync((run, await pipe.AskAsync(blobIds, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
                    run = [];
                    blobIds = [];
                }
            }

            if (run.Count > 0)
            {
                await runs.WriteAsync((run, await pipe.AskAsync(blobIds, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Not handled here: handed to the importer, which meets it in plan order.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception;
        }

        runs.TryComplete(failure);
    }
}
