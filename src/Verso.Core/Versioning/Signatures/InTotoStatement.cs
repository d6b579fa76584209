using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;

namespace Verso.Versioning.Signatures;

/// <summary>
/// An in-toto Statement v1 (in-toto/attestation spec): subjects by digest, a predicate type naming what is claimed,
/// and the predicate. Written as RFC 8785 canonical JSON, so the same statement is always the same signed bytes.
/// </summary>
public sealed record InTotoStatement(ImmutableArray<InTotoSubject> Subjects, string PredicateType, JsonObject Predicate)
{
    /// <summary>The statement's <c>_type</c>.</summary>
    public const string Type = "https://in-toto.io/Statement/v1";

    /// <summary>The statement as canonical JSON bytes: a DSSE payload.</summary>
    public byte[] ToPayload()
    {
        var subjects = new JsonArray();
        foreach (var subject in Subjects)
        {
            subjects.Add((JsonNode)new JsonObject { ["name"] = subject.Name, ["digest"] = new JsonObject { ["sha256"] = subject.Sha256 } });
        }

        var statement = new JsonObject
        {
            ["_type"] = Type,
            ["subject"] = subjects,
            ["predicateType"] = PredicateType,
            ["predicate"] = Predicate.DeepClone(),
        };
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToElement(statement, SignatureJsonContext.Default.JsonObject));
    }

    /// <summary>Reads a statement from a DSSE payload.</summary>
    /// <exception cref="InvalidSignatureException">The payload is not an in-toto Statement v1.</exception>
    public static InTotoStatement FromPayload(ReadOnlySpan<byte> payload)
    {
        try
        {
            var root = JsonNode.Parse(payload)?.AsObject() ?? throw new FormatException("the payload is null");
            if ((string?)root["_type"] != Type)
            {
                throw new FormatException($"its _type is not {Type}");
            }

            var subjects = root["subject"]!.AsArray()
                .Select(s => new InTotoSubject((string)s!["name"]!, (string)s["digest"]!["sha256"]!))
                .ToImmutableArray();
            return new InTotoStatement(subjects, (string)root["predicateType"]!, root["predicate"]!.AsObject());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new InvalidSignatureException($"the signed payload is not an in-toto statement: {exception.Message.Split('\n')[0]}");
        }
    }
}
