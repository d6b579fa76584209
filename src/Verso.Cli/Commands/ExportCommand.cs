using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Files.Directories;
using Verso.Files.Squad;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso export DIR [--kind K] [--layout verso|squad] [--force]</c>: the heads as plain text, the same bytes
/// for the same store; a file edited since the last export is never overwritten without <c>--force</c>. Exit 1 when a head could not be written (its name is not portable, or its path passes through a link).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "the directory to write (created when missing; files not written are left alone)" };
        var kind = new Option<string?>("--kind") { Description = "only this kind", HelpName = "K" };
        var layout = new Option<string>("--layout")
        {
            Description = "verso: KIND/ID.yaml and agent/ID.md; squad: .squad/agents/ID/charter.md, decisions.md and the inbox",
            HelpName = "LAYOUT",
            DefaultValueFactory = _ => "verso",
        };
        var force = new Option<bool>("--force") { Description = "overwrite files edited since the last export (without it, export refuses and names them)" };
        var command = new Command("export", "write the heads as YAML and Markdown files with a manifest (or in Squad's layout)") { directory, kind, layout, force };
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
                throw new UsageException("--kind does not combine with --layout squad, which writes the whole team");
            }

            var service = context.CreateService();
            if (parse.GetValue(kind) is { } only)
            {
                await RefuseUnknownKindAsync(context.Store, only, cancellationToken);
            }

            var report = await ProgressDisplay.RunAsync(context, "exporting", async () => (await context.Store.GetStatisticsAsync(cancellationToken)).Entities, progress => squad
                ? new SquadExporter(service, context.Store).ExportAsync(target, progress, cancellationToken)
                : new DirectoryExporter(service, context.Store).ExportAsync(target, parse.GetValue(kind), parse.GetValue(force), progress, cancellationToken));
            var summary = $"exported {report.Files.Length - report.Count(FileStatus.Invalid)} file(s) to {parse.GetRequiredValue(directory)}: "
                + FileReportOutput.Counts(report, FileStatus.Written, FileStatus.Unchanged, FileStatus.Invalid);
            FileReportOutput.Write(console, context.Json, target, report, [FileStatus.Written, FileStatus.Invalid], summary);
            if (report.HasInvalid && !context.Json)
            {
                console.Error.WriteLine($"verso: {report.Count(FileStatus.Invalid)} head(s) could not be written");
            }

            return report.HasInvalid ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    // --kind agents (for agent) would export nothing and exit 0: a typo must not pass for an empty kind.
    private static async Task RefuseUnknownKindAsync(Storage.IVersionStore store, string kind, CancellationToken cancellationToken)
    {
        Naming.EntityKey.ValidateKind(kind);
        await foreach (var _ in store.ListEntitiesAsync(kind, cancellationToken))
        {
            return;
        }

        var held = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var head in store.ListAllHeadsAsync(cancellationToken))
        {
            held.Add(head.Key.Kind);
        }

        throw new UsageException(held.Count == 0
            ? $"--kind {kind}: the store holds no entities at all"
            : $"--kind {kind}: the store holds no {kind} entities; its kinds are {string.Join(", ", held)}");
    }
}
