using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Files.Git;
using Verso.Files.Squad;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso import-git REPO (--path GLOB [--path GLOB …] --kind K [--format auto|squad|yaml|json|md] | --squad)</c>:
/// every commit's content of every matching file, oldest first, as versions saved by the commit's author
/// at its author date, with the commit and path kept as the version's source. Running it again imports
/// only what is new. <c>--squad</c> imports a whole Squad team at once (see <see cref="SquadGitImport"/>).
/// </summary>
internal static class ImportGitCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var repository = new Argument<string>("REPO") { Description = "a git work tree or a bare repository" };
        var paths = new Option<string[]>("--path") { Description = "a glob of files to import: * within a folder, ** across folders (repeatable)", HelpName = "GLOB", AllowMultipleArgumentsPerToken = false };
        var kind = new Option<string>("--kind") { Description = "the kind the files hold, e.g. agent", HelpName = "K" };
        var squad = new Option<bool>("--squad") { Description = "a Squad team: charters, lineage (alumni, casting registry), team.md, routing.md, decisions.md entries and the inbox, under .squad/ or .ai-team/" };
        var format = new Option<string>("--format")
        {
            Description = "auto (by extension: .json, .md, else YAML), squad (charter.md as agents named by folder, inbox files as decisions), yaml, json or md",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "squad", "yaml", "json", "md");
        var command = new Command("import-git", "import the history of files in a git repository, one version per commit that changed them")
        {
            repository, paths, kind, format, squad,
        };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var service = context.CreateService();
            var repositoryPath = console.ResolvePath(parse.GetRequiredValue(repository));
            GitImportRequest request;
            if (parse.GetValue(squad))
            {
                if (parse.GetValue(paths) is { Length: > 0 } || parse.GetValue(kind) is not null || parse.GetResult(format) is { Implicit: false })
                {
                    throw new UsageException("--squad sets the paths, kinds and formats itself: give it without --path, --kind or --format");
                }

                request = SquadGitImport.Request(repositoryPath, service, context.Store);
            }
            else
            {
                if (parse.GetValue(paths) is not { Length: > 0 } given || parse.GetValue(kind) is not { } kindName)
                {
                    throw new UsageException("give --path GLOB and --kind K, or --squad for a Squad team");
                }

                EntityKey.ValidateKind(kindName);
                var fileFormat = FormatOf(parse.GetRequiredValue(format));
                var globs = given.Select(PathGlob.Parse).ToArray();
                Func<GitImportStep, CancellationToken, ValueTask<Documents.Canonical.CanonicalDocument>> parser;
                try
                {
                    parser = GitFileParsers.For(service, context.Store, kindName, fileFormat);
                }
                catch (ArgumentException exception)
                {
                    throw new UsageException(exception.Message);
                }

                request = new GitImportRequest(repositoryPath, globs, kindName, parser)
                {
                    IdRule = GitFileParsers.IdRuleFor(kindName, fileFormat),
                };
            }

            var importer = new GitHistoryImporter(service);
            var summary = await ProgressDisplay.RunAsync(context, "walking commits", report => importer.ImportAsync(
                request, report is null ? null : new Progress<GitImportProgress>(p => report(p.CommitsWalked, p.TotalCommits)), cancellationToken));
            Report(context, summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static GitFileFormat FormatOf(string name) => name switch
    {
        "squad" => GitFileFormat.Squad,
        "yaml" => GitFileFormat.Yaml,
        "json" => GitFileFormat.Json,
        "md" => GitFileFormat.Markdown,
        _ => GitFileFormat.Auto,
    };

    private static void Report(CommandContext context, GitImportSummary summary)
    {
        var console = context.Console;
        if (context.Json)
        {
            JsonOutput.Write(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("commits", summary.CommitsWalked);
                writer.WriteNumber("created", summary.TotalCreated);
                writer.WriteNumber("unchanged", summary.Unchanged);
                writer.WriteNumber("already_imported", summary.AlreadyImported);
                writer.WriteNumber("deletions", summary.Deletions);
                writer.WriteStartObject("entities");
                foreach (var (id, count) in summary.VersionsCreated)
                {
                    writer.WriteNumber(id, count);
                }

                writer.WriteEndObject();
                writer.WriteStartArray("skipped");
                foreach (var skip in summary.Skipped)
                {
                    writer.WriteStartObject();
                    writer.WriteString("commit", skip.Commit);
                    writer.WriteString("path", skip.Path);
                    writer.WriteString("reason", skip.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("shadowed");
                foreach (var shadow in summary.Shadowed)
                {
                    writer.WriteStartObject();
                    writer.WriteString("commit", shadow.Commit);
                    writer.WriteString("path", shadow.Path);
                    writer.WriteString("shadowed_by", shadow.ShadowedBy);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return;
        }

        foreach (var (id, count) in summary.VersionsCreated)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {id}: {count} version{(count == 1 ? "" : "s")}"));
        }

        foreach (var skip in summary.Skipped)
        {
            console.Out.WriteLine($"skipped {skip.Path} at {skip.Commit[..Math.Min(12, skip.Commit.Length)]}: {skip.Reason}");
        }

        foreach (var shadow in summary.Shadowed)
        {
            console.Out.WriteLine($"shadowed {shadow.Path} by {shadow.ShadowedBy} (from {shadow.Commit[..Math.Min(12, shadow.Commit.Length)]})");
        }

        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.CommitsWalked} commits walked: {summary.TotalCreated} versions created, {summary.Deletions} deletions, {summary.AlreadyImported} already imported"));
    }
}
