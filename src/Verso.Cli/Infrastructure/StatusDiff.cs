using Verso.Documents.Canonical;
using System.Text.Json.Nodes;
using Verso.Files;
using Verso.Files.Directories;

namespace Verso.Cli.Infrastructure;

/// <summary><c>verso status --diff</c>: for each changed file, the diff from the store's head to the file.</summary>
internal static class StatusDiff
{
    public static async Task WriteAsync(CommandContext context, string directory, DirectoryReport report, CancellationToken cancellationToken)
    {
        var service = context.CreateService();
        foreach (var file in report.Files.Where(f => f is { Status: FileStatus.Changed, Key: not null }))
        {
            var head = await context.Store.GetLatestAsync(file.Key!, cancellationToken);
            if (head is null || !head.HasContent)
            {
                continue;
            }

            var path = RecordPath.Parse(file.Path);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, file.Path), cancellationToken);
            var record = RecordFormat.Read(service, path, bytes);
            context.Console.Out.WriteLine();
            DiffText.Write(context.Console, service.Kinds.Resolve(head.Key.Kind), $"{Refs.Verified(head).Ref} → {file.Path}",
                JsonInput.Parse(head), JsonLimits.ParseNode(record.Utf8.Span), context.ComparisonBudget(cancellationToken));
        }
    }
}
