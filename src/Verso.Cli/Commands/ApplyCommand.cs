using System.CommandLine;
using Verso.Cli.Infrastructure;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso apply cr-N --by WHO</c>: saves an approved request as the next version (operation apply).
/// A head that moved is merged; a conflicting merge marks the request stale, lists the conflicts and exits 3.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "the change request, e.g. cr-17" };
        var actor = new ActorOptions("applies");
        var command = new Command("apply", "save an approved change request as the entity's next version") { id };
        actor.AddTo(command);
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var result = await context.CreateRequests().ApplyAsync(context.ParseResult.GetRequiredValue(id), actor.Read(context.ParseResult), cancellationToken);
            var request = result.Request;
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("status", result.IsApplied ? "applied" : "stale");
                    writer.WriteBoolean("merged", result.Merged);
                    if (result.Applied is { } applied)
                    {
                        writer.WriteString("ref", applied.Ref.ToString());
                        writer.WriteString("hash", applied.Hash.ToString());
                    }

                    writer.WritePropertyName("request");
                    ChangeRequestOutput.Write(writer, request);
                    writer.WriteEndObject();
                });
            }
            else if (result.Applied is { } applied)
            {
                console.Out.WriteLine($"applied {request.Id} as {applied.Ref} {applied.Hash}{(result.Merged ? " (merged with the moved head)" : "")}");
            }
            else
            {
                console.Out.WriteLine($"{request.Id} is stale: {request.Target} moved since @{request.BaseVersion} and the merge conflicts");
                foreach (var conflict in result.Conflicts)
                {
                    console.Out.WriteLine($"  conflict at {(conflict.Path.Length == 0 ? "/" : conflict.Path)}: head {conflict.Ours?.ToJsonString() ?? "(absent)"}, proposal {conflict.Theirs?.ToJsonString() ?? "(absent)"}");
                }

                console.Error.WriteLine($"verso: {request.Id} was not applied; update it against the head with 'verso propose {request.Target} FILE --update {request.Id} --by {request.Author.Effective}'");
            }

            return result.IsApplied ? ExitCodes.Ok : ExitCodes.Conflict;
        });
        return command;
    }
}
