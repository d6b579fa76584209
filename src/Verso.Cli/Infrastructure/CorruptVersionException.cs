using Verso.Errors;

namespace Verso.Cli.Infrastructure;

/// <summary>A version read from the store whose content does not hash to its recorded hash.</summary>
internal sealed class CorruptVersionException(string reference, string actual, string recorded)
    : VersoException($"{reference}: its content hashes to {actual}, not to its recorded {recorded}; the store is damaged (verso verify lists every damaged version)")
{
    public override ErrorCategory Category => ErrorCategory.Failure;
}
