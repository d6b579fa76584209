using System.CommandLine;
using Verso.Cli.Infrastructure;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso completion bash|zsh|fish|pwsh</c>: a script that makes the shell complete verso's commands and
/// options. Each script asks the hidden <c>verso __complete -- WORDS…</c> for the candidates, so completion
/// always matches the verso that runs.
/// </summary>
internal static class CompletionCommand
{
    public static IEnumerable<Command> Create(RootCommand root, CliConsole console)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        var completion = new Command("completion", "print a shell script that completes verso's commands and options") { shell };
        completion.SetAction(parse =>
        {
            console.Out.Write(Script(parse.GetRequiredValue(shell)));
            return ExitCodes.Ok;
        });
        yield return completion;

        var words = new Argument<string[]>("WORDS") { Arity = ArgumentArity.ZeroOrMore };
        var complete = new Command("__complete", "the candidates for the last of WORDS (used by the completion scripts)") { words };
        complete.Hidden = true;
        complete.SetAction(parse =>
        {
            foreach (var candidate in Candidates(root, parse.GetValue(words) ?? []))
            {
                console.Out.WriteLine(candidate);
            }

            return ExitCodes.Ok;
        });
        yield return complete;
    }

    /// <summary>What may follow <paramref name="words"/> (the words after <c>verso</c>; the last is the one being typed).</summary>
    public static IEnumerable<string> Candidates(RootCommand root, IReadOnlyList<string> words)
    {
        Command command = root;
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (command.Subcommands.FirstOrDefault(c => c.Name == words[i] || c.Aliases.Contains(words[i])) is { } sub)
            {
                command = sub;
            }
        }

        var typed = words.Count > 0 ? words[^1] : "";
        var names = typed.StartsWith('-')
            ? command.Options.Concat(root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        return names.Where(n => n.StartsWith(typed, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);
    }

    private static string Script(string shell) => shell switch
    {
        "bash" => """
            # verso completion for bash: source <(verso completion bash)
            _verso() {
                local IFS=$'\n'
                COMPREPLY=($(verso __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
            }
            complete -o default -F _verso verso

            """,
        "zsh" => """
            #compdef verso
            # verso completion for zsh: source <(verso completion zsh), or save it as _verso on your $fpath
            _verso() {
                local -a candidates
                candidates=("${(@f)$(verso __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
                compadd -a candidates
            }
            compdef _verso verso

            """,
        "fish" => """
            # verso completion for fish: verso completion fish | source
            complete -c verso -f -a '(verso __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'

            """,
        _ => """
            # verso completion for PowerShell: verso completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName verso -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                if ($wordToComplete -eq '') { $words += '""' }
                verso __complete -- @words | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
