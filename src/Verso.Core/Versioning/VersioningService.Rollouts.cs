using Verso.Model.Snapshots;

namespace Verso.Versioning;

public sealed partial class VersioningService
{
    // A rollout gives a candidate traffic under a label only where the label's policy would let the tag move to it.
    internal Task EnsureLabelAllowedAsync(Snapshot version, string label, CancellationToken cancellationToken) =>
        EnsureTagAllowedAsync(version, label, cancellationToken);
}
