using Verso.Errors;

namespace Verso.Documents.Diff;

/// <summary>
/// The most work the comparisons of one request (a diff, a blame, a merge, a replay check) may do, and the
/// token that stops them when the caller goes away.
/// </summary>
/// <remarks>
/// <para>
/// One step is one cell of the edit graph the line or item diff visits: a diagonal it tries or a pair of
/// lines it compares. Every sequence diff a comparison runs spends from the one budget it was given, so a
/// blame over a thousand versions is bounded as a whole, not per version. Past <see cref="MaxSteps"/> the
/// comparison stops with a <see cref="ComparisonTooLargeException"/>; the work of Myers' diff grows with
/// the lines times the differences, so it is the reordered or rewritten large text that runs out, never
/// a small edit of a large one.
/// </para>
/// <para>Not thread-safe: one comparison at a time spends from a budget.</para>
/// </remarks>
public sealed class ComparisonBudget
{
    /// <summary>
    /// The steps a comparison may take unless configured otherwise: 100 million, under half a second of CPU
    /// (docs/BENCHMARKS.md); a rewrite of every line of an N-line text takes N² steps, so two entirely
    /// different texts of 10,000 lines fit, and so does any edit that leaves most lines in order, however long.
    /// </summary>
    public const long DefaultMaxSteps = 100_000_000;

    // How often the token is looked at: often enough to stop within a millisecond, rarely enough to cost nothing.
    private const long CancellationInterval = 1 << 16;

    private long _spent;
    private long _nextCancellationCheck = CancellationInterval;

    /// <summary>Creates a budget.</summary>
    /// <param name="maxSteps">The most steps the comparisons may take together.</param>
    /// <param name="cancellationToken">Stops the comparisons when cancelled (e.g. the client disconnected).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSteps"/> is not positive.</exception>
    public ComparisonBudget(long maxSteps = DefaultMaxSteps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        MaxSteps = maxSteps;
        CancellationToken = cancellationToken;
    }

    /// <summary>The most steps the comparisons may take together.</summary>
    public long MaxSteps { get; }

    /// <summary>The steps taken so far (readable from another thread, e.g. to watch a long comparison).</summary>
    public long Spent => Volatile.Read(ref _spent);

    /// <summary>The token that stops the comparisons.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Takes <paramref name="steps"/> from the budget.</summary>
    /// <exception cref="ComparisonTooLargeException">The budget is spent.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    internal void Spend(long steps)
    {
        _spent += steps;
        if (_spent > MaxSteps)
        {
            throw new ComparisonTooLargeException(MaxSteps);
        }

        if (_spent >= _nextCancellationCheck)
        {
            _nextCancellationCheck = _spent + CancellationInterval;
            CancellationToken.ThrowIfCancellationRequested();
        }
    }
}
