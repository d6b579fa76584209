using Verso.Documents.Canonical;
using Verso.Naming;

namespace Verso.Versioning;

/// <summary>
/// One version brought in from another system with its own number, author and time
/// (see <see cref="VersioningService.ImportAsync"/>).
/// </summary>
/// <param name="Key">The entity.</param>
/// <param name="Version">Its number in the source; kept, so it must continue the entity gaplessly.</param>
/// <param name="Content">The canonical content.</param>
/// <param name="SavedBy">Who saved it in the source.</param>
/// <param name="SavedAt">When it was saved in the source, UTC.</param>
/// <param name="Message">An optional message kept with the version.</param>
public sealed record ImportedVersion(EntityKey Key, int Version, CanonicalDocument Content, string SavedBy, DateTimeOffset SavedAt, string? Message = null);
