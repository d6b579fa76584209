using Verso.Errors;

namespace Verso.Server.Security;

/// <summary>A token of that name exists and is not revoked: revoke it first, or pick another name.</summary>
public sealed class TokenExistsException : VersoException
{
    /// <summary>Creates the exception.</summary>
    public TokenExistsException(string name)
        : base($"a token named '{name}' exists; revoke it first or pick another name")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Conflict;
}
