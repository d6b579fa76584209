using System.CommandLine;
using System.Diagnostics;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// Who a change is recorded as: <c>--by WHO</c> when given, else <c>$VERSO_USER</c>, else git's
/// <c>user.name</c>, else the login name. A default is said on standard error, so no one is recorded under a
/// name they did not see.
/// </summary>
internal static class Author
{
    public const string Variable = "VERSO_USER";

    /// <summary>The <c>--by</c> option every writing command takes, optional since it has a default.</summary>
    public static Option<string?> Option(string description) => new("--by")
    {
        Description = $"{description} (default ${Variable}, then git's user.name, then the login name)",
        HelpName = "WHO",
    };

    /// <summary>The name to record, from <paramref name="option"/> or the defaults.</summary>
    /// <exception cref="UsageException">--by is blank, or no default names anyone.</exception>
    /// <exception cref="Errors.StoreUnavailableException">The store is a SQLite file that does not exist.</exception>
    public static async Task<string> ResolveAsync(CommandContext context, Option<string?> option, CancellationToken cancellationToken)
    {
        // No store, no change: say so before naming who the change would be recorded as.
        context.ThrowIfStoreMissing();
        if (context.ParseResult.GetValue(option) is { } given)
        {
            return string.IsNullOrWhiteSpace(given) ? throw new UsageException("--by must name someone") : given;
        }

        var (name, source) = context.Console.Environment(Variable) is { Length: > 0 } fromVariable && !string.IsNullOrWhiteSpace(fromVariable)
            ? (fromVariable, $"${Variable}")
            : await GitUserAsync(context.Console.WorkingDirectory, cancellationToken) is { } fromGit
                ? (fromGit, "git's user.name")
                : (Environment.UserName, "the login name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UsageException($"--by is needed: ${Variable}, git's user.name and the login name are all empty");
        }

        if (!context.Json)
        {
            context.Console.Error.WriteLine($"verso: recording as '{name}' ({source}; --by names someone else)");
        }

        return name;
    }

    private static async Task<string?> GitUserAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["config", "user.name"])
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 && output.Trim() is { Length: > 0 } name ? name : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: the login name is next.
            return null;
        }
    }
}
