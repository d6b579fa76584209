namespace Verso.Agents.Decisions;

/// <summary>What a reviewer decided about an executed task.</summary>
public enum DecisionOutcome
{
    /// <summary>A reviewer approved the work.</summary>
    Approved,

    /// <summary>A reviewer rejected the work.</summary>
    Rejected,

    /// <summary>Approved by a rule, without a reviewer's judgement.</summary>
    AutoApproved,

    /// <summary>Rejected by a rule, without a reviewer's judgement.</summary>
    AutoRejected,

    /// <summary>Handed to a higher authority.</summary>
    Escalated,
}
