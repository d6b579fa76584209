using System.Collections.Immutable;

namespace Verso.Errors;

/// <summary>A record is valid JSON but not a valid record of its kind. Carries every problem found.</summary>
public sealed class InvalidRecordException : VersoException
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public InvalidRecordException(string kind, IEnumerable<RecordProblem> problems)
        : this(kind, problems.ToImmutableArray())
    {
    }

    private InvalidRecordException(string kind, ImmutableArray<RecordProblem> problems)
        : base($"invalid {kind} record: " + string.Join("; ", problems.Select(p => p.ToString())))
    {
        Kind = kind;
        Problems = problems;
    }

    /// <summary>The kind whose rules were broken.</summary>
    public string Kind { get; }

    /// <summary>Every problem, each with the JSON path it concerns.</summary>
    public ImmutableArray<RecordProblem> Problems { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
