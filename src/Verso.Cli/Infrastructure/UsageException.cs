using Verso.Errors;

namespace Verso.Cli.Infrastructure;

/// <summary>The command line itself is wrong: a blank option, an unreadable input file.</summary>
internal sealed class UsageException(string message) : VersoException(message)
{
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
