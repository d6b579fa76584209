using Verso.Errors;
using Verso.Files.Directories;

namespace Verso.Files.Errors;

/// <summary>
/// The store refused an import's batch (a pin of a version it does not hold, a reserved kind, a concurrent
/// change): nothing of it was saved. Carries the report (every file <see cref="FileStatus.Skipped"/>) so the
/// caller can still print what was read, and the store's own refusal as the inner exception.
/// </summary>
public sealed class ImportRefusedException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="report">Every file of the import, none saved.</param>
    /// <param name="cause">The store's refusal.</param>
    public ImportRefusedException(DirectoryReport report, VersoException cause)
        : base($"nothing imported: {cause?.Message}", cause)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(cause);
        Report = report;
        Cause = cause;
    }

    /// <summary>Every file of the import, none saved.</summary>
    public DirectoryReport Report { get; }

    /// <summary>The store's refusal.</summary>
    public VersoException Cause { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => Cause.Category;
}
