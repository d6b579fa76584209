using Verso.Errors;

namespace Verso.Versioning.Signatures;

/// <summary>A key file that cannot be used: not PEM, not PKCS#8 / SPKI, or an algorithm Verso does not sign with.</summary>
public sealed class InvalidKeyException(string message) : VersoException(message)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
