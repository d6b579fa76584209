namespace Verso.Governance.ChangeRequests;

/// <summary>The stored (lowercase) names of <see cref="ChangeRequestStatus"/> and <see cref="ReviewVerdict"/> values.</summary>
public static class ChangeRequestStatuses
{
    /// <summary>The lowercase name of a status.</summary>
    public static string ToName(this ChangeRequestStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The lowercase name of a verdict.</summary>
    public static string ToName(this ReviewVerdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>Parses a status name.</summary>
    /// <exception cref="Errors.InvalidNameException">The name is not a status.</exception>
    public static ChangeRequestStatus ParseStatus(string name) =>
        Enum.GetValues<ChangeRequestStatus>().FirstOrDefault(s => s.ToName() == name) is var status && status.ToName() == name
            ? status
            : throw new Errors.InvalidNameException("status", name, "use open, approved, rejected, applied, withdrawn or stale");

    /// <summary>Parses a verdict name.</summary>
    /// <exception cref="Errors.InvalidNameException">The name is not a verdict.</exception>
    public static ReviewVerdict ParseVerdict(string name) =>
        Enum.GetValues<ReviewVerdict>().FirstOrDefault(v => v.ToName() == name) is var verdict && verdict.ToName() == name
            ? verdict
            : throw new Errors.InvalidNameException("verdict", name, "use approve, reject or comment");
}
