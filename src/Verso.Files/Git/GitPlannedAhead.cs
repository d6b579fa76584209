using System.Collections.Immutable;
using System.Text;

namespace Verso.Files.Git;

/// <summary>A planned commit whose steps' bytes are still to be read from git.</summary>
/// <param name="Planned">The commit's plan, its steps without their bytes.</param>
/// <param name="Views">Per step, the content to read, or null for a deletion.</param>
internal sealed record GitPlannedAhead(GitPlannedCommit Planned, ImmutableArray<GitEntityView?> Views)
{
    /// <summary>The blobs to read for the steps, in step order.</summary>
    public IEnumerable<string> BlobIds => Views.Where(view => view is { IsBlob: true }).Select(view => view!.ContentId);

    /// <summary>The number of blobs to read.</summary>
    public int BlobCount => Views.Count(view => view is { IsBlob: true });

    /// <summary>The planned commit with every step's bytes: its blobs' from <paramref name="blobs"/>, starting at <paramref name="first"/>, in <see cref="BlobIds"/> order.</summary>
    public GitPlannedCommit WithBlobs(IReadOnlyList<ReadOnlyMemory<byte>> blobs, int first)
    {
        if (Views.All(view => view is null))
        {
            return Planned;
        }

        var steps = ImmutableArray.CreateBuilder<GitImportStep>(Planned.Steps.Length);
        var next = first;
        for (var i = 0; i < Planned.Steps.Length; i++)
        {
            steps.Add(Views[i] switch
            {
                null => Planned.Steps[i],
                { IsBlob: true } => Planned.Steps[i] with { Content = blobs[next++] },
                // An entry of a file, kept as its text by the reader that split the file.
                var view => Planned.Steps[i] with { Content = Encoding.UTF8.GetBytes(view.ContentId) },
            });
        }

        return Planned with { Steps = steps.MoveToImmutable() };
    }
}
