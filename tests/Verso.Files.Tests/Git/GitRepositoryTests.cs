using Verso.Testing.Git;
using System.Text;
using Verso.Errors;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;
using Verso.Testing.Support;

namespace Verso.Files.Tests.Git;

public sealed class GitRepositoryTests
{
    [Fact]
    public async Task AFolderThatIsNoRepositoryIsBadInputNamingIt()
    {
        using var directory = new TempDirectory();

        var exception = await Assert.ThrowsAsync<NotAGitRepositoryException>(() => GitRepository.OpenAsync(directory.Path));

        Assert.Equal(ErrorCategory.BadInput, exception.Category);
        Assert.Equal(directory.Path, exception.Path);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public async Task AMissingFolderOrAFileIsNoRepository()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("file"), "x");

        var missing = await Assert.ThrowsAsync<NotAGitRepositoryException>(() => GitRepository.OpenAsync(directory.File("missing")));
        var file = await Assert.ThrowsAsync<NotAGitRepositoryException>(() => GitRepository.OpenAsync(directory.File("file")));

        Assert.Contains("no such directory", missing.Message, StringComparison.Ordinal);
        Assert.Contains("a file", file.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderInsideAWorkTreeIsNotTheRepository()
    {
        using var repository = GitTestRepository.Create();
        repository.Write("agents/alice.json", "{}");

        await Assert.ThrowsAsync<NotAGitRepositoryException>(() => GitRepository.OpenAsync(Path.Combine(repository.Path, "agents")));
    }

    [Fact]
    public async Task AMissingGitIsAFailureThatSaysSo()
    {
        using var repository = GitTestRepository.Create();

        var exception = await Assert.ThrowsAsync<GitException>(() => GitRepository.OpenAsync(repository.Path, "verso-no-such-git", CancellationToken.None));

        Assert.Equal(ErrorCategory.Failure, exception.Category);
        Assert.Contains("git is not installed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkTreeItsGitDirectoryAndABareCloneAllOpen()
    {
        using var repository = GitTestRepository.Create();
        repository.Write("a.json", "{}").Commit("one", TestAuthor.Alice, ScriptedHistory.At(0));
        GitTestRepository.Run(repository.Parent, null, null, ["clone", "-q", "--bare", repository.Path, "bare.git"], allowFailure: false);

        await using var workTree = await GitRepository.OpenAsync(repository.Path);
        await using var gitDirectory = await GitRepository.OpenAsync(Path.Combine(repository.Path, ".git"));
        await using var bare = await GitRepository.OpenAsync(Path.Combine(repository.Parent, "bare.git"));

        Assert.False(workTree.IsBare);
        Assert.True(bare.IsBare);
        var head = repository.Head();
        Assert.Equal(head, await workTree.ResolveCommitAsync());
        Assert.Equal(head, await gitDirectory.ResolveCommitAsync());
        Assert.Equal(head, await bare.ResolveCommitAsync());
    }

    [Fact]
    public async Task ARepositoryWithoutCommitsHasNoHeadAndAnUnknownRevisionIsAnError()
    {
        using var repository = GitTestRepository.Create();
        await using var opened = await GitRepository.OpenAsync(repository.Path);

        Assert.Null(await opened.ResolveCommitAsync());
        var exception = await Assert.ThrowsAsync<GitException>(() => opened.ResolveCommitAsync("no-such-branch"));
        Assert.Contains("no-such-branch", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobsComeBackByteForByte()
    {
        using var repository = GitTestRepository.Create();
        var contents = new Dictionary<string, byte[]>
        {
            ["crlf.txt"] = Encoding.UTF8.GetBytes("line one\r\nline two\r\n"),
            ["no-final-newline.txt"] = Encoding.UTF8.GetBytes("no newline at the end"),
            ["latin1.txt"] = [0x63, 0x61, 0x66, 0xE9, 0x0A], // "café" in ISO-8859-1: not UTF-8
            ["nul.bin"] = [0x00, 0x01, 0x0A, 0x00, 0xFF, 0x0D],
            ["empty.txt"] = [],
            ["large.bin"] = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251))],
        };
        foreach (var (path, content) in contents)
        {
            repository.Write(path, content);
        }

        var commit = repository.Commit("bytes", TestAuthor.Alice, ScriptedHistory.At(0));
        await using var opened = await GitRepository.OpenAsync(repository.Path);

        foreach (var (path, content) in contents)
        {
            var blob = repository.Git("rev-parse", $"{commit}:{path}").Trim();
            var read = await opened.ReadBlobAsync(blob);
            Assert.Equal(content, read.ToArray());
            Assert.Equal(repository.GitBytes("show", $"{commit}:{path}"), read.ToArray());
        }
    }

    [Fact]
    public async Task AMissingOrNonBlobObjectIsAnErrorAndTheNextReadStillWorks()
    {
        using var repository = GitTestRepository.Create();
        var commit = repository.Write("a.txt", "a").Commit("one", TestAuthor.Alice, ScriptedHistory.At(0));
        await using var opened = await GitRepository.OpenAsync(repository.Path);

        await Assert.ThrowsAsync<GitException>(() => opened.ReadBlobAsync(new string('1', 40)));
        var notABlob = await Assert.ThrowsAsync<GitException>(() => opened.ReadBlobAsync(commit));
        Assert.Contains("is a commit", notABlob.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => opened.ReadBlobAsync("HEAD\nHEAD"));

        Assert.Equal("a"u8.ToArray(), (await opened.ReadBlobAsync(repository.Git("rev-parse", $"{commit}:a.txt").Trim())).ToArray());
    }
}
