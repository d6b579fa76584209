using Verso.Contracts.Tokens;
using Verso.Server.Security;
using Verso.Model.Snapshots;

namespace Verso.Server.Wire;

/// <summary>Tokens as the wire shows them (never their secret but once): <see cref="TokenRecord"/> mapped to <see cref="TokenInfo"/>.</summary>
public static class WireTokens
{
    /// <summary>A token; with the version that last changed it, who changed it and when.</summary>
    public static TokenInfo Of(TokenRecord record, Snapshot? version = null, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new TokenInfo
        {
            Name = record.Name,
            Role = Caller.Describe(record.Role),
            Kinds = [.. record.Kinds],
            ActAs = record.ActAs,
            Revoked = record.Revoked,
            ChangedBy = version?.SavedBy,
            ChangedAt = version?.SavedAt,
            Token = secret,
        };
    }

    /// <summary>Every token, in the order listed.</summary>
    public static TokenList Of(IEnumerable<(TokenRecord Record, Snapshot Version)> tokens) =>
        new() { Items = [.. tokens.Select(t => Of(t.Record, t.Version))] };
}
