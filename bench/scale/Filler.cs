using System.Diagnostics;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Scale;

// Fills a store through its public batch append (IVersionStore.AppendBatchAsync: one transaction per batch, the
// fastest public path; `verso import` and import-git use it too). Versions arrive interleaved across entities,
// round by round, as a platform's edits do; each worker owns a disjoint set of entities, so two workers' batches
// never wait on each other's heads. The next batch is built while the last one is written.
internal static class Filler
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The saved_at of the n-th version appended: 10 ms apart, store-wide.</summary>
    public static DateTimeOffset At(long n) => Start.AddMilliseconds(n * 10);

    public static async Task<double> FillAsync(IVersionStore store, FillPlan plan, int workers, int batchSize, string label)
    {
        long appended = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine(
            $"  {label}: {Interlocked.Read(ref appended):N0} of {plan.Versions:N0} versions, {Interlocked.Read(ref appended) / clock.Elapsed.TotalSeconds:N0}/s"),
            null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            Task? writing = null;
            foreach (var batch in Batches(plan, w, workers, batchSize))
            {
                if (writing is not null)
                {
                    await writing;
                }

                var count = batch.Count;
                writing = store.AppendBatchAsync(batch).ContinueWith(t => { t.GetAwaiter().GetResult(); Interlocked.Add(ref appended, count); }, TaskScheduler.Default);
            }

            if (writing is not null)
            {
                await writing;
            }
        })));
        var rate = plan.Versions / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {label}: filled {plan.Versions:N0} versions over {plan.Entities:N0} entities in {clock.Elapsed.TotalSeconds:N0} s ({rate:N0} versions/s, {workers} writer(s), batches of {batchSize})");
        var stats = await store.GetStatisticsAsync();
        if (stats.Versions != plan.Versions)
        {
            throw new InvalidOperationException($"the store holds {stats.Versions} versions, the plan {plan.Versions}");
        }

        return rate;
    }

    // Worker w's requests, round by round over its entities, cut into batches; saved_at from a store-wide counter.
    private static IEnumerable<List<AppendRequest>> Batches(FillPlan plan, int worker, int workers, int batchSize)
    {
        var active = Enumerable.Range(0, plan.Entities).Where(e => e % workers == worker).ToList();
        var batch = new List<AppendRequest>(batchSize);
        long issued = worker;
        for (var round = 1; active.Count > 0; round++)
        {
            foreach (var entity in active)
            {
                var key = plan.Key(entity);
                batch.Add(new AppendRequest(key, plan.Records.Version(entity, key.Id, round), "scale-bench", At(issued))
                {
                    Message = round == 1 ? "created" : null,
                    Operation = VersionOperation.Save,
                });
                issued += workers;
                if (batch.Count == batchSize)
                {
                    yield return batch;
                    batch = new List<AppendRequest>(batchSize);
                }
            }

            active.RemoveAll(e => plan.Target(e) <= round);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }

    }

    /// <summary>Fails unless every sampled entity holds exactly its planned versions, numbered 1..N.</summary>
    public static async Task CheckAsync(IVersionStore store, FillPlan plan, IEnumerable<int> entities)
    {
        foreach (var entity in entities.Prepend(0))
        {
            var key = plan.Key(entity);
            var head = await store.GetLatestAsync(key) ?? throw new InvalidOperationException($"{key} has no head");
            if (head.Version != plan.Target(entity) || await store.CountVersionsAsync(key) != plan.Target(entity))
            {
                throw new InvalidOperationException($"{key} holds {head.Version} versions, the plan {plan.Target(entity)}");
            }
        }
    }
}
