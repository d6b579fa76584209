using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Documents.Diff;
using Verso.Documents.Diff.Rendering;
using Verso.Naming;

namespace Verso.Model.Kinds;

/// <summary>
/// Describes a kind of versioned entity: its name, the volatile fields left out of every version,
/// and the schema version its records are written under. A kind name that no code registered is a
/// <em>document kind</em>: any JSON object, nothing volatile (see <see cref="Document"/>).
/// </summary>
public class EntityKind
{
    /// <summary>Creates a kind.</summary>
    /// <exception cref="Errors.InvalidNameException">The name breaks the kind naming rule.</exception>
    public EntityKind(string name)
    {
        EntityKey.ValidateKind(name);
        Name = name;
    }

    /// <summary>The kind name, e.g. <c>agent</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// RFC 6901 pointers of runtime state (e.g. <c>/status</c>) removed before hashing and storing,
    /// so stored bytes always hash to their content hash and a rollback never restores runtime state.
    /// </summary>
    public JsonPointerSet VolatileFields { get; init; } = JsonPointerSet.Empty;

    /// <summary>The schema version new versions are written under.</summary>
    public int SchemaVersion
    {
        get => _schemaVersion;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _schemaVersion = value;
        }
    }

    /// <summary>How the kind's arrays and strings are compared: keyed arrays, sets, prose.</summary>
    public DiffRules DiffRules { get; init; } = DiffRules.Default;

    /// <summary>How a diff of two records of this kind reads for people.</summary>
    public IDiffRenderer DiffRenderer { get; init; } = DefaultDiffRenderer.Instance;

    /// <summary>Checks records of this kind beyond JSON; none for a document kind.</summary>
    public IRecordValidator? Validator { get; init; }

    /// <summary>Where the kind's records declare MCP tools, whose schemas compat judges by direction; none for most kinds.</summary>
    public Versioning.Tools.IToolLocator? Tools { get; init; }

    /// <summary>Reads the versions a record pins; none for most kinds.</summary>
    public IReferenceReader? References { get; init; }

    /// <summary>The versions the record in <paramref name="utf8Json"/> pins; empty for a kind without <see cref="References"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The bytes are not JSON.</exception>
    public ImmutableArray<PinnedRef> ReferencesIn(ReadOnlyMemory<byte> utf8Json)
    {
        if (References is not { } reader)
        {
            return [];
        }

        using var document = System.Text.Json.JsonDocument.Parse(utf8Json, Documents.Canonical.JsonLimits.Document);
        return [.. reader.ReferencesOf(document.RootElement)];
    }

    /// <summary>
    /// RFC 6901 pointers of the fields that change behaviour (a difference at or under one of them makes
    /// a replay breaking); null means every field does, as for a document kind.
    /// </summary>
    public ImmutableArray<string>? BehaviourFields { get; init; }

    /// <summary>
    /// Upcasters by the schema version they read: the function at key n turns a record written under schema
    /// n into schema n + 1, over JSON. Stored bytes and hashes never change; old versions are upcast as
    /// they are read, so every version still reads as today's record.
    /// </summary>
    public ImmutableDictionary<int, Func<JsonObject, JsonObject>> Upcasters { get; init; } =
        ImmutableDictionary<int, Func<JsonObject, JsonObject>>.Empty;

    /// <summary>Brings content written under <paramref name="fromSchema"/> up to <see cref="SchemaVersion"/>.</summary>
    /// <exception cref="InvalidOperationException">The content is from a newer schema, or an upcaster is missing.</exception>
    public JsonObject Upcast(JsonObject content, int fromSchema)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (fromSchema > SchemaVersion)
        {
            throw new InvalidOperationException($"written under schema {fromSchema}, newer than {Name}'s {SchemaVersion}");
        }

        for (var schema = fromSchema; schema < SchemaVersion; schema++)
        {
            content = Upcasters.TryGetValue(schema, out var upcast)
                ? upcast(content)
                : throw new InvalidOperationException($"no upcaster from {Name} schema {schema} to {schema + 1}");
        }

        return content;
    }

    /// <summary>Whether this kind was made up for a name no code registered.</summary>
    public bool IsDocumentKind { get; private init; }

    private readonly int _schemaVersion = 1;

    /// <summary>The kind for a name no code registered: any JSON object, nothing volatile, schema 1.</summary>
    public static EntityKind Document(string name) => new(name) { IsDocumentKind = true };

    /// <inheritdoc />
    public override string ToString() => Name;
}
