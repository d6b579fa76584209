using Verso.Errors;

namespace Verso.Storage.Integrity;

/// <summary>A checkpoint file that cannot be read: not a checkpoint, a malformed line, or a root that does not match its lines.</summary>
public sealed class InvalidCheckpointException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong.</param>
    /// <param name="line">The 1-based line, when known.</param>
    public InvalidCheckpointException(string reason, int? line = null)
        : base(line is null ? $"not a valid checkpoint: {reason}" : $"not a valid checkpoint: line {line}: {reason}")
    {
        Reason = reason;
        Line = line;
    }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
