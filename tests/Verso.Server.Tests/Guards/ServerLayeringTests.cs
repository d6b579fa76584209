using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Verso.Server.Security;

namespace Verso.Server.Tests.Guards;

/// <summary>
/// The server speaks HTTP and knows no domain: the agent organization's endpoints and tool (decisions, a rollout's
/// decision report, <c>record_decision</c>) are mapped by <c>Verso.Agents.Http</c>, and what both faces use sits in
/// <c>Verso.Server.Http</c>, below both. A server type that names an Agents type makes its assembly reference
/// <c>Verso.Agents</c>, and this fails.
/// </summary>
public sealed class ServerLayeringTests
{
    private static readonly Assembly Server = typeof(VersoApiEndpointRouteBuilderExtensions).Assembly;

    private static readonly Assembly SharedHttp = typeof(Caller).Assembly;

    [Fact]
    public void TheServerDoesNotReferenceTheAgentsDomain()
    {
        Assert.Equal("Verso.Server", Server.GetName().Name);
        Assert.DoesNotContain("Verso.Agents", References(Server));
        Assert.DoesNotContain("Verso.Agents.Http", References(Server));
    }

    [Fact]
    public void TheSharedHttpLayerReferencesNeitherTheServerNorAnyDomain()
    {
        Assert.Equal("Verso.Server.Http", SharedHttp.GetName().Name);
        var references = References(SharedHttp);
        Assert.Contains("Verso.Core", references);
        Assert.DoesNotContain("Verso.Server", references);
        Assert.DoesNotContain("Verso.Agents", references);
        Assert.DoesNotContain("Verso.Files", references);
    }

    private static List<string> References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];
}
