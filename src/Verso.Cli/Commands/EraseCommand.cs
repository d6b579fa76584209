using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Json;
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
        var by = new Option<string>("--by") { Description = "who erases", Required = true, HelpName = "WHO" };
        var reason = new Option<string>("--reason") { Description = "why; shown wherever the erased content is read", Required = true, HelpName = "R" };
        var command = new Command("erase", "erase one content from an entity's history, keeping the versions and their hashes") { reference, by, reason };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var (erasedBy, why) = (parse.GetRequiredValue(by), parse.GetRequiredValue(reason));
            if (string.IsNullOrWhiteSpace(erasedBy) || string.IsNullOrWhiteSpace(why))
            {
                throw new UsageException("erase needs --by naming who erases and --reason saying why");
            }

            var target = VersionRef.Parse(parse.GetRequiredValue(reference));
            var result = await context.CreateService().EraseAsync(target, erasedBy, why, cancellationToken);
            var versions = result.Erased.Versions;
            if (context.Json)
            {
                JsonOutput.Write(console, writer => RetentionJson.WriteErasure(writer, result));
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
}
