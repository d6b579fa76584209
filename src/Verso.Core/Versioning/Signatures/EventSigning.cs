using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Versioning.Signatures;

/// <summary>
/// The store setting that turns event signing on: the reserved record <c>verso-store/signing</c> names the public key
/// every tag move, policy change and applied change request must be signed by from then on (a new version rotates
/// the key; one without a key turns signing off). Kept as a versioned record, so when signing was on, and with which
/// key, is itself history that verify reads.
/// </summary>
public static class EventSigning
{
    /// <summary>The setting's key.</summary>
    public static EntityKey SettingKey { get; } = EntityKey.Create(StoreIdentity.Kind, "signing");

    /// <summary>The reserved kind signatures of events are kept as, one record per event.</summary>
    public const string SignatureKind = "verso-signature";

    /// <summary>The key events must be signed by now, or null when signing is off.</summary>
    public static async Task<VerificationKey?> CurrentKeyAsync(IVersionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetLatestAsync(SettingKey, cancellationToken).ConfigureAwait(false) is { } setting ? ReadKey(setting.Content) : null;
    }

    /// <summary>Requires every later event to be signed by <paramref name="key"/>, or (null) turns signing off.</summary>
    public static async Task SetKeyAsync(IVersionStore store, VerificationKey? key, string by, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = key is null
            ? new JsonObject { ["key_id"] = null }
            : new JsonObject { ["key_id"] = key.KeyId, ["algorithm"] = key.Algorithm.ToString(), ["public_key"] = key.ToPem() };
        var head = await store.GetLatestAsync(SettingKey, cancellationToken).ConfigureAwait(false);
        var now = (time ?? TimeProvider.System).GetUtcNow().ToUniversalTime();
        var request = new AppendRequest(SettingKey, Canonical(record), by, new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero))
        {
            Message = key is null ? "event signing off" : $"events signed by key {key.KeyId[..16]}…",
            ExpectedVersion = head?.Version ?? 0,
        };
        await store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The key a version of the setting names, or null when it turns signing off.</summary>
    internal static VerificationKey? ReadKey(ReadOnlyMemory<byte> content)
    {
        using var document = JsonDocument.Parse(content);
        return document.RootElement.TryGetProperty("public_key", out var pem) && pem.ValueKind == JsonValueKind.String
            ? VerificationKey.FromPem(pem.GetString()!)
            : null;
    }

    internal static CanonicalDocument Canonical(JsonObject record) =>
        CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(record.ToJsonString()));
}
