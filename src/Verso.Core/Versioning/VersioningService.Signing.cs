using Verso.Versioning.Signatures;
using Verso.Storage;

namespace Verso.Versioning;

// Event signing: when the host gives the service a signer (verso serve --signing-key), every tag move, policy
// version and applied change request is signed right after the store recorded it.
public sealed partial class VersioningService
{
    /// <summary>Signs tag moves, policy changes and applied change requests as they happen; null signs nothing.</summary>
    public EventSigner? Signer { get; init; }

    internal async Task SignCreatedAsync(AppendResult result, CancellationToken cancellationToken)
    {
        if (Signer is not null && result.Outcome == AppendOutcome.Created && SignedEvent.IsSigned(result.Head))
        {
            await Signer.SignAsync(SignedEvent.ForVersion(result.Head), result.Head.SavedBy, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task SignMoveAsync(TagMove? move, CancellationToken cancellationToken)
    {
        if (Signer is not null && move is not null)
        {
            await Signer.SignAsync(SignedEvent.ForTagMove(move), move.MovedBy, cancellationToken).ConfigureAwait(false);
        }
    }
}
