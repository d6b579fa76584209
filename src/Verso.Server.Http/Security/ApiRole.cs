namespace Verso.Server.Security;

/// <summary>What a token may do; each role includes the ones before it.</summary>
public enum ApiRole
{
    /// <summary>Reads versions, diffs, manifests and the change feed.</summary>
    Reader = 0,

    /// <summary>Also saves, rolls back, tags, merges and decides.</summary>
    Writer = 1,

    /// <summary>Also verifies, prunes, erases and manages tokens.</summary>
    Admin = 2,
}
