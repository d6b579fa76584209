using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Verso.Blame;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Snapshots;

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
            var head = await service.Store.CountVersionsAsync(target.Key, cancellationToken);
            var history = new List<Snapshot>(target.Version);
            await foreach (var snapshot in service.GetHistoryAsync(target.Key, head - target.Version, target.Version, cancellationToken))
            {
                history.Add(snapshot);
            }

            history.Reverse();
            var blame = JsonBlame.Compute(history, service.Kinds.Resolve(target.Key.Kind).DiffRules);
            if (context.Json)
            {
                JsonOutput.Write(console, writer => WriteJson(writer, blame));
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
                AddRow(table, entry.Origin, entry.Path, entry.Value?.ToJsonString() ?? "null");
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
        Markup.Escape(origin.SavedBy),
        Timestamps.ForTable(origin.SavedAt),
        Markup.Escape(path),
        Markup.Escape(value));

    private static void WriteJson(Utf8JsonWriter writer, IEnumerable<BlameEntry> blame)
    {
        writer.WriteStartArray();
        foreach (var entry in blame)
        {
            writer.WriteStartObject();
            writer.WriteString("path", entry.Path);
            ChangeJson.WriteValue(writer, "value", entry.Value);
            WriteOrigin(writer, entry.Origin);
            if (!entry.Lines.IsEmpty)
            {
                writer.WriteStartArray("lines");
                foreach (var line in entry.Lines)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("number", line.Number);
                    writer.WriteString("text", line.Text);
                    WriteOrigin(writer, line.Origin);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOrigin(Utf8JsonWriter writer, BlameOrigin origin)
    {
        writer.WriteNumber("version", origin.Version);
        writer.WriteString("saved_by", origin.SavedBy);
        writer.WriteString("saved_at", Timestamps.ForJson(origin.SavedAt));
    }
}
