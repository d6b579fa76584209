using System.Text;
using Verso.Files.Git;
using Verso.Testing.Git;

namespace Verso.Files.Tests.Git;

/// <summary>Blobs asked for in runs, ahead of their answers, through a <c>git cat-file --batch</c> of their own.</summary>
public sealed class GitBlobPipeTests
{
    [Fact]
    public async Task RunsOfBlobsComeBackExactlyAndInTheOrderAsked()
    {
        using var repository = GitTestRepository.Create();
        byte[] binary = [0, 10, 13, 255, (byte)'\n', 0];
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a line of a large file\n", 20_000)));
        var ids = new[] { binary, big, [], Encoding.UTF8.GetBytes("é\r\n") }.Select(content => (Id: Store(repository, content), Content: content)).ToArray();
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        await using var pipe = opened.OpenBlobPipe();

        // Several runs asked before any answer is awaited: git answers them as one stream.
        var first = await pipe.AskAsync([ids[0].Id, ids[1].Id, ids[2].Id], CancellationToken.None);
        var second = await pipe.AskAsync([ids[3].Id, ids[1].Id, ids[0].Id], CancellationToken.None);
        var none = await pipe.AskAsync([], CancellationToken.None);

        Assert.Equal([ids[0].Content, ids[1].Content, ids[2].Content], (await first).Select(blob => blob.ToArray()));
        Assert.Equal([ids[3].Content, ids[1].Content, ids[0].Content], (await second).Select(blob => blob.ToArray()));
        Assert.Empty(await none);
    }

    [Fact]
    public async Task AMissingObjectFailsItsRunAndEveryRunAfterItInsteadOfHanging()
    {
        using var repository = GitTestRepository.Create();
        var present = Store(repository, Encoding.UTF8.GetBytes("{}"));
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        await using var pipe = opened.OpenBlobPipe();

        var missing = await pipe.AskAsync([present, new string('1', 40)], CancellationToken.None);
        var exception = await Assert.ThrowsAsync<GitException>(() => missing);
        var after = await pipe.AskAsync([present], CancellationToken.None);

        Assert.Contains("1111111111111111111111111111111111111111", exception.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => after);
    }

    [Fact]
    public async Task AnIdThatIsNoObjectIdIsRefusedBeforeGitSeesIt()
    {
        using var repository = GitTestRepository.Create();
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        await using var pipe = opened.OpenBlobPipe();

        await Assert.ThrowsAsync<ArgumentException>(async () => await pipe.AskAsync(["HEAD\nHEAD"], CancellationToken.None));
    }

    private static string Store(GitTestRepository repository, byte[] content) =>
        repository.GitWithInput(content, "hash-object", "-w", "--stdin").Trim();
}
