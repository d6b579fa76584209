using Microsoft.Extensions.DependencyInjection;
using Verso.Server.Security;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Mcp.Tools;

/// <summary>One call of a tool: who calls, with what, over which store; the services a tool uses come from <paramref name="Services"/>.</summary>
internal sealed record ToolCall(Caller Caller, ToolArguments Arguments, VersioningService Service, TimeProvider Time, IServiceProvider Services)
{
    /// <summary>The store, for the reads the service does not offer.</summary>
    public IVersionStore Store => Services.GetRequiredService<IVersionStore>();

    /// <summary>A service the host registered (change requests, checks).</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
