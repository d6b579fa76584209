using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso propose KIND/ID FILE|- --by WHO [-m WHY] [--base N] [--update cr-N]</c>: records a proposed
/// record as a change request without changing the entity, or a new revision of one.
/// </summary>
internal static class ProposeCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity to change, e.g. agent/alice" };
        var file = new Argument<string>("FILE") { Description = "the proposed record: a JSON file, or - for standard input" };
        var actor = new ActorOptions("proposes");
        var message = new Option<string?>("--message", "-m") { Description = "why", HelpName = "WHY" };
        var @base = new Option<int?>("--base") { Description = "the version the proposal is written against (default: the head; 0: a new entity)", HelpName = "N" };
        var update = new Option<string?>("--update") { Description = "replace the proposal of this request with a new revision (clears its approvals)", HelpName = "cr-N" };
        var command = new Command("propose", "propose a change to an entity for review, without changing it") { entity, file, message, @base, update };
        actor.AddTo(command);
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Parse(parse.GetRequiredValue(entity));
            var author = actor.Read(parse);
            if (parse.GetValue(@base) is < 0)
            {
                throw new UsageException("--base takes a version number, 0 or more");
            }

            var json = await context.ReadInputAsync(parse.GetRequiredValue(file), cancellationToken);
            var requests = context.CreateRequests();
            var request = parse.GetValue(update) is { } id
                ? await UpdateAsync(requests, id, key, json, author, parse.GetValue(message), parse.GetValue(@base), cancellationToken)
                : await requests.ProposeAsync(key, json, author, parse.GetValue(message), parse.GetValue(@base), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireChangeRequests.Of(request));
            }
            else
            {
                console.Out.WriteLine($"{(request.Revision == 1 ? "proposed" : "updated")} {ChangeRequestOutput.Line(request)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Governance.ChangeRequests.ChangeRequest> UpdateAsync(
        Governance.ChangeRequests.ChangeRequestService requests, string id, EntityKey key, byte[] json, Governance.ChangeRequests.Actor author, string? message, int? @base, CancellationToken cancellationToken)
    {
        var current = await requests.GetAsync(id, cancellationToken);
        if (current.Target != key)
        {
            throw new UsageException($"{id} changes {current.Target}, not {key}");
        }

        return await requests.UpdateAsync(id, json, author, message, @base, cancellationToken);
    }
}
