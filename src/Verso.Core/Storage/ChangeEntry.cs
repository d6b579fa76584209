using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Storage;

/// <summary>One appended version as a change log lists it.</summary>
/// <param name="Sequence">Its store-wide sequence: increasing in commit order.</param>
/// <param name="Ref">The version.</param>
/// <param name="Hash">Its content hash.</param>
/// <param name="SavedBy">Who saved it.</param>
/// <param name="SavedAt">When, in UTC.</param>
/// <param name="Operation">What created it.</param>
public sealed record ChangeEntry(long Sequence, VersionRef Ref, ContentHash Hash, string SavedBy, DateTimeOffset SavedAt, VersionOperation Operation);
