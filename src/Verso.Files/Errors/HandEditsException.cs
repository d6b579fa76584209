using System.Collections.Immutable;
using Verso.Errors;

namespace Verso.Files.Errors;

/// <summary>
/// An export would overwrite files that hold something other than what the last export wrote there (the
/// manifest says what that was): edits made by hand and never imported. Nothing was written.
/// </summary>
public sealed class HandEditsException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="files">The edited files, as paths inside the directory.</param>
    public HandEditsException(IEnumerable<string> files)
        : this([.. files])
    {
    }

    private HandEditsException(ImmutableArray<string> files)
        : base($"export would overwrite {files.Length} file(s) changed since the last export: {string.Join(", ", files)}; "
            + "import them first (verso import DIR), or pass --force to overwrite them")
    {
        Files = files;
    }

    /// <summary>The edited files, as paths inside the directory, in path order.</summary>
    public ImmutableArray<string> Files { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Conflict;
}
