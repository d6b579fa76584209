using System.CommandLine;
using Verso.Governance.ChangeRequests;
using Verso.Cli.Infrastructure;
using Verso.Server.Wire;

namespace Verso.Cli.Commands;

/// <summary><c>verso review cr-N --approve|--reject|--comment -m TEXT --by WHO [--acting-for WHO]</c>.</summary>
internal static class ReviewCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "the change request, e.g. cr-17" };
        var approve = new Option<bool>("--approve") { Description = "approve the current revision" };
        var reject = new Option<bool>("--reject") { Description = "reject it" };
        var comment = new Option<bool>("--comment") { Description = "remark without approving or rejecting" };
        var message = new Option<string?>("--message", "-m") { Description = "what the reviewer says", HelpName = "TEXT" };
        var actor = new ActorOptions("reviews (never the author)");
        var command = new Command("review", "approve, reject or comment on a change request") { id, approve, reject, comment, message };
        actor.AddTo(command);
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var chosen = new[] { (parse.GetValue(approve), ReviewVerdict.Approve), (parse.GetValue(reject), ReviewVerdict.Reject), (parse.GetValue(comment), ReviewVerdict.Comment) }
                .Where(v => v.Item1).Select(v => v.Item2).ToList();
            if (chosen.Count != 1)
            {
                throw new UsageException("give exactly one of --approve, --reject, --comment");
            }

            var text = parse.GetValue(message);
            if (chosen[0] == ReviewVerdict.Comment && string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("--comment needs -m TEXT");
            }

            var request = await context.CreateRequests().ReviewAsync(parse.GetRequiredValue(id), chosen[0], actor.Read(parse), text, cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireChangeRequests.Of(request));
            }
            else
            {
                var done = chosen[0] switch { ReviewVerdict.Approve => "approved", ReviewVerdict.Reject => "rejected", _ => "commented" };
                console.Out.WriteLine($"{done}: {ChangeRequestOutput.Line(request)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
