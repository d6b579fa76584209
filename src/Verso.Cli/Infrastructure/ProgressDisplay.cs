using Spectre.Console;

namespace Verso.Cli.Infrastructure;

/// <summary>A progress bar over a file-by-file job, shown only on a terminal and never in JSON mode.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CommandContext context, string label, Func<Task<long>> total, Func<IProgress<int>?, Task<T>> job)
    {
        if (!context.Console.IsTerminal || context.Json)
        {
            return await job(null);
        }

        var count = Math.Max(1, await total());
        return await context.Console.Ansi.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(label, maxValue: count);
            var result = await job(new Progress<int>(done => task.Value = done));
            task.Value = count;
            return result;
        });
    }
}
