using System.Collections.Immutable;

namespace Verso.Agents.Organization;

/// <summary>
/// A house style for prompts and responses (kind <c>prompt-profile</c>). Required: <see cref="Id"/>,
/// <see cref="Name"/>.
/// </summary>
public sealed record PromptProfile
{
    /// <summary>Required. The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. The tone, in a few words, e.g. <c>warm, plain-spoken</c>.</summary>
    public string? Tone { get; init; }

    /// <summary>Optional. How long responses should be.</summary>
    public Verbosity? Verbosity { get; init; }

    /// <summary>Optional. The response language as a BCP 47 tag, e.g. <c>en</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Optional. Markdown put before every system prompt.</summary>
    public string? SystemPreamble { get; init; }

    /// <summary>Optional. Rules, in the order they are given to the model.</summary>
    public ImmutableList<string>? Guidelines { get; init; }

    /// <summary>Optional. Phrases responses must not contain; a set.</summary>
    public ImmutableList<string>? ForbiddenPhrases { get; init; }

    /// <summary>Optional. Worked examples; keyed by id.</summary>
    public ImmutableList<PromptExample>? Examples { get; init; }

    /// <summary>Optional. Sampling temperature, 0–2.</summary>
    public double? Temperature { get; init; }

    /// <summary>Optional. The most tokens one response may have; at least 1.</summary>
    public int? MaxResponseTokens { get; init; }
}
