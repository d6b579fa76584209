using System.Globalization;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Governance.ChangeRequests;

/// <summary>The record a change request's state is stored as; the proposal is embedded whole.</summary>
internal static class ChangeRequestJson
{
    public static CanonicalDocument Write(ChangeRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", request.Id);
            writer.WriteString("target", request.Target.ToString());
            writer.WriteNumber("base_version", request.BaseVersion);
            if (request.BaseHash is { } baseHash)
            {
                // The store checks this pin inside the append: the base exists with this hash.
                writer.WriteString("base", new PinnedRef(request.Target, request.BaseVersion, baseHash).ToString());
            }

            writer.WritePropertyName("proposal");
            writer.WriteRawValue(request.Proposal.Utf8.Span, skipInputValidation: true);
            writer.WritePropertyName("author");
            WriteActor(writer, request.Author);
            if (request.Message is not null)
            {
                writer.WriteString("message", request.Message);
            }

            writer.WriteString("status", request.Status.ToName());
            writer.WriteNumber("revision", request.Revision);
            writer.WriteStartArray("reviews");
            foreach (var review in request.Reviews)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("by");
                WriteActor(writer, review.By);
                writer.WriteString("verdict", review.Verdict.ToName());
                if (review.Message is not null)
                {
                    writer.WriteString("message", review.Message);
                }

                writer.WriteString("at", Timestamp.Format(review.At));
                writer.WriteNumber("revision", review.Revision);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("conflicts");
            foreach (var path in request.Conflicts)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
            if (request.AppliedVersion is { } applied)
            {
                writer.WriteNumber("applied_version", applied);
            }

            writer.WriteEndObject();
        }

        return CanonicalJson.CreateDocument(buffer.ToArray());
    }

    public static ChangeRequest Read(Snapshot snapshot)
    {
        using var document = JsonDocument.Parse(snapshot.Content, JsonLimits.Document);
        var root = document.RootElement;
        var target = EntityKey.Parse(root.GetProperty("target").GetString()!);
        return new ChangeRequest
        {
            Id = root.GetProperty("id").GetString()!,
            Target = target,
            BaseVersion = root.GetProperty("base_version").GetInt32(),
            BaseHash = root.TryGetProperty("base", out var pin) ? PinnedRef.Parse(pin.GetString()!).Hash : (ContentHash?)null,
            Proposal = CanonicalDocument.FromCanonicalBytes(CanonicalJson.Canonicalize(root.GetProperty("proposal"))),
            Author = ReadActor(root.GetProperty("author")),
            Message = root.TryGetProperty("message", out var message) ? message.GetString() : null,
            Status = ChangeRequestStatuses.ParseStatus(root.GetProperty("status").GetString()!),
            Revision = root.GetProperty("revision").GetInt32(),
            Reviews = [.. root.GetProperty("reviews").EnumerateArray().Select(r => new ReviewEntry(
                ReadActor(r.GetProperty("by")),
                ChangeRequestStatuses.ParseVerdict(r.GetProperty("verdict").GetString()!),
                r.TryGetProperty("message", out var m) ? m.GetString() : null,
                DateTimeOffset.Parse(r.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
                r.GetProperty("revision").GetInt32()))],
            Conflicts = [.. root.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()!)],
            AppliedVersion = root.TryGetProperty("applied_version", out var applied) ? applied.GetInt32() : null,
            Version = snapshot.Version,
            UpdatedAt = snapshot.SavedAt,
        };
    }

    private static void WriteActor(Utf8JsonWriter writer, Actor actor)
    {
        writer.WriteStartObject();
        writer.WriteString("name", actor.Name);
        if (actor.ActingFor is not null)
        {
            writer.WriteString("acting_for", actor.ActingFor);
        }

        writer.WriteEndObject();
    }

    private static Actor ReadActor(JsonElement element) =>
        new(element.GetProperty("name").GetString()!, element.TryGetProperty("acting_for", out var actingFor) ? actingFor.GetString() : null);
}
