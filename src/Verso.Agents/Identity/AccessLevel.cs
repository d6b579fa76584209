namespace Verso.Agents.Identity;

/// <summary>A tier of tool access; a tool policy says what each tier allows.</summary>
public enum AccessLevel
{
    /// <summary>Only tools that cannot touch anything outside a sandbox.</summary>
    Sandboxed,

    /// <summary>Read-mostly tools.</summary>
    Restricted,

    /// <summary>The everyday tools of the role.</summary>
    Standard,

    /// <summary>Tools that change shared systems.</summary>
    Elevated,

    /// <summary>Every tool.</summary>
    Admin,
}
