using Verso.Kinds;

namespace Verso.Agents.Kinds;

/// <summary>The kinds of the agent-organization domain, registered together.</summary>
public static class AgentKinds
{
    /// <summary>Registers every agent-organization kind.</summary>
    public static KindRegistry RegisterAll(KindRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry;
    }
}
