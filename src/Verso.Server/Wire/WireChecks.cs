using Verso.Governance.Checks;
using Verso.Contracts.Checks;

namespace Verso.Server.Wire;

/// <summary>Check results as the wire shows them: Core's <see cref="CheckResult"/> mapped to <see cref="Verso.Contracts.Checks"/>.</summary>
public static class WireChecks
{
    /// <summary>One result.</summary>
    public static CheckInfo Of(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CheckInfo
        {
            Target = result.Target.ToString(),
            Name = result.Name,
            Result = result.Result,
            By = result.By,
            At = result.At,
            Url = result.Url,
            Message = result.Message,
        };
    }

    /// <summary>A result as recorded, with what a failure did to tags.</summary>
    public static RecordedCheck Of(CheckRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new RecordedCheck
        {
            Check = Of(recorded.Result),
            Sequence = recorded.Sequence,
            TagsRolledBack = [.. recorded.TagRollbacks.Select(m => m.Name)],
            TagsLeft = [.. recorded.TagsLeft],
        };
    }
}
