using Spectre.Console;

namespace Verso.Cli.Infrastructure;

/// <summary>A progress bar over a long job, shown only on a terminal and never in JSON mode.</summary>
internal static class ProgressDisplay
{
    /// <summary>A bar whose length is counted before the job starts (files to read or write).</summary>
    public static Task<T> RunAsync<T>(CommandContext context, string label, Func<Task<long>> total, Func<IProgress<int>?, Task<T>> job) =>
        RunAsync(context, label, async report =>
        {
            if (report is null)
            {
                return await job(null);
            }

            var count = await total();
            report(0, count);
            return await job(new Progress<int>(done => report(done, count)));
        });

    /// <summary>
    /// A bar whose length the job reports as it goes, with each step: <c>report(done, total)</c>. The job
    /// gets no reporter (null) when no bar is shown.
    /// </summary>
    public static async Task<T> RunAsync<T>(CommandContext context, string label, Func<Action<long, long>?, Task<T>> job)
    {
        if (!context.Console.IsTerminal || context.Json)
        {
            return await job(null);
        }

        return await context.Console.Ansi.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(label, maxValue: 1);
            var result = await job((done, total) =>
            {
                task.MaxValue = Math.Max(1, total);
                task.Value = done;
            });
            task.Value = task.MaxValue;
            return result;
        });
    }
}
