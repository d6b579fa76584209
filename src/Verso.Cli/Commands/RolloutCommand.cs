using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso rollout start|set|advance|promote|abort|status|history KIND/ID LABEL …</c>: a label that serves candidate
/// versions by weight (basis points) beside its control, sticky per subject, guarded by the label's policy.
/// </summary>
internal static class RolloutCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("rollout", "serve candidate versions of a label by weight: start, set, advance, promote, abort, status, history");
        command.Subcommands.Add(Start(globals, console));
        command.Subcommands.Add(Set(globals, console));
        command.Subcommands.Add(Simple(globals, console, "advance", "take the next planned step of the first candidate's weight",
            (service, key, label, by, reason, _, ct) => service.AdvanceAsync(key, label, by, reason, ct)));
        command.Subcommands.Add(Simple(globals, console, "promote", "make a candidate (the first by default) the plain tag and end the rollout",
            (service, key, label, by, reason, candidate, ct) => service.PromoteAsync(key, label, candidate, by, reason, ct), withCandidate: true));
        command.Subcommands.Add(Simple(globals, console, "abort", "return every subject to the control at once and end the rollout",
            (service, key, label, by, reason, _, ct) => service.AbortAsync(key, label, by, reason ?? throw new UsageException("--reason is required: an abort records why"), ct)));
        command.Subcommands.Add(Status(globals, console, history: false));
        command.Subcommands.Add(Status(globals, console, history: true));
        return command;
    }

    private static (Argument<string> Entity, Argument<string> Label) Target() =>
        (new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" },
         new Argument<string>("LABEL") { Description = "the label, e.g. production" });

    private static Command Start(GlobalOptions globals, CliConsole console)
    {
        var (entity, label) = Target();
        var candidate = new Option<int>("--candidate") { Description = "the candidate version", Required = true, HelpName = "N" };
        var weight = new Option<int>("--weight", "-w") { Description = "its first weight in basis points (500 = 5%)", Required = true, HelpName = "BPS" };
        var control = new Option<int?>("--control") { Description = "the control version (default: where the label points now)", HelpName = "M" };
        var steps = new Option<string?>("--steps") { Description = "planned weights for advance, rising, e.g. 500,2500,5000,10000", HelpName = "BPS,…" };
        var bucketBy = new Option<string?>("--bucket-by") { Description = "the subject attribute callers bucket by, e.g. user_id (for the record)", HelpName = "NAME" };
        var advanceOn = new Option<string?>("--advance-on") { Description = "a check that, passing on the candidate, advances one step", HelpName = "CHECK" };
        var (by, reason) = Actor();
        var command = new Command("start", "start a rollout of a candidate version on a label") { entity, label, candidate, weight, control, steps, bucketBy, advanceOn, by, reason };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var start = new RolloutStart(EntityKey.Parse(parse.GetRequiredValue(entity)), TagNames.Validate(parse.GetRequiredValue(label)),
                parse.GetValue(candidate), parse.GetValue(weight), await Author.ResolveAsync(context, by, cancellationToken))
            {
                Control = parse.GetValue(control),
                Steps = ParseSteps(parse.GetValue(steps)),
                BucketBy = parse.GetValue(bucketBy),
                AdvanceOn = parse.GetValue(advanceOn) is { } check ? TagNames.Validate(check) : null,
                Reason = parse.GetValue(reason),
            };
            Print(context, console, await new RolloutService(context.CreateService()).StartAsync(start, cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set(GlobalOptions globals, CliConsole console)
    {
        var (entity, label) = Target();
        var weight = new Option<int>("--weight", "-w") { Description = "the weight in basis points", Required = true, HelpName = "BPS" };
        var candidate = new Option<int?>("--candidate") { Description = "which candidate (default: the first)", HelpName = "N" };
        var (by, reason) = Actor();
        var command = new Command("set", "set a candidate's weight in basis points") { entity, label, weight, candidate, by, reason };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var rollout = await new RolloutService(context.CreateService()).SetWeightAsync(
                EntityKey.Parse(parse.GetRequiredValue(entity)), TagNames.Validate(parse.GetRequiredValue(label)), parse.GetValue(weight),
                parse.GetValue(candidate), await Author.ResolveAsync(context, by, cancellationToken), parse.GetValue(reason), cancellationToken);
            Print(context, console, rollout);
            return ExitCodes.Ok;
        });
        return command;
    }

    private delegate Task<Rollout> Act(RolloutService service, EntityKey key, string label, string by, string? reason, int? candidate, CancellationToken cancellationToken);

    private static Command Simple(GlobalOptions globals, CliConsole console, string name, string description, Act act, bool withCandidate = false)
    {
        var (entity, label) = Target();
        var candidate = new Option<int?>("--candidate") { Description = "which candidate (default: the first)", HelpName = "N" };
        var (by, reason) = Actor();
        var command = new Command(name, description) { entity, label, by, reason };
        if (withCandidate)
        {
            command.Options.Add(candidate);
        }

        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Parse(parse.GetRequiredValue(entity));
            var named = TagNames.Validate(parse.GetRequiredValue(label));
            var who = await Author.ResolveAsync(context, by, cancellationToken);
            Print(context, console, await act(new RolloutService(context.CreateService()), key, named, who, parse.GetValue(reason), parse.GetValue(candidate), cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(GlobalOptions globals, CliConsole console, bool history)
    {
        var (entity, label) = Target();
        var command = new Command(history ? "history" : "status", history ? "every version of a label's rollout, newest first" : "a label's rollout: variants, weights, steps, salt") { entity, label };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Parse(parse.GetRequiredValue(entity));
            var named = TagNames.Validate(parse.GetRequiredValue(label));
            var versions = await new RolloutService(context.CreateService()).HistoryAsync(key, named, cancellationToken);
            if (versions.Count == 0)
            {
                throw new Errors.NotFoundException($"{key}@{named}", $"not found: {key}@{named} never had a rollout");
            }

            if (!history)
            {
                Print(context, console, versions[0]);
            }
            else if (context.Json)
            {
                JsonOutput.Write(console, WireRollouts.Of(versions));
            }
            else
            {
                foreach (var rollout in versions)
                {
                    console.Out.WriteLine($"{rollout.Version}  {Timestamps.ForJson(rollout.ChangedAt ?? default)}  {rollout.ChangedBy}  {rollout.State.ToString().ToLowerInvariant()}  {Weights(rollout)}  {rollout.Reason}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (Option<string?> By, Option<string?> Reason) Actor() =>
        (Author.Option("who changes the rollout"), new Option<string?>("--reason", "--message", "-m") { Description = "why; kept in the rollout's history", HelpName = "R" });

    private static ImmutableArray<int> ParseSteps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var steps = ImmutableArray.CreateBuilder<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            steps.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
                ? step
                : throw new UsageException($"--steps takes basis points separated by commas, e.g. 500,2500,5000,10000; '{part}' is not a number"));
        }

        return steps.ToImmutable();
    }

    private static string Weights(Rollout rollout) =>
        string.Join(", ", rollout.Candidates.Select(c => $"@{c.Version} {c.Weight} bp").Prepend($"@{rollout.Control} {RolloutBuckets.Count - rollout.Candidates.Sum(c => c.Weight)} bp (control)"));

    private static void Print(CommandContext context, CliConsole console, Rollout rollout)
    {
        if (context.Json)
        {
            JsonOutput.Write(console, WireRollouts.Of(rollout));
            return;
        }

        console.Out.WriteLine($"{rollout.Entity}@{rollout.Label}: {rollout.State.ToString().ToLowerInvariant()} (rollout version {rollout.Version})");
        console.Out.WriteLine($"  {Weights(rollout)}");
        if (!rollout.Steps.IsDefaultOrEmpty)
        {
            console.Out.WriteLine($"  steps: {string.Join(" → ", rollout.Steps)} bp{(rollout.AdvanceOn is null ? "" : $", advanced by a passing {rollout.AdvanceOn} check")}");
        }

        console.Out.WriteLine($"  salt {rollout.Salt}{(rollout.BucketBy is null ? "" : $", bucketed by {rollout.BucketBy}")}");
        if (rollout.Reason is not null)
        {
            console.Out.WriteLine($"  {rollout.Reason} ({rollout.ChangedBy})");
        }
    }
}
