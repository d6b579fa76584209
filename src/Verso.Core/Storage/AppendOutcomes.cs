namespace Verso.Storage;

/// <summary>The names every face shows for <see cref="AppendOutcome"/> values.</summary>
public static class AppendOutcomes
{
    /// <summary><c>created</c> or <c>unchanged</c>: the <c>status</c> of a save, a rollback or a merge.</summary>
    public static string ToName(this AppendOutcome outcome) => outcome == AppendOutcome.Created ? "created" : "unchanged";
}
