using Verso.Governance.Checks;
using Verso.Contracts.Json;
using Verso.Contracts.Versions;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Server.Wire;

/// <summary>Versions as the wire shows them: Core's <see cref="Snapshot"/> and <see cref="AppendResult"/> mapped to <see cref="Verso.Contracts.Versions"/>.</summary>
public static class WireVersions
{
    /// <summary>What every answer about <paramref name="snapshot"/> says of it.</summary>
    public static VersionMetadata Metadata(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new VersionMetadata
        {
            Ref = snapshot.Ref.ToString(),
            Kind = snapshot.Key.Kind,
            Id = snapshot.Key.Id,
            Version = snapshot.Version,
            Hash = snapshot.Hash.ToString(),
            SavedBy = snapshot.SavedBy,
            SavedAt = snapshot.SavedAt,
            Message = snapshot.Message,
            Operation = snapshot.Operation.ToName(),
            SchemaVersion = snapshot.SchemaVersion,
            RevertOf = snapshot.RevertOf,
            Source = snapshot.Source is { } source ? Source(source) : null,
            Removed = snapshot.Removal is { } removal ? Removed(removal) : null,
        };
    }

    /// <summary>A version with its record (the JSON <c>null</c> when its content was pruned or erased).</summary>
    public static VersionWithContent WithContent(Snapshot snapshot) =>
        new(Metadata(snapshot)) { Content = ContentOf(snapshot) };

    /// <summary>A version of a history page, with its record when <paramref name="withContent"/>.</summary>
    public static VersionPageItem PageItem(Snapshot snapshot, bool withContent) =>
        new(Metadata(snapshot)) { Content = withContent ? ContentOf(snapshot) : null };

    /// <summary>A version as <c>verso show --json</c> prints it: with the checks recorded on it and its record.</summary>
    public static ShownVersion Shown(Snapshot snapshot, IEnumerable<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return new(Metadata(snapshot), [.. checks.Select(Check)], ContentOf(snapshot));
    }

    /// <summary>A version as <c>verso log --json</c> lists it: with the checks recorded on it.</summary>
    public static LoggedVersion Logged(Snapshot snapshot, IEnumerable<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return new(Metadata(snapshot), [.. checks.Select(Check)]);
    }

    /// <summary>A check result beside a version, as <c>show</c> and <c>log</c> list it.</summary>
    public static VersionCheck Check(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new VersionCheck
        {
            Name = result.Name,
            Result = result.Result,
            By = result.By,
            At = result.At,
            Ref = result.Target.Ref.ToString(),
            Hash = result.Target.Hash.ToString(),
            Url = result.Url,
            Message = result.Message,
        };
    }

    /// <summary>What a save or a rollback did (<paramref name="revertOf"/>: the version a rollback restored).</summary>
    public static AppendOutcomeInfo Outcome(AppendResult result, int? revertOf = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var head = result.Head;
        return new AppendOutcomeInfo
        {
            Status = Status(result.Outcome),
            Ref = head.Ref.ToString(),
            Kind = head.Key.Kind,
            Id = head.Key.Id,
            Version = head.Version,
            Hash = head.Hash.ToString(),
            RevertOf = revertOf,
        };
    }

    /// <summary>The status word of an outcome: <c>created</c> or <c>unchanged</c>.</summary>
    public static string Status(AppendOutcome outcome) => outcome.ToName();

    /// <summary>A version's record as stored (canonical, already checked: not parsed again), or the JSON <c>null</c> when it is gone.</summary>
    public static RawJson ContentOf(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // The "removed" member says by whom, when and why.
        return snapshot.HasContent ? RawJson.Trusted(snapshot.Content) : RawJson.Null;
    }

    private static VersionSourceInfo Source(VersionSource source) => source.ChangeRequest is { } request
        ? new VersionSourceInfo { Approvers = [.. source.Approvers], Request = request }
        // The import form, as the chain links of imported versions hold it.
        : new VersionSourceInfo { Commit = source.Commit, Deleted = source.Deleted, Path = source.Path };

    private static RemovalInfo Removed(ContentRemoval removal) => new()
    {
        Kind = removal.Verb,
        By = removal.RemovedBy,
        At = removal.RemovedAt,
        Reason = removal.Reason,
    };
}
