using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verso.Contracts;
using Verso.Contracts.Problems;
using Verso.Errors;
using Verso.Server.Http;
using Verso.Server.Mcp.Audit;
using Verso.Server.Wire;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Mcp.Tools;

/// <summary>
/// The tools Verso serves over MCP and the one place a call becomes a result: arguments checked against the
/// tool's schema, the caller's role and kind scopes applied as the REST API applies them, Verso's errors
/// turned into tool errors carrying the problem's one-line message and type, and every write audited.
/// </summary>
internal static class VersoToolbox
{
    // Nothing here approves, applies, tags or saves: an agent reads, pins and proposes.
    private static readonly VersoTool[] Reads = [new ResolveTool(), new GetVersionTool(), new ListVersionsTool(), new DiffTool(), new CompatTool(), new BlameTool()];

    private static readonly VersoTool[] Proposals = [new ProposeChangeTool(), new ChangeRequestTool(), new PromotionTool()];

    /// <summary>
    /// Every tool served: the server's reads, then the tools a layer above registered as <see cref="VersoTool"/> services
    /// (the Agents face's <c>record_decision</c>), then the proposals; the list keeps its order whoever registers what.
    /// </summary>
    public static IReadOnlyList<VersoTool> All(IServiceProvider? services) =>
        [.. Reads, .. services?.GetServices<VersoTool>() ?? [], .. Proposals];

    public static ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListToolsResult
        {
            Tools = [.. All(context.Services).Select(t => t.Definition)],
            // The list is the same for every caller and changes only with a new build of the server.
            TimeToLive = TimeSpan.FromHours(1),
            CacheScope = CacheScope.Public,
        });

    public static async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var name = context.Params?.Name ?? "";
        if (All(context.Services).FirstOrDefault(t => t.Name == name) is not { } tool)
        {
            // An unknown tool is a protocol error, as the SDK reports its own (apply, approve, tag and save are not here).
            throw new McpProtocolException($"unknown tool '{name}'", McpErrorCode.InvalidParams);
        }

        var services = context.Services ?? throw new InvalidOperationException("the MCP server has no services");
        var caller = McpCaller.Of(services);
        var service = services.GetRequiredService<VersioningService>();
        var store = services.GetRequiredService<IVersionStore>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var raw = context.Params!.Arguments;
        try
        {
            var arguments = new ToolArguments(raw, tool.Parameters);
            var outcome = await tool.CallAsync(new ToolCall(caller, arguments, service, time, services), cancellationToken);
            var result = outcome.Result;
            if (tool.Writes)
            {
                var audit = await new McpAuditLog(store, time).RecordAsync(caller, tool.Name, ToolArguments.HashOf(raw), outcome.Produced, null, cancellationToken);
                result = WithAudit(result, audit.ToString());
            }

            return Success(result);
        }
        catch (Exception exception) when (ProblemOf(exception) is { } problem)
        {
            if (tool.Writes && problem.Status != 401)
            {
                // A refused write is audited too: who tried what, and why it was refused.
                await new McpAuditLog(store, time).RecordAsync(caller, tool.Name, ToolArguments.HashOf(raw), null, problem.Type, cancellationToken);
            }

            return Failure(problem);
        }
    }

    /// <summary>The problem an exception stands for, as the REST API would answer it; null for a fault that is not the caller's.</summary>
    internal static ApiProblem? ProblemOf(Exception exception) => exception switch
    {
        ToolArgumentException argument => ApiProblem.BadRequest(argument.Message, "invalid-parameter").With("parameter", argument.Parameter),
        ApiProblemException api => api.Problem,
        VersoException verso when verso.Category != ErrorCategory.Failure || verso is StoreUnavailableException => ProblemWriter.ForException(verso),
        _ => null,
    };

    private static CallToolResult Success(JsonElement result) => new()
    {
        Content = [new TextContentBlock { Text = result.GetRawText() }],
        StructuredContent = result,
    };

    /// <summary>A tool error: the one-line message as text, the whole problem (type, status, facts) as structured content.</summary>
    internal static CallToolResult Failure(ApiProblem problem)
    {
        // The same problem body the REST API answers with, less the instance: a tool call has no request path.
        var body = JsonSerializer.SerializeToElement(WireProblems.Of(problem), VersoJson.TypeInfo<Problem>());
        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = $"{problem.Detail} ({problem.Type})" }],
            StructuredContent = body,
        };
    }

    private static JsonElement WithAudit(JsonElement result, string audit)
    {
        var node = JsonNode.Parse(result.GetRawText())!.AsObject();
        node["audit"] = audit;
        return ToolJson.Parse(node.ToJsonString());
    }
}
