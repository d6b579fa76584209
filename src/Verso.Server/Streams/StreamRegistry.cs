using Verso.Server.Security;

namespace Verso.Server.Streams;

/// <summary>
/// The open change streams of this server, counted per token (a token holds at most
/// <see cref="VersoServerOptions.MaxStreamsPerToken"/>), and the checks that end a stream once its token is
/// revoked or no longer covers its kind.
/// </summary>
internal sealed class StreamRegistry(TokenStore tokens, int maxPerToken)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<ChangeStream>> _byToken = new(StringComparer.Ordinal);

    /// <summary>The most streams one token may hold open.</summary>
    public int MaxPerToken { get; } = maxPerToken;

    /// <summary>How many streams are open.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byToken.Values.Sum(s => s.Count);
            }
        }
    }

    /// <summary>Registers a stream, or answers null when its token already holds <see cref="MaxPerToken"/>.</summary>
    public ChangeStream? TryOpen(Caller caller, string? token, string? kind)
    {
        lock (_gate)
        {
            if (!_byToken.TryGetValue(caller.Name, out var open))
            {
                open = [];
                _byToken[caller.Name] = open;
            }

            if (open.Count >= MaxPerToken)
            {
                return null;
            }

            var stream = new ChangeStream(caller, token, kind);
            open.Add(stream);
            return stream;
        }
    }

    /// <summary>Forgets a stream that ended.</summary>
    public void Close(ChangeStream stream)
    {
        lock (_gate)
        {
            if (_byToken.TryGetValue(stream.Caller.Name, out var open) && open.Remove(stream) && open.Count == 0)
            {
                _byToken.Remove(stream.Caller.Name);
            }
        }
    }

    /// <summary>
    /// Checks the tokens of the streams opened by <paramref name="names"/> (every stream when null) against the
    /// store, once per distinct token, and ends each stream its token no longer allows. The token-less local
    /// caller's streams end once the store holds a token (a request without one would then be refused).
    /// </summary>
    public async Task RecheckAsync(IReadOnlySet<string>? names, CancellationToken cancellationToken)
    {
        List<ChangeStream> streams;
        lock (_gate)
        {
            streams = [.. _byToken.Where(t => names is null || names.Contains(t.Key) || t.Key == Caller.Local.Name).SelectMany(t => t.Value)];
        }

        foreach (var group in streams.GroupBy(s => s.Token, StringComparer.Ordinal))
        {
            Caller? caller;
            if (group.Key is null)
            {
                caller = await tokens.AnyAsync(cancellationToken).ConfigureAwait(false) ? null : Caller.Local;
            }
            else
            {
                (caller, _) = await tokens.AuthenticateAsync(group.Key, cancellationToken).ConfigureAwait(false);
            }

            foreach (var stream in group)
            {
                stream.Confirm(caller);
            }
        }
    }
}
