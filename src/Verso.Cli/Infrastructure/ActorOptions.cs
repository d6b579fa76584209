using System.CommandLine;
using Verso.Governance.ChangeRequests;

namespace Verso.Cli.Infrastructure;

/// <summary><c>--by WHO [--acting-for WHO]</c>: who acts, and for whom when acting as someone else.</summary>
internal sealed class ActorOptions
{
    public ActorOptions(string what)
    {
        By = new Option<string>("--by") { Description = $"who {what}", Required = true, HelpName = "WHO" };
        ActingFor = new Option<string?>("--acting-for") { Description = "the person acted for, when acting as someone else (both are recorded)", HelpName = "WHO" };
    }

    public Option<string> By { get; }

    public Option<string?> ActingFor { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(By);
        command.Options.Add(ActingFor);
    }

    /// <exception cref="UsageException">A name is blank.</exception>
    public Actor Read(ParseResult parse)
    {
        var by = parse.GetRequiredValue(By);
        var actingFor = parse.GetValue(ActingFor);
        if (string.IsNullOrWhiteSpace(by) || (actingFor is not null && string.IsNullOrWhiteSpace(actingFor)))
        {
            throw new UsageException("--by and --acting-for must name someone");
        }

        return new Actor(by, actingFor);
    }
}
