using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary><c>verso tags KIND/ID [--history]</c>: an entity's tags, or every move of them.</summary>
internal static class TagsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" };
        var history = new Option<bool>("--history") { Description = "every move of every tag: who, when, from, to, why" };
        var command = new Command("tags", "list an entity's tags") { entity, history };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var key = EntityKey.Parse(context.ParseResult.GetRequiredValue(entity));
            var store = context.Store;
            if (!context.ParseResult.GetValue(history))
            {
                var tags = await store.ListTagsAsync(key, cancellationToken);
                if (context.Json)
                {
                    JsonOutput.Write(console, WireTags.Of(tags));
                }
                else if (tags.Count == 0)
                {
                    console.Out.WriteLine($"{key} has no tags (verso tag {key}@N NAME names a version)");
                }
                else
                {
                    foreach (var tag in tags)
                    {
                        console.Out.WriteLine($"{tag.Name} → {VersionRef.ForVersion(key, tag.Version)}");
                    }
                }

                return ExitCodes.Ok;
            }

            var moves = await store.GetTagHistoryAsync(key, cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, moves.Select(WireTags.Of).ToList());
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("tag", "from", "to", "moved_by", "moved_at", "reason");
            foreach (var move in moves)
            {
                table.AddRow(
                    TerminalText.ForMarkup(move.Name),
                    move.FromVersion?.ToString(CultureInfo.InvariantCulture) ?? "",
                    move.ToVersion.ToString(CultureInfo.InvariantCulture),
                    TerminalText.ForMarkup(move.MovedBy),
                    Timestamps.ForTable(move.MovedAt),
                    TerminalText.ForMarkup(move.Reason ?? ""));
            }

            console.Ansi.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
