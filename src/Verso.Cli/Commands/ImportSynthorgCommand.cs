using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Files.Synthorg;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso import-synthorg PATH.db [--table NAME=KIND …]</c>: the seed platform's version tables, each row
/// with its number, author and time, every stored hash checked with the platform's own formula; running it
/// again imports nothing new.
/// </summary>
internal static class ImportSynthorgCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "the seed platform's SQLite database" };
        var tables = new Option<string[]>("--table") { Description = "import table NAME as KIND (repeatable); default: the table name without _versions", HelpName = "NAME=KIND" };
        var command = new Command("import-synthorg", "import the seed platform's version tables, keeping numbers, authors and times") { path, tables };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var mapping in parse.GetValue(tables) ?? [])
            {
                var parts = mapping.Split('=', 2);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    throw new UsageException($"--table takes NAME=KIND, not '{mapping}'");
                }

                kinds[parts[0]] = parts[1];
            }

            var source = console.ResolvePath(parse.GetRequiredValue(path));
            if (!File.Exists(source))
            {
                throw new UsageException($"no database at {parse.GetRequiredValue(path)}");
            }

            var report = await new SynthorgImporter(context.CreateService()).ImportAsync(source, kinds, cancellationToken);
            var failed = report.Mismatches.Length > 0 || report.Refused.Length > 0;
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("tables");
                    foreach (var (table, kind) in report.Tables)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("table", table);
                        writer.WriteString("kind", kind);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteNumber("entities", report.Entities);
                    writer.WriteNumber("created", report.Created);
                    writer.WriteNumber("unchanged", report.Unchanged);
                    writer.WriteStartArray("mismatches");
                    report.Mismatches.ToList().ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                    writer.WriteStartArray("refused");
                    foreach (var (entity, reason) in report.Refused)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("entity", entity);
                        writer.WriteString("reason", reason);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return failed ? ExitCodes.Failure : ExitCodes.Ok;
            }

            foreach (var (table, kind) in report.Tables)
            {
                console.Out.WriteLine($"table {table} → kind {kind}");
            }

            foreach (var mismatch in report.Mismatches)
            {
                console.Out.WriteLine($"hash mismatch {mismatch}: its stored content_hash is not the hash of its snapshot");
            }

            foreach (var (entity, reason) in report.Refused)
            {
                console.Out.WriteLine($"not imported {entity}: {reason}");
            }

            console.Out.WriteLine($"{report.Entities} entities, {report.Created + report.Unchanged} versions ({report.Created} new, {report.Unchanged} already there), {report.Mismatches.Length} hash mismatches, {report.Refused.Length} entities not imported");
            return failed ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
