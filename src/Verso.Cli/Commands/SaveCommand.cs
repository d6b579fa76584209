using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Json;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary><c>verso save KIND ID FILE|- --by WHO [-m MSG] [--force] [--expect N]</c>.</summary>
internal static class SaveCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var kind = new Argument<string>("KIND") { Description = "the kind, e.g. agent" };
        var id = new Argument<string>("ID") { Description = "the entity id, e.g. alice" };
        var file = new Argument<string>("FILE") { Description = "a JSON file, or - for standard input" };
        var by = new Option<string>("--by") { Description = "who saves (kept with the version)", Required = true, HelpName = "WHO" };
        var message = new Option<string?>("--message", "-m") { Description = "why; kept with the version", HelpName = "MSG" };
        var force = new Option<bool>("--force") { Description = "append a version even when the content is unchanged" };
        var expect = new Option<int?>("--expect") { Description = "fail with exit 3 unless the head is version N (0: new entity)", HelpName = "N" };

        var command = new Command("save", "save a JSON record as a new version when it changed") { kind, id, file, by, message, force, expect };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Create(parse.GetRequiredValue(kind), parse.GetRequiredValue(id));
            var savedBy = parse.GetRequiredValue(by);
            if (string.IsNullOrWhiteSpace(savedBy))
            {
                throw new UsageException("--by must name who saves");
            }

            if (parse.GetValue(expect) is < 0)
            {
                throw new UsageException("--expect takes a version number, 0 or more");
            }

            var json = await context.ReadInputAsync(parse.GetRequiredValue(file), cancellationToken);
            var service = context.CreateService();
            // Canonicalize before touching the store, so bad input never opens (or half-writes) it.
            var content = service.Canonicalize(key.Kind, json);
            var options = new SaveOptions(savedBy)
            {
                Message = parse.GetValue(message),
                Force = parse.GetValue(force),
                ExpectedVersion = parse.GetValue(expect),
            };
            var result = await service.SaveAsync(key, content, options, cancellationToken);
            Print(context, result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CommandContext context, AppendResult result)
    {
        var head = result.Head;
        if (!context.Json)
        {
            context.Console.Out.WriteLine($"{AppendJson.Status(result.Outcome)} {head.Ref} {head.Hash}");
            return;
        }

        JsonOutput.Write(context.Console, writer => AppendJson.Write(writer, result));
    }
}
