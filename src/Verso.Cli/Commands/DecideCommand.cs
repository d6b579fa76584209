using System.CommandLine;
using Verso.Agents.Decisions;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Agents.Http.Wire;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso decide --task T --executor A --reviewer B --decision D --executed-at TIME --by WHO</c>: records a
/// decision pinned to the charters of executor and reviewer as they were in force at the execution time.
/// </summary>
internal static class DecideCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var task = new Option<string>("--task") { Description = "the task decided on", Required = true, HelpName = "T" };
        var executor = new Option<string>("--executor") { Description = "the agent that executed the task", Required = true, HelpName = "AGENT" };
        var reviewer = new Option<string>("--reviewer") { Description = "the agent that reviewed it (never the executor)", Required = true, HelpName = "AGENT" };
        var decision = new Option<string>("--decision") { Description = "approved, rejected, auto_approved, auto_rejected or escalated", Required = true };
        decision.AcceptOnlyFromAmong("approved", "rejected", "auto_approved", "auto_rejected", "escalated");
        var executedAt = new Option<string>("--executed-at") { Description = "when the task ran (ISO 8601 UTC): the charters in force then are pinned", Required = true, HelpName = "TIME" };
        var reason = new Option<string?>("--reason") { Description = "why" };
        var criteria = new Option<string[]>("--criteria") { Description = "a criterion applied (repeatable)", AllowMultipleArgumentsPerToken = false };
        var executorRef = new Option<string?>("--executor-ref") { Description = "pin this executor charter version instead, e.g. agent/alice@3", HelpName = "REF" };
        var reviewerRef = new Option<string?>("--reviewer-ref") { Description = "pin this reviewer charter version instead", HelpName = "REF" };
        var label = new Option<string?>("--label") { Description = "the label the executor's charter was resolved through (recorded as the decision's resolution)", HelpName = "L" };
        var subject = new Option<string?>("--subject") { Description = "the subject key it was resolved for", HelpName = "S" };
        var rolloutVersion = new Option<int?>("--rollout-version") { Description = "the rollout version resolve answered with: the bucket and version are recomputed from it", HelpName = "N" };
        var by = Author.Option("who records the decision");
        var command = new Command("decide", "record a decision pinned to the charters behind it")
        {
            task, executor, reviewer, decision, executedAt, reason, criteria, executorRef, reviewerRef, label, subject, rolloutVersion, by,
        };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var recordedBy = await Author.ResolveAsync(context, by, cancellationToken);

            if (!Timestamp.TryParseUtc(parse.GetRequiredValue(executedAt), out var executed))
            {
                throw new UsageException($"--executed-at '{parse.GetRequiredValue(executedAt)}' is not ISO 8601 UTC, e.g. 2026-11-01T12:00:00Z");
            }

            var taskKey = EntityKey.Create("decision", parse.GetRequiredValue(task));
            var request = new DecisionRequest(
                taskKey.Id,
                EntityKey.Create("agent", parse.GetRequiredValue(executor)).Id,
                EntityKey.Create("agent", parse.GetRequiredValue(reviewer)).Id,
                Outcome(parse.GetRequiredValue(decision)),
                executed)
            {
                Reason = parse.GetValue(reason),
                Criteria = parse.GetValue(criteria) is { Length: > 0 } given ? [.. given] : null,
                ExecutorRef = parse.GetValue(executorRef) is { } e ? VersionRef.Parse(e) : null,
                ReviewerRef = parse.GetValue(reviewerRef) is { } r ? VersionRef.Parse(r) : null,
                Resolution = parse.GetValue(label) is { } l
                    ? new DecisionResolution(TagNames.Validate(l), parse.GetValue(subject), parse.GetValue(rolloutVersion))
                    : parse.GetValue(subject) is not null || parse.GetValue(rolloutVersion) is not null
                        ? throw new UsageException("--subject and --rollout-version go with --label")
                        : null,
            };
            var result = await new DecisionLog(context.CreateService(), context.Store).RecordAsync(request, recordedBy, cancellationToken);
            var pins = result.Head.Record.PinnedCharters;
            if (context.Json)
            {
                JsonOutput.Write(console, WireDecisions.Of(result.Head));
            }
            else
            {
                console.Out.WriteLine($"created {result.Head.Ref} {result.Head.Hash}");
                foreach (var pin in pins)
                {
                    console.Out.WriteLine($"  pinned {pin.Ref} {pin.Hash}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // The option accepts only these names (the records' snake_case), so every one maps; a table rather
    // than the JSON serializer, which would need reflection over the enum (not available to NativeAOT).
    private static DecisionOutcome Outcome(string name) => name switch
    {
        "approved" => DecisionOutcome.Approved,
        "rejected" => DecisionOutcome.Rejected,
        "auto_approved" => DecisionOutcome.AutoApproved,
        "auto_rejected" => DecisionOutcome.AutoRejected,
        "escalated" => DecisionOutcome.Escalated,
        _ => throw new UsageException($"--decision '{name}' is not one of approved, rejected, auto_approved, auto_rejected, escalated"),
    };
}
