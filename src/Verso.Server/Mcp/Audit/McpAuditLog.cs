using System.Buffers;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Server.Mcp.Audit;

/// <summary>
/// The audit trail of MCP writes: every call of a write tool, whatever its outcome, is the next version of
/// <c>verso-mcp-audit/TOKEN</c> — which token, which tool, the SHA-256 of the arguments' canonical JSON, and
/// the version it produced (also pinned, so the audit entry is a referrer of it) or the problem that refused
/// it. A reserved kind written by this service alone, straight to the store as the token service writes
/// tokens: no client saves, edits or rolls one back, and <c>verso log verso-mcp-audit/TOKEN</c> reads it.
/// </summary>
public sealed class McpAuditLog(IVersionStore store, TimeProvider? time = null)
{
    /// <summary>The reserved kind the entries are kept as.</summary>
    public const string Kind = "verso-mcp-audit";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Appends one entry and answers its ref.</summary>
    /// <param name="caller">Who called (the entity is named after the token).</param>
    /// <param name="tool">The tool's name.</param>
    /// <param name="argumentsSha256">The hash of the arguments' canonical JSON.</param>
    /// <param name="produced">The version the call produced; null when it was refused.</param>
    /// <param name="problemType">The problem type of a refused call.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    public async Task<VersionRef> RecordAsync(
        Caller caller, string tool, string argumentsSha256, PinnedRef? produced, string? problemType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = EntityKey.Create(Kind, caller.Name);
        var now = _time.GetUtcNow().ToUniversalTime();
        // Versions keep microseconds; the entry's own time says the same instant.
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
        var content = CanonicalJson.CreateDocument(Entry(caller, tool, argumentsSha256, produced, problemType, at));
        var request = new AppendRequest(key, content, caller.Name, at)
        {
            Message = produced is null ? $"{tool}: refused ({problemType})" : $"{tool}: {produced.Ref}",
            // Two identical calls in the same microsecond are still two calls.
            Force = true,
            References = produced is null ? [] : [produced],
        };
        var result = await store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
        return result.Head.Ref;
    }

    private static byte[] Entry(Caller caller, string tool, string argumentsSha256, PinnedRef? produced, string? problemType, DateTimeOffset at)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("token", caller.Name);
            writer.WriteString("role", Caller.Describe(caller.Role));
            writer.WriteString("tool", tool);
            writer.WriteString("arguments_sha256", argumentsSha256);
            writer.WriteString("outcome", produced is null ? "refused" : "ok");
            if (produced is not null)
            {
                writer.WriteString("produced", produced.Ref.ToString());
                writer.WriteString("produced_hash", produced.Hash.ToString());
            }
            else
            {
                writer.WriteString("problem", problemType);
            }

            writer.WriteString("at", Timestamp.Format(at));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
