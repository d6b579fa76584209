using Verso.Documents.Canonical;
using Verso.Naming;

namespace Verso.Versioning;

/// <summary>One save of a batch (see <see cref="VersioningService.SaveBatchAsync"/>).</summary>
/// <param name="Key">The entity to save to.</param>
/// <param name="Content">The canonical content.</param>
/// <param name="Options">Who saves it, when, and the checks to make.</param>
public sealed record BatchSave(EntityKey Key, CanonicalDocument Content, SaveOptions Options);
