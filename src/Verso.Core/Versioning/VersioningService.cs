using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

/// <summary>
/// Turns JSON into versions and refs into snapshots: canonicalizes content (leaving out the kind's
/// volatile fields), stamps who and when, and lets the store append atomically. The typed face is
/// <see cref="VersionedCollection{T}"/>, made by <see cref="Collection{T}"/>.
/// </summary>
public sealed partial class VersioningService
{
    private readonly TimeProvider _time;
    private readonly ILogger<VersioningService> _logger;

    /// <summary>Creates the service.</summary>
    public VersioningService(IVersionStore store, KindRegistry kinds, TimeProvider? time = null, ILogger<VersioningService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kinds);
        Store = store;
        Kinds = PolicyKinds.RegisterAll(kinds);
        Policies = new PolicyBook(store);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<VersioningService>.Instance;
    }

    /// <summary>The store versions are kept in.</summary>
    public IVersionStore Store { get; }

    /// <summary>The registered kinds.</summary>
    public KindRegistry Kinds { get; }

    /// <summary>The policies in force, which every save, rollback and tag move here obeys.</summary>
    public PolicyBook Policies { get; }

    /// <summary>The clock versions, reviews and checks are stamped with.</summary>
    public TimeProvider Time => _time;

    /// <summary>The canonical form of a record of <paramref name="kind"/>: a JSON object without its volatile fields.</summary>
    /// <exception cref="CanonicalJsonException">The JSON has no canonical form or is not an object.</exception>
    /// <exception cref="InvalidRecordException">The kind's validator found problems; each names its JSON path.</exception>
    public CanonicalDocument Canonicalize(string kind, ReadOnlySpan<byte> utf8Json)
    {
        var entityKind = Kinds.Resolve(kind);
        if (entityKind.Validator is not { } validator)
        {
            var document = CanonicalJson.CreateDocument(utf8Json, entityKind.VolatileFields);
            EnsureObject(kind, document.Utf8.Span);
            return document;
        }

        // One parse of the input: a validator that judges any spelling alike checks the parsed input and
        // the canonical form is written once, as for a document kind.
        return CanonicalJson.WithParsed(utf8Json, (kind, entityKind.VolatileFields, validator), static (input, state) =>
        {
            var (kind, volatileFields, validator) = state;
            if (validator.IsSpellingIndependent)
            {
                var canonical = CanonicalWriter.Write(input, volatileFields.Root);
                EnsureObject(kind, canonical);
                if (validator.Validate(input).Count == 0)
                {
                    return CanonicalDocument.FromCanonicalBytes(canonical);
                }
            }

            // Problems are reported on the whole canonical record, volatile fields included (runtime state must
            // be well-formed even though it is not kept), so their order and wording never depend on the spelling.
            var (whole, kept) = CanonicalWriter.WriteWholeAndKept(input, volatileFields.Root);
            EnsureObject(kind, kept);
            using (var record = JsonDocument.Parse(whole, JsonLimits.Document))
            {
                var problems = validator.Validate(record.RootElement);
                if (problems.Count > 0)
                {
                    throw new InvalidRecordException(kind, problems);
                }
            }

            return CanonicalDocument.FromCanonicalBytes(kept);
        });
    }

    private static void EnsureObject(string kind, ReadOnlySpan<byte> canonical)
    {
        if (canonical.IsEmpty || canonical[0] != (byte)'{')
        {
            throw new CanonicalJsonException($"a {kind} record must be a JSON object", "");
        }
    }

    /// <summary>Saves JSON as a new version of <paramref name="key"/> when it differs from the head (or when forced).</summary>
    /// <exception cref="CanonicalJsonException">The JSON has no canonical form or is not an object.</exception>
    /// <exception cref="VersionConflictException">The head is not <see cref="SaveOptions.ExpectedVersion"/>.</exception>
    public Task<AppendResult> SaveAsync(EntityKey key, ReadOnlyMemory<byte> utf8Json, SaveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SaveInputAsync(key, utf8Json, options, cancellationToken);
    }

    // The same bytes canonicalize to the same document (the kind's rules are fixed for the service's life), so a
    // save of the bytes that last came out unchanged reuses that document instead of parsing and hashing again;
    // the outcome is still decided under the store's change stamp, as for any save.
    private async Task<AppendResult> SaveInputAsync(EntityKey key, ReadOnlyMemory<byte> utf8Json, SaveOptions options, CancellationToken cancellationToken)
    {
        var remembered = RememberedCanonical(key, utf8Json.Span);
        var content = remembered ?? Canonicalize(key.Kind, utf8Json.Span);
        var result = await SaveAsync(key, content, options, cancellationToken).ConfigureAwait(false);
        RememberInput(key, utf8Json.Span, content, alreadyRemembered: remembered is not null, result);
        return result;
    }

    /// <summary>Saves canonical content as a new version of <paramref name="key"/> when it differs from the head (or when forced).</summary>
    /// <exception cref="VersionConflictException">The head is not <see cref="SaveOptions.ExpectedVersion"/>.</exception>
    /// <exception cref="RefusedException">A policy allows no direct saves of the entity, or its kind is reserved.</exception>
    /// <exception cref="InvalidRecordException">A policy record has a field its scope does not take.</exception>
    public async Task<AppendResult> SaveAsync(EntityKey key, CanonicalDocument content, SaveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        if (options.Operation == VersionOperation.Apply)
        {
            throw new ArgumentException("apply versions are written by ChangeRequestService.ApplyAsync", nameof(options));
        }

        var operation = options.Operation ?? (options.Force ? VersionOperation.Force : VersionOperation.Save);
        if (key.Kind == PolicyKinds.PolicyKind)
        {
            PolicyBook.EnsureFits(key.Id, content.Utf8);
        }

        // Read before anything else this save reads, so an outcome remembered under it is at least that new.
        var stamp = options.Force || operation != VersionOperation.Save ? null : await ChangeStampAsync(key, cancellationToken).ConfigureAwait(false);
        if (KnownUnchanged(key, content, options, stamp) is { } known)
        {
            return known;
        }

        if (await EnsureDirectChangeAllowedAsync(key, content, options.Force, operation, cancellationToken).ConfigureAwait(false) is { } unchanged)
        {
            return Remember(key, stamp, unchanged);
        }

        return Remember(key, stamp, await AppendAsync(key, content, options, operation, revertOf: null, Kinds.Resolve(key.Kind).SchemaVersion, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Appends a version whose content is version <paramref name="toVersion"/>'s (operation rollback,
    /// <c>revert_of</c> recorded, the message kept as the reason). When the head already has that content,
    /// nothing is appended and the result says <see cref="AppendOutcome.Unchanged"/>.
    /// </summary>
    /// <exception cref="NotFoundException">The version to roll back to does not exist.</exception>
    /// <exception cref="VersionConflictException">The head is not <see cref="SaveOptions.ExpectedVersion"/>.</exception>
    /// <exception cref="RefusedException">A policy allows no direct changes of the entity, or its kind is reserved.</exception>
    public async Task<AppendResult> RollbackAsync(EntityKey key, int toVersion, SaveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        EnsureWritable(key, VersionOperation.Rollback.ToName());
        var target = await GetAsync(VersionRef.ForVersion(key, toVersion), cancellationToken).ConfigureAwait(false);
        // The stored bytes are canonical already: the rolled-back version hashes exactly as the old one did.
        var content = CanonicalDocument.FromCanonicalBytes(target.Content.ToArray());
        if (await EnsureDirectChangeAllowedAsync(key, content, options.Force, VersionOperation.Rollback, cancellationToken).ConfigureAwait(false) is { } unchanged)
        {
            return unchanged;
        }

        return await AppendAsync(key, content, options, VersionOperation.Rollback, toVersion, target.SchemaVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version a ref names.</summary>
    /// <exception cref="NotFoundException">No such entity, version or hash.</exception>
    /// <exception cref="AmbiguousHashPrefixException">A hash prefix matches more than one version.</exception>
    public async Task<Snapshot> GetAsync(VersionRef reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        switch (reference.Selector)
        {
            case VersionSelector.Number:
                return await Store.GetVersionAsync(reference.Key, reference.Version, cancellationToken).ConfigureAwait(false)
                    ?? throw await NotFoundAsync(reference, cancellationToken).ConfigureAwait(false);
            case VersionSelector.Hash:
                var matches = await Store.FindByHashAsync(reference.Key, reference.Hash, 2, cancellationToken).ConfigureAwait(false);
                return matches.Count switch
                {
                    0 => throw await NotFoundAsync(reference, cancellationToken).ConfigureAwait(false),
                    1 => matches[0],
                    _ => throw new AmbiguousHashPrefixException(reference.ToString()),
                };
            case VersionSelector.Tag:
                var tagged = await Store.GetTagAsync(reference.Key, reference.Tag!, cancellationToken).ConfigureAwait(false);
                return (tagged is { } taggedVersion ? await Store.GetVersionAsync(reference.Key, taggedVersion, cancellationToken).ConfigureAwait(false) : null)
                    ?? throw await NotFoundAsync(reference, cancellationToken).ConfigureAwait(false);
            case VersionSelector.AsOf:
                return await Store.GetAsOfAsync(reference.Key, reference.Time, cancellationToken).ConfigureAwait(false)
                    ?? throw await NotFoundAsync(reference, cancellationToken).ConfigureAwait(false);
            default:
                return await Store.GetLatestAsync(reference.Key, cancellationToken).ConfigureAwait(false)
                    ?? throw await NotFoundAsync(reference, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Points tag <paramref name="name"/> at the version <paramref name="target"/> names, recording who, when and why.</summary>
    /// <returns>The move, or null when the tag already pointed there.</returns>
    /// <exception cref="InvalidNameException">The tag name breaks the rule.</exception>
    /// <exception cref="NotFoundException">The version does not exist.</exception>
    /// <exception cref="RefusedException">The tag's policy requires checks the version does not pass.</exception>
    /// <exception cref="ContentRemovedException">The version's content was pruned or erased.</exception>
    public async Task<TagMove?> TagAsync(VersionRef target, string name, string movedBy, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(movedBy);
        TagNames.Validate(name);
        EnsureWritable(target.Key, "tag move");
        var version = await GetAsync(target, cancellationToken).ConfigureAwait(false);
        if (version.Removal is { } removal)
        {
            // A tag names a version to read back (production, the one under review): one without content cannot be.
            throw new ContentRemovedException(version.Ref.ToString(), removal);
        }

        await EnsureTagAllowedAsync(version, name, cancellationToken).ConfigureAwait(false);
        var move = new TagMove(version.Key, name, null, version.Version, movedBy, Now(), reason);
        var moved = await Store.MoveTagAsync(move, cancellationToken).ConfigureAwait(false);
        await SignMoveAsync(moved, cancellationToken).ConfigureAwait(false);
        return moved;
    }

    /// <summary>An entity's history, newest first.</summary>
    public async IAsyncEnumerable<Snapshot> GetHistoryAsync(
        EntityKey key,
        int offset = 0,
        int limit = int.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in Store.GetHistoryAsync(key, offset, limit, cancellationToken).ConfigureAwait(false))
        {
            yield return snapshot;
        }
    }

    /// <summary>
    /// A page of an entity's history older than <paramref name="beforeVersion"/>, newest first: pass the
    /// last version of the previous page as the cursor; each page costs what the first costs.
    /// </summary>
    public IAsyncEnumerable<Snapshot> GetHistoryBeforeAsync(EntityKey key, int beforeVersion, int limit, CancellationToken cancellationToken = default) =>
        Store.GetHistoryBeforeAsync(key, beforeVersion, limit, cancellationToken);

    /// <summary>
    /// Saves many contents, of one entity or many, in one store transaction: all or nothing, each checked
    /// as <see cref="SaveAsync(EntityKey, CanonicalDocument, SaveOptions, CancellationToken)"/> checks it, in order.
    /// </summary>
    /// <returns>One result per save, in order.</returns>
    /// <exception cref="VersionConflictException">A save's head is not its expected version; nothing was saved.</exception>
    /// <exception cref="InvalidReferenceException">A content pins a version that does not exist; nothing was saved.</exception>
    public async Task<IReadOnlyList<AppendResult>> SaveBatchAsync(IReadOnlyList<BatchSave> saves, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saves);
        // A reserved record equal to its head is left out (re-importing an export changes nothing); any other is refused whole.
        var unchanged = await UnchangedReservedAsync(saves, cancellationToken).ConfigureAwait(false);
        var requests = saves.Where((_, i) => unchanged[i] is null).Select(save =>
        {
            var operation = save.Options.Operation ?? (save.Options.Force ? VersionOperation.Force : VersionOperation.Save);
            return RequestFor(save.Key, save.Content, save.Options, operation, revertOf: null, Kinds.Resolve(save.Key.Kind).SchemaVersion);
        }).ToArray();
        IReadOnlyList<AppendResult> appended = requests.Length == 0 ? [] : await Store.AppendBatchAsync(requests, cancellationToken).ConfigureAwait(false);
        var next = 0;
        var results = unchanged.Select(u => u ?? appended[next++]).ToList();
        foreach (var created in appended)
        {
            await SignCreatedAsync(created, cancellationToken).ConfigureAwait(false);
        }

        _logger.LogDebug("batch of {Count}: {Created} created", results.Count, results.Count(r => r.Outcome == AppendOutcome.Created));
        return results;
    }

    private async Task<AppendResult> AppendAsync(
        EntityKey key, CanonicalDocument content, SaveOptions options, VersionOperation operation, int? revertOf, int schemaVersion, CancellationToken cancellationToken, string? owner = null)
    {
        var request = RequestFor(key, content, options, operation, revertOf, schemaVersion, owner);
        var result = await Store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
        await SignCreatedAsync(result, cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("{Outcome} {Ref} {Hash}", result.Outcome, result.Head.Ref, result.Head.Hash);
        return result;
    }

    // Every append is built here, so every one passes the reserved-kind guard.
    private AppendRequest RequestFor(EntityKey key, CanonicalDocument content, SaveOptions options, VersionOperation operation, int? revertOf, int schemaVersion, string? owner = null)
    {
        EnsureWritable(key, operation.ToName(), owner);
        return new AppendRequest(key, content, options.SavedBy, TruncateToMicroseconds(options.SavedAt ?? _time.GetUtcNow()))
        {
            Message = options.Message,
            ExpectedVersion = options.ExpectedVersion,
            Force = options.Force,
            Operation = operation,
            SchemaVersion = schemaVersion,
            RevertOf = revertOf,
            References = ReferencesOf(key.Kind, content),
            Source = options.Source,
            ExpectsChange = ExpectsChange(key, content, options),
        };
    }

    /// <summary>The typed face of one kind.</summary>
    public VersionedCollection<T> Collection<T>(EntityKind<T> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var registered = Kinds.Resolve(kind.Name);
        if (!registered.IsDocumentKind && !ReferenceEquals(registered, kind))
        {
            throw new InvalidOperationException($"another kind named '{kind.Name}' is registered");
        }

        return new VersionedCollection<T>(this, kind);
    }

    /// <summary>The versions a record of <paramref name="kind"/> pins, read by the kind's reference reader.</summary>
    public ImmutableArray<PinnedRef> ReferencesOf(string kind, CanonicalDocument content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Kinds.Resolve(kind).ReferencesIn(content.Utf8);
    }

    /// <summary>Reads canonical content as a record.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The kind's options carry the metadata: reflection where it is enabled, a source-generated resolver under NativeAOT (as Verso.Agents' kinds have).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The kind's options carry the metadata: reflection where it is enabled, a source-generated resolver under NativeAOT (as Verso.Agents' kinds have).")]
    internal static T Deserialize<T>(Snapshot snapshot, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(snapshot.Content.Span, options)
        ?? throw new InvalidOperationException($"{snapshot.Ref} holds null");

    /// <summary>The clock's time, at the microseconds every store keeps.</summary>
    internal DateTimeOffset Now() => TruncateToMicroseconds(_time.GetUtcNow());

    // Stores keep microseconds (PostgreSQL's resolution), so every backend returns the instant it was given.
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    private async Task<NotFoundException> NotFoundAsync(VersionRef reference, CancellationToken cancellationToken)
    {
        var head = await Store.CountVersionsAsync(reference.Key, cancellationToken).ConfigureAwait(false);
        var what = head == 0
            ? $"{reference.Key} does not exist"
            : reference.Selector switch
            {
                VersionSelector.Hash => $"no version of {reference.Key} has a hash starting with {reference.Hash.Hex}",
                VersionSelector.AsOf => $"{reference.Key} had no version yet at {Timestamp.Format(reference.Time)}",
                VersionSelector.Tag => $"{reference.Key} has no tag '{reference.Tag}'",
                _ => $"{reference} does not exist; {reference.Key} has versions 1..{head}",
            };
        return new NotFoundException(reference.ToString(), $"not found: {what}");
    }
}
