namespace Verso.Testing.Git;

/// <summary>A commit author for scripted histories.</summary>
public sealed record TestAuthor(string Name, string Email)
{
    public static TestAuthor Alice { get; } = new("Alice Archer", "alice@example.org");

    public static TestAuthor Bob { get; } = new("Bob Brandt", "bob@example.org");

    // Non-ASCII on purpose: names reach saved_by byte for byte.
    public static TestAuthor Zoe { get; } = new("Zoë Ünal", "zoe@example.org");

    /// <summary>The author as a version's saved_by.</summary>
    public string SavedBy => $"{Name} <{Email}>";
}
