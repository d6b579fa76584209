using System.CommandLine;
using Verso.Documents.Canonical;
using Verso.Cli.Infrastructure;

namespace Verso.Cli.Commands;

/// <summary><c>verso canon FILE|-</c>: the RFC 8785 canonical bytes of any JSON value, nothing added.</summary>
internal static class CanonCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "a JSON file, or - for standard input" };
        var command = new Command("canon", "print the RFC 8785 canonical form of JSON (no newline added)") { file };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var source = context.ParseResult.GetRequiredValue(file);
            var json = await context.ReadInputAsync(source, cancellationToken);
            var canonical = JsonInput.From(source, () => CanonicalJson.Canonicalize(json));
            await console.OutputStream.WriteAsync(canonical, cancellationToken);
            await console.OutputStream.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
