using System.Globalization;

namespace Verso.Errors;

/// <summary>
/// A diff, blame or merge needed more work than its <see cref="Documents.Diff.ComparisonBudget"/> allows (texts of many
/// lines reordered or rewritten). Nothing was written; each edge says how its budget is raised.
/// </summary>
public sealed class ComparisonTooLargeException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maxSteps">The budget that was spent, in steps.</param>
    public ComparisonTooLargeException(long maxSteps)
        : base(string.Create(CultureInfo.InvariantCulture, $"too large to compare: the comparison needs more than its budget of {maxSteps} steps"))
    {
        MaxSteps = maxSteps;
    }

    /// <summary>The budget that was spent, in steps.</summary>
    public long MaxSteps { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
