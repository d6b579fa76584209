using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Server.Wire;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso rollback KIND/ID --to N --by WHO [--reason R] [--expect M]</c>: appends a version with version
/// N's content; old versions are never changed or renumbered.
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" };
        var to = new Option<int>("--to") { Description = "the version whose content to restore", Required = true, HelpName = "N" };
        var by = Author.Option("who rolls back");
        var reason = new Option<string?>("--reason", "--message", "-m") { Description = "why; kept as the version's message", HelpName = "R" };
        var expect = new Option<int?>("--expect") { Description = "fail with exit 3 unless the head is version M", HelpName = "M" };
        var command = new Command("rollback", "append a version that restores an earlier version's content") { entity, to, by, reason, expect };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Parse(parse.GetRequiredValue(entity));
            var version = parse.GetValue(to);
            if (version < 1 || parse.GetValue(expect) is < 0)
            {
                throw new UsageException("--to takes a version number from 1 and --expect one from 0");
            }

            var savedBy = await Author.ResolveAsync(context, by, cancellationToken);
            var options = new SaveOptions(savedBy) { Message = parse.GetValue(reason), ExpectedVersion = parse.GetValue(expect) };
            var result = await context.CreateService().RollbackAsync(key, version, options, cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireVersions.Outcome(result, version));
            }
            else
            {
                console.Out.WriteLine(result.Outcome == AppendOutcome.Created
                    ? $"created {result.Head.Ref} {result.Head.Hash} (the content of version {version})"
                    : $"unchanged {result.Head.Ref} {result.Head.Hash}: it already has the content of version {version}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
