using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Contracts.Store;

namespace Verso.Cli.Commands;

/// <summary><c>verso kinds</c>: the kinds verso validates and the kinds the store holds, with their entity counts.</summary>
internal static class KindsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var includeInternal = InternalRecordsOption.Create();
        var command = new Command("kinds", "list the kinds: the validated ones and any other the store holds, with how many entities each has") { includeInternal };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var kind in service.Kinds.Registered.Where(k => k.Validator is not null))
            {
                counts[kind.Name] = 0;
            }

            var all = context.ParseResult.GetValue(includeInternal);
            await foreach (var head in context.Store.ListAllHeadsAsync(cancellationToken))
            {
                if (!all && Model.Kinds.InternalKinds.IsInternal(head.Key.Kind))
                {
                    continue;
                }

                counts[head.Key.Kind] = counts.GetValueOrDefault(head.Key.Kind) + 1;
            }

            var validated = service.Kinds.Registered.Where(k => k.Validator is not null).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
            if (context.Json)
            {
                JsonOutput.Write(console, counts.Select(c => new KindCount { Kind = c.Key, Validated = validated.Contains(c.Key), Entities = c.Value }).ToList());
                return ExitCodes.Ok;
            }

            var table = new PlainTable("kind", "entities", "records");
            foreach (var (name, count) in counts)
            {
                table.Add(name, count.ToString(CultureInfo.InvariantCulture), validated.Contains(name) ? "validated" : "any JSON object");
            }

            table.WriteTo(console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
