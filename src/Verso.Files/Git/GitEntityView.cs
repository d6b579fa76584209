namespace Verso.Files.Git;

/// <summary>An entity's content in one commit's tree.</summary>
/// <param name="Path">The file it comes from.</param>
/// <param name="ContentId">What tells contents apart: the blob id of a whole file, or the content's own text.</param>
/// <param name="IsBlob">Whether <paramref name="ContentId"/> is a blob id to read; otherwise it is the content as text.</param>
internal sealed record GitEntityView(string Path, string ContentId, bool IsBlob)
{
    /// <summary>The content's bytes.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(GitRepository repository, CancellationToken cancellationToken) =>
        IsBlob ? await repository.ReadBlobAsync(ContentId, cancellationToken).ConfigureAwait(false) : System.Text.Encoding.UTF8.GetBytes(ContentId);
}
