using System.Collections.Immutable;
using System.Text.Json;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Server.Mcp.Tools;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Agents.Http.Mcp;

/// <summary>
/// <c>record_decision</c>: a reviewer's decision on a task, pinned to the charters the task resolved when it
/// started. A pin must name a version that existed then, with its exact hash: a version saved after the
/// task started was not in force for it, and the decision is refused rather than pinned to it.
/// </summary>
internal sealed class RecordDecisionTool : VersoTool
{
    /// <summary>The rule a pin breaks when its version was saved after the task started.</summary>
    public const string PinNotInForce = "pin_not_in_force";

    /// <summary>The rule a pin breaks when its hash is not the version's.</summary>
    public const string PinHashMismatch = "pin_hash_mismatch";

    public override string Name => "record_decision";

    public override string Description =>
        "Record a reviewer's decision on a task, pinned to the charters the task ran with: pass the pins resolve gave at the task's start and started_at. " +
        "A charter without a pin is pinned as it was in force at started_at. Refused when a pin names a version saved after started_at or a wrong hash.";

    public override bool Writes => true;

    protected override string InputSchema => ToolSchemas.Input($$$$"""
        "task":{{{{ToolSchemas.Id}}}},"executor":{{{{ToolSchemas.Id}}}},"reviewer":{{{{ToolSchemas.Id}}}},
        "decision":{"type":"string","enum":["approved","rejected","auto_approved","auto_rejected","escalated"]},
        "started_at":{{{{ToolSchemas.Time}}}},
        "pins":{"type":"array","maxItems":2,"items":{{{{ToolSchemas.Pin}}}},"description":"the pins resolve answered for the executor's and the reviewer's charters"},
        "reason":{"type":"string","maxLength":10000},
        "criteria":{"type":"array","maxItems":100,"items":{"type":"string","maxLength":1000}},
        "resolution":{"type":"object","properties":{"label":{"type":"string"},"subject":{"type":"string","maxLength":256},"rollout_version":{"type":"integer","minimum":1}},"required":["label"],"additionalProperties":false,"description":"the label, subject and rollout_version resolve answered for the executor's charter: the decision records which variant ran"}
        """, "\"task\",\"executor\",\"reviewer\",\"decision\",\"started_at\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "ref":{{{{ToolSchemas.ExactRef}}}},"hash":{{{{ToolSchemas.Hash}}}},"status":{"type":"string","enum":["created","unchanged"]},
        "pinned":{"type":"array","items":{{{{ToolSchemas.Pin}}}}},
        "audit":{{{{ToolSchemas.ExactRef}}}}
        """, "\"ref\",\"hash\",\"status\",\"pinned\",\"audit\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        call.Caller.Demand(ApiRole.Writer, AgentKinds.Decision.Name);
        var task = EntityKey.Create(AgentKinds.Decision.Name, args.String("task")).Id;
        var executor = EntityKey.Create(AgentKinds.Agent.Name, args.String("executor"));
        var reviewer = EntityKey.Create(AgentKinds.Agent.Name, args.String("reviewer"));
        var outcome = args.Enum("decision", "", "approved", "rejected", "auto_approved", "auto_rejected", "escalated") switch
        {
            "approved" => DecisionOutcome.Approved,
            "rejected" => DecisionOutcome.Rejected,
            "auto_approved" => DecisionOutcome.AutoApproved,
            "auto_rejected" => DecisionOutcome.AutoRejected,
            _ => DecisionOutcome.Escalated,
        };
        var startedText = args.String("started_at");
        if (!Timestamp.TryParseUtc(startedText, out var startedAt))
        {
            throw new ToolArgumentException("started_at", $"'started_at' '{startedText}' is not ISO 8601 UTC, e.g. 2026-11-01T12:00:00Z");
        }

        // As POST /decisions: a writer of decisions pins charters without a right to read agents otherwise.
        VersionRef? executorPin = null, reviewerPin = null;
        foreach (var pin in await CheckPinsAsync(call, startedAt, cancellationToken))
        {
            if (pin.Key == executor)
            {
                executorPin = pin;
            }
            else if (pin.Key == reviewer)
            {
                reviewerPin = pin;
            }
            else
            {
                throw new ToolArgumentException("pins", $"the pin {pin} is neither {executor}'s nor {reviewer}'s charter");
            }
        }

        var request = new DecisionRequest(task, executor.Id, reviewer.Id, outcome, startedAt)
        {
            Reason = args.OptionalString("reason"),
            Criteria = Criteria(args),
            ExecutorRef = executorPin,
            ReviewerRef = reviewerPin,
            Resolution = Resolution(args),
        };
        var result = await new DecisionLog(call.Service, call.Store, call.Time).RecordAsync(request, call.Caller.SavedBy(null), cancellationToken);
        var head = result.Head;
        return new ToolOutcome(
            Json(writer =>
            {
                writer.WriteString("ref", head.Ref.ToString());
                writer.WriteString("hash", head.Hash.ToString());
                writer.WriteString("status", result.Outcome.ToName());
                writer.WriteStartArray("pinned");
                foreach (var pinned in head.Record.PinnedCharters)
                {
                    writer.WriteStartObject();
                    writer.WriteString("ref", pinned.Ref);
                    writer.WriteString("hash", pinned.Hash);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }),
            new PinnedRef(head.Stored.Key, head.Version, head.Hash));
    }

    // The executor's resolution as resolve answered it: {label, subject?, rollout_version?}.
    private static DecisionResolution? Resolution(ToolArguments args)
    {
        if (args.Optional("resolution", JsonValueKind.Object, "an object with label, subject and rollout_version") is not { } resolution)
        {
            return null;
        }

        string? Text(string name) => !resolution.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ToolArgumentException("resolution", $"'{name}' must be a string");
        var label = Text("label") ?? throw new ToolArgumentException("resolution", "'label' is required");
        int? version = null;
        if (resolution.TryGetProperty("rollout_version", out var number) && number.ValueKind != JsonValueKind.Null)
        {
            version = number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var n) && n >= 1
                ? n
                : throw new ToolArgumentException("resolution", "'rollout_version' must be a whole number from 1");
        }

        return new DecisionResolution(TagNames.Validate(label), Text("subject"), version);
    }

    private static async Task<List<VersionRef>> CheckPinsAsync(ToolCall call, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var pins = new List<VersionRef>();
        if (call.Arguments.Optional("pins", JsonValueKind.Array, "an array of pins") is not { } list)
        {
            return pins;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("ref", out var refText) || refText.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("hash", out var hashText) || hashText.ValueKind != JsonValueKind.String)
            {
                throw new ToolArgumentException("pins", "each pin is {\"ref\": \"agent/ID@N\", \"hash\": \"sha256:…\"}, as resolve answers it");
            }

            var reference = ToolArguments.ParseRef("pins", refText.GetString()!);
            if (reference.Selector != VersionSelector.Number || !ContentHash.TryParse(hashText.GetString()!, out var hash))
            {
                throw new ToolArgumentException("pins", $"the pin {refText.GetString()} {hashText.GetString()} must name a version number and a full sha256: hash");
            }

            var pinned = await call.Service.GetAsync(reference, cancellationToken);
            if (pinned.Hash != hash)
            {
                throw new RefusedException(PinHashMismatch, null, reference.ToString(),
                    $"the pin {reference} {hash} does not match: that version's hash is {pinned.Hash}", "pin the hash resolve answered for that version");
            }

            if (pinned.SavedAt > startedAt)
            {
                throw new RefusedException(PinNotInForce, null, reference.ToString(),
                    $"{reference} was not in force when the task started at {Timestamp.Format(startedAt)}: it was saved at {Timestamp.Format(pinned.SavedAt)}",
                    "pin the version resolve answered when the task started");
            }

            pins.Add(reference);
        }

        return pins;
    }

    private static ImmutableList<string>? Criteria(ToolArguments args)
    {
        if (args.Optional("criteria", JsonValueKind.Array, "an array of strings") is not { } list)
        {
            return null;
        }

        var criteria = list.EnumerateArray()
            .Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new ToolArgumentException("criteria", "'criteria' must be strings"))
            .ToImmutableList();
        return criteria.IsEmpty ? null : criteria;
    }
}
