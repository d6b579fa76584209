namespace Verso.Agents.Identity;

/// <summary>The language model an agent runs on. Required: <see cref="Provider"/>, <see cref="ModelId"/>.</summary>
public sealed record ModelSettings
{
    /// <summary>Required. Who serves the model, e.g. <c>anthropic</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Required. The provider's model id.</summary>
    public required string ModelId { get; init; }

    /// <summary>Optional. Sampling temperature, 0–2.</summary>
    public double? Temperature { get; init; }

    /// <summary>Optional. The most tokens one response may have; at least 1.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Optional. The model id used when the main one is unavailable.</summary>
    public string? Fallback { get; init; }
}
