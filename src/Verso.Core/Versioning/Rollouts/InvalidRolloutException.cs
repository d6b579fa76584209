using Verso.Errors;

namespace Verso.Versioning.Rollouts;

/// <summary>A rollout asked for that cannot be: weights out of range or past 10,000, a step list that does not rise, a candidate that is the control.</summary>
public sealed class InvalidRolloutException(string message) : VersoException(message)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
