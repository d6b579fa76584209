namespace Verso.Errors;

/// <summary>
/// An input is larger than Verso accepts: a record over the size limit, a patch with too many operations
/// or whose result grows too large, nesting deeper than <see cref="Documents.Canonical.CanonicalJson.MaxDepth"/>.
/// Raised before the work that the size would make expensive.
/// </summary>
public sealed class LimitExceededException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What was too large, e.g. "record from standard input".</param>
    /// <param name="limit">The name of the limit, e.g. "max record size".</param>
    /// <param name="maximum">The limit's value.</param>
    /// <param name="unit">The unit of <paramref name="maximum"/>, e.g. "bytes", "operations".</param>
    public LimitExceededException(string what, string limit, long maximum, string unit)
        : base($"{what} is over the {limit} of {maximum} {unit}")
    {
        What = what;
        Limit = limit;
        Maximum = maximum;
        Unit = unit;
    }

    /// <summary>What was too large.</summary>
    public string What { get; }

    /// <summary>The name of the limit.</summary>
    public string Limit { get; }

    /// <summary>The limit's value.</summary>
    public long Maximum { get; }

    /// <summary>The unit of <see cref="Maximum"/>.</summary>
    public string Unit { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
