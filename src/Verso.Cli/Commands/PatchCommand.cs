using System.CommandLine;
using Verso.Documents.Canonical;
using Verso.Cli.Infrastructure;
using Verso.Documents.Patch;

namespace Verso.Cli.Commands;

/// <summary><c>verso patch FILE PATCH</c>: applies an RFC 6902 patch and prints the result canonically.</summary>
internal static class PatchCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the JSON document, or - for standard input" };
        var patchFile = new Argument<string>("PATCH") { Description = "the RFC 6902 patch (a JSON array of operations), or -" };
        var command = new Command("patch", "apply an RFC 6902 JSON Patch to a document; print the result canonically") { file, patchFile };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var source = context.ParseResult.GetRequiredValue(file);
            var document = JsonInput.Parse(source, await context.ReadInputAsync(source, cancellationToken));
            var patch = JsonPatch.Parse(await context.ReadInputAsync(context.ParseResult.GetRequiredValue(patchFile), cancellationToken));
            var result = patch.Apply(document);
            var canonical = CanonicalJson.Canonicalize(JsonLimits.ToUtf8(result));
            await console.OutputStream.WriteAsync(canonical, cancellationToken);
            await console.OutputStream.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
