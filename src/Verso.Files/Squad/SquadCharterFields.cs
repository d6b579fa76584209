using System.Collections.Immutable;

namespace Verso.Files.Squad;

/// <summary>
/// What a Squad charter states about its agent: the <c># Name — Role</c> heading, the <c>&gt;</c> tagline,
/// the <c>## Identity</c> bullets and the <c>## Model</c> preference. Each is null (or empty) when the
/// charter does not state it, or leaves the template's <c>{placeholder}</c>.
/// </summary>
/// <param name="Name">The agent's name: the Identity bullet, else the heading's first part.</param>
/// <param name="Role">The role title: the Identity bullet, else the heading's second part.</param>
/// <param name="Tagline">The one-line statement under the heading.</param>
/// <param name="Expertise">The Identity expertise, split at commas and semicolons.</param>
/// <param name="Style">How the agent communicates.</param>
/// <param name="PreferredModel">The preferred model id, when it names one (not <c>auto</c>).</param>
/// <param name="FallbackModel">The fallback model id, when it names one.</param>
public sealed record SquadCharterFields(
    string? Name,
    string? Role,
    string? Tagline,
    ImmutableArray<string> Expertise,
    string? Style,
    string? PreferredModel,
    string? FallbackModel);
