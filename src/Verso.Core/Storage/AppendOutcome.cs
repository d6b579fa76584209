namespace Verso.Storage;

/// <summary>What an append did.</summary>
public enum AppendOutcome
{
    /// <summary>A new version was appended.</summary>
    Created,

    /// <summary>The content equalled the head's, so nothing was appended.</summary>
    Unchanged,
}
