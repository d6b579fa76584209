using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Files.Directories;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso import DIR --by WHO [-m MSG] [--kind K]</c>: each record file becomes a version only when its
/// hash differs from the head's. All or nothing: a bad file is one <c>invalid</c> line, nothing is saved and the
/// exit code is 2; a refusal by the store saves nothing either. The summary line is printed on every path.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "an exported directory: KIND/ID.yaml and agent/ID.md" };
        var by = Author.Option("who imports (kept with each version)");
        var message = new Option<string?>("--message", "-m", "--reason") { Description = "why; kept with each version", HelpName = "MSG" };
        var kind = new Option<string?>("--kind") { Description = "only this kind's folder", HelpName = "K" };
        var command = new Command("import", "save the records of an exported directory, creating versions only for real changes") { directory, by, message, kind };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var options = new SaveOptions(await Author.ResolveAsync(context, by, cancellationToken)) { Message = parse.GetValue(message) };
            var source = console.ResolvePath(parse.GetRequiredValue(directory));
            if (parse.GetValue(kind) is { } only && Directory.Exists(source) && !Directory.Exists(Path.Combine(source, only)))
            {
                // --kind agents (for agent) would import nothing and exit 0: a typo must not pass for an empty folder.
                throw new UsageException($"--kind {only}: {parse.GetRequiredValue(directory)} has no {only}/ folder");
            }

            var importer = new DirectoryImporter(context.CreateService());
            try
            {
                var report = await ProgressDisplay.RunAsync(context, "importing", () => Task.FromResult<long>(DirectoryImporter.CountFiles(source, parse.GetValue(kind))),
                    progress => importer.ImportAsync(source, options, parse.GetValue(kind), progress, cancellationToken));
                return Finish(context, source, report);
            }
            catch (Files.Errors.ImportRefusedException refused) when (!context.Json)
            {
                // The files as read and the summary first; then the store's refusal as the one error line.
                FileReportOutput.Write(console, json: false, source, refused.Report, FileReportOutput.AllStatuses,
                    $"imported nothing from {refused.Report.Files.Length} file(s): the store refused the batch");
                throw refused.Cause;
            }
        });
        return command;
    }

    /// <summary>Prints an import report and picks the exit code: 2 when any file was invalid (and then nothing was saved).</summary>
    public static int Finish(CommandContext context, string source, DirectoryReport report, bool allOrNothing = true)
    {
        var summary = report.HasInvalid && allOrNothing
            ? $"imported nothing from {report.Files.Length} file(s): " + FileReportOutput.Counts(report, FileStatus.Invalid, FileStatus.Skipped)
            : $"imported {report.Files.Length} file(s): "
                + FileReportOutput.Counts(report, FileStatus.Created, FileStatus.Updated, FileStatus.Unchanged, FileStatus.Skipped, FileStatus.Invalid);
        FileReportOutput.Write(context.Console, context.Json, source, report, FileReportOutput.AllStatuses, summary);
        if (report.HasInvalid && !context.Json)
        {
            context.Console.Error.WriteLine(allOrNothing
                ? $"verso: {report.Count(FileStatus.Invalid)} file(s) invalid; nothing imported"
                : $"verso: {report.Count(FileStatus.Invalid)} file(s) invalid and not imported");
        }

        return report.HasInvalid ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
