using System.Collections.Immutable;
using System.Text.Json;

namespace Verso.Server.Security;

/// <summary>
/// A bearer token as the store keeps it: a record of the reserved kind <c>verso-token</c>, one entity per
/// token name, so every add and revoke is a version (who, when) and every instance on the store sees it.
/// Only the SHA-256 of the token is kept; the token itself is shown once, when it is made.
/// </summary>
/// <param name="Name">The token's name: recorded as saved_by for what it writes.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Kinds">The kinds it is limited to; empty for every kind.</param>
/// <param name="ActAs">Whether it may name another saved_by.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the whole token text.</param>
/// <param name="Revoked">Whether it was revoked; a revoked token is refused at once.</param>
public sealed record TokenRecord(string Name, ApiRole Role, ImmutableArray<string> Kinds, bool ActAs, string Sha256, bool Revoked)
{
    /// <summary>The record as JSON (canonicalized by the caller before it is stored).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            writer.WriteString("role", Caller.Describe(Role));
            writer.WriteStartArray("kinds");
            foreach (var kind in Kinds)
            {
                writer.WriteStringValue(kind);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("act_as", ActAs);
            writer.WriteString("sha256", Sha256);
            writer.WriteBoolean("revoked", Revoked);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="JsonException">The content is not a token record.</exception>
    public static TokenRecord FromJson(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new TokenRecord(
            root.GetProperty("name").GetString() ?? throw new JsonException("token name is null"),
            ParseRole(root.GetProperty("role").GetString()) ?? throw new JsonException("unknown token role"),
            [.. root.GetProperty("kinds").EnumerateArray().Select(k => k.GetString() ?? throw new JsonException("token kind is null"))],
            root.GetProperty("act_as").GetBoolean(),
            root.GetProperty("sha256").GetString() ?? throw new JsonException("token hash is null"),
            root.GetProperty("revoked").GetBoolean());
    }

    /// <summary>The role a name stands for (<c>reader</c>, <c>writer</c>, <c>admin</c>), or null.</summary>
    public static ApiRole? ParseRole(string? name) => name switch
    {
        "reader" => ApiRole.Reader,
        "writer" => ApiRole.Writer,
        "admin" => ApiRole.Admin,
        _ => null,
    };
}
