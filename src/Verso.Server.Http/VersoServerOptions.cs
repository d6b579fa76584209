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
    /// How many change streams (<c>GET /changes</c> as Server-Sent Events) one token may hold open at once;
    /// past it a new stream is refused with 429. Default 32.
    /// </summary>
    public int MaxStreamsPerToken { get; set; } = 32;

    /// <summary>
    /// How often every open change stream's token is checked again even when no event arrives (a revoked
    /// token's streams end at the revoke's event, or within this). Default 5 seconds.
    /// </summary>
    public TimeSpan StreamRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most steps the comparisons of one request (a diff, a blame, a merge, a replay check, a change
    /// request's diffs) may take together; past it the answer is 422 <c>too-large-to-compare</c>. Default
    /// <see cref="Verso.Documents.Diff.ComparisonBudget.DefaultMaxSteps"/> (under half a second of CPU).
    /// </summary>
    public long DiffBudget { get; set; } = Verso.Documents.Diff.ComparisonBudget.DefaultMaxSteps;
}
