using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Server.Wire;
using Verso.Storage;

namespace Verso.Cli.Commands;

/// <summary><c>verso list [KIND] [--include-internal]</c>: every entity (of one kind) with its head version, author, time and tags; change requests and checks only when asked for.</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var kind = new Argument<string?>("KIND") { Description = "(optional) only entities of this kind, e.g. agent", Arity = ArgumentArity.ZeroOrOne };
        var includeInternal = InternalRecordsOption.Create();
        var command = new Command("list", "list the entities with their head version, who saved it, when, and their tags") { kind, includeInternal };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var only = context.ParseResult.GetValue(kind);
            if (only is not null)
            {
                EntityKey.ValidateKind(only);
            }

            var service = context.CreateService();
            var store = context.Store;
            var all = context.ParseResult.GetValue(includeInternal);
            var heads = new List<EntityHead>();
            await foreach (var head in only is null ? store.ListAllHeadsAsync(cancellationToken) : store.ListEntitiesAsync(only, cancellationToken))
            {
                // Naming an internal kind asks for it; the whole listing shows configuration unless told otherwise.
                if (all || only is not null || !InternalKinds.IsInternal(head.Key.Kind))
                {
                    heads.Add(head);
                }
            }

            heads.Sort((a, b) => string.CompareOrdinal(a.Key.ToString(), b.Key.ToString()));
            var rows = new List<(EntityHead Head, string SavedBy, IReadOnlyList<EntityTag> Tags)>(heads.Count);
            foreach (var head in heads)
            {
                var latest = await store.GetLatestAsync(head.Key, cancellationToken);
                rows.Add((head, latest?.SavedBy ?? "", await store.ListTagsAsync(head.Key, cancellationToken)));
            }

            if (context.Json)
            {
                JsonOutput.Write(console, rows.Select(r => WireStore.Listing(r.Head, r.SavedBy, r.Tags)).ToList());
                return ExitCodes.Ok;
            }

            if (rows.Count == 0)
            {
                console.Out.WriteLine(only is null
                    ? "the store holds no entities yet (verso save KIND ID FILE adds one)"
                    : $"the store holds no {only} entities{await KindSuggestion.HintAsync(service, only, cancellationToken)}");
                return ExitCodes.Ok;
            }

            var table = new PlainTable("entity", "head", "hash", "saved_by", "saved_at", "tags");
            foreach (var (head, savedBy, tags) in rows)
            {
                table.Add(
                    head.Key.ToString(),
                    "@" + head.Version.ToString(CultureInfo.InvariantCulture),
                    head.Hash.Short(),
                    savedBy,
                    Timestamps.ForTable(head.SavedAt),
                    string.Join(", ", tags.Select(t => $"{t.Name}@{t.Version.ToString(CultureInfo.InvariantCulture)}")));
            }

            table.WriteTo(console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
