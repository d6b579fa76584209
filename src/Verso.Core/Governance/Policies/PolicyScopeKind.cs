namespace Verso.Governance.Policies;

/// <summary>What a policy covers.</summary>
public enum PolicyScopeKind
{
    /// <summary>Every entity of one kind: policy id <c>kind.KIND</c>.</summary>
    Kind,

    /// <summary>One entity: policy id <c>entity.KIND.ID</c>.</summary>
    Entity,

    /// <summary>One tag name on any entity: policy id <c>tag.NAME</c>.</summary>
    Tag,
}
