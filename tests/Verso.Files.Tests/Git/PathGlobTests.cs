using Verso.Testing.Git;
using FsCheck;
using FsCheck.Fluent;
using Verso.Errors;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;

namespace Verso.Files.Tests.Git;

public sealed class PathGlobTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Folder names without glob characters, some with dots, dashes, spaces and non-ASCII.
    private static readonly Gen<string> Names =
        Gen.Elements("a", "b", "agents", "alice.yaml", ".squad", "_alumni", "x-1", "sp ace", "é", "charter.md", "v1.2");

    private static readonly Gen<string> Paths =
        Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Names, n)).Select(names => string.Join('/', names));

    [Theory]
    [InlineData("agents/*.yaml", "agents/alice.yaml", true)]
    [InlineData("agents/*.yaml", "agents/sub/alice.yaml", false)]
    [InlineData("agents/*.yaml", "alice.yaml", false)]
    [InlineData("*.yaml", "alice.yaml", true)]
    [InlineData("*.yaml", "agents/alice.yaml", false)]
    [InlineData("**/*.yaml", "alice.yaml", true)]
    [InlineData("**/*.yaml", "a/b/c/alice.yaml", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "ab", false)]
    [InlineData("a/**/b", "a/xb", false)]
    [InlineData("a/**", "a/x", true)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData(".squad/**/charter.md", ".squad/agents/_alumni/x/charter.md", true)]
    [InlineData(".squad/**/charter.md", ".squad/charter.md", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("a**c", "abxc", true)]
    [InlineData("a**c", "ab/c", false)]
    [InlineData("[ab]x", "bx", true)]
    [InlineData("[ab]x", "cx", false)]
    [InlineData("[!ab]x", "cx", true)]
    [InlineData("[!ab]x", "ax", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[]]x", "]x", true)]
    [InlineData(@"\*x", "*x", true)]
    [InlineData(@"\*x", "ax", false)]
    [InlineData("Agents/*", "agents/a", false)]
    [InlineData("sp ace/é.json", "sp ace/é.json", true)]
    public void GlobsMatchAsGitDoes(string glob, string path, bool matches) =>
        Assert.Equal(matches, PathGlob.Parse(glob).IsMatch(path));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  ", "empty")]
    [InlineData("/agents/*.yaml", "relative to the repository's root")]
    [InlineData("C:/agents/*.yaml", "relative to the repository's root")]
    [InlineData("agents/", "agents/**")]
    [InlineData("agents//a", "empty")]
    [InlineData("agents/../a", "'..'")]
    [InlineData("./a", "'.'")]
    [InlineData("a[bc", "not closed")]
    [InlineData("a[z-a]", "reversed")]
    [InlineData("a[[:alpha:]]", "named classes")]
    [InlineData(@"a\", "escapes the next character")]
    public void BadGlobsAreRefusedAsBadInputSayingWhy(string glob, string reason)
    {
        var exception = Assert.Throws<InvalidGlobException>(() => PathGlob.Parse(glob));
        Assert.Equal(ErrorCategory.BadInput, exception.Category);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Equal(glob, exception.Pattern);
    }

    [Fact]
    public void ALiteralGlobMatchesExactlyItsOwnPath()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(Paths), Arb.From(Paths), (path, other) =>
        {
            var glob = PathGlob.Parse(path);
            return glob.IsMatch(path) && glob.IsMatch(other) == (other == path);
        }));
    }

    [Fact]
    public void AStarNeverCrossesAFolderAndADoubleStarPrefixMatchesTheNameInAnyFolder()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(Paths), path =>
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            return PathGlob.Parse("*").IsMatch(path) == !path.Contains('/', StringComparison.Ordinal)
                && PathGlob.Parse("**/" + name).IsMatch(path)
                && PathGlob.Parse("**").IsMatch(path);
        }));
    }

    [Theory]
    [InlineData("*.json")]
    [InlineData("**/*.json")]
    [InlineData("agents/*")]
    [InlineData("agents/**/*.md")]
    [InlineData(".squad/**/charter.md")]
    [InlineData("**/charter.md")]
    [InlineData("a/**/b.txt")]
    [InlineData("[a-c]*/?.txt")]
    [InlineData("[!a]*/**")]
    public void GlobsSelectTheSameFilesAsGitsOwnGlobPathspecs(string glob)
    {
        using var repository = GitTestRepository.Create();
        string[] paths =
        [
            "root.json", "agents/alice.json", "agents/sub/bob.json", "agents/notes.md", "agents/x/y/z.md",
            ".squad/charter.md", ".squad/agents/x/charter.md", ".squad/agents/_alumni/y/charter.md",
            "a/b.txt", "a/x/b.txt", "a/x/y/b.txt", "ab.txt", "b/c.txt", "c/d/e.txt", "d/a.txt",
        ];
        foreach (var path in paths)
        {
            repository.Write(path, path);
        }

        var byGit = repository.Git("ls-files", "-z", "--", $":(glob){glob}").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var ours = paths.Where(PathGlob.Parse(glob).IsMatch);

        Assert.Equal(byGit.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
    }
}
