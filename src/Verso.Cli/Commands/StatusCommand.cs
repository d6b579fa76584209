using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Files.Directories;
using Verso.Files.Squad;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso status DIR [--kind K] [--layout verso|squad]</c>: the drift between an exported directory (or a
/// Squad team's repository) and the heads, without writing.
/// Exit 0 when they match, 1 when a file is changed, new or missing, 2 when a file is invalid.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "an exported directory" };
        var kind = new Option<string?>("--kind") { Description = "only this kind (its folder and its heads)", HelpName = "K" };
        var layout = new Option<string>("--layout")
        {
            Description = "verso: KIND/ID.yaml and agent/ID.md; squad: the files export --layout squad writes, and charters and inbox files beyond them",
            HelpName = "LAYOUT",
            DefaultValueFactory = _ => "verso",
        };
        var diff = new Option<bool>("--diff") { Description = "after each changed file, what changed: the store's head → the file" };
        var command = new Command("status", "show how an exported directory differs from the store (exit 1 on drift)") { directory, kind, layout, diff };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var target = console.ResolvePath(parse.GetRequiredValue(directory));
            var squad = parse.GetValue(layout) switch
            {
                "verso" => false,
                "squad" => true,
                var other => throw new UsageException($"--layout '{other}' is not a layout: use verso or squad"),
            };
            if (squad && parse.GetValue(kind) is not null)
            {
                throw new UsageException("--kind does not combine with --layout squad, which compares the whole team");
            }

            var report = squad
                ? await new SquadStatus(context.CreateService(), context.Store).CompareAsync(target, cancellationToken)
                : await new DirectoryStatus(context.CreateService(), context.Store).CompareAsync(target, parse.GetValue(kind), cancellationToken);
            var summary = report.HasDrift
                ? "drift: " + FileReportOutput.Counts(report, FileStatus.Changed, FileStatus.New, FileStatus.Missing, FileStatus.Invalid)
                : $"clean: {report.Count(FileStatus.Unchanged)} file(s) match the store";
            FileReportOutput.Write(console, context.Json, target, report, [FileStatus.Changed, FileStatus.New, FileStatus.Missing, FileStatus.Invalid], summary);
            if (parse.GetValue(diff) && !context.Json)
            {
                await StatusDiff.WriteAsync(context, target, report, cancellationToken);
            }

            return report.HasInvalid ? ExitCodes.BadInput : report.HasDrift ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
