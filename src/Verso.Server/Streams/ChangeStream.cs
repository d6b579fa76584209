using Verso.Model.Kinds;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Server.Streams;

/// <summary>
/// One open change stream: whose it is, which kind it reads, and the switch that ends it once its token no
/// longer holds. It owns no connection; its events come from the <see cref="ChangeHub"/>'s memory.
/// </summary>
internal sealed class ChangeStream(Caller caller, string? token, string? kind)
{
    // Never disposed: it has no timer and no parent, so nothing to release, and a recheck may still cancel it
    // while the request that owns it is finishing.
    private readonly CancellationTokenSource _end = new();
    private volatile Caller _caller = caller;

    /// <summary>The caller as its token was last checked.</summary>
    public Caller Caller => _caller;

    /// <summary>The bearer token the stream was opened with (null for the token-less local caller).</summary>
    public string? Token { get; } = token;

    /// <summary>The kind the stream reads; null for every kind.</summary>
    public string? Kind { get; } = kind;

    /// <summary>Cancelled when the stream must end (its token was revoked or no longer covers its kind).</summary>
    public CancellationToken Ended => _end.Token;

    /// <summary>Whether <paramref name="entry"/> may be sent: its kind is the stream's, not reserved, and the token covers it.</summary>
    public bool Allows(ChangeEntry entry)
    {
        var kind = entry.Ref.Key.Kind;
        return !_end.IsCancellationRequested
            && (Kind is null || kind == Kind)
            && !ReservedKinds.IsReserved(kind)
            && _caller.MayTouch(kind);
    }

    /// <summary>Takes what a fresh check of the token found (null: no longer valid); ends the stream unless it still covers the stream's kind.</summary>
    public void Confirm(Caller? caller)
    {
        if (caller is not null && (Kind is null ? caller.Kinds.IsDefaultOrEmpty : caller.MayTouch(Kind)))
        {
            _caller = caller;
            return;
        }

        // Callbacks run elsewhere: the recheck that ends many streams does not run their writers inline.
        _ = _end.CancelAsync();
    }
}
