using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso erase REF --by WHO --reason R</c>: erases one content (for example personal data) from every
/// version of the entity that holds it. The versions keep their rows, hashes and chain links; reading
/// them says who erased the content, when and why. If the head held it, a tombstone version is appended.
/// </summary>
internal static class EraseCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version whose content to erase, e.g. agent/alice@3" };
        var by = Author.Option("who erases");
        var reason = new Option<string>("--reason", "--message", "-m") { Description = "why; shown wherever the erased content is read", Required = true, HelpName = "R" };
        var yes = new Option<bool>("--yes", "-y") { Description = "erase without asking (a terminal is asked to confirm)" };
        var command = new Command("erase", "erase one content from an entity's history, keeping the versions and their hashes") { reference, by, reason, yes };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var why = parse.GetRequiredValue(reason);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new UsageException("erase needs --reason saying why");
            }

            var target = VersionRef.Parse(parse.GetRequiredValue(reference));
            if (console.IsTerminal && !context.Json && !parse.GetValue(yes) && !await ConfirmedAsync(console, target, cancellationToken))
            {
                console.Error.WriteLine("verso: erase cancelled; nothing erased");
                return ExitCodes.Failure;
            }

            var erasedBy = await Author.ResolveAsync(context, by, cancellationToken);
            var result = await context.CreateService().EraseAsync(target, erasedBy, why, cancellationToken);
            var versions = result.Erased.Versions;
            if (context.Json)
            {
                JsonOutput.Write(console, Server.Wire.WireAdmin.Of(result));
                return ExitCodes.Ok;
            }

            var list = string.Join(", ", versions.Select(v => "@" + v.ToString(CultureInfo.InvariantCulture)));
            console.Out.WriteLine($"erased the content of {result.Erased.Key} {list}");
            if (result.Tombstone is { } head)
            {
                console.Out.WriteLine($"created {head.Ref} {head.Hash}: an empty record, since the head held the erased content");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // Erasing cannot be undone: on a terminal, ask first.
    private static async Task<bool> ConfirmedAsync(CliConsole console, VersionRef target, CancellationToken cancellationToken)
    {
        console.Error.Write($"erase the content of {target} from every version that holds it? This cannot be undone. [y/N] ");
        using var reader = new StreamReader(console.Input, leaveOpen: true);
        var answer = (await reader.ReadLineAsync(cancellationToken))?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
