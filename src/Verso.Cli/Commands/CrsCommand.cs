using System.CommandLine;
using Spectre.Console;
using Verso.Governance.ChangeRequests;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary><c>verso crs [KIND/ID] [--status S]</c>: lists change requests by number.</summary>
internal static class CrsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string?>("KIND/ID") { Description = "only requests for this entity", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string?>("--status") { Description = "only requests in this status: open, approved, rejected, applied, withdrawn, stale", HelpName = "S" };
        var command = new Command("crs", "list change requests") { entity, status };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = parse.GetValue(entity) is { } text ? EntityKey.Parse(text) : null;
            var wanted = parse.GetValue(status) is { } name ? ChangeRequestStatuses.ParseStatus(name) : (ChangeRequestStatus?)null;
            var requests = new List<ChangeRequest>();
            await foreach (var request in context.CreateRequests().ListAsync(key, wanted, cancellationToken))
            {
                requests.Add(request);
            }

            if (context.Json)
            {
                JsonOutput.Write(console, requests.Select(WireChangeRequests.Of).ToList());
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("id").AddColumn("status").AddColumn("target").AddColumn(new TableColumn("base").RightAligned())
                .AddColumn("author").AddColumn("approvers").AddColumn("message");
            foreach (var request in requests)
            {
                table.AddRow(
                    request.Id, request.Status.ToName(), Markup.Escape(request.Target.ToString()), "@" + request.BaseVersion,
                    Markup.Escape(request.Author.ToString()), Markup.Escape(string.Join(", ", request.Approvers)), Markup.Escape(request.Message ?? ""));
            }

            if (requests.Count == 0)
            {
                console.Out.WriteLine("no change requests");
            }
            else
            {
                console.Ansi.Write(table);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
