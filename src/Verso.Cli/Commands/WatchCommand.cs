using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso watch [KIND] [--limit N]</c>: prints each new version as it lands, until stopped.</summary>
internal static class WatchCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var kind = new Argument<string?>("KIND") { Description = "(optional) only versions of this kind", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int?>("--limit") { Description = "stop after N versions", HelpName = "N" };
        var command = new Command("watch", "print each new version as it lands (Ctrl+C stops)") { kind, limit };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var only = context.ParseResult.GetValue(kind);
            if (only is not null)
            {
                EntityKey.ValidateKind(only);
            }

            var stopAfter = context.ParseResult.GetValue(limit);
            if (stopAfter is < 1)
            {
                throw new UsageException("--limit takes a number from 1");
            }

            await using var feed = await context.Store.SubscribeAsync(only, cancellationToken);
            console.Error.WriteLine($"verso: watching {only ?? "every kind"}");
            var seen = 0;
            try
            {
                await foreach (var @event in feed.ReadAsync(cancellationToken))
                {
                    if (context.Json)
                    {
                        JsonOutput.Write(console, writer =>
                        {
                            writer.WriteStartObject();
                            writer.WriteString("ref", @event.Ref.ToString());
                            writer.WriteString("hash", @event.Hash.ToString());
                            writer.WriteEndObject();
                        });
                    }
                    else
                    {
                        console.Out.WriteLine(@event.ToString());
                    }

                    if (++seen == stopAfter)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: a normal way to stop watching.
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
