using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verso.Contracts.Signatures;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Versioning.Signatures;
using IVersionStore = Verso.Storage.IVersionStore;

namespace Verso.Server.Endpoints;

/// <summary>
/// <c>GET /entities/{kind}/{id}/tags/{name}/signatures</c>: for each move of a tag, the key that signed it when the store
/// signs events (see <c>verso key use</c>) — checked here against the key the store names now, so the page's "signed by"
/// mark means a signature that verifies, not merely a record that says so.
/// </summary>
internal static class SignatureEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/tags/{name}/signatures", TagSignaturesAsync).WithName("tagSignatures").WithTags("tags")
            .Reads<TagSignatures>("For each move of a tag, oldest first, the key id that signed it (null when unsigned or when the signature does not verify)")
            .RequireRole(ApiRole.Reader);
    }

    private static async Task<JsonHttpResult<TagSignatures>> TagSignaturesAsync(IVersionStore store, string kind, string id, string name, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        TagNames.Validate(name);
        var moves = (await store.GetTagHistoryAsync(key, cancellationToken)).Where(m => m.Name == name).ToList();
        if (moves.Count == 0)
        {
            throw new Errors.NotFoundException($"{key}@{name}", $"not found: {key} has no tag '{name}'");
        }

        var trusted = await EventSigning.CurrentKeyAsync(store, cancellationToken);
        var signers = new List<string?>();
        foreach (var move in moves)
        {
            signers.Add(trusted is null ? null : await SignerAsync(store, SignedEvent.ForTagMove(move), trusted, cancellationToken));
        }

        return WireResults.Ok(new TagSignatures
        {
            SigningKey = trusted?.KeyId,
            Moves = [.. moves.Select((move, i) => new TagMoveSignature { ToVersion = move.ToVersion, MovedAt = move.MovedAt, SignedBy = signers[i] })],
        });
    }

    private static async Task<string?> SignerAsync(IVersionStore store, SignedEvent signed, VerificationKey trusted, CancellationToken cancellationToken)
    {
        if (await store.GetLatestAsync(EntityKey.Create(EventSigning.SignatureKind, signed.Id), cancellationToken) is not { HasContent: true } record)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(record.Content);
            var envelope = DsseEnvelope.Parse(document.RootElement.GetProperty("envelope").GetRawText());
            if (!envelope.Payload.AsSpan().SequenceEqual(signed.Statement.ToPayload()))
            {
                return null;
            }

            envelope.Verify(trusted);
            return trusted.KeyId;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidSignatureException)
        {
            return null;
        }
    }
}
