using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verso.Documents.Canonical;
using Verso.Governance.ChangeRequests;
using Verso.Cli.Infrastructure;
using Verso.Contracts;
using Verso.Contracts.Compare;
using Verso.Documents.Diff;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso cr show cr-N</c>: a request with its reviews and its diff against its base and the current head;
/// <c>verso cr withdraw cr-N --by WHO</c>: the author withdraws it.
/// </summary>
internal static class CrCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("cr", "show or withdraw one change request");
        command.Subcommands.Add(CreateShow(globals, console));
        command.Subcommands.Add(CreateWithdraw(globals, console));
        return command;
    }

    private static Command CreateShow(GlobalOptions globals, CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "the change request, e.g. cr-17" };
        var command = new Command("show", "a change request: status, reviews, and its diff against its base and the current head") { id };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var request = await context.CreateRequests().GetAsync(context.ParseResult.GetRequiredValue(id), cancellationToken);
            var kind = service.Kinds.Resolve(request.Target.Kind);
            var proposal = JsonLimits.ParseNode(request.Proposal.Utf8.Span);
            var @base = request.BaseRef is { } baseRef ? JsonInput.Parse(await service.GetAsync(baseRef, cancellationToken)) : null;
            var head = await context.Store.GetLatestAsync(request.Target, cancellationToken);
            var headNode = head is null ? null : JsonInput.Parse(head);
            var budget = context.ComparisonBudget(cancellationToken);
            var (againstBase, againstHead) = (JsonDiff.Compute(@base, proposal, kind.DiffRules, budget), JsonDiff.Compute(headNode, proposal, kind.DiffRules, budget));
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("request");
                    ChangeRequestOutput.Write(writer, request);
                    writer.WriteNumber("head_version", head?.Version ?? 0);
                    writer.WritePropertyName("against_base");
                    JsonSerializer.Serialize(writer, WireCompare.Of(againstBase), VersoJson.TypeInfo<List<Change>>());
                    writer.WritePropertyName("against_head");
                    JsonSerializer.Serialize(writer, WireCompare.Of(againstHead), VersoJson.TypeInfo<List<Change>>());
                    writer.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(ChangeRequestOutput.Line(request));
            foreach (var review in request.Reviews)
            {
                console.Out.WriteLine($"  {review.Verdict.ToName()} by {review.By} on revision {review.Revision} at {Timestamps.ForJson(review.At)}{(review.Message is null ? "" : ": " + review.Message)}");
            }

            foreach (var conflict in request.Conflicts)
            {
                console.Out.WriteLine($"  conflict at {conflict}");
            }

            Render(console, kind, $"against base {request.BaseRef?.ToString() ?? "(new entity)"}", @base, proposal, againstBase);
            if ((head?.Version ?? 0) != request.BaseVersion)
            {
                Render(console, kind, $"against head {head?.Ref.ToString() ?? "(none)"}", headNode, proposal, againstHead);
            }
            else
            {
                console.Out.WriteLine("the head is still the base");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateWithdraw(GlobalOptions globals, CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "the change request, e.g. cr-17" };
        var message = new Option<string?>("--message", "-m") { Description = "why", HelpName = "WHY" };
        var actor = new ActorOptions("withdraws (the author)");
        var command = new Command("withdraw", "withdraw a change request (its author only)") { id, message };
        actor.AddTo(command);
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var request = await context.CreateRequests().WithdrawAsync(context.ParseResult.GetRequiredValue(id), actor.Read(context.ParseResult), context.ParseResult.GetValue(message), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireChangeRequests.Of(request));
            }
            else
            {
                console.Out.WriteLine($"withdrawn: {ChangeRequestOutput.Line(request)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(CliConsole console, Model.Kinds.EntityKind kind, string title, JsonNode? before, JsonNode? after, System.Collections.Immutable.ImmutableArray<JsonChange> changes) =>
        DiffText.Write(console, kind, title, before, after, changes);
}
