using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso refs REF</c>: every version that pins this one (e.g. the decisions a charter version produced).</summary>
internal static class RefsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version referred to, e.g. agent/alice@3" };
        var command = new Command("refs", "list the versions that pin a version") { reference };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var target = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(reference), cancellationToken);
            var referrers = await context.Store.FindReferrersAsync(target.Key, target.Version, cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, Server.Wire.WireCompare.Referrers(target, referrers));
            }
            else
            {
                console.Out.WriteLine(referrers.Count == 0
                    ? $"no version refers to {target.Ref} {target.Hash}"
                    : $"{referrers.Count} version(s) refer to {target.Ref} {target.Hash}:");
                foreach (var referrer in referrers)
                {
                    console.Out.WriteLine($"  {referrer}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
