using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Cli.Infrastructure;
using Verso.Documents.Merge;
using Verso.Naming;
using Verso.Server.Wire;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso merge KIND/ID --base N --ours N --theirs N|FILE [--save --by WHO]</c>: combines two edits made
/// from the same base; exit 3 with the conflicts listed when they do not combine cleanly.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string>("KIND/ID") { Description = "the entity, e.g. agent/alice" };
        var @base = new Option<int>("--base") { Description = "the version both edits started from", Required = true, HelpName = "N" };
        var ours = new Option<int>("--ours") { Description = "our edit: a version number", Required = true, HelpName = "N" };
        var theirs = new Option<string>("--theirs") { Description = "their edit: a version number or a JSON file", Required = true, HelpName = "N|FILE" };
        var save = new Option<bool>("--save") { Description = "save a clean merge as a new version (operation merge)" };
        var by = Author.Option("who saves (with --save)");
        var message = new Option<string?>("--message", "-m", "--reason") { Description = "why; kept with the version after the parents", HelpName = "MSG" };
        var command = new Command("merge", "three-way merge of two edits made from the same base") { entity, @base, ours, theirs, save, by, message };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Parse(parse.GetRequiredValue(entity));

            var service = context.CreateService();
            var baseVersion = await service.GetAsync(VersionRef.ForVersion(key, Positive(parse.GetValue(@base), "--base")), cancellationToken);
            var ourVersion = await service.GetAsync(VersionRef.ForVersion(key, Positive(parse.GetValue(ours), "--ours")), cancellationToken);
            var (theirContent, theirName) = await TheirsAsync(context, service, key, parse.GetRequiredValue(theirs), cancellationToken);
            var result = JsonMerge.Merge(JsonInput.Parse(baseVersion), JsonInput.Parse(ourVersion), theirContent, service.Kinds.Resolve(key.Kind).DiffRules, context.ComparisonBudget(cancellationToken));
            if (!result.IsClean)
            {
                ReportConflicts(context, key, result);
                return ExitCodes.Conflict;
            }

            var merged = CanonicalJson.Canonicalize(JsonLimits.ToUtf8(result.Merged));
            var parents = $"merge of {key}@{ourVersion.Version} (ours) and {theirName} (theirs) from base @{baseVersion.Version}";
            AppendResult? saved = null;
            if (parse.GetValue(save))
            {
                var options = new SaveOptions(await Author.ResolveAsync(context, by, cancellationToken))
                {
                    Operation = VersionOperation.Merge,
                    Message = parse.GetValue(message) is { Length: > 0 } why ? $"{parents}: {why}" : parents,
                };
                saved = await service.SaveAsync(key, merged, options, cancellationToken);
            }

            Report(context, merged, saved);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<(JsonNode? Content, string Name)> TheirsAsync(
        CommandContext context, VersioningService service, EntityKey key, string theirs, CancellationToken cancellationToken)
    {
        if (int.TryParse(theirs, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            var snapshot = await service.GetAsync(VersionRef.ForVersion(key, Positive(version, "--theirs")), cancellationToken);
            return (JsonInput.Parse(snapshot), $"@{snapshot.Version}");
        }

        var bytes = await context.ReadInputAsync(theirs, cancellationToken);
        var document = JsonInput.From(theirs, () => service.Canonicalize(key.Kind, bytes));
        return (JsonLimits.ParseNode(document.Utf8.Span), $"{Path.GetFileName(theirs)} {document.Hash}");
    }

    private static int Positive(int version, string option) =>
        version >= 1 ? version : throw new UsageException($"{option} takes a version number from 1");

    private static void ReportConflicts(CommandContext context, EntityKey key, MergeResult result)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Console, WireMerge.Unclean(result));
        }
        else
        {
            foreach (var conflict in result.Conflicts)
            {
                context.Console.Out.WriteLine(
                    $"conflict at {(conflict.Path.Length == 0 ? "/" : conflict.Path)}: base {Show(conflict.Base, conflict.InBase)}, ours {Show(conflict.Ours, conflict.InOurs)}, theirs {Show(conflict.Theirs, conflict.InTheirs)}");
            }
        }

        context.Console.Error.WriteLine($"verso: {key} does not merge cleanly: {result.Conflicts.Length} conflict(s); nothing saved");
    }

    private static void Report(CommandContext context, byte[] merged, AppendResult? saved)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Console, WireMerge.Clean(merged, saved));
        }
        else if (saved is not null)
        {
            context.Console.Out.WriteLine($"{(saved.Outcome == AppendOutcome.Created ? "created" : "unchanged")} {saved.Head.Ref} {saved.Head.Hash}");
        }
        else
        {
            context.Console.Out.WriteLine(JsonOutput.Indent(merged));
        }
    }

    private static string Show(JsonNode? value, bool present) => !present ? "(absent)" : value is null ? "null" : JsonLimits.ToJson(value);
}
