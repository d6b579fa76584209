using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Synthorg;

/// <summary>
/// Moves the seed platform's version tables (synthorg's SQLite database: <c>agent_identity_versions</c> and every
/// table with the columns <c>entity_id, version, content_hash, snapshot, saved_by, saved_at</c>) into a store,
/// keeping each row's number, author and time (operation import), checking each row's hash with the platform's
/// own formula, one transaction per entity, and importing nothing twice.
/// </summary>
public sealed class SynthorgImporter(VersioningService service)
{
    private static readonly string[] Columns = ["entity_id", "version", "content_hash", "snapshot", "saved_by", "saved_at"];

    /// <summary>The kind a table becomes when not mapped: its name without <c>_versions</c>, underscores as hyphens.</summary>
    public static string DefaultKind(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = table.EndsWith("_versions", StringComparison.Ordinal) ? table[..^"_versions".Length] : table;
        return name.Replace('_', '-').ToLowerInvariant();
    }

    /// <summary>The seed platform's hash of a snapshot's JSON text: SHA-256 hex of <c>json.dumps(…, sort_keys=True)</c>.</summary>
    public static string PlatformHash(string snapshotJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PythonJson.Dumps(snapshotJson))));

    /// <summary>Imports the version tables of the database at <paramref name="path"/>.</summary>
    /// <param name="path">The platform's SQLite file (opened read-only).</param>
    /// <param name="kinds">Table name → kind; a table named here is read even without the usual name, the others get <see cref="DefaultKind"/>.</param>
    /// <param name="cancellationToken">Cancels the import between entities.</param>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="InvalidNameException">A kind or an entity id is not a valid Verso name.</exception>
    public async Task<SynthorgImportReport> ImportAsync(string path, IReadOnlyDictionary<string, string> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no database at {path}", path);
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        var tables = new List<(string Table, string Kind)>();
        foreach (var table in await ReadingAsync(path, async () =>
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await VersionTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false))
        {
            tables.Add((table, kinds.TryGetValue(table, out var kind) ? kind : DefaultKind(table)));
        }

        foreach (var name in kinds.Keys.Where(name => tables.All(t => t.Table != name)))
        {
            throw new InvalidNameException("table", name, $"no table '{name}' with the columns {string.Join(", ", Columns)} in {path}");
        }

        var mismatches = ImmutableArray.CreateBuilder<string>();
        var refused = ImmutableArray.CreateBuilder<(string, string)>();
        int entities = 0, created = 0, unchanged = 0;
        foreach (var (table, kind) in tables)
        {
            EntityKey.ValidateKind(kind);
            foreach (var (id, rows) in await ReadingAsync(path, () => ReadRowsAsync(connection, table, cancellationToken)).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = await ImportEntityAsync(kind, id, rows, mismatches, cancellationToken).ConfigureAwait(false);
                if (outcome.Refusal is { } reason)
                {
                    refused.Add(($"{kind}/{id}", reason));
                    continue;
                }

                entities++;
                created += outcome.Created;
                unchanged += outcome.Unchanged;
            }
        }

        return new SynthorgImportReport([.. tables], entities, created, unchanged, mismatches.ToImmutable(), refused.ToImmutable());
    }

    private async Task<(int Created, int Unchanged, string? Refusal)> ImportEntityAsync(
        string kind, string id, List<Row> rows, ImmutableArray<string>.Builder mismatches, CancellationToken cancellationToken)
    {
        EntityKey key;
        try
        {
            key = EntityKey.Create(kind, id);
        }
        catch (InvalidNameException invalid)
        {
            return (0, 0, invalid.Message);
        }

        var versions = new List<ImportedVersion>(rows.Count);
        var expected = 1;
        foreach (var row in rows)
        {
            var reference = $"{kind}/{id}@{row.Version}";
            if (row.Version != expected)
            {
                // Verso's numbers are gapless and kept as they were: an entity with a hole cannot keep them.
                return (0, 0, $"version {expected} is missing (the next row is {row.Version}): numbers must be gapless to be kept");
            }

            expected++;
            if (!Timestamp.TryParseUtc(row.SavedAt, out var savedAt))
            {
                return (0, 0, $"{reference}: saved_at '{row.SavedAt}' is not an ISO 8601 UTC time");
            }

            try
            {
                if (!string.Equals(PlatformHash(row.Snapshot), row.ContentHash, StringComparison.Ordinal))
                {
                    mismatches.Add(reference);
                }

                var content = service.Canonicalize(kind, Encoding.UTF8.GetBytes(row.Snapshot));
                versions.Add(new ImportedVersion(key, row.Version, content, string.IsNullOrWhiteSpace(row.SavedBy) ? "unknown" : row.SavedBy, savedAt));
            }
            catch (Exception exception) when (exception is System.Text.Json.JsonException or VersoException)
            {
                return (0, 0, $"{reference}: {exception.Message}");
            }
        }

        try
        {
            var results = await service.ImportAsync(versions, cancellationToken).ConfigureAwait(false);
            var made = results.Count(r => r.Outcome == AppendOutcome.Created);
            return (made, results.Count - made, null);
        }
        catch (ImportConflictException conflict)
        {
            return (0, 0, conflict.Message);
        }
    }

    // A file that is not SQLite, or a row whose columns do not read as text and numbers, is bad input: one line naming the file.
    private static async Task<T> ReadingAsync<T>(string path, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqliteException or InvalidCastException or FormatException)
        {
            throw new Errors.RecordFileException($"{path} is not a readable seed platform database: {exception.Message}", innerException: exception);
        }
    }

    private static async Task<List<string>> VersionTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new List<string>();
        foreach (var name in names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_table_info($table);";
            command.Parameters.AddWithValue("$table", name);
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                columns.Add(reader.GetString(0));
            }

            if (Columns.All(columns.Contains))
            {
                tables.Add(name);
            }
        }

        return tables;
    }

    private static async Task<List<(string Id, List<Row> Rows)>> ReadRowsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var entities = new List<(string, List<Row>)>();
        await using var command = connection.CreateCommand();
        // The name comes from sqlite_master and is quoted: no input of the user reaches the SQL.
        command.CommandText = $"SELECT entity_id, version, content_hash, snapshot, saved_by, saved_at FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY entity_id, version;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            var row = new Row(reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? "" : reader.GetString(4), reader.GetString(5));
            if (entities.Count == 0 || entities[^1].Item1 != id)
            {
                entities.Add((id, []));
            }

            entities[^1].Item2.Add(row);
        }

        return entities;
    }

    private sealed record Row(int Version, string ContentHash, string Snapshot, string SavedBy, string SavedAt);
}
