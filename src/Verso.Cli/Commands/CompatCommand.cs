using System.CommandLine;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Documents.Schemas;
using Verso.Versioning.Tools;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso compat REF REF</c>: can a task run under the first version be replayed under the second?
/// Identical, compatible (only fields that do not change behaviour differ) or breaking, with the reasons.
/// </summary>
internal static class CompatCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var left = new Argument<string>("REF") { Description = "the version a task ran with, e.g. agent/alice@1" };
        var right = new Argument<string>("REF") { Description = "the version to replay it with, e.g. agent/alice@4" };
        var command = new Command("compat", "say whether a replay under another version behaves the same") { left, right };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var from = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(left), cancellationToken);
            var to = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(right), cancellationToken);
            var verdict = await ToolCompatibility.CompareAsync(
                service.Kinds.Resolve(from.Key.Kind), JsonInput.Parse(from), JsonInput.Parse(to), ToolCompatibility.Reading(service), context.ComparisonBudget(cancellationToken), cancellationToken);
            var name = verdict.Verdict.ToString().ToLowerInvariant();
            if (context.Json)
            {
                JsonOutput.Write(console, Server.Wire.WireCompare.Of(verdict));
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"{from.Ref} → {to.Ref}: {name}");
            foreach (var difference in verdict.Differences)
            {
                console.Ansi.MarkupLine($"[red]  behaviour: {TerminalText.ForMarkup(difference.Path)} {difference.Kind.ToString().ToLowerInvariant()}[/]");
            }

            foreach (var tool in verdict.ToolChanges)
            {
                var line = TerminalText.ForMarkup($"  tool:      {tool}");
                console.Ansi.MarkupLine(tool.Level switch
                {
                    SchemaChangeLevel.Breaking => $"[red]{line}[/]",
                    SchemaChangeLevel.Warning => $"[yellow]{line}[/]",
                    _ => line,
                });
            }

            foreach (var change in verdict.Cosmetic)
            {
                console.Out.WriteLine($"  cosmetic:  {change.Path} {change.Kind.ToString().ToLowerInvariant()}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
