using System.CommandLine;
using System.Globalization;
using Verso.Governance.Checks;
using Verso.Cli.Infrastructure;
using Verso.Server.Wire;
using Verso.Errors;
using Verso.Model.Lineage;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso log KIND/ID [--limit N] [--offset N] [--follow]</c>: an entity's history, newest first; with
/// <c>--follow</c>, then the history of the entity it was renamed from, and so on (as <c>git log --follow</c>).
/// </summary>
internal static class LogCommand
{
    private const int DefaultLimit = 50;

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" };
        var limit = new Option<int>("--limit") { Description = $"show at most N versions (default {DefaultLimit})", HelpName = "N", DefaultValueFactory = _ => DefaultLimit };
        var offset = new Option<int>("--offset") { Description = "skip the N newest versions", HelpName = "N" };
        var follow = new Option<bool>("--follow") { Description = "go on with the versions of the entity it was renamed from (a recast agent's predecessor)" };
        var command = new Command("log", "list an entity's versions, newest first") { entity, limit, offset, follow };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var key = EntityKey.Parse(context.ParseResult.GetRequiredValue(entity));
            var (take, skip) = (context.ParseResult.GetValue(limit), context.ParseResult.GetValue(offset));
            if (take < 1 || skip < 0)
            {
                throw new UsageException("--limit takes a number from 1 and --offset a number from 0");
            }

            var service = context.CreateService();
            var lineage = new LineageReader(context.Store);
            var chain = context.ParseResult.GetValue(follow) ? await lineage.FollowAsync(key, cancellationToken) : [key];
            var total = 0;
            foreach (var named in chain)
            {
                total += await context.Store.CountVersionsAsync(named, cancellationToken);
            }

            if (total == 0)
            {
                throw new NotFoundException(key.ToString(), $"not found: {key} does not exist");
            }

            var page = new List<Snapshot>();
            var history = chain.Length == 1 ? service.GetHistoryAsync(key, skip, take, cancellationToken) : lineage.GetHistoryAsync(key, cancellationToken).Skip(skip).Take(take);
            await foreach (var snapshot in history.WithCancellation(cancellationToken))
            {
                page.Add(snapshot);
            }

            // One short history read per version shown: each version's checks are their own record.
            var checks = new Dictionary<(EntityKey Key, int Version), IReadOnlyList<CheckResult>>();
            foreach (var snapshot in page)
            {
                checks[(snapshot.Key, snapshot.Version)] = await CheckLedger.ReadAsync(context.Store, snapshot.Key, snapshot.Version, cancellationToken);
            }

            if (context.Json)
            {
                JsonOutput.Write(console, page.Select(s => WireVersions.Logged(s, checks[(s.Key, s.Version)])).ToList());
            }
            else
            {
                WriteTable(console, key, page, checks, skip, total, chain.Length > 1);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, EntityKey key, List<Snapshot> page, Dictionary<(EntityKey Key, int Version), IReadOnlyList<CheckResult>> checks, int skip, int total, bool followed)
    {
        // Plain columns: no wrapping at 80 columns on a terminal, no blank padding lines in a pipe.
        var table = new PlainTable(followed ? "ref" : "version", "hash", "saved_by", "saved_at", "operation", "checks", "message");
        foreach (var snapshot in page)
        {
            table.Add(
                followed ? TerminalText.Escape(snapshot.Ref.ToString()) : snapshot.Version.ToString(CultureInfo.InvariantCulture),
                snapshot.Hash.Short(),
                TerminalText.Escape(snapshot.SavedBy),
                Timestamps.ForTable(snapshot.SavedAt),
                snapshot.Operation.ToName(),
                TerminalText.Escape(CheckOutput.Summary(checks[(snapshot.Key, snapshot.Version)])),
                TerminalText.Escape(Describe(snapshot)));
        }

        table.WriteTo(console.Out);
        if (page.Count < total)
        {
            var shown = page.Count == 0 ? "none" : $"{skip + 1}-{skip + page.Count}";
            console.Out.WriteLine($"{key}: showing {shown} of {total} versions, newest first");
        }
    }

    // The message, plus what the version records beyond it: a file deleted in git, content pruned or erased.
    private static string Describe(Snapshot snapshot)
    {
        var notes = new List<string>(3);
        if (snapshot.Message is { } message)
        {
            notes.Add(message);
        }

        if (snapshot.Source is { Deleted: true } source)
        {
            notes.Add($"[deleted {source.Path}]");
        }

        if (snapshot.Source is { ChangeRequest: { } request } applied)
        {
            notes.Add($"[{request}, approved by {(applied.Approvers.IsEmpty ? "nobody" : string.Join(", ", applied.Approvers))}]");
        }

        if (snapshot.Removal is { } removal)
        {
            notes.Add($"[{removal}]");
        }

        return string.Join(' ', notes);
    }
}
