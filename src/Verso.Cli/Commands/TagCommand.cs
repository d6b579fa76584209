using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso tag REF NAME --by WHO [--reason R]</c>: points a tag at a version.</summary>
internal static class TagCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version to tag, e.g. agent/alice@3" };
        var name = new Argument<string>("NAME") { Description = "the tag: a-z 0-9 . _ -, starting with a letter" };
        var by = Author.Option("who moves the tag");
        var reason = new Option<string?>("--reason", "--message", "-m") { Description = "why; kept in the tag's history", HelpName = "R" };
        var command = new Command("tag", "point a tag at a version; moving it is recorded in the tag's history") { reference, name, by, reason };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var tag = TagNames.Validate(parse.GetRequiredValue(name));
            var movedBy = await Author.ResolveAsync(context, by, cancellationToken);
            var service = context.CreateService();
            // Resolve a tag, hash or time once; the move then names the version by number.
            var tagged = (await Refs.GetAsync(service, parse.GetRequiredValue(reference), cancellationToken)).Ref;
            var move = await service.TagAsync(tagged, tag, movedBy, parse.GetValue(reason), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("status", move is null ? "unchanged" : "moved");
                    writer.WriteString("tag", tag);
                    writer.WriteString("ref", tagged.ToString());
                    if (move?.FromVersion is { } from)
                    {
                        writer.WriteNumber("from_version", from);
                    }

                    writer.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine(move switch
                {
                    null => $"unchanged: {tag} already points at {tagged}",
                    { FromVersion: { } from } => $"moved {tag} to {tagged} (was @{from})",
                    _ => $"tagged {tagged} as {tag}",
                });
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
