using System.Collections.Concurrent;
using Verso.Naming;

namespace Verso.Model.Kinds;

/// <summary>The kinds code has registered; any other valid name resolves to a document kind.</summary>
public sealed class KindRegistry
{
    private readonly ConcurrentDictionary<string, EntityKind> _kinds = new(StringComparer.Ordinal);

    /// <summary>Registers a kind.</summary>
    /// <exception cref="InvalidOperationException">A different kind with the same name is already registered.</exception>
    public KindRegistry Register(EntityKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var registered = _kinds.GetOrAdd(kind.Name, kind);
        if (!ReferenceEquals(registered, kind))
        {
            throw new InvalidOperationException($"kind '{kind.Name}' is already registered");
        }

        return this;
    }

    /// <summary>The registered kind of that name, or a document kind.</summary>
    /// <exception cref="Errors.InvalidNameException">The name breaks the kind naming rule.</exception>
    public EntityKind Resolve(string name)
    {
        EntityKey.ValidateKind(name);
        return _kinds.TryGetValue(name, out var kind) ? kind : EntityKind.Document(name);
    }

    /// <summary>The registered kinds, by name.</summary>
    public IReadOnlyList<EntityKind> Registered => [.. _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal)];
}
