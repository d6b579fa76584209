using System.Text.Json;
using Verso.ChangeRequests;

namespace Verso.Cli.Infrastructure;

/// <summary>The JSON and one-line shapes of a change request, shared by propose, crs, cr, review and apply.</summary>
internal static class ChangeRequestOutput
{
    /// <summary>e.g. <c>cr-3 open agent/alice (base @2, revision 1) by ann: braver</c>.</summary>
    public static string Line(ChangeRequest request) =>
        $"{request.Id} {request.Status.ToName()} {request.Target} (base @{request.BaseVersion}, revision {request.Revision}) by {request.Author}"
        + (request.Approvers.IsEmpty ? "" : $", approved by {string.Join(", ", request.Approvers)}")
        + (request.Message is null ? "" : $": {request.Message}");

    /// <summary>Writes the request as one object (the proposal included when <paramref name="withProposal"/>).</summary>
    public static void Write(Utf8JsonWriter writer, ChangeRequest request, bool withProposal = false)
    {
        writer.WriteStartObject();
        writer.WriteString("id", request.Id);
        writer.WriteString("target", request.Target.ToString());
        writer.WriteString("status", request.Status.ToName());
        writer.WriteNumber("base_version", request.BaseVersion);
        writer.WriteNumber("revision", request.Revision);
        writer.WriteNumber("version", request.Version);
        writer.WriteString("author", request.Author.Name);
        if (request.Author.ActingFor is { } actingFor)
        {
            writer.WriteString("author_acting_for", actingFor);
        }

        writer.WriteString("message", request.Message);
        writer.WriteString("updated_at", Timestamps.ForJson(request.UpdatedAt));
        writer.WriteStartArray("approvers");
        foreach (var approver in request.Approvers)
        {
            writer.WriteStringValue(approver);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reviews");
        foreach (var review in request.Reviews)
        {
            writer.WriteStartObject();
            writer.WriteString("by", review.By.Name);
            if (review.By.ActingFor is { } reviewerFor)
            {
                writer.WriteString("acting_for", reviewerFor);
            }

            writer.WriteString("verdict", review.Verdict.ToName());
            writer.WriteString("message", review.Message);
            writer.WriteString("at", Timestamps.ForJson(review.At));
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

        if (withProposal)
        {
            writer.WritePropertyName("proposal");
            writer.WriteRawValue(request.Proposal.Utf8.Span, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }
}
