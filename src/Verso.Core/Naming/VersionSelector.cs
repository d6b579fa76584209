namespace Verso.Naming;

/// <summary>How a ref picks one version of an entity.</summary>
public enum VersionSelector
{
    /// <summary>The head: <c>kind/id</c>.</summary>
    Latest,

    /// <summary>A version number: <c>kind/id@3</c>.</summary>
    Number,

    /// <summary>A content hash or a unique prefix of it: <c>kind/id@sha256:1a2b3c4d</c>.</summary>
    Hash,

    /// <summary>The version in force at a time: <c>kind/id@{2026-11-01T12:00:00Z}</c>.</summary>
    AsOf,

    /// <summary>The version a tag points at: <c>kind/id@production</c>.</summary>
    Tag,
}
