using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Json;
using Verso.Errors;
using Verso.Naming;
using Verso.Snapshots;

namespace Verso.Cli.Commands;

/// <summary><c>verso log KIND/ID [--limit N] [--offset N]</c>: an entity's history, newest first.</summary>
internal static class LogCommand
{
    private const int DefaultLimit = 50;

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" };
        var limit = new Option<int>("--limit") { Description = $"show at most N versions (default {DefaultLimit})", HelpName = "N", DefaultValueFactory = _ => DefaultLimit };
        var offset = new Option<int>("--offset") { Description = "skip the N newest versions", HelpName = "N" };
        var command = new Command("log", "list an entity's versions, newest first") { entity, limit, offset };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var key = EntityKey.Parse(context.ParseResult.GetRequiredValue(entity));
            var (take, skip) = (context.ParseResult.GetValue(limit), context.ParseResult.GetValue(offset));
            if (take < 1 || skip < 0)
            {
                throw new UsageException("--limit takes a number from 1 and --offset a number from 0");
            }

            var service = context.CreateService();
            var total = await service.Store.CountVersionsAsync(key, cancellationToken);
            if (total == 0)
            {
                throw new NotFoundException(key.ToString(), $"not found: {key} does not exist");
            }

            var page = new List<Snapshot>();
            await foreach (var snapshot in service.GetHistoryAsync(key, skip, take, cancellationToken))
            {
                page.Add(snapshot);
            }

            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var snapshot in page)
                    {
                        writer.WriteStartObject();
                        SnapshotJson.WriteMetadata(writer, snapshot);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
            }
            else
            {
                WriteTable(console, key, page, skip, total);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, EntityKey key, List<Snapshot> page, int skip, int total)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("version").RightAligned())
            .AddColumn("hash")
            .AddColumn("saved_by")
            .AddColumn("saved_at")
            .AddColumn("operation")
            .AddColumn("message");
        foreach (var snapshot in page)
        {
            table.AddRow(
                snapshot.Version.ToString(CultureInfo.InvariantCulture),
                snapshot.Hash.Short(),
                Markup.Escape(snapshot.SavedBy),
                Timestamps.ForTable(snapshot.SavedAt),
                snapshot.Operation.ToName(),
                Markup.Escape(Describe(snapshot)));
        }

        console.Ansi.Write(table);
        if (page.Count < total)
        {
            var shown = page.Count == 0 ? "none" : $"{skip + 1}-{skip + page.Count}";
            console.Out.WriteLine($"{key}: showing {shown} of {total} versions, newest first");
        }
    }

    // The message, plus what the version records beyond it: a file deleted in git, content pruned or erased.
    private static string Describe(Snapshot snapshot)
    {
        var notes = new List<string>(3);
        if (snapshot.Message is { } message)
        {
            notes.Add(message);
        }

        if (snapshot.Source is { Deleted: true } source)
        {
            notes.Add($"[deleted {source.Path}]");
        }

        if (snapshot.Removal is { } removal)
        {
            notes.Add($"[{removal}]");
        }

        return string.Join(' ', notes);
    }
}
