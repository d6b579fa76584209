using System.Text.Json;
using Verso.Governance.Checks;
using Verso.Contracts;
using Verso.Contracts.Promotion;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Server.Wire;

namespace Verso.Server.Mcp.Tools;

/// <summary>
/// <c>promotion</c>: for each tag a policy guards, whether a version could carry it now, and what it lacks.
/// The question a tag move asks, answered without moving anything (the REST API's promotion resource).
/// </summary>
internal sealed class PromotionTool : VersoTool
{
    public override string Name => "promotion";

    public override string Description =>
        "Whether a version (the head unless version says) could be promoted to each tag a policy guards, such as production; when not, the checks it lacks and what would satisfy them. Moves nothing.";

    protected override string InputSchema => ToolSchemas.Input($$$$"""
        "kind":{{{{ToolSchemas.Kind}}}},"id":{{{{ToolSchemas.Id}}}},"version":{"type":"integer","minimum":1}
        """, "\"kind\",\"id\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "ref":{{{{ToolSchemas.ExactRef}}}},"version":{"type":"integer","minimum":1},
        "items":{"type":"array","items":{"type":"object","properties":{
          "tag":{"type":"string"},"policy":{"type":"string"},"required_checks":{"type":"array","items":{"type":"string"}},
          "rollback_tag_on_fail":{"type":"boolean"},"promotable":{"type":"boolean"},
          "unmet":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"result":{"type":["string","null"]},"by":{"type":"string"},"at":{{{{ToolSchemas.Time}}}}},"required":["name","result"]}},
          "rule":{"type":"string"},"reason":{"type":"string"},"remedy":{"type":"string"}},
          "required":["tag","policy","required_checks","rollback_tag_on_fail","promotable","unmet"]}}
        """, "\"ref\",\"version\",\"items\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var key = EntityKey.Create(args.String("kind"), args.String("id"));
        var version = args.OptionalInt("version", 1, int.MaxValue);
        DemandRead(call, key.Kind);
        var target = await call.Service.GetAsync(version is { } number ? VersionRef.ForVersion(key, number) : VersionRef.Latest(key), cancellationToken);
        var guarded = (await call.Service.Policies.AllAsync(cancellationToken)).Where(p => p.Scope.Kind == PolicyScopeKind.Tag).ToList();
        var results = await call.Get<CheckService>().ListAsync(key, target.Version, cancellationToken);
        var reference = target.Ref.ToString();
        return new ToolOutcome(Json(writer =>
        {
            writer.WriteString("ref", reference);
            writer.WriteNumber("version", target.Version);
            writer.WriteStartArray("items");
            foreach (var policy in guarded)
            {
                JsonSerializer.Serialize(writer, WirePromotion.Of(reference, policy, results), VersoJson.TypeInfo<TagPromotion>());
            }

            writer.WriteEndArray();
        }));
    }
}
