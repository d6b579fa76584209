using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>One version as <c>verso log --json</c> lists it: its metadata and the checks recorded on it.</summary>
public sealed record LoggedVersion : VersionMetadata
{
    /// <summary>An empty answer, to be filled (and how a reader builds one).</summary>
    public LoggedVersion()
    {
    }

    /// <summary>The version <paramref name="metadata"/> describes, as verso log lists it, with <paramref name="checks"/>.</summary>
    [SetsRequiredMembers]
    public LoggedVersion(VersionMetadata metadata, IReadOnlyList<VersionCheck> checks)
        : base(metadata)
    {
        Checks = checks;
    }

    /// <summary>The check results recorded on the version, oldest first.</summary>
    [JsonPropertyName("checks")]
    public required IReadOnlyList<VersionCheck> Checks { get; init; }
}
