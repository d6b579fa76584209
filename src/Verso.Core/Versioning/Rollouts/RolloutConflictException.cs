using Verso.Errors;

namespace Verso.Versioning.Rollouts;

/// <summary>A rollout cannot start because the label has an active one (advance, promote or abort it first).</summary>
public sealed class RolloutConflictException(string message) : VersoException(message)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Conflict;
}
