using System.Collections.Frozen;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Verso.Cli.Infrastructure;

/// <summary>An example for every command, printed at the end of its <c>--help</c>.</summary>
internal static class CommandExamples
{
    private static readonly FrozenDictionary<string, string[]> ByCommand = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["verso"] = ["verso init", "verso save agent alice alice.json -m \"first charter\"", "verso show agent/alice", "verso log agent/alice"],
        ["init"] = ["verso init", "verso --store postgres://verso:secret@db.internal:5432/verso init"],
        ["save"] = ["verso save agent alice alice.json -m \"first charter\"", "verso save role reviewer reviewer.yaml --expect 3", "cat alice.json | verso save agent alice -"],
        ["show"] = ["verso show agent/alice", "verso show agent/alice@3 --format yaml", "verso show agent/alice@production", "verso show agent/alice@1a2b3c4d5e6f", "verso show 'agent/alice@{2026-11-01T12:00:00Z}'"],
        ["log"] = ["verso log agent/alice", "verso log agent/alice --limit 10 --offset 10"],
        ["list"] = ["verso list", "verso list agent"],
        ["kinds"] = ["verso kinds"],
        ["edit"] = ["verso edit agent/alice -m \"one more rule\"", "EDITOR=nano verso edit role/reviewer"],
        ["canon"] = ["verso canon alice.json"],
        ["hash"] = ["verso hash alice.json"],
        ["rollback"] = ["verso rollback agent/alice --to 3 -m \"autonomy raised without review\""],
        ["tag"] = ["verso tag agent/alice@5 production -m \"reviewed charter\""],
        ["tags"] = ["verso tags agent/alice", "verso tags agent/alice --history"],
        ["diff"] = ["verso diff agent/alice", "verso diff agent/alice@3", "verso diff agent/alice@1 agent/alice@3", "verso diff agent/alice out/agent/alice.md", "verso diff agent/alice@1 agent/alice --format patch"],
        ["patch"] = ["verso patch alice.json fix.patch.json"],
        ["merge"] = ["verso merge agent/alice --base 1 --ours 2 --theirs theirs.json --save -m \"take the CI rule\""],
        ["blame"] = ["verso blame agent/alice"],
        ["manifest"] = ["verso manifest", "verso manifest --at 2026-11-01T12:00:00Z"],
        ["watch"] = ["verso watch", "verso watch agent --limit 1"],
        ["verify"] = ["verso verify"],
        ["gc"] = ["verso gc"],
        ["prune"] = ["verso prune agent/alice --keep 10 --dry-run", "verso prune --keep 20 --keep-days 90"],
        ["erase"] = ["verso erase agent/alice@3 --reason \"personal phone number\""],
        ["decide"] = ["verso decide --task T-1 --executor alice --reviewer quinn --decision approved --executed-at 2026-11-01T12:00:00Z"],
        ["refs"] = ["verso refs agent/alice@3"],
        ["compat"] = ["verso compat agent/alice@1 agent/alice@3"],
        ["export"] = ["verso export out", "verso export out --kind role", "verso export team --layout squad"],
        ["import"] = ["verso import out -m \"reviewed in PR 42\"", "verso import samples/org --kind role"],
        ["status"] = ["verso status out", "verso status out --diff"],
        ["import-squad"] = ["verso import-squad ~/src/our-team"],
        ["import-synthorg"] = ["verso import-synthorg synthorg.db --table agent_identity_versions=agent-identity"],
        ["import-git"] = ["verso import-git ~/src/our-team --path '.squad/agents/*/charter.md' --kind agent --format squad"],
        ["completion"] = ["source <(verso completion bash)", "verso completion zsh > \"${fpath[1]}/_verso\"", "verso completion fish | source", "verso completion pwsh | Out-String | Invoke-Expression"],
        ["serve"] = ["verso serve"],
        ["mcp"] = ["VERSO_TOKEN=vt1.agent-alice.… verso mcp", "verso mcp --server http://127.0.0.1:5180 --token vt1.agent-alice.…"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Makes every command's <c>--help</c> end with its examples.</summary>
    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is SynchronousCommandLineAction action)
        {
            help.Action = new WithExamples(action);
        }
    }

    /// <summary>The examples of the command named <paramref name="name"/>, or none.</summary>
    public static IReadOnlyList<string> For(string name) => ByCommand.TryGetValue(name, out var examples) ? examples : [];

    private sealed class WithExamples(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        // As the help it wraps: asking for help is never an error, whatever else is missing.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            var examples = For(command is RootCommand ? "verso" : command.Name);
            if (examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            return exit;
        }
    }
}
