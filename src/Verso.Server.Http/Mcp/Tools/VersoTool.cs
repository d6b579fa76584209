using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Verso.Server.Mcp.Tools;

/// <summary>
/// One MCP tool: its name, schemas and behaviour. Read tools change nothing; the two write tools record a
/// decision or a change request and nothing else, and every call of one is audited.
/// </summary>
internal abstract class VersoTool
{
    private Tool? _definition;
    private string[]? _parameters;

    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>The properties and required names of the input object (JSON Schema 2020-12).</summary>
    protected abstract string InputSchema { get; }

    /// <summary>The structured result's schema.</summary>
    protected abstract string OutputSchema { get; }

    /// <summary>Whether the tool writes (a decision or a change request; audited).</summary>
    public virtual bool Writes => false;

    public Tool Definition => _definition ??= new Tool
    {
        Name = Name,
        Title = Name.Replace('_', ' '),
        Description = Description,
        InputSchema = ToolJson.Parse(InputSchema),
        OutputSchema = ToolJson.Parse(OutputSchema),
        Annotations = new ToolAnnotations { ReadOnlyHint = !Writes, DestructiveHint = false, IdempotentHint = !Writes, OpenWorldHint = false },
    };

    /// <summary>The argument names the input schema declares; any other is refused.</summary>
    public IReadOnlyCollection<string> Parameters => _parameters ??=
        [.. Definition.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    public abstract Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken);

    /// <summary>The caller's right to read <paramref name="kind"/>, as the REST API checks it (role, kind scope, reserved kinds).</summary>
    protected static void DemandRead(ToolCall call, string kind)
    {
        call.Caller.Demand(Security.ApiRole.Reader, kind);
        Security.ReservedKindGuard.ThrowIfReserved(kind);
    }

    protected static JsonElement Json(Action<Utf8JsonWriter> write) => ToolJson.Object(write);
}
