using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Versioning;

/// <summary>
/// The typed face of one kind: records of <typeparamref name="T"/> in, <see cref="VersionSnapshot{T}"/> out.
/// Records map to canonical bytes and back through System.Text.Json with the kind's options.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class VersionedCollection<T>
{
    private readonly VersioningService _service;

    internal VersionedCollection(VersioningService service, EntityKind<T> kind)
    {
        _service = service;
        Kind = kind;
    }

    /// <summary>The kind this collection versions.</summary>
    public EntityKind<T> Kind { get; }

    /// <summary>Saves a record as a new version when it differs from the head; the id comes from the record.</summary>
    /// <exception cref="Errors.VersionConflictException">The head is not <see cref="SaveOptions.ExpectedVersion"/>.</exception>
    public Task<SaveResult<T>> SaveAsync(T record, SaveOptions options, CancellationToken cancellationToken = default) =>
        SaveCoreAsync(record, options, cancellationToken);

    /// <summary>Saves a record as a new version even when it equals the head.</summary>
    /// <exception cref="Errors.VersionConflictException">The head is not <see cref="SaveOptions.ExpectedVersion"/>.</exception>
    public Task<SaveResult<T>> ForceSaveAsync(T record, SaveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SaveCoreAsync(record, options with { Force = true }, cancellationToken);
    }

    /// <summary>The head of an entity, or null when it has no version.</summary>
    public async Task<VersionSnapshot<T>?> GetLatestAsync(string id, CancellationToken cancellationToken = default)
    {
        var snapshot = await _service.Store.GetLatestAsync(KeyOf(id), cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : Typed(snapshot);
    }

    /// <summary>One version of an entity, or null when it does not exist.</summary>
    public async Task<VersionSnapshot<T>?> GetAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        var snapshot = await _service.Store.GetVersionAsync(KeyOf(id), version, cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : Typed(snapshot);
    }

    /// <summary>An entity's history, newest first.</summary>
    public async IAsyncEnumerable<VersionSnapshot<T>> GetHistoryAsync(
        string id,
        int offset = 0,
        int limit = int.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in _service.GetHistoryAsync(KeyOf(id), offset, limit, cancellationToken).ConfigureAwait(false))
        {
            yield return Typed(snapshot);
        }
    }

    /// <summary>
    /// An entity's history, newest first, where a version that cannot be read as today's record (a missing
    /// upcaster, content the record rejects) is reported with its problem instead of failing the listing.
    /// </summary>
    public async IAsyncEnumerable<VersionRead<T>> ReadHistoryAsync(
        string id,
        int offset = 0,
        int limit = int.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in _service.GetHistoryAsync(KeyOf(id), offset, limit, cancellationToken).ConfigureAwait(false))
        {
            VersionRead<T> read;
            try
            {
                read = new VersionRead<T>(snapshot, Typed(snapshot).Record, null);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or Errors.ContentRemovedException)
            {
                read = new VersionRead<T>(snapshot, default, exception.Message);
            }

            yield return read;
        }
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The kind's options carry the metadata: reflection where it is enabled, a source-generated resolver under NativeAOT (as Verso.Agents' kinds have).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The kind's options carry the metadata: reflection where it is enabled, a source-generated resolver under NativeAOT (as Verso.Agents' kinds have).")]
    private async Task<SaveResult<T>> SaveCoreAsync(T record, SaveOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = KeyOf(Kind.IdOf(record));
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Kind.SerializerOptions);
        var result = await _service.SaveAsync(key, json, options, cancellationToken).ConfigureAwait(false);
        return new SaveResult<T>(result.Outcome, Typed(result.Head));
    }

    private EntityKey KeyOf(string id) => EntityKey.Create(Kind.Name, id);

    // Versions written under an older schema are upcast on the way out; their stored bytes never change.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The kind's options carry the metadata: reflection where it is enabled, a source-generated resolver under NativeAOT (as Verso.Agents' kinds have).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The kind's options carry the metadata: reflection where it is enabled, a source-generated resolver under NativeAOT (as Verso.Agents' kinds have).")]
    private VersionSnapshot<T> Typed(Snapshot snapshot)
    {
        if (snapshot.SchemaVersion == Kind.SchemaVersion)
        {
            return new(snapshot, VersioningService.Deserialize<T>(snapshot, Kind.SerializerOptions));
        }

        var content = Documents.Canonical.JsonLimits.ParseNode(snapshot.Content.Span) as JsonObject
            ?? throw new InvalidOperationException($"{snapshot.Ref} is not a JSON object");
        var upcast = Kind.Upcast(content, snapshot.SchemaVersion);
        return new(snapshot, upcast.Deserialize<T>(Kind.SerializerOptions) ?? throw new InvalidOperationException($"{snapshot.Ref} holds null"));
    }
}
