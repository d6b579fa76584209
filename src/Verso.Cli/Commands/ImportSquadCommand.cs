using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Files.Squad;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso import-squad PATH --by WHO [-m MSG]</c>: the Squad team in PATH's <c>.squad/</c> or <c>.ai-team/</c>:
/// charters as agents (kept byte for byte), decisions and inbox files as team decisions, and the folder's layout.
/// </summary>
internal static class ImportSquadCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "a repository holding .squad/ or .ai-team/, or that folder" };
        var by = Author.Option("who imports (kept with each version)");
        var message = new Option<string?>("--message", "-m", "--reason") { Description = "why; kept with each version", HelpName = "MSG" };
        var command = new Command("import-squad", "import a Squad team: charters, decisions.md and the decision inbox") { path, by, message };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var options = new SaveOptions(await Author.ResolveAsync(context, by, cancellationToken)) { Message = parse.GetValue(message) };
            var source = console.ResolvePath(parse.GetRequiredValue(path));
            var importer = new SquadImporter(context.CreateService(), context.Store);
            var report = await ProgressDisplay.RunAsync(context, "importing", () => Task.FromResult<long>(SquadImporter.CountFiles(source)),
                progress => importer.ImportAsync(source, options, progress, cancellationToken));
            return ImportCommand.Finish(context, source, report, allOrNothing: false);
        });
        return command;
    }
}
