using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Server.Security;

/// <summary>
/// Makes, lists, revokes and checks bearer tokens kept in the store itself (kind <c>verso-token</c>). A token
/// reads <c>vt1.NAME.SECRET</c>: the name finds its record, and the SHA-256 of the whole text is compared in
/// constant time. Each check reads the record's version count from the store and reuses the record only while
/// that is unchanged, so a revoke is refused at once on every instance.
/// </summary>
public sealed class TokenStore(IVersionStore store, TimeProvider? time = null)
{
    /// <summary>The reserved kind the records are kept as.</summary>
    public const string Kind = "verso-token";

    private const string Prefix = "vt1.";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Only names with a record are kept, so guessed names cannot fill it; past this many, start over.
    private const int MaxKeptRecords = 4096;

    // Once a token exists the server never falls back to token-less mode, even if every token is revoked.
    private volatile bool _tokensSeen;

    // Token name → the record read last, how many versions it had then and the store's change stamp read
    // before that count (see RecordAsync).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Versions, string? Stamp, TokenRecord Record)> _records = new(StringComparer.Ordinal);

    // The change stamp under which the store was last seen to hold no token at all.
    private volatile string? _noTokensStamp;

    /// <summary>Makes a token and returns its record and its text (the only time the text is known).</summary>
    /// <exception cref="InvalidNameException">The name is not a valid entity id.</exception>
    /// <exception cref="VersionConflictException">A token of that name exists and is not revoked (or one was just made).</exception>
    public async Task<(TokenRecord Record, string Token)> AddAsync(string name, ApiRole role, IReadOnlyCollection<string> kinds, bool actAs, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var key = EntityKey.Create(Kind, name);
        foreach (var kind in kinds)
        {
            EntityKey.ValidateKind(kind);
        }

        var head = await store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
        if (head is not null && !TokenRecord.FromJson(head.Content).Revoked)
        {
            throw new TokenExistsException(name);
        }

        var token = Prefix + name + "." + Base64UrlSecret();
        var record = new TokenRecord(name, role, [.. kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], actAs, Hash(token), Revoked: false);
        // Expected version: two admins adding the same name at once cannot both get a token.
        await AppendAsync(key, record, by, head?.Version ?? 0, $"add {Caller.Describe(role)} token", cancellationToken).ConfigureAwait(false);
        _tokensSeen = true;
        return (record, token);
    }

    /// <summary>Revokes a token; it is refused from the next request on.</summary>
    /// <exception cref="NotFoundException">No token has that name.</exception>
    public async Task<TokenRecord> RevokeAsync(string name, string by, CancellationToken cancellationToken = default)
    {
        var key = EntityKey.Create(Kind, name);
        var head = await store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(key.ToString(), $"not found: no token named '{name}'");
        var record = TokenRecord.FromJson(head.Content) with { Revoked = true };
        await AppendAsync(key, record, by, head.Version, "revoke token", cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Every token ever made, by name, revoked ones included, with when each was last changed and by whom.</summary>
    public async Task<IReadOnlyList<(TokenRecord Record, Model.Snapshots.Snapshot Version)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tokens = new List<(TokenRecord, Model.Snapshots.Snapshot)>();
        await foreach (var head in store.ListEntitiesAsync(Kind, cancellationToken).ConfigureAwait(false))
        {
            var latest = await store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false);
            if (latest is not null)
            {
                tokens.Add((TokenRecord.FromJson(latest.Content), latest));
            }
        }

        return tokens;
    }

    /// <summary>Whether the store holds any token (the server then requires one on every request).</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => AnyAsync(null, cancellationToken);

    // With the store's change stamp read before (see IChangeStamp): while it is the one under which the store
    // held no token, nothing can have made one, and the answer needs no read.
    internal async Task<bool> AnyAsync(string? stamp, CancellationToken cancellationToken)
    {
        if (_tokensSeen)
        {
            return true;
        }

        if (stamp is not null && stamp == _noTokensStamp)
        {
            return false;
        }

        await foreach (var _ in store.ListEntitiesAsync(Kind, cancellationToken).ConfigureAwait(false))
        {
            _tokensSeen = true;
            return true;
        }

        _noTokensStamp = stamp;
        return false;
    }

