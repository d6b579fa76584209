using System.CommandLine;
using System.Text.Json;
using Verso.Cli.Commands;
using Verso.Cli.Infrastructure;
using Verso.Errors;

namespace Verso.Cli;

/// <summary>The <c>verso</c> command: builds the command tree, runs one invocation, maps errors to exit codes.</summary>
internal static class VersoCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Verso: versions for the configuration of agent organizations.");
        root.Options.Add(globals.Store);
        root.Options.Add(globals.Json);
        foreach (var command in CreateCommands(globals, console))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line, like every other bad input; --help shows the full syntax.
            var problems = string.Join("; ", parseResult.Errors.Select(e => e.Message));
            return Fail(console, parseResult.GetValue(globals.Json), ErrorCategory.BadInput, $"{problems} (see 'verso --help')");
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (InvalidRecordException exception)
        {
            // One line per problem, each naming its JSON path, so every mistake can be fixed in one go.
            var lines = exception.Problems.Select(p => $"invalid {exception.Kind} record at {(p.Path.Length == 0 ? "/" : p.Path)}: {p.Message}");
            return Fail(console, parseResult.GetValue(globals.Json), exception.Category, string.Join('\n' + "verso: ", lines));
        }
        catch (VersoException exception)
        {
            return Fail(console, parseResult.GetValue(globals.Json), exception.Category, exception.Message);
        }
        catch (IOException exception)
        {
            return Fail(console, parseResult.GetValue(globals.Json), ErrorCategory.Failure, exception.Message);
        }
    }

    private static IEnumerable<Command> CreateCommands(GlobalOptions globals, CliConsole console)
    {
        yield return InitCommand.Create(globals, console);
        yield return SaveCommand.Create(globals, console);
        yield return ShowCommand.Create(globals, console);
        yield return LogCommand.Create(globals, console);
        yield return CanonCommand.Create(globals, console);
        yield return HashCommand.Create(globals, console);
        yield return RollbackCommand.Create(globals, console);
        yield return TagCommand.Create(globals, console);
        yield return TagsCommand.Create(globals, console);
        yield return DiffCommand.Create(globals, console);
        yield return PatchCommand.Create(globals, console);
        yield return MergeCommand.Create(globals, console);
        yield return BlameCommand.Create(globals, console);
        yield return ManifestCommand.Create(globals, console);
        yield return WatchCommand.Create(globals, console);
        yield return VerifyCommand.Create(globals, console);
        yield return PruneCommand.Create(globals, console);
        yield return EraseCommand.Create(globals, console);
        yield return DecideCommand.Create(globals, console);
        yield return RefsCommand.Create(globals, console);
        yield return CompatCommand.Create(globals, console);
        yield return ExportCommand.Create(globals, console);
        yield return ImportCommand.Create(globals, console);
        yield return StatusCommand.Create(globals, console);
        yield return ImportSquadCommand.Create(globals, console);
        yield return ImportGitCommand.Create(globals, console);
        yield return ServeCommand.Create(globals, console);
        yield return TokenCommand.Create(globals, console);
    }

    private static int Fail(CliConsole console, bool json, ErrorCategory category, string message)
    {
        if (json)
        {
            JsonOutput.Write(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("category", JsonNamingPolicy.SnakeCaseLower.ConvertName(category.ToString()));
                writer.WriteString("message", message);
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }

        console.Error.WriteLine($"verso: {message}");
        return category switch
        {
            ErrorCategory.BadInput => ExitCodes.BadInput,
            ErrorCategory.Conflict => ExitCodes.Conflict,
            ErrorCategory.NotFound => ExitCodes.NotFound,
            _ => ExitCodes.Failure,
        };
    }
}
