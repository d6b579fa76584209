using Verso.Errors;
using Verso.Naming;

namespace Verso.Governance.Policies;

/// <summary>
/// What one policy covers, and the id of the <c>policy</c> entity that holds it: <c>kind.agent</c>,
/// <c>entity.agent.alice</c> or <c>tag.production</c>. The id is the scope, so there is one policy per
/// scope and finding the ones that apply is a lookup, not a search.
/// </summary>
public sealed record PolicyScope
{
    private PolicyScope(PolicyScopeKind kind, string name, string id)
    {
        Kind = kind;
        Name = name;
        Id = id;
    }

    /// <summary>A kind, an entity or a tag.</summary>
    public PolicyScopeKind Kind { get; }

    /// <summary>The kind name, the entity as <c>kind/id</c>, or the tag name.</summary>
    public string Name { get; }

    /// <summary>The id of the policy entity for this scope.</summary>
    public string Id { get; }

    /// <summary>The key of the policy entity for this scope.</summary>
    public EntityKey Key => EntityKey.Create(PolicyKinds.PolicyKind, Id);

    /// <summary>The scope of every entity of <paramref name="kind"/>.</summary>
    public static PolicyScope ForKind(string kind)
    {
        EntityKey.ValidateKind(kind);
        return new PolicyScope(PolicyScopeKind.Kind, kind, "kind." + kind);
    }

    /// <summary>The scope of one entity.</summary>
    /// <exception cref="InvalidNameException">The policy id would be longer than an entity id may be.</exception>
    public static PolicyScope ForEntity(EntityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = $"entity.{key.Kind}.{key.Id}";
        return EntityKey.IsValidId(id)
            ? new PolicyScope(PolicyScopeKind.Entity, key.ToString(), id)
            : throw new InvalidNameException("policy id", id, "an entity policy's id, entity.KIND.ID, must fit in 128 characters");
    }

    /// <summary>The scope of one tag name, on any entity.</summary>
    public static PolicyScope ForTag(string tag) => new(PolicyScopeKind.Tag, TagNames.Validate(tag), "tag." + tag);

    /// <summary>Reads the scope a policy id names.</summary>
    /// <exception cref="InvalidNameException">The id is none of <c>kind.KIND</c>, <c>entity.KIND.ID</c>, <c>tag.NAME</c>.</exception>
    public static PolicyScope Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        var rest = dot < 0 ? "" : id[(dot + 1)..];
        switch (dot < 0 ? id : id[..dot])
        {
            case "kind" when EntityKey.IsValidKind(rest):
                return ForKind(rest);
            case "tag" when TagNames.IsValid(rest):
                return ForTag(rest);
            case "entity":
                var split = rest.IndexOf('.', StringComparison.Ordinal);
                if (split > 0 && EntityKey.IsValidKind(rest[..split]) && EntityKey.IsValidId(rest[(split + 1)..]))
                {
                    return ForEntity(EntityKey.Create(rest[..split], rest[(split + 1)..]));
                }

                break;
        }

        throw new InvalidNameException("policy id", id, "a policy's id names its scope: kind.KIND, entity.KIND.ID or tag.NAME");
    }

    /// <summary>The scope in words, e.g. <c>kind agent</c>, <c>entity agent/alice</c>, <c>tag production</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";
}
