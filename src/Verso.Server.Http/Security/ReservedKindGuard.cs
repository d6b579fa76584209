using Verso.Server.Http;

namespace Verso.Server.Security;

/// <summary>
/// The API's guard of <see cref="Model.Kinds.ReservedKinds"/>: refused to every entity endpoint, so no client reads
/// a token hash or writes a token by saving a record.
/// </summary>
public static class ReservedKindGuard
{
    /// <summary>Whether a kind is reserved.</summary>
    public static bool IsReserved(string kind) => Model.Kinds.ReservedKinds.IsReserved(kind);

    /// <summary>Fails with 403 for a reserved kind.</summary>
    /// <exception cref="ApiProblemException">403.</exception>
    public static void ThrowIfReserved(string kind)
    {
        if (IsReserved(kind))
        {
            throw new ApiProblemException(ApiProblem.Forbidden($"kind '{kind}' is reserved for the server itself").With("kind", kind));
        }
    }
}
