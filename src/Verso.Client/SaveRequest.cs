namespace Verso.Client;

/// <summary>The metadata and guards of a save: query parameters and headers, beside the record that is the body.</summary>
public sealed record SaveRequest
{
    /// <summary>Why; kept with the version.</summary>
    public string? Message { get; init; }

    /// <summary>Fail with a conflict unless the head is this version (0: new entity).</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>Fail with a failed precondition unless the head has this ETag.</summary>
    public string? IfMatch { get; init; }

    /// <summary>Append even when the content is unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>Who saves, for act-as tokens (or a server without tokens).</summary>
    public string? SavedBy { get; init; }
}
