using System.Collections.Immutable;
using System.Text.Json;
using Verso.Files.Git;
using Verso.Model.Lineage;
using Verso.Naming;

namespace Verso.Files.Squad;

/// <summary>
/// Derives each agent's lineage from a tree: retired when its charter (by precedence) lies under
/// <c>agents/_alumni/</c>, active otherwise; renamed from the agent the casting registry names as its
/// <c>previous_name</c>. So a move to <c>_alumni/</c> is a status change, and a recast links the new
/// agent to the old one, each dated by the commit whose tree first showed it.
/// </summary>
internal sealed class SquadLineageReader(Func<string, bool> isCharter, Func<string, bool> isRegistry) : GitEntityReader
{
    private readonly Dictionary<string, ImmutableDictionary<string, string>> _registries = new(StringComparer.Ordinal);

    public override async ValueTask<ImmutableDictionary<EntityKey, GitEntityView>> ReadAsync(GitTreeContext tree, CancellationToken cancellationToken)
    {
        var charters = new Dictionary<string, (string Path, int Rank)>(StringComparer.Ordinal);
        (string Path, string Blob, int Rank)? registry = null;
        foreach (var (path, blob) in tree.Files)
        {
            if (isCharter(path) && EntityIdRule.SquadCharterFolder.IdOf(path) is { } id && EntityKey.IsValidId(id))
            {
                var rank = EntityIdRule.SquadPrecedenceOf(path);
                if (!charters.TryGetValue(id, out var known) || rank < known.Rank)
                {
                    charters[id] = (path, rank);
                }
            }
            else if (isRegistry(path) && (registry is null || EntityIdRule.SquadPrecedenceOf(path) < registry.Value.Rank))
            {
                registry = (path, blob, EntityIdRule.SquadPrecedenceOf(path));
            }
        }

        var previous = registry is { } found ? await PreviousNamesAsync(tree, found.Path, found.Blob, cancellationToken).ConfigureAwait(false) : ImmutableDictionary<string, string>.Empty;
        var views = ImmutableDictionary.CreateBuilder<EntityKey, GitEntityView>();
        foreach (var id in charters.Keys.Union(previous.Keys))
        {
            var status = charters.TryGetValue(id, out var charter) ? (EntityIdRule.IsAlumni(charter.Path) ? EntityLineage.Retired : EntityLineage.Active) : null;
            var agent = EntityKey.Create("agent", id);
            var renamedFrom = previous.TryGetValue(id, out var from) ? EntityKey.Create("agent", from) : null;
            if (("agent." + id).Length > 128)
            {
                continue;
            }

            var lineage = new EntityLineage(agent, status, renamedFrom);
            var text = System.Text.Encoding.UTF8.GetString(lineage.ToCanonical().Utf8.Span);
            views[EntityLineage.KeyOf(agent)] = new GitEntityView(status is null ? registry!.Value.Path : charter.Path, text, IsBlob: false);
        }

        return views.ToImmutable();
    }

    // Agent id → the id of the agent it was cast from, from a registry shaped
    // {"agents": {"flight": {"persistent_name": "Flight", "previous_name": "Keaton", …}}} or without the "agents" level.
    private async Task<ImmutableDictionary<string, string>> PreviousNamesAsync(GitTreeContext tree, string path, string blob, CancellationToken cancellationToken)
    {
        if (_registries.TryGetValue(blob, out var known))
        {
            return known;
        }

        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(await tree.Repository.ReadBlobAsync(blob, cancellationToken).ConfigureAwait(false));
            var root = document.RootElement;
            var agents = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("agents", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            if (agents.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in agents.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("previous_name", out var previous) && previous.ValueKind == JsonValueKind.String
                        && Slug.Of(entry.Name, 128) is { Length: > 0 } id && Slug.Of(previous.GetString()!, 128) is { Length: > 0 } from
                        && id != from && EntityKey.IsValidId(id) && EntityKey.IsValidId(from))
                    {
                        names[id] = from;
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            tree.Notes.Skip(tree.Commit, path, blob, $"the casting registry is not JSON: {exception.Message}");
        }

        return _registries[blob] = names.ToImmutable();
    }
}
