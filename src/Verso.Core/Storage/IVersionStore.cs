using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;

namespace Verso.Storage;

/// <summary>
/// Where versions live. A store sees canonical bytes and hashes, never records. Every backend passes
/// the same contract tests; one instance is long-lived and safe to use from many threads.
/// </summary>
public interface IVersionStore
{
    /// <summary>Creates the store's schema, or migrates it to the current one. Safe to repeat.</summary>
    Task<SchemaUpgrade> InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a version in ONE atomic step: reads the head, checks <see cref="AppendRequest.ExpectedVersion"/>,
    /// skips when the content equals the head's (unless forced), allocates head+1 and writes the blob,
    /// the version and the new head.
    /// </summary>
    /// <exception cref="Errors.VersionConflictException">The head is not the expected version.</exception>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends many versions, of one entity or many, in ONE transaction: all or nothing. Each request is
    /// checked as <see cref="AppendAsync"/> checks it, against the heads the requests before it left
    /// (so a later request may expect, or pin, a version an earlier one appends); the first that fails
    /// fails the batch and nothing of it is written.
    /// </summary>
    /// <returns>One result per request, in order.</returns>
    /// <exception cref="Errors.VersionConflictException">A request's head is not its expected version.</exception>
    /// <exception cref="Errors.InvalidReferenceException">A request pins a version that does not exist with that hash.</exception>
    Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>The head of an entity, or null when it has no version.</summary>
    Task<Snapshot?> GetLatestAsync(EntityKey key, CancellationToken cancellationToken = default);

    /// <summary>One version of an entity, or null when it does not exist.</summary>
    Task<Snapshot?> GetVersionAsync(EntityKey key, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each distinct content hash of an entity that starts with <paramref name="prefix"/>, the newest
    /// version holding it (the same content saved twice, by force or rollback, is one hash at several
    /// versions); newest first, at most <paramref name="limit"/> (callers ask for 2 to detect an ambiguous prefix).
    /// </summary>
    Task<IReadOnlyList<Snapshot>> FindByHashAsync(EntityKey key, ContentHashPrefix prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>A page of an entity's history, newest first.</summary>
    /// <param name="key">The entity.</param>
    /// <param name="offset">How many of the newest versions to skip.</param>
    /// <param name="limit">The most versions to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<Snapshot> GetHistoryAsync(EntityKey key, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of an entity's history older than <paramref name="beforeVersion"/>, newest first: the keyset
    /// form of <see cref="GetHistoryAsync"/>, so a page deep in a long history costs what the first one costs.
    /// A cursor is the last version of the previous page; <see cref="int.MaxValue"/> starts at the head.
    /// </summary>
    /// <param name="key">The entity.</param>
    /// <param name="beforeVersion">Only versions numbered below this are returned.</param>
    /// <param name="limit">The most versions to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<Snapshot> GetHistoryBeforeAsync(EntityKey key, int beforeVersion, int limit, CancellationToken cancellationToken = default);

    /// <summary>The number of versions of an entity (its head version number).</summary>
    Task<int> CountVersionsAsync(EntityKey key, CancellationToken cancellationToken = default);

    /// <summary>The version in force at <paramref name="time"/>: the newest saved at or before it; null when none was.</summary>
    Task<Snapshot?> GetAsOfAsync(EntityKey key, DateTimeOffset time, CancellationToken cancellationToken = default);

    /// <summary>The versions that pin version <paramref name="version"/> of <paramref name="key"/>, ordered by kind, id and version.</summary>
    Task<IReadOnlyList<VersionRef>> FindReferrersAsync(EntityKey key, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Points tag <paramref name="move"/>.Name of an entity at a version, appending the move to the tag's
    /// history; returns null (and records nothing) when the tag already points there.
    /// </summary>
    /// <exception cref="Errors.NotFoundException">The version does not exist.</exception>
    Task<TagMove?> MoveTagAsync(TagMove move, CancellationToken cancellationToken = default);

    /// <summary>The version a tag points at, or null when the entity has no such tag.</summary>
    Task<int?> GetTagAsync(EntityKey key, string name, CancellationToken cancellationToken = default);

    /// <summary>An entity's tags, ordered by name.</summary>
    Task<IReadOnlyList<EntityTag>> ListTagsAsync(EntityKey key, CancellationToken cancellationToken = default);

    /// <summary>Every move of an entity's tags, ordered by tag name, then oldest first.</summary>
    Task<IReadOnlyList<TagMove>> GetTagHistoryAsync(EntityKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every version of every entity, ordered by kind, id and version, each with the bytes its blob holds
    /// (empty when the blob is missing) — what integrity checks read; never used on a hot path.
    /// </summary>
    IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default);

    /// <summary>Every entity of every kind with its head as the entity row records it, ordered by kind and id.</summary>
    IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a change feed of the versions appended from now on, of one kind or (null) of all. The feed is
    /// listening when this returns, so nothing appended afterwards is missed.
    /// </summary>
    Task<IChangeFeed> SubscribeAsync(string? kind = null, CancellationToken cancellationToken = default);

    /// <summary>Every entity of a kind with its head, ordered by id.</summary>
    IAsyncEnumerable<EntityHead> ListEntitiesAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>Counts over the whole store.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops the content of the versions of <paramref name="key"/> that <paramref name="policy"/> selects,
    /// in one transaction. A head, a tagged version and a version something pins are never touched. The
    /// version rows, hashes and chain stay; reads of a pruned version carry <paramref name="stamp"/>.
    /// A blob is deleted once no version that keeps its content holds it.
    /// </summary>
    /// <param name="key">The entity to prune.</param>
    /// <param name="policy">Which versions keep their content.</param>
    /// <param name="stamp">Who prunes, when and why; its kind is <see cref="ContentRemovalKind.Pruned"/>.</param>
    /// <param name="dryRun">Only report what would be pruned.</param>
    /// <param name="cancellationToken">Cancels the prune.</param>
    /// <exception cref="Errors.NotFoundException">The entity does not exist.</exception>
    Task<ContentRemovalResult> PruneAsync(EntityKey key, RetentionPolicy policy, ContentRemoval stamp, bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the content <paramref name="hash"/> from every version of <paramref name="key"/> that holds
    /// it, in one transaction, whatever protects those versions: erasure is for content that must go.
    /// The version rows, hashes and chain stay; reads carry <paramref name="stamp"/>.
    /// </summary>
    /// <param name="key">The entity.</param>
    /// <param name="hash">The content to erase.</param>
    /// <param name="stamp">Who erases, when and why; its kind is <see cref="ContentRemovalKind.Erased"/>.</param>
    /// <param name="cancellationToken">Cancels the erase.</param>
    /// <exception cref="Errors.NotFoundException">No version of the entity holds that content.</exception>
    Task<ContentRemovalResult> EraseAsync(EntityKey key, ContentHash hash, ContentRemoval stamp, CancellationToken cancellationToken = default);
}
