using System.Text.Json;
using Verso.ChangeRequests;
using Verso.Naming;

namespace Verso.Json;

/// <summary>
/// The JSON shape of a change request for its readers: what <c>verso --json</c> prints for <c>propose</c>,
/// <c>crs</c>, <c>cr</c>, <c>review</c> and <c>apply</c>, and what the API serves for a request. (The record a
/// request's state is stored as is another shape, kept by the change request service.)
/// </summary>
public static class ChangeRequestOutputJson
{
    /// <summary>
    /// Writes <c>{id, target, base_version, base_hash?, proposal, author, message?, status, revision, approvers,
    /// reviews, conflicts, applied_version?, version, updated_at}</c>; an actor is <c>{name, acting_for?}</c>.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        writer.WriteStartObject();
        writer.WriteString("id", request.Id);
        writer.WriteString("target", request.Target.ToString());
        writer.WriteNumber("base_version", request.BaseVersion);
        if (request.BaseHash is { } baseHash)
        {
            writer.WriteString("base_hash", baseHash.ToString());
        }

        writer.WritePropertyName("proposal");
        writer.WriteRawValue(request.Proposal.Utf8.Span, skipInputValidation: true);
        WriteActor(writer, "author", request.Author);
        if (request.Message is not null)
        {
            writer.WriteString("message", request.Message);
        }

        writer.WriteString("status", request.Status.ToName());
        writer.WriteNumber("revision", request.Revision);
        // Who approves the current revision, as the rules count them: each person once, by the identity used.
        WriteStrings(writer, "approvers", request.Approvers);
        writer.WriteStartArray("reviews");
        foreach (var review in request.Reviews)
        {
            writer.WriteStartObject();
            WriteActor(writer, "by", review.By);
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
        WriteStrings(writer, "conflicts", request.Conflicts);
        if (request.AppliedVersion is { } applied)
        {
            writer.WriteNumber("applied_version", applied);
        }

        writer.WriteNumber("version", request.Version);
        writer.WriteString("updated_at", Timestamp.Format(request.UpdatedAt));
        writer.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter writer, string name, Actor actor)
    {
        writer.WriteStartObject(name);
        writer.WriteString("name", actor.Name);
        if (actor.ActingFor is not null)
        {
            writer.WriteString("acting_for", actor.ActingFor);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
