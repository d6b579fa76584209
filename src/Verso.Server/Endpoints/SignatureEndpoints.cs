using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Signatures;
using Verso.Versioning;

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
            .Reads<OpenApi.TagSignatures>("For each move of a tag, oldest first, the key id that signed it (null when unsigned or when the signature does not verify)");
    }

    private static async Task<IResult> TagSignaturesAsync(HttpContext http, VersioningService service, string kind, string id, string name, CancellationToken cancellationToken)
    {
        var key = HistoryEndpoints.ReadableKey(http, kind, id);
        TagNames.Validate(name);
        var moves = (await service.Store.GetTagHistoryAsync(key, cancellationToken)).Where(m => m.Name == name).ToList();
        if (moves.Count == 0)
        {
            throw new Errors.NotFoundException($"{key}@{name}", $"not found: {key} has no tag '{name}'");
        }

        var trusted = await EventSigning.CurrentKeyAsync(service.Store, cancellationToken);
        var signers = new List<string?>();
        foreach (var move in moves)
        {
            signers.Add(trusted is null ? null : await SignerAsync(service, SignedEvent.ForTagMove(move), trusted, cancellationToken));
        }

        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("signing_key", trusted?.KeyId);
            writer.WriteStartArray("moves");
            for (var i = 0; i < moves.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("to_version", moves[i].ToVersion);
                writer.WriteString("moved_at", Timestamp.Format(moves[i].MovedAt));
                writer.WriteString("signed_by", signers[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<string?> SignerAsync(VersioningService service, SignedEvent signed, VerificationKey trusted, CancellationToken cancellationToken)
    {
        if (await service.Store.GetLatestAsync(EntityKey.Create(EventSigning.SignatureKind, signed.Id), cancellationToken) is not { HasContent: true } record)
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
