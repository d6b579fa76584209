namespace Verso.Server;

/// <summary>How the API behaves; bound from configuration section <c>Verso:Server</c> or set in code.</summary>
public sealed class VersoServerOptions
{
    /// <summary>The largest request body accepted, in bytes (413 beyond it). Default 8 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The page size when a list request names none.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest page a list request may ask for.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>How often an idle change stream sends a comment line, so proxies keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most steps the comparisons of one request (a diff, a blame, a merge, a replay check, a change
    /// request's diffs) may take together; past it the answer is 422 <c>too-large-to-compare</c>. Default
    /// <see cref="Verso.Diff.ComparisonBudget.DefaultMaxSteps"/> (under half a second of CPU).
    /// </summary>
    public long DiffBudget { get; set; } = Verso.Diff.ComparisonBudget.DefaultMaxSteps;
}