    /// <summary>The caller a token stands for, or why it does not (never echoing the token).</summary>
    public Task<(Caller? Caller, string Failure)> AuthenticateAsync(string token, CancellationToken cancellationToken = default) =>
        AuthenticateAsync(token, null, cancellationToken);

    // With the store's change stamp read before: see RecordAsync.
    internal async Task<(Caller? Caller, string Failure)> AuthenticateAsync(string token, string? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        // The secret is what follows the last dot and has one length; anything else (a trailing dot, a
        // pasted suffix) does not parse, and only a prefix that cannot reach into the secret is ever said.
        var dot = token.LastIndexOf('.');
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || dot <= Prefix.Length || !IsSecret(token.AsSpan(dot + 1)))
        {
            return (null, Malformed(token));
        }

        var name = token[Prefix.Length..dot];
        if (!EntityKey.IsValidId(name))
        {
            return (null, Malformed(token));
        }

        var record = await RecordAsync(EntityKey.Create(Kind, name), stamp, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            // A name nobody was given may be anything a client pasted, a secret too: say no more than a malformed token does.
            return (null, $"no such token ({Malformed(token)})");
        }

        var expected = Convert.FromHexString(record.Sha256);
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return (null, $"wrong secret for token '{name}'");
        }

        return record.Revoked
            ? (null, $"token '{name}' was revoked")
            : (new Caller(record.Name, record.Role, record.Kinds, record.ActAs), "");
    }

    // The token's record as the store holds it now. Every request asks the store how many versions the
    // record has (one indexed read of its head row); only when that changed (made, revoked, made again, on
    // any instance) is the record itself read again. A record's version never changes its content, so the
    // copy kept here is the store's, and a revoke is refused from the next request on, everywhere. A store
    // with a change stamp lets even the count be skipped while the stamp is the one it was counted under.
    private async Task<TokenRecord?> RecordAsync(EntityKey key, string? stamp, CancellationToken cancellationToken)
    {
        if (stamp is not null && _records.TryGetValue(key.Id, out var current) && current.Stamp == stamp)
        {
            return current.Record;
        }

        var versions = await store.CountVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        if (versions == 0)
        {
            return null;
        }

        if (_records.TryGetValue(key.Id, out var known) && known.Versions == versions)
        {
            // Counted after the stamp was read, so the copy is at least as new as that stamp.
            _records[key.Id] = known with { Stamp = stamp };
            return known.Record;
        }

        // Counted before this read: if a revoke lands in between, the copy is newer than its count, never older.
        var head = await store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var record = TokenRecord.FromJson(head.Content);
        if (_records.Count >= MaxKeptRecords)
        {
            _records.Clear();
        }

        _records[key.Id] = (versions, stamp, record);
        return record;
    }

    private async Task AppendAsync(EntityKey key, TokenRecord record, string by, int expectedVersion, string message, CancellationToken cancellationToken)
    {
        var content = CanonicalJson.CreateDocument(record.ToJson());
        var now = _time.GetUtcNow().ToUniversalTime();
        var request = new AppendRequest(key, content, by, new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero))
        {
            Message = message,
            ExpectedVersion = expectedVersion,
        };
        await store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How a token that does not parse is logged: <c>malformed token 'vt1.ab.'</c>, at most its first 8
    /// characters and never into its secret (past its second dot); a text not shaped like a token at all
    /// might be a secret pasted alone, so only its length is said.
    /// </summary>
    public static string Malformed(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"malformed token ({token.Length} characters, not starting with '{Prefix}')";
        }

        var second = token.IndexOf('.', Prefix.Length);
        var shown = token[..Math.Min(8, second < 0 ? Prefix.Length : second + 1)];
        return $"malformed token '{string.Concat(shown.Where(c => !char.IsControl(c)))}'";
    }

    // Base64url of 32 bytes, as Base64UrlSecret writes it.
    private static bool IsSecret(ReadOnlySpan<char> text)
    {
        if (text.Length != SecretLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private const int SecretLength = 43;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
