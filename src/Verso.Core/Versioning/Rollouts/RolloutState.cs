namespace Verso.Versioning.Rollouts;

/// <summary>Where a rollout stands.</summary>
public enum RolloutState
{
    /// <summary>Serving its candidates by weight.</summary>
    Active,

    /// <summary>Ended by promoting a candidate: the label is a plain tag on it again.</summary>
    Promoted,

    /// <summary>Ended by an abort or a failing check: every subject is served the control.</summary>
    Aborted,
}
