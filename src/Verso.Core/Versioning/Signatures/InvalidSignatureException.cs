using Verso.Errors;

namespace Verso.Versioning.Signatures;

/// <summary>
/// A signed document that does not verify: the signature does not match the payload under the given key, no
/// signature was made by that key, or the signed statement is not what it claims to be (a replayed or
/// re-chained checkpoint). A failure of integrity, not of the caller's input.
/// </summary>
public sealed class InvalidSignatureException(string message) : VersoException(message)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Failure;
}
