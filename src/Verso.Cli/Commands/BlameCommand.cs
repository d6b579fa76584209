using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verso.Documents.Blame;
using Verso.Documents.Canonical;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Server.Wire;
using Verso.Model.Snapshots;

namespace Verso.Cli.Commands;

/// <summary><c>verso blame REF</c>: for each value and each line of prose, the version that last changed it.</summary>
internal static class BlameCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version to explain, e.g. agent/alice or agent/alice@3" };
        var command = new Command("blame", "show which version last changed each value and each line of prose") { reference };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var target = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(reference), cancellationToken);
            target.ThrowIfContentRemoved(); // blame would skip it and describe its predecessor instead
            var head = await context.Store.CountVersionsAsync(target.Key, cancellationToken);
            var history = new List<Snapshot>(target.Version);
            await foreach (var snapshot in service.GetHistoryAsync(target.Key, head - target.Version, target.Version, cancellationToken))
            {
                history.Add(snapshot);
            }

            history.Reverse();
            var blame = JsonBlame.Compute(history, service.Kinds.Resolve(target.Key.Kind).DiffRules, context.ComparisonBudget(cancellationToken));
            if (context.Json)
            {
                JsonOutput.Write(console, WireBlame.Of(blame));
            }
            else
            {
                WriteTable(console, target, blame);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, Snapshot target, IEnumerable<BlameEntry> blame)
    {
        console.Out.WriteLine($"{target.Ref} {target.Hash}");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("version").RightAligned()).AddColumn("saved_by").AddColumn("saved_at").AddColumn("path").AddColumn("value");
        foreach (var entry in blame)
        {
            if (entry.Lines.IsEmpty)
            {
                AddRow(table, entry.Origin, entry.Path, entry.Value is null ? "null" : JsonLimits.ToJson(entry.Value));
                continue;
            }

            foreach (var line in entry.Lines)
            {
                AddRow(table, line.Origin, $"{entry.Path}:{line.Number.ToString(CultureInfo.InvariantCulture)}", line.Text);
            }
        }

        console.Ansi.Write(table);
    }

    private static void AddRow(Table table, BlameOrigin origin, string path, string value) => table.AddRow(
        origin.Version.ToString(CultureInfo.InvariantCulture),
        TerminalText.ForMarkup(origin.SavedBy),
        Timestamps.ForTable(origin.SavedAt),
        TerminalText.ForMarkup(path),
        TerminalText.ForMarkup(value));
}
