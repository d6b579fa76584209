using System.Text.Json;
using Verso.Naming;
using Verso.Server.Security;

namespace Verso.Server.Endpoints;

/// <summary>The JSON shape of a token (never its secret), shared by the API and <c>verso token list --json</c>.</summary>
public static class TokenJson
{
    /// <summary>Writes <c>name, role, kinds, act_as, revoked</c> and, with a version, <c>changed_by, changed_at</c>.</summary>
    public static void Write(Utf8JsonWriter writer, TokenRecord record, Snapshots.Snapshot? version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteString("name", record.Name);
        writer.WriteString("role", Caller.Describe(record.Role));
        writer.WriteStartArray("kinds");
        foreach (var kind in record.Kinds)
        {
            writer.WriteStringValue(kind);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("act_as", record.ActAs);
        writer.WriteBoolean("revoked", record.Revoked);
        if (version is not null)
        {
            writer.WriteString("changed_by", version.SavedBy);
            writer.WriteString("changed_at", Timestamp.Format(version.SavedAt));
        }
    }
}
