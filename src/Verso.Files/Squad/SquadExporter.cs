using System.Text;
using System.Text.Json;
using Verso.Errors;
using Verso.Files.Directories;
using Verso.Files.Errors;
using Verso.Files.Text;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Squad;

/// <summary>
/// Writes the store back in Squad's layout under a directory (normally the repository root): the team
/// folder of the stored <see cref="SquadLayout"/> with each agent's charter as <c>agents/&lt;id&gt;/charter.md</c>,
/// <c>decisions.md</c> joined from its text and its decisions' texts, and each inbox file — byte for byte what
/// was imported, as long as the records were not changed since. Without a stored layout, every agent with a
/// charter is written, into <c>.ai-team/</c> when the directory has one and no <c>.squad/</c>, else <c>.squad/</c>.
/// The manifest <c>verso-manifest.yaml</c> goes at the top of the directory. Nothing is ever deleted.
/// </summary>
public sealed class SquadExporter
{
    private readonly VersioningService _service;
    private readonly IVersionStore _store;
    private readonly bool _compareOnly;

    /// <summary>Creates the exporter over <paramref name="store"/>, the store <paramref name="service"/> serves.</summary>
    public SquadExporter(VersioningService service, IVersionStore store)
        : this(service, store, compareOnly: false)
    {
    }

    /// <summary>Creates an exporter that, when <paramref name="compareOnly"/>, writes nothing and reports how each file it would write compares (<see cref="SquadStatus"/>).</summary>
    internal SquadExporter(VersioningService service, IVersionStore store, bool compareOnly)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        _service = service;
        _store = store;
        _compareOnly = compareOnly;
    }

    /// <summary>Writes the team into <paramref name="directory"/> (created when missing).</summary>
    /// <returns>One result per file written or refused (the manifest not included).</returns>
    /// <exception cref="RecordFileException">The stored layout names something that cannot be written.</exception>
    public async Task<DirectoryReport> ExportAsync(string directory, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = new ContainedDirectory(directory);
        if (!_compareOnly)
        {
            Directory.CreateDirectory(root.Root);
        }

        var stored = await _store.GetLatestAsync(SquadLayout.Key, cancellationToken).ConfigureAwait(false);
        var layout = stored is not null ? SquadLayout.FromJson(stored.Content) : await ImpliedLayoutAsync(root, cancellationToken).ConfigureAwait(false);
        var results = new List<FileResult>();
        foreach (var agent in layout.Agents)
        {
            var path = await SquadLayout.CharterPathAsync(_store, layout.Folder, agent, cancellationToken).ConfigureAwait(false);
            if (SafeName.IsWindowsDeviceName(agent))
            {
                results.Add(new FileResult(path, FileStatus.Invalid, EntityKey.Create("agent", agent), Detail: $"'{agent}' cannot be a folder name: Windows reserves it for a device"));
                continue;
            }

            results.Add(await WriteAsync(root, path, EntityKey.Create("agent", agent), "charter", cancellationToken).ConfigureAwait(false));
            progress?.Report(results.Count);
        }

        if (layout.Decisions is { } parts && stored is not null)
        {
            results.Add(await WriteDecisionLogAsync(root, $"{layout.Folder}/decisions.md", parts, stored, cancellationToken).ConfigureAwait(false));
            progress?.Report(results.Count);
        }

        foreach (var file in layout.Inbox)
        {
            results.Add(await WriteAsync(root, $"{layout.Folder}/decisions/inbox/{file.File}", EntityKey.Create("decision", file.Decision), "text", cancellationToken).ConfigureAwait(false));
            progress?.Report(results.Count);
        }

        var report = DirectoryReport.Of(results);
        if (!_compareOnly)
        {
            await root.WriteAsync(ExportManifest.FileName, ExportManifest.Write(report.Files), cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    private async Task<SquadLayout> ImpliedLayoutAsync(ContainedDirectory root, CancellationToken cancellationToken)
    {
        var agents = new List<string>();
        await foreach (var head in _store.ListEntitiesAsync("agent", cancellationToken).ConfigureAwait(false))
        {
            if (await _store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false) is { } snapshot && StringMember(snapshot, "charter") is { Length: > 0 })
            {
                agents.Add(head.Key.Id);
            }
        }

        var older = Directory.Exists(Path.Combine(root.Root, ".ai-team")) && !Directory.Exists(Path.Combine(root.Root, ".squad"));
        return new SquadLayout { Folder = older ? ".ai-team" : ".squad", Agents = [.. agents.Order(StringComparer.Ordinal)] };
    }

    /// <summary>Writes one record's string member as a whole file.</summary>
    private async Task<FileResult> WriteAsync(ContainedDirectory root, string path, EntityKey key, string member, CancellationToken cancellationToken)
    {
        var head = await _store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
        if (head is null || StringMember(head, member) is not { } text)
        {
            return new FileResult(path, FileStatus.Invalid, key, Detail: head is null ? $"{key} does not exist" : $"{head.Ref} has no {member} text");
        }

        return await WriteAsync(root, path, head, Utf8Text.Encode(text), cancellationToken).ConfigureAwait(false);
    }

    private async Task<FileResult> WriteDecisionLogAsync(
        ContainedDirectory root, string path, IEnumerable<SquadLayoutPart> parts, Snapshot layout, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Text is { } literal)
            {
                text.Append(literal);
                continue;
            }

            var key = EntityKey.Create("decision", part.Decision!);
            var head = await _store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
            if (head is null || StringMember(head, "text") is not { } entry)
            {
                return new FileResult(path, FileStatus.Invalid, key, Detail: $"{key} has no decision text; decisions.md is not written");
            }

            text.Append(entry);
        }

        return await WriteAsync(root, path, layout, Utf8Text.Encode(text.ToString()), cancellationToken).ConfigureAwait(false);
    }

    private async Task<FileResult> WriteAsync(ContainedDirectory root, string path, Snapshot source, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            if (_compareOnly)
            {
                return await SquadStatus.CompareAsync(root, path, source, bytes, cancellationToken).ConfigureAwait(false);
            }

            var written = await root.WriteAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            return new FileResult(path, written ? FileStatus.Written : FileStatus.Unchanged, source.Key, source.Version, source.Hash);
        }
        catch (VersoException exception)
        {
            return new FileResult(path, FileStatus.Invalid, source.Key, source.Version, source.Hash, exception.Message);
        }
    }

    private static string? StringMember(Snapshot snapshot, string member)
    {
        using var document = JsonDocument.Parse(snapshot.Content, Documents.Canonical.JsonLimits.Document);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
