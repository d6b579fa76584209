using System.Data.Common;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage.Relational.Dialects;

namespace Verso.Storage.Relational.Writing;

/// <summary>Inside an append's transaction: every pinned version must exist with the pinned hash (both stores).</summary>
internal static class ReferenceChecks
{
    /// <summary>The pinned version's entity key and hash, by kind, id and version (parameters 1 to 3).</summary>
    public static string Select(SqlDialect dialect) => $"""
        SELECT e.entity_pk, v.hash FROM {dialect.Table("versions")} v JOIN {dialect.Table("entities")} e ON e.entity_pk = v.entity_pk
        WHERE e.kind = {dialect.Parameter(1, "kind")} AND e.id = {dialect.Parameter(2, "id")} AND v.version = {dialect.Parameter(3, "version")}
        """;

    /// <summary>The target of <paramref name="reference"/> from <paramref name="command"/> (a <see cref="Select"/> with its parameters set).</summary>
    /// <exception cref="InvalidReferenceException">No such version, or it has another hash.</exception>
    public static async Task<(long TargetPk, int TargetVersion)> CheckAsync(PinnedRef reference, DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidReferenceException(reference, "no such version");
        }

        var stored = Hashes.HashColumns.Hex(reader, 1);
        if (stored != reference.Hash.Hex)
        {
            throw new InvalidReferenceException(reference, $"that version's hash is sha256:{stored}");
        }

        return (reader.GetInt64(0), reference.Version);
    }
}
