using System.CommandLine;
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
        root.Options.Add(globals.Verbose);
        root.Options.Add(globals.DiffBudget);
        foreach (var command in CreateCommands(globals, console).Concat(CompletionCommand.Create(root, console)))
        {
            root.Subcommands.Add(command);
        }

        CommandExamples.AddTo(root);
        // A bare `verso` shows what there is to do rather than an error.
        root.SetAction((_, cancellationToken) => root.Parse(["--help"]).InvokeAsync(
            new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken));

        ParseResult? parseResult = null;
        try
        {
            parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // One line, like every other bad input; --help shows the full syntax.
                var problems = Suggestions.ForMistypedCommand(root, parseResult)
                    ?? string.Join("; ", parseResult.Errors.Select(ParseErrorText.Describe));
                return ErrorReporter.Write(console, parseResult.GetValue(globals.Json), ErrorCategory.BadInput, [$"{problems} (see 'verso --help')"]);
            }

            if (UserTextCheck.FindProblem(parseResult) is { } problem)
            {
                return ErrorReporter.Write(console, parseResult.GetValue(globals.Json), ErrorCategory.BadInput, [problem]);
            }

            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorReporter.Write(console, parseResult?.GetValue(globals.Json) ?? false, ErrorCategory.Failure, ["cancelled"]);
        }
        catch (Exception exception)
        {
            // The one place every failure becomes a line and an exit code; nothing else catches Exception.
            return ErrorReporter.Report(console, parseResult, globals, exception);
        }
    }

    private static IEnumerable<Command> CreateCommands(GlobalOptions globals, CliConsole console)
    {
        yield return InitCommand.Create(globals, console);
        yield return SaveCommand.Create(globals, console);
        yield return ShowCommand.Create(globals, console);
        yield return LogCommand.Create(globals, console);
        yield return ListCommand.Create(globals, console);
        yield return KindsCommand.Create(globals, console);
        yield return EditCommand.Create(globals, console);
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
        yield return CheckpointCommand.Create(globals, console);
        yield return KeyCommand.Create(globals, console);
        yield return AttestCommand.Create(globals, console);
        yield return PruneCommand.Create(globals, console);
        yield return EraseCommand.Create(globals, console);
        yield return GcCommand.Create(globals, console);
        yield return DecideCommand.Create(globals, console);
        yield return RefsCommand.Create(globals, console);
        yield return CompatCommand.Create(globals, console);
        yield return ExportCommand.Create(globals, console);
        yield return ImportCommand.Create(globals, console);
        yield return StatusCommand.Create(globals, console);
        yield return ImportSquadCommand.Create(globals, console);
        yield return ImportGitCommand.Create(globals, console);
        yield return ImportSynthorgCommand.Create(globals, console);
        yield return ProposeCommand.Create(globals, console);
        yield return CrsCommand.Create(globals, console);
        yield return CrCommand.Create(globals, console);
        yield return ReviewCommand.Create(globals, console);
        yield return ApplyCommand.Create(globals, console);
        yield return CheckCommand.Create(globals, console);
        yield return RolloutCommand.Create(globals, console);
        yield return ResolveCommand.Create(globals, console);
        yield return PoliciesCommand.Create(globals, console);
        yield return ServeCommand.Create(globals, console);
        yield return TokenCommand.Create(globals, console);
        yield return McpCommand.Create(globals, console);
    }
}
