using Verso.Errors;

namespace Verso.Agents.Tests.Support;

/// <summary>Assertions on validator output that show every problem when they fail.</summary>
internal static class Problems
{
    /// <summary>Exactly one problem, at <paramref name="path"/>, whose message contains <paramref name="words"/>.</summary>
    public static void Single(IReadOnlyList<RecordProblem> problems, string path, string words)
    {
        Assert.True(problems.Count == 1, $"expected one problem at {path}, got: {string.Join("; ", problems)}");
        Assert.Equal(path, problems[0].Path);
        Assert.Contains(words, problems[0].Message, StringComparison.Ordinal);
    }

    /// <summary>The problems are at exactly these paths, in any order.</summary>
    public static void AtPaths(IReadOnlyList<RecordProblem> problems, params string[] paths) =>
        Assert.Equal(paths.Order(StringComparer.Ordinal), problems.Select(p => p.Path).Order(StringComparer.Ordinal));
}
