using Verso.Server.Http;

namespace Verso.Server.Endpoints;

/// <summary>The subject a rollout buckets (a user id, a tenant): a key, never a document; resolve and a decision's resolution read it alike.</summary>
internal static class RolloutSubjects
{
    public const int MaxLength = 1024;

    /// <summary>The subject as given, or null; 400 <c>invalid-subject</c> past <see cref="MaxLength"/> characters.</summary>
    public static string? Check(string? subject) => subject is { Length: > MaxLength }
        ? throw new ApiProblemException(ApiProblem.BadRequest($"a subject is a key of at most {MaxLength} characters", "invalid-subject"))
        : subject;
}
