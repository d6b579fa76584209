using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Storage.Retention;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso prune [KIND/ID] --keep N [--keep-days D] [--by WHO] [--reason R] [--dry-run]</c>: drops the
/// content of old versions of one entity, or of every entity when none is named (the store-wide policy).
/// Heads, tagged versions and versions something pins keep their content; every version keeps its row,
/// hash and chain link.
/// </summary>
internal static class PruneCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string?>("KIND/ID") { Description = "(optional) the entity to prune; every entity when left out", Arity = ArgumentArity.ZeroOrOne };
        var keep = new Option<int>("--keep") { Description = "keep the content of the newest N versions of each entity", Required = true, HelpName = "N" };
        var keepDays = new Option<int?>("--keep-days") { Description = "also keep the content of versions saved in the last D days", HelpName = "D" };
        var by = Author.Option("who prunes");
        var reason = new Option<string?>("--reason", "--message", "-m") { Description = "why; shown wherever pruned content is read", HelpName = "R" };
        var dryRun = new Option<bool>("--dry-run") { Description = "only list what would be pruned" };
        var command = new Command("prune", "drop the content of old versions, keeping heads, tagged and pinned versions")
        {
            entity, keep, keepDays, by, reason, dryRun,
        };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var policy = Policy(parse.GetValue(keep), parse.GetValue(keepDays));
            var prunedBy = await Author.ResolveAsync(context, by, cancellationToken);
            if (string.IsNullOrWhiteSpace(prunedBy))
            {
                throw new UsageException("--by must name who prunes");
            }

            var service = context.CreateService();
            var (why, dry) = (parse.GetValue(reason), parse.GetValue(dryRun));
            var results = new List<ContentRemovalResult>();
            if (parse.GetValue(entity) is { } named)
            {
                var result = await service.PruneAsync(EntityKey.Parse(named), policy, prunedBy, why, dry, cancellationToken);
                results.Add(result);
            }
            else
            {
                await foreach (var result in service.PruneAllAsync(policy, prunedBy, why, dry, cancellationToken))
                {
                    results.Add(result);
                }
            }

            Report(console, context.Json, results, dry);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static RetentionPolicy Policy(int keep, int? keepDays)
    {
        if (keep < 1)
        {
            throw new UsageException("--keep takes a number from 1: the head always keeps its content");
        }

        if (keepDays is < 0 or > RetentionPolicy.MaxKeepDays)
        {
            throw new UsageException($"--keep-days takes a number from 0 to {RetentionPolicy.MaxKeepDays}");
        }

        return new RetentionPolicy(keep) { KeepWithin = keepDays is { } days ? TimeSpan.FromDays(days) : null };
    }

    private static void Report(CliConsole console, bool json, List<ContentRemovalResult> results, bool dryRun)
    {
        var total = results.Sum(r => r.Versions.Length);
        if (json)
        {
            JsonOutput.Write(console, Server.Wire.WireAdmin.Of(results, dryRun));
            return;
        }

        var verb = dryRun ? "would prune" : "pruned";
        foreach (var result in results.Where(r => !r.Versions.IsEmpty))
        {
            console.Out.WriteLine($"{verb} {result.Key} {string.Join(", ", result.Versions.Select(v => "@" + v.ToString(CultureInfo.InvariantCulture)))}");
        }

        var entities = results.Count(r => !r.Versions.IsEmpty);
        console.Out.WriteLine(total == 0
            ? "nothing to prune: every old version is kept by the policy, a tag or a pin"
            : $"{verb} the content of {total} version{(total == 1 ? "" : "s")} of {entities} entit{(entities == 1 ? "y" : "ies")}");
    }
}
