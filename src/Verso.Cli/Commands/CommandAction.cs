using System.CommandLine;
using Verso.Cli.Infrastructure;

namespace Verso.Cli.Commands;

/// <summary>Binds a command's body to the shared context every command runs with.</summary>
internal static class CommandAction
{
    public static void Set(Command command, GlobalOptions globals, CliConsole console, Func<CommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var context = new CommandContext(parseResult, globals, console);
            try
            {
                return await body(context, cancellationToken);
            }
            catch (Exception exception) when (context.TranslateFault(exception) is { } translated)
            {
                // A driver's error (SQLite, Npgsql) as the store explains it: read-only, disk full, not a store…
                throw translated;
            }
        });
}
