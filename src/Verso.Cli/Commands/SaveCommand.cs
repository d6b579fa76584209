using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Server.Wire;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary><c>verso save KIND ID FILE|- --by WHO [-m MSG] [--force] [--expect N] [--new-kind]</c>.</summary>
internal static class SaveCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var kind = new Argument<string>("KIND") { Description = "the kind, e.g. agent" };
        var id = new Argument<string>("ID") { Description = "the entity id, e.g. alice" };
        var file = new Argument<string>("FILE") { Description = "a JSON, YAML (.yaml) or agent Markdown (.md) file, or - for JSON on standard input" };
        var by = Author.Option("who saves (kept with the version)");
        var message = new Option<string?>("--message", "-m", "--reason") { Description = "why; kept with the version", HelpName = "MSG" };
        var force = new Option<bool>("--force") { Description = "append a version even when the content is unchanged" };
        var expect = new Option<int?>("--expect") { Description = "fail with exit 3 unless the head is version N (0: new entity)", HelpName = "N" };
        var newKind = new Option<bool>("--new-kind") { Description = "create KIND when it is neither a built-in kind nor held by the store yet (without it, an unknown kind is refused as a likely typo)" };

        var command = new Command("save", "save a record (JSON, YAML or Markdown) as a new version when it changed") { kind, id, file, by, message, force, expect, newKind };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var key = EntityKey.Create(parse.GetRequiredValue(kind), parse.GetRequiredValue(id));
            if (parse.GetValue(expect) is < 0)
            {
                throw new UsageException("--expect takes a version number, 0 or more");
            }

            var path = parse.GetRequiredValue(file);
            var json = await RecordInput.ReadAsync(context, key.Kind, path, cancellationToken);
            var service = context.CreateService();
            // Canonicalize before touching the store, so bad input never opens (or half-writes) it.
            var content = JsonInput.From(path, () => service.Canonicalize(key.Kind, json));
            RecordInput.CheckId(key, content.Utf8, path == "-" ? "standard input" : path);
            try
            {
                await KindNames.EnsureKnownAsync(service, key.Kind, parse.GetValue(newKind), cancellationToken);
            }
            catch (Errors.UnknownKindException unknown)
            {
                throw new UsageException($"{unknown.Message} (--new-kind creates it)");
            }

            var savedBy = await Author.ResolveAsync(context, by, cancellationToken);
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
            context.Console.Out.WriteLine($"{result.Outcome.ToName()} {head.Ref} {head.Hash}");
            return;
        }

        JsonOutput.Write(context.Console, WireVersions.Outcome(result));
    }
}
