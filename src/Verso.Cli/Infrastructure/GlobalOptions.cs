using System.CommandLine;

namespace Verso.Cli.Infrastructure;

/// <summary>The options every command takes: where the store is and whether to answer in JSON.</summary>
internal sealed class GlobalOptions
{
    public const string StoreVariable = "VERSO_STORE";
    public const string DefaultStore = "verso.db";
    public const string DiffBudgetVariable = "VERSO_DIFF_BUDGET";

    public Option<string?> Store { get; } = new("--store")
    {
        Description = $"the store: a SQLite file path or postgres://user:pass@host:port/db (default ${StoreVariable} or ./{DefaultStore})",
        HelpName = "CONN",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "print one JSON document for machines",
        Recursive = true,
    };

    public Option<long?> DiffBudget { get; } = new("--diff-budget")
    {
        Description = $"the most steps a diff, blame, merge or compat may take before it stops with 'too large to compare' (default ${DiffBudgetVariable} or {Documents.Diff.ComparisonBudget.DefaultMaxSteps}); for serve, each request's",
        HelpName = "STEPS",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "on an unexpected error, also print its trace (as VERSO_DEBUG=1 does)",
        Recursive = true,
    };
}
