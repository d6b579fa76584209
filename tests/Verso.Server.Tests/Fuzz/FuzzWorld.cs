namespace Verso.Server.Tests.Fuzz;

/// <summary>What the seeded store holds, so generated references hit real data.</summary>
public sealed class FuzzWorld
{
    /// <summary>The admin token the fuzzer sends (never offered to the token endpoints as a name).</summary>
    public string AdminName { get; } = "fuzz-admin-3c9";

    public List<string> Kinds { get; } = ["doc", "agent", "workflow", "policy", "decision"];

    public List<string> Ids { get; } = [];

    /// <summary>The seeded entities as (kind, id), so a path names one that exists more often than chance would.</summary>
    public List<(string Kind, string Id)> Entities { get; } = [];

    /// <summary>Version selectors: numbers, tags, hash prefixes, times.</summary>
    public List<string> Selectors { get; } = ["1", "2", "3", "production", "@{2026-11-01T12:00:00Z}"];

    /// <summary>Refs such as <c>doc/alpha@2</c>.</summary>
    public List<string> FullRefs { get; } = [];

    public List<string> Tags { get; } = ["production", "staging"];

    public List<string> TokenNames { get; } = [];

    public List<string> ChangeRequests { get; } = [];

    public List<string> Cursors { get; } = [];

    public List<string> ETags { get; } = [];
}
