namespace Verso.Versioning.Replay;

/// <summary>Whether a task run under one version of a record would behave the same under another.</summary>
public enum CompatibilityLevel
{
    /// <summary>The two versions have the same content (the same canonical bytes, so the same content hash).</summary>
    Identical,

    /// <summary>The versions differ only in fields the kind declares do not change behaviour.</summary>
    Compatible,

    /// <summary>At least one difference is in a field that changes behaviour.</summary>
    Breaking,

    /// <summary>
    /// No difference is known to change behaviour, but one could not be decided (a tool schema keyword
    /// that is not compared, say): a person should look before replaying.
    /// </summary>
    Warning,
}
