using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Json;
using Verso.Diff;
using Verso.Diff.Rendering;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso diff REF REF [--format text|json|patch]</c>: what changed between two versions.</summary>
internal static class DiffCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var left = new Argument<string>("REF") { Description = "the older version, e.g. agent/alice@1" };
        var right = new Argument<string>("REF") { Description = "the newer version, e.g. agent/alice@2 or agent/alice" };
        var format = new Option<string>("--format") { Description = "text (for people), json (the change list) or patch (RFC 6902)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "patch");
        var command = new Command("diff", "show what changed between two versions") { left, right, format };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var from = await service.GetAsync(VersionRef.Parse(context.ParseResult.GetRequiredValue(left)), cancellationToken);
            var to = await service.GetAsync(VersionRef.Parse(context.ParseResult.GetRequiredValue(right)), cancellationToken);
            var kind = service.Kinds.Resolve(from.Key.Kind);
            var (before, after) = (JsonInput.Parse(from), JsonInput.Parse(to));
            var outputFormat = context.Json ? "json" : context.ParseResult.GetValue(format);
            switch (outputFormat)
            {
                case "patch":
                    var patch = Patch.JsonPatch.Create(JsonPatchBuilder.Create(before, after, kind.DiffRules));
                    await console.OutputStream.WriteAsync(patch.ToUtf8Bytes(), cancellationToken);
                    console.OutputStream.WriteByte((byte)'\n');
                    break;
                case "json":
                    var changes = JsonDiff.Compute(before, after, kind.DiffRules);
                    JsonOutput.Write(console, writer => ChangeJson.WriteChanges(writer, changes));
                    break;
                default:
                    var rendered = kind.DiffRenderer.Render(before, after, JsonDiff.Compute(before, after, kind.DiffRules));
                    console.Out.WriteLine($"{from.Ref} → {to.Ref}");
                    foreach (var line in rendered)
                    {
                        console.Ansi.MarkupLine($"[{Color(line.Style)}]{Markup.Escape(line.Text)}[/]");
                    }

                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Color(DiffLineStyle style) => style switch
    {
        DiffLineStyle.Added => "green",
        DiffLineStyle.Removed => "red",
        DiffLineStyle.Modified => "yellow",
        DiffLineStyle.Moved => "blue",
        DiffLineStyle.Hunk => "cyan",
        DiffLineStyle.Header => "bold",
        _ => "default",
    };
}
