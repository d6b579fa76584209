using Verso.Server.Wire;
using Verso.Naming;

namespace Verso.Server.Mcp.Tools;

/// <summary>
/// <c>resolve</c>: the version in force for a task, answered once at its start with the pin to record later.
/// A label that is an active rollout serves the subject's variant (<see cref="SelectAsync"/>), with <c>bucket</c> and
/// <c>rollout_version</c> filled; a plain tag leaves them null.
/// </summary>
internal sealed class ResolveTool : VersoTool
{
    public override string Name => "resolve";

    public override string Description =>
        "The version of a charter (or any record) in force for this task: give ref (agent/alice, agent/alice@production) or kind, id and label. " +
        "Call it once when the task starts and keep the answer's pin: record_decision takes it, so a decision names the exact version the task ran with.";

    protected override string InputSchema => ToolSchemas.Input($$$$"""
        "ref":{{{{ToolSchemas.Ref}}}},
        "kind":{{{{ToolSchemas.Kind}}}},"id":{{{{ToolSchemas.Id}}}},
        "label":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$","description":"a release label (a tag such as production); the head when absent"},
        "subject":{"type":"string","maxLength":256,"description":"who the task is for (a user, a tenant): a rollout label serves the same subject the same version"}
        """, "");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "ref":{{{{ToolSchemas.ExactRef}}}},"kind":{{{{ToolSchemas.Kind}}}},"id":{{{{ToolSchemas.Id}}}},"version":{"type":"integer","minimum":1},"hash":{{{{ToolSchemas.Hash}}}},
        "content":{"type":"object"},"pin":{{{{ToolSchemas.Pin}}}},
        "label":{"type":["string","null"]},"subject":{"type":["string","null"]},
        "bucket":{"type":["integer","null"],"minimum":0,"maximum":9999,"description":"the subject's rollout bucket; null when the label is a plain tag"},
        "rollout_version":{"type":["integer","null"],"description":"the rollout's version when the label is a rollout; null otherwise"},
        "resolved_at":{{{{ToolSchemas.Time}}}}
        """, "\"ref\",\"kind\",\"id\",\"version\",\"hash\",\"content\",\"pin\",\"label\",\"subject\",\"bucket\",\"rollout_version\",\"resolved_at\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        VersionRef reference;
        string? label;
        if (args.Has("ref"))
        {
            if (args.Has("kind") || args.Has("id") || args.Has("label"))
            {
                throw new ToolArgumentException("ref", "give ref, or kind and id (and label), not both");
            }

            reference = args.Ref("ref");
            label = reference.Tag;
        }
        else
        {
            if (!args.Has("kind") || !args.Has("id"))
            {
                throw new ToolArgumentException(args.Has("kind") ? "id" : "kind", "give ref, or kind and id (and label)");
            }

            var key = EntityKey.Create(args.String("kind"), args.String("id"));
            label = args.OptionalString("label");
            reference = label is null ? VersionRef.Latest(key) : VersionRef.ForTag(key, label);
        }

        DemandRead(call, reference.Key.Kind);
        var subject = args.OptionalString("subject");
        var (snapshot, bucket, rolloutVersion) = await SelectAsync(call, reference, subject, cancellationToken);
        snapshot.ThrowIfContentRemoved();
        var resolvedAt = call.Time.GetUtcNow();
        return new ToolOutcome(Json(writer =>
        {
            writer.WriteString("ref", snapshot.Ref.ToString());
            writer.WriteString("kind", snapshot.Key.Kind);
            writer.WriteString("id", snapshot.Key.Id);
            writer.WriteNumber("version", snapshot.Version);
            writer.WriteString("hash", snapshot.Hash.ToString());
            writer.WritePropertyName("content");
            ToolJson.Write(writer, WireVersions.ContentOf(snapshot));
            writer.WriteStartObject("pin");
            writer.WriteString("ref", snapshot.Ref.ToString());
            writer.WriteString("hash", snapshot.Hash.ToString());
            writer.WriteEndObject();
            WriteOrNull(writer, "label", label);
            WriteOrNull(writer, "subject", subject);
            WriteOrNull(writer, "bucket", bucket);
            WriteOrNull(writer, "rollout_version", rolloutVersion);
            writer.WriteString("resolved_at", Timestamp.Format(resolvedAt));
        }));
    }

    // A label that is an active rollout serves the variant of the subject's bucket (the control without a subject), as
    // the API's and the CLI's resolve do; any other ref (a number, a hash, a time, a plain tag) reads as it always did.
    private static async Task<(Model.Snapshots.Snapshot Snapshot, int? Bucket, int? RolloutVersion)> SelectAsync(
        ToolCall call, VersionRef reference, string? subject, CancellationToken cancellationToken)
    {
        if (reference.Selector == VersionSelector.Tag)
        {
            var resolved = await new Versioning.Rollouts.RolloutService(call.Service).ResolveAsync(reference.Key, reference.Tag, subject, cancellationToken);
            return (resolved.Version, resolved.Bucket, resolved.RolloutVersion);
        }

        return (await call.Service.GetAsync(reference, cancellationToken), null, null);
    }

    private static void WriteOrNull(System.Text.Json.Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOrNull(System.Text.Json.Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
