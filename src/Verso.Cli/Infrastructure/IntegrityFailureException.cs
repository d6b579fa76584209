using Verso.Errors;

namespace Verso.Cli.Infrastructure;

/// <summary>A command that needs an intact store found damage (exit 1).</summary>
internal sealed class IntegrityFailureException(string message) : VersoException(message)
{
    public override ErrorCategory Category => ErrorCategory.Failure;
}
