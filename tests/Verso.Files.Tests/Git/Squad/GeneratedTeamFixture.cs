using Verso.Testing.Git;

namespace Verso.Files.Tests.Git.Squad;

/// <summary>One generated Squad team history (a hundred commits, eight agents) shared by the tests that read it.</summary>
public sealed class GeneratedTeamFixture : IDisposable
{
    public GeneratedTeamFixture()
    {
        Repository = GitTestRepository.Create();
        FirstAdded = SquadHistoryGenerator.Generate(Repository, commits: 100, agents: 8);
    }

    public GitTestRepository Repository { get; }

    /// <summary>Each decision's title, with the commit that first added its entry.</summary>
    public IReadOnlyDictionary<string, string> FirstAdded { get; }

    public void Dispose() => Repository.Dispose();
}
