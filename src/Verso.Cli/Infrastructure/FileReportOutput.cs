using System.Globalization;
using System.Text.Json;
using Verso.Files.Directories;

namespace Verso.Cli.Infrastructure;

/// <summary>Prints an export, import or status report: one line per file and a summary, or one JSON document.</summary>
internal static class FileReportOutput
{
    /// <summary>The statuses a report's summary counts, in the order it names them.</summary>
    public static readonly FileStatus[] AllStatuses = Enum.GetValues<FileStatus>();

    public static void Write(CliConsole console, bool json, string directory, DirectoryReport report, IEnumerable<FileStatus> shown, string summary)
    {
        if (json)
        {
            JsonOutput.Write(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("directory", directory);
                writer.WriteStartArray("files");
                foreach (var file in report.Files)
                {
                    WriteFile(writer, file);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("summary");
                foreach (var status in AllStatuses)
                {
                    writer.WriteNumber(Name(status), report.Count(status));
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            return;
        }

        var visible = shown.ToHashSet();
        foreach (var file in report.Files.Where(f => visible.Contains(f.Status)))
        {
            console.Out.WriteLine(TerminalText.Escape(Line(file)));
        }

        console.Out.WriteLine(summary);
    }

    /// <summary>The counts of the given statuses, e.g. <c>3 created, 1 invalid</c>, leaving out zeros (but never empty).</summary>
    public static string Counts(DirectoryReport report, params FileStatus[] statuses)
    {
        var parts = statuses.Where(s => report.Count(s) > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{report.Count(s)} {Name(s)}")).ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : "no files";
    }

    /// <summary>One file as a line: <c>created agent/alice.md agent/alice@1 sha256:…</c>, <c>invalid role/x y.yaml: why</c>, <c>changed role/x.yaml: the file holds sha256:…; the store has role/x@2 sha256:…</c>.</summary>
    public static string Line(FileResult file)
    {
        if (file is { Status: FileStatus.Changed, Hash: { } fileHash, Detail: { } head })
        {
            // The file's hash and the store's version apart, so neither reads as the other's.
            return $"{Name(file.Status)} {file.Path}: the file holds {fileHash}; {head}";
        }

        var line = $"{Name(file.Status)} {file.Path}";
        if (file.Key is { } key && file.Version is { } version && file.Status != FileStatus.Invalid)
        {
            line += $" {key}@{version}";
        }

        if (file.Hash is { } hash && file.Status != FileStatus.Invalid)
        {
            line += $" {hash}";
        }

        return file.Detail is { } detail ? $"{line}: {detail}" : line;
    }

    public static string Name(FileStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static void WriteFile(Utf8JsonWriter writer, FileResult file)
    {
        writer.WriteStartObject();
        writer.WriteString("path", file.Path);
        writer.WriteString("status", Name(file.Status));
        if (file.Key is { } key)
        {
            writer.WriteString("kind", key.Kind);
            writer.WriteString("id", key.Id);
        }

        if (file.Version is { } version)
        {
            writer.WriteNumber("version", version);
        }

        if (file.Hash is { } hash)
        {
            writer.WriteString("hash", hash.ToString());
        }

        if (file.Detail is { } detail)
        {
            writer.WriteString("detail", detail);
        }

        writer.WriteEndObject();
    }
}
