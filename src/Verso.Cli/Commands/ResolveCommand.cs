using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso resolve KIND/ID [--label L] [--subject S]</c>: the version a label serves a subject (through its rollout if
/// one is active), with the bucket and the rollout's version, so the caller can pin exactly what it was served.
/// </summary>
internal static class ResolveCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" };
        var label = new Option<string?>("--label", "-l") { Description = "the label (tag or rollout), e.g. production; the head when left out", HelpName = "L" };
        var subject = new Option<string?>("--subject", "-s") { Description = "the subject key bucketed, e.g. a user or tenant id; the control when left out", HelpName = "S" };
        var command = new Command("resolve", "the version a label serves a subject: what a task pins at its start") { entity, label, subject };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Parse(parse.GetRequiredValue(entity));
            var named = parse.GetValue(label) is { } given ? TagNames.Validate(given) : null;
            var resolved = await new RolloutService(context.CreateService()).ResolveAsync(key, named, parse.GetValue(subject), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireRollouts.Of(resolved));
            }
            else
            {
                var how = resolved.Bucket is { } bucket
                    ? $" ({resolved.Variant}, bucket {bucket}, rollout version {resolved.RolloutVersion})"
                    : $" ({resolved.Variant})";
                console.Out.WriteLine($"{resolved.Version.Ref} {resolved.Version.Hash}{how}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
