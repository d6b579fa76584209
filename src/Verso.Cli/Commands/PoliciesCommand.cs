using System.CommandLine;
using Verso.Governance.Checks;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Governance.Policies;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso policies [KIND/ID]</c>: the policies in force, or those that apply to one entity, with whether
/// its head could carry each policed tag now.
/// </summary>
internal static class PoliciesCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var entity = new Argument<string?>("KIND/ID") { Description = "only the policies that apply to this entity", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("policies", "list the review and promotion policies in force") { entity };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var key = context.ParseResult.GetValue(entity) is { } text ? EntityKey.Parse(text) : null;
            var all = await service.Policies.AllAsync(cancellationToken);
            var applying = key is null ? all : [.. await service.Policies.ForEntityAsync(key, cancellationToken), .. all.Where(p => p.Scope.Kind == PolicyScopeKind.Tag)];
            var head = key is null ? null : await context.Store.GetLatestAsync(key, cancellationToken);
            var promotable = new Dictionary<string, IReadOnlyList<(string Name, CheckResult? Latest)>>();
            if (head is not null)
            {
                foreach (var policy in applying.Where(p => p.Scope.Kind == PolicyScopeKind.Tag))
                {
                    promotable[policy.Scope.Name] = await CheckLedger.UnmetAsync(context.Store, head.Key, head.Version, policy.RequiredChecks, cancellationToken);
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var policy in applying)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("policy", policy.Version.ToString());
                        writer.WriteString("scope", policy.Scope.Kind.ToString().ToLowerInvariant());
                        writer.WriteString("applies_to", policy.Scope.Name);
                        writer.WriteString("rules", Describe(policy));
                        if (promotable.TryGetValue(policy.Scope.Name, out var unmet) && policy.Scope.Kind == PolicyScopeKind.Tag)
                        {
                            writer.WriteBoolean("head_promotable", unmet.Count == 0);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
                return ExitCodes.Ok;
            }

            if (applying.Count == 0)
            {
                console.Out.WriteLine(key is null ? "no policies" : $"no policies apply to {key}");
            }

            foreach (var policy in applying)
            {
                var line = $"{policy.Version} ({policy.Scope}): {Describe(policy)}";
                if (head is not null && policy.Scope.Kind == PolicyScopeKind.Tag && promotable.TryGetValue(policy.Scope.Name, out var unmet))
                {
                    line += unmet.Count == 0
                        ? $"; {head.Ref} may carry {policy.Scope.Name} now"
                        : $"; {head.Ref} may not carry {policy.Scope.Name} yet (needs {string.Join(", ", unmet.Select(u => u.Name + ": pass"))})";
                }

                console.Out.WriteLine(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(Policy policy)
    {
        if (policy.Scope.Kind == PolicyScopeKind.Tag)
        {
            var checks = policy.RequiredChecks.IsEmpty ? "no checks required" : "requires " + string.Join(", ", policy.RequiredChecks.Select(c => c + ": pass"));
            return checks + (policy.RollbackTagOnFail ? "; on_fail: rollback-tag" : "") + ToolRule(policy);
        }

        var approvals = policy.Approvals == 0 ? "no approvals needed" : $"{policy.Approvals} approval{(policy.Approvals == 1 ? "" : "s")} by others than the author";
        return approvals + (policy.Group is { } group ? $" from group/{group}" : "") + (policy.DirectSaves ? "; direct saves allowed" : "; no direct saves") + ToolRule(policy);
    }

    private static string ToolRule(Policy policy) =>
        (policy.BreakingToolChanges == Policy.Allow ? "" : $"; breaking tool changes: {policy.BreakingToolChanges}")
        + (policy.BreakingToolChecks.IsEmpty ? "" : $"; breaking tool changes need {string.Join(", ", policy.BreakingToolChecks.Select(c => c + ": pass"))}");
}
