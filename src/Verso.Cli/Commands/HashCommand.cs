using System.CommandLine;
using Verso.Documents.Canonical;
using Verso.Cli.Infrastructure;

namespace Verso.Cli.Commands;

/// <summary><c>verso hash FILE|-</c>: the content hash of any JSON value.</summary>
internal static class HashCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "a JSON file, or - for standard input" };
        var command = new Command("hash", "print sha256:… of the canonical form of JSON") { file };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var source = context.ParseResult.GetRequiredValue(file);
            var json = await context.ReadInputAsync(source, cancellationToken);
            var hash = JsonInput.From(source, () => CanonicalJson.CreateDocument(json).Hash);
            if (context.Json)
            {
                JsonOutput.Write(console, new Contracts.Documents.HashResult { Hash = hash.ToString() });
            }
            else
            {
                console.Out.WriteLine(hash.ToString());
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
