using Verso.Errors;
using Verso.Server.Wire;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Server.Mcp.Tools;

/// <summary><c>list_versions</c>: an entity's history, newest first, metadata and messages in one call.</summary>
internal sealed class ListVersionsTool : VersoTool
{
    private const int MaxLimit = 200;

    public override string Name => "list_versions";

    public override string Description =>
        "An entity's history, newest first: each version's number, hash, author, time, operation and message in one call. " +
        "Page with before: pass the previous answer's next_before.";

    protected override string InputSchema => ToolSchemas.Input($$$$"""
        "kind":{{{{ToolSchemas.Kind}}}},"id":{{{{ToolSchemas.Id}}}},
        "limit":{"type":"integer","minimum":1,"maximum":{{{{MaxLimit}}}},"default":20},
        "before":{"type":"integer","minimum":2,"description":"only versions below this number"}
        """, "\"kind\",\"id\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "entity":{"type":"string"},"head":{"type":"integer","minimum":1},
        "items":{"type":"array","items":{{{{ToolSchemas.Version}}}}},
        "next_before":{"type":["integer","null"],"description":"pass as before for the next page; null on the last page"}
        """, "\"entity\",\"head\",\"items\",\"next_before\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var key = EntityKey.Create(args.String("kind"), args.String("id"));
        var limit = args.OptionalInt("limit", 1, MaxLimit) ?? 20;
        var before = args.OptionalInt("before", 2, int.MaxValue);
        DemandRead(call, key.Kind);
        var head = await call.Store.CountVersionsAsync(key, cancellationToken);
        if (head == 0)
        {
            throw NotFoundException.ForEntity(key);
        }

        var items = new List<Snapshot>(limit);
        var page = before is { } below
            ? call.Service.GetHistoryBeforeAsync(key, below, limit, cancellationToken)
            : call.Service.GetHistoryAsync(key, 0, limit, cancellationToken);
        await foreach (var snapshot in page)
        {
            items.Add(snapshot);
        }

        return new ToolOutcome(Json(writer =>
        {
            writer.WriteString("entity", key.ToString());
            writer.WriteNumber("head", head);
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                ToolJson.Write(writer, WireVersions.Metadata(item));
            }

            writer.WriteEndArray();
            if (items.Count == limit && items[^1].Version > 1)
            {
                writer.WriteNumber("next_before", items[^1].Version);
            }
            else
            {
                writer.WriteNull("next_before");
            }
        }));
    }
}
