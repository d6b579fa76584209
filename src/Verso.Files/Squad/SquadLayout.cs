using System.Collections.Immutable;
using System.Text.Json;
using Verso.Files.Errors;
using Verso.Naming;

namespace Verso.Files.Squad;

/// <summary>
/// Which files a Squad team folder held when it was imported, kept as its own versioned record
/// (kind <c>squad-layout</c>, id <c>team</c>) so the folder can be written back exactly: the folder's name,
/// the agents with a charter, <c>decisions.md</c> as text and decision ids in file order, and the inbox's
/// file names. The charters and decisions themselves are the <c>agent</c> and <c>decision</c> records.
/// </summary>
public sealed record SquadLayout
{
    /// <summary>The kind of the layout record.</summary>
    public const string Kind = "squad-layout";

    /// <summary>The id of the layout record.</summary>
    public const string Id = "team";

    /// <summary>The names a Squad team folder has: <c>.squad</c>, and <c>.ai-team</c> in older teams.</summary>
    public static ImmutableArray<string> FolderNames { get; } = [".squad", ".ai-team"];

    /// <summary>The layout record's key, <c>squad-layout/team</c>.</summary>
    public static EntityKey Key { get; } = EntityKey.Create(Kind, Id);

    /// <summary>The team folder's name: one of <see cref="FolderNames"/>.</summary>
    public required string Folder { get; init; }

    /// <summary>The ids of the agents whose <c>agents/&lt;id&gt;/charter.md</c> the folder holds, in order.</summary>
    public ImmutableArray<string> Agents { get; init; } = [];

    /// <summary><c>decisions.md</c> in order; null when the folder has none (empty when the file is empty).</summary>
    public ImmutableArray<SquadLayoutPart>? Decisions { get; init; }

    /// <summary>The files of <c>decisions/inbox/</c>, in order.</summary>
    public ImmutableArray<SquadInboxFile> Inbox { get; init; } = [];

    /// <summary>The layout as JSON (snake_case, nulls left out).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, SquadJsonContext.Default.SquadLayout);

    /// <summary>Reads and checks a stored layout: every name in it must be safe to write.</summary>
    /// <exception cref="RecordFileException">The JSON is not a layout, or names a folder, agent, decision or file that cannot be written.</exception>
    public static SquadLayout FromJson(ReadOnlyMemory<byte> json)
    {
        SquadLayout? layout;
        try
        {
            layout = JsonSerializer.Deserialize(json.Span, SquadJsonContext.Default.SquadLayout);
        }
        catch (JsonException exception)
        {
            throw new RecordFileException($"{Key} is not a Squad layout: {exception.Message}", innerException: exception);
        }

        // The generated reader sets a member the JSON leaves out to its default, not to the initializer's [].
        layout = layout is null ? null : layout with
        {
            Agents = layout.Agents.IsDefault ? [] : layout.Agents,
            Inbox = layout.Inbox.IsDefault ? [] : layout.Inbox,
        };
        if (layout is null || !FolderNames.Contains(layout.Folder))
        {
            throw new RecordFileException($"{Key} names no Squad folder (.squad or .ai-team)");
        }

        var ids = layout.Agents.Concat((layout.Decisions ?? []).Select(p => p.Decision).OfType<string>()).Concat(layout.Inbox.Select(f => f.Decision));
        if (ids.FirstOrDefault(id => !IsEntityId(id)) is { } badId)
        {
            throw new RecordFileException($"{Key} names '{badId}', which is not an entity id");
        }

        if ((layout.Decisions ?? []).Any(p => (p.Text is null) == (p.Decision is null)))
        {
            throw new RecordFileException($"{Key} has a decisions.md part that is neither text nor a decision");
        }

        return layout.Inbox.FirstOrDefault(f => !SquadInbox.IsFileName(f.File)) is { } badFile
            ? throw new RecordFileException($"{Key} names the inbox file '{badFile.File}', which cannot be written")
            : layout;
    }

    /// <summary>
    /// Where agent <paramref name="agent"/>'s charter goes in team folder <paramref name="folder"/>:
    /// <c>agents/&lt;id&gt;/charter.md</c>, or <c>agents/_alumni/&lt;id&gt;/charter.md</c> when its lineage says it is retired.
    /// </summary>
    public static async Task<string> CharterPathAsync(Verso.Storage.IVersionStore store, string folder, string agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var lineage = await new Verso.Model.Lineage.LineageReader(store).GetAsync(EntityKey.Create("agent", agent), cancellationToken).ConfigureAwait(false);
        return lineage?.Status == Verso.Model.Lineage.EntityLineage.Retired ? $"{folder}/agents/_alumni/{agent}/charter.md" : $"{folder}/agents/{agent}/charter.md";
    }

    private static bool IsEntityId(string id)
    {
        try
        {
            return EntityKey.Create(Kind, id) is not null && !SafeName.IsWindowsDeviceName(id);
        }
        catch (Verso.Errors.InvalidNameException)
        {
            return false;
        }
    }
}
