using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Naming;

namespace Verso.Model.Lineage;

/// <summary>
/// Where an entity stands in its source's history: whether it is active or retired, and the entity it was
/// renamed from (a recast agent keeps its predecessor's history). Kept as its own versioned record of kind
/// <see cref="Kind"/>, id <c>&lt;kind&gt;.&lt;id&gt;</c>, so that status and renames have a history (who
/// retired an agent, at which commit) without touching the entity's own versions: an agent's status is
/// volatile in its record, and a rename must not change the content hash of any charter.
/// </summary>
/// <param name="Entity">The entity this record is about.</param>
/// <param name="Status">Its status in the source: <see cref="Active"/>, <see cref="Retired"/>, or null when the source does not say.</param>
/// <param name="RenamedFrom">The entity it was renamed (recast) from, when it was.</param>
public sealed record EntityLineage(EntityKey Entity, string? Status, EntityKey? RenamedFrom)
{
    /// <summary>The kind of lineage records.</summary>
    public const string Kind = "lineage";

    /// <summary>The status of an entity in use.</summary>
    public const string Active = "active";

    /// <summary>The status of an entity kept for its history only (a Squad agent moved to <c>_alumni/</c>).</summary>
    public const string Retired = "retired";

    /// <summary>The key of <paramref name="entity"/>'s lineage record: <c>lineage/&lt;kind&gt;.&lt;id&gt;</c>.</summary>
    /// <exception cref="Errors.InvalidNameException">The combined id is longer than an id may be.</exception>
    public static EntityKey KeyOf(EntityKey entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return EntityKey.Create(Kind, $"{entity.Kind}.{entity.Id}");
    }

    /// <summary>The record's canonical JSON: <c>{"entity":…,"renamed_from":…,"status":…}</c>, absent members left out.</summary>
    public CanonicalDocument ToCanonical()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("entity", Entity.ToString());
            if (RenamedFrom is { } from)
            {
                writer.WriteString("renamed_from", from.ToString());
            }

            if (Status is { } status)
            {
                writer.WriteString("status", status);
            }

            writer.WriteEndObject();
        }

        return CanonicalJson.CreateDocument(buffer.ToArray());
    }

    /// <summary>Reads a stored lineage record; null when the content is not one (e.g. an erased version).</summary>
    public static EntityLineage? FromJson(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entity", out var entity) || entity.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new EntityLineage(
                EntityKey.Parse(entity.GetString()!),
                root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null,
                root.TryGetProperty("renamed_from", out var from) && from.ValueKind == JsonValueKind.String ? EntityKey.Parse(from.GetString()!) : null);
        }
        catch (Exception exception) when (exception is JsonException or Errors.VersoException)
        {
            return null;
        }
    }
}
