using System.Text;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Versioning.Signatures;

/// <summary>
/// A store's id: a random UUID made once and kept as the reserved record <c>verso-store/identity</c>, versioned and
/// chained like every record. Signed checkpoints name it, so a checkpoint of one store cannot pass for another's.
/// </summary>
public static class StoreIdentity
{
    /// <summary>The reserved kind the identity is kept as.</summary>
    public const string Kind = "verso-store";

    /// <summary>The record's key.</summary>
    public static EntityKey Key { get; } = EntityKey.Create(Kind, "identity");

    /// <summary>Reads the store's id; null when it has none yet (no signed checkpoint was ever made of it).</summary>
    public static async Task<string?> TryGetAsync(IVersionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetLatestAsync(Key, cancellationToken).ConfigureAwait(false) is { } existing ? Read(existing.Content) : null;
    }

    /// <summary>Reads the store's id, making it on first use.</summary>
    public static async Task<string> GetOrCreateAsync(IVersionStore store, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetLatestAsync(Key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return Read(existing.Content);
        }

        var id = Guid.CreateVersion7().ToString();
        var now = (time ?? TimeProvider.System).GetUtcNow().ToUniversalTime();
        var content = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}"));
        var request = new AppendRequest(Key, content, "verso", new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero))
        {
            Message = "the store's id, for signed checkpoints",
            ExpectedVersion = 0,
        };
        try
        {
            await store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
            return id;
        }
        catch (Errors.VersionConflictException)
        {
            // Another process made it first: theirs is the id.
            var made = await store.GetLatestAsync(Key, cancellationToken).ConfigureAwait(false);
            return Read(made!.Content);
        }
    }

    private static string Read(ReadOnlyMemory<byte> content)
    {
        using var document = JsonDocument.Parse(content);
        return document.RootElement.GetProperty("id").GetString()!;
    }
}
