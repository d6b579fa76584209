using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Verso.Cli.Infrastructure;
using Verso.Errors;
using Verso.Files;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso edit REF [-m MSG] [--by WHO]</c>: opens <c>$VISUAL</c> or <c>$EDITOR</c> on the record as YAML (an
/// agent as Markdown), as <c>kubectl edit</c> does: a valid edit is saved as one version (expecting the head
/// it started from); an invalid one reopens the editor with the problems written at the top; leaving the
/// file unchanged saves nothing.
/// </summary>
internal static class EditCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version to start from, e.g. agent/alice (the head) or agent/alice@3" };
        var message = new Option<string?>("--message", "-m", "--reason") { Description = "why; kept with the version", HelpName = "MSG" };
        var by = Author.Option("who saves (kept with the version)");
        var command = new Command("edit", "edit a record in $VISUAL or $EDITOR, validate it and save it as a new version") { reference, message, by };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var start = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(reference), cancellationToken);
            var head = await context.Store.GetLatestAsync(start.Key, cancellationToken);
            var editor = Editor(console);
            var format = RecordFormat.HasMarkdownBody(start.Key.Kind) ? RecordFileFormat.Markdown : RecordFileFormat.Yaml;
            var folder = Directory.CreateTempSubdirectory("verso-edit-");
            try
            {
                var file = Path.Combine(folder.FullName, $"{start.Key.Kind}-{start.Key.Id}{(format == RecordFileFormat.Markdown ? ".md" : ".yaml")}");
                var original = RecordFormat.Write(service.Kinds.Resolve(start.Key.Kind), format, start.Content);
                var shown = original;
                while (true)
                {
                    await File.WriteAllBytesAsync(file, shown, cancellationToken);
                    await RunEditorAsync(editor, file, cancellationToken);
                    var edited = await File.ReadAllBytesAsync(file, cancellationToken);
                    if (edited.AsSpan().SequenceEqual(original) || edited.AsSpan().SequenceEqual(shown))
                    {
                        console.Error.WriteLine(shown == original ? "verso: edit cancelled, no changes made" : "verso: edit cancelled, no valid change was saved");
                        return shown == original ? ExitCodes.Ok : ExitCodes.BadInput;
                    }

                    var problems = Problems(service, start.Key, file, edited, out var content);
                    if (problems.Count == 0)
                    {
                        var options = new SaveOptions(await Author.ResolveAsync(context, by, cancellationToken))
                        {
                            Message = context.ParseResult.GetValue(message),
                            ExpectedVersion = head?.Version ?? 0,
                        };
                        var result = await service.SaveAsync(start.Key, content!, options, cancellationToken);
                        var status = result.Outcome == AppendOutcome.Created ? "created" : "unchanged";
                        console.Out.WriteLine($"{status} {result.Head.Ref} {result.Head.Hash}");
                        return ExitCodes.Ok;
                    }

                    foreach (var problem in problems)
                    {
                        console.Error.WriteLine($"verso: {problem}");
                    }

                    shown = WithProblems(format, problems, StripProblems(edited));
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        });
        return command;
    }

    private static string Editor(CliConsole console) =>
        console.Environment("VISUAL") is { Length: > 0 } visual ? visual
        : console.Environment("EDITOR") is { Length: > 0 } editor ? editor
        : OperatingSystem.IsWindows() ? "notepad" : "vi";

    // The editor may carry arguments ("code --wait"), so the shell runs it, as git and kubectl do.
    private static async Task RunEditorAsync(string editor, string file, CancellationToken cancellationToken)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe", ["/c", $"{editor} \"{file}\""])
            : new ProcessStartInfo("/bin/sh", ["-c", editor + " \"$1\"", "verso-edit", file]);
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new UsageException($"cannot start the editor '{editor}'");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new UsageException($"the editor '{editor}' exited with {process.ExitCode}; nothing saved");
        }
    }

    private static List<string> Problems(VersioningService service, EntityKey key, string file, byte[] edited, out Documents.Canonical.CanonicalDocument? content)
    {
        content = null;
        try
        {
            content = service.Canonicalize(key.Kind, RecordInput.ToJson(key.Kind, file, edited));
            RecordInput.CheckId(key, content.Utf8, "the record");
            return [];
        }
        catch (InvalidRecordException exception)
        {
            return [.. exception.Problems.Select(p => $"invalid {exception.Kind} record at {(p.Path.Length == 0 ? "/" : p.Path)}: {p.Message}")];
        }
        catch (VersoException exception) when (exception.Category == ErrorCategory.BadInput)
        {
            return [exception.Message.Replace(file, Path.GetFileName(file), StringComparison.Ordinal)];
        }
    }

    private const string Marker = "# verso: ";

    // The problems go where the parser skips them: YAML comments at the top, or inside an agent's front matter.
    private static byte[] WithProblems(RecordFileFormat format, List<string> problems, string text)
    {
        var comments = new StringBuilder();
        comments.Append(Marker).Append("fix the problems below, then save and close; leave the file as it is to cancel\n");
        foreach (var problem in problems)
        {
            comments.Append(Marker).Append(problem.Replace('\n', ' ')).Append('\n');
        }

        if (format == RecordFileFormat.Markdown && text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes("---\n" + comments + text[4..]);
        }

        return Encoding.UTF8.GetBytes(comments + text);
    }

    private static string StripProblems(byte[] edited) =>
        string.Join('\n', Encoding.UTF8.GetString(edited).Split('\n').Where(l => !l.StartsWith(Marker, StringComparison.Ordinal)));
}
