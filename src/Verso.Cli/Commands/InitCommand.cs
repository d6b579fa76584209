using System.CommandLine;
using Verso.Cli.Infrastructure;

namespace Verso.Cli.Commands;

/// <summary><c>verso init</c>: creates the store, or upgrades its schema.</summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("init", "create the store, or upgrade its schema to this version of verso");
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var upgrade = await context.Store.InitializeAsync(cancellationToken);
            var where = StoreLocator.Describe(context.ParseResult.GetValue(globals.Store), console, discover: false);
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("store", where);
                    writer.WriteNumber("from_schema", upgrade.FromVersion);
                    writer.WriteNumber("schema", upgrade.ToVersion);
                    writer.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine(upgrade switch
                {
                    { FromVersion: 0 } => $"created {where} (schema {upgrade.ToVersion})",
                    { Changed: true } => $"upgraded {where} from schema {upgrade.FromVersion} to {upgrade.ToVersion}",
                    _ => $"{where} is up to date (schema {upgrade.ToVersion})",
                });
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
