using System.Text.Json.Nodes;
using Verso.Errors;
using Verso.Storage;

namespace Verso.Versioning.Signatures;

/// <summary>
/// Signs events as they happen: the versioning service hands it each tag move, policy version and applied change
/// request right after the store recorded it, and it appends the DSSE envelope as <c>verso-signature/ID</c>. The event
/// is recorded first, so a crash between the two leaves an unsigned event that verify names, never a signature of an
/// event that did not happen.
/// </summary>
public sealed class EventSigner(IVersionStore store, SigningKey key, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The key events are signed with.</summary>
    public SigningKey Key => key;

    /// <summary>Signs <paramref name="signed"/> and keeps the signature in the store; an event signed before is left as it is.</summary>
    public async Task SignAsync(SignedEvent signed, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var envelope = DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, signed.Statement.ToPayload(), key);
        var record = new JsonObject
        {
            ["event"] = (string?)signed.Statement.Predicate["event"],
            ["ref"] = signed.Ref.ToString(),
            ["envelope"] = JsonNode.Parse(envelope.ToJson()),
        };
        var now = _time.GetUtcNow().ToUniversalTime();
        var request = new AppendRequest(Naming.EntityKey.Create(EventSigning.SignatureKind, signed.Id), EventSigning.Canonical(record), by, new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero))
        {
            Message = $"signed {signed.Statement.Predicate["event"]} of {signed.Ref}",
            ExpectedVersion = 0,
        };
        try
        {
            await store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (VersionConflictException)
        {
            // Signed already (a retried request, or two servers signing one event): one signature is enough.
        }
    }
}
