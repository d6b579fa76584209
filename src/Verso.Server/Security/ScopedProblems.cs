using Verso.Errors;
using Verso.Server.Http;

namespace Verso.Server.Security;

/// <summary>
/// Keeps a kind-limited token's errors inside its kinds. A failure about a version of another kind (a pin
/// that does not exist, a hash prefix, a removed content, a conflict) would say what that kind holds
/// ("agent/alice has versions 1..2"); such a caller gets one fixed 404 instead, the same whether the version
/// exists or not, so errors are no oracle for kinds it may not read.
/// </summary>
internal static class ScopedProblems
{
    /// <summary>The problem <paramref name="caller"/> may see for <paramref name="exception"/>.</summary>
    public static ApiProblem Hide(ApiProblem problem, VersoException exception, Caller caller)
    {
        if (caller.Kinds.IsDefaultOrEmpty || KindOf(exception) is not { } kind || caller.MayTouch(kind))
        {
            return problem;
        }

        return ApiProblem.NotFound($"not found: a {kind} version is outside this token's kinds or does not exist").With("kind", kind);
    }

    // The kind a failure is about, when it names one.
    private static string? KindOf(VersoException exception) => exception switch
    {
        NotFoundException notFound => KindOfRef(notFound.Reference),
        AmbiguousHashPrefixException ambiguous => KindOfRef(ambiguous.Reference),
        ContentRemovedException removed => KindOfRef(removed.Reference),
        InvalidReferenceException reference => reference.Reference.Key.Kind,
        VersionConflictException conflict => conflict.Kind,
        InvalidRecordException invalid => invalid.Kind,
        RefusedException refused => KindOfRef(refused.Target),
        _ => null,
    };

    private static string? KindOfRef(string? reference)
    {
        var slash = reference?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 ? reference![..slash] : null;
    }
}
