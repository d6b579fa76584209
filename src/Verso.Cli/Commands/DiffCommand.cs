using Verso.Documents.Canonical;
using System.CommandLine;
using System.Text.Json;
using Verso.Cli.Infrastructure;
using Verso.Documents.Diff;
using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Server.Wire;
using Verso.Model.Snapshots;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso diff REF [REF|FILE] [--format text|json|patch]</c>: what changed between two versions; one ref is
/// compared with the version before it; a file (JSON, YAML or Markdown) is compared with the ref.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var left = new Argument<string>("REF") { Description = "the older version, e.g. agent/alice@1; alone, the version compared with the one before it" };
        var right = new Argument<string?>("REF|FILE")
        {
            Description = "(optional) the newer version, e.g. agent/alice@2 or agent/alice, or a record file to compare with the first ref",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format") { Description = "text (for people), json (the change list) or patch (RFC 6902)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "patch");
        var command = new Command("diff", "show what changed between two versions") { left, right, format };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var first = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(left), cancellationToken);
            var second = context.ParseResult.GetValue(right);
            Snapshot from, to;
            JsonNode? before, after;
            string toName;
            if (second is null)
            {
                if (first.Version == 1)
                {
                    throw new UsageException($"{first.Ref} is the first version: there is no earlier one to compare it with");
                }

                (from, to) = (Refs.Verified(await service.GetAsync(VersionRef.ForVersion(first.Key, first.Version - 1), cancellationToken)), first);
                (before, after, toName) = (JsonInput.Parse(from), JsonInput.Parse(to), to.Ref.ToString());
            }
            else if (File.Exists(console.ResolvePath(second)))
            {
                var record = service.Canonicalize(first.Key.Kind, await RecordInput.ReadAsync(context, first.Key.Kind, second, cancellationToken));
                (from, to) = (first, first);
                (before, after, toName) = (JsonInput.Parse(first), JsonLimits.ParseNode(record.Utf8.Span), second);
            }
            else
            {
                (from, to) = (first, await Refs.GetAsync(service, second, cancellationToken));
                (before, after, toName) = (JsonInput.Parse(from), JsonInput.Parse(to), to.Ref.ToString());
            }

            var kind = service.Kinds.Resolve(from.Key.Kind);
            var outputFormat = context.Json ? "json" : context.ParseResult.GetValue(format);
            var budget = context.ComparisonBudget(cancellationToken);
            switch (outputFormat)
            {
                case "patch":
                    var patch = Documents.Patch.JsonPatch.Create(JsonPatchBuilder.Create(before, after, kind.DiffRules, budget));
                    await console.OutputStream.WriteAsync(patch.ToUtf8Bytes(), cancellationToken);
                    console.OutputStream.WriteByte((byte)'\n');
                    break;
                case "json":
                    var changes = JsonDiff.Compute(before, after, kind.DiffRules, budget);
                    JsonOutput.Write(console, WireCompare.Of(changes));
                    break;
                default:
                    DiffText.Write(console, kind, $"{from.Ref} → {toName}", before, after, budget);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

}
