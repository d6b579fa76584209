using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Verso.Contracts;
using Verso.Contracts.Problems;
using Verso.Errors;
using Verso.Governance.Policies;

namespace Verso.Server.Http;

/// <summary>Writes problems as <c>application/problem+json</c> (the <see cref="Problem"/> contract), and maps Verso's exceptions to them in one place.</summary>
public static class ProblemWriter
{
    /// <summary>The media type of every error body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The problem for an exception the library raised on purpose.</summary>
    public static ApiProblem ForException(VersoException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            InvalidRecordException invalid => new ApiProblem(StatusCodes.Status422UnprocessableEntity, "invalid-record", "Invalid record", exception.Message)
                .With("kind", invalid.Kind)
                .With("problems", invalid.Problems.Select(p => new Dictionary<string, object?> { ["path"] = p.Path, ["message"] = p.Message }).ToList()),
            InvalidReferenceException reference => new ApiProblem(StatusCodes.Status422UnprocessableEntity, "invalid-reference", "Invalid reference", exception.Message)
                .With("reference", reference.Reference.ToString()),
            UnknownKindException unknown => new ApiProblem(StatusCodes.Status422UnprocessableEntity, "unknown-kind", "Unknown kind", $"{exception.Message} (new_kind=true creates it)")
                .With("kind", unknown.Kind).With("suggestion", unknown.Suggestion),
            CanonicalJsonException json => ApiProblem.BadRequest(exception.Message, "bad-json").With("json_path", json.JsonPath),
            InvalidNameException name => ApiProblem.BadRequest(exception.Message, "invalid-name").With("what", name.What).With("value", name.Value),
            AmbiguousHashPrefixException ambiguous => ApiProblem.BadRequest(exception.Message, "ambiguous-hash").With("ref", ambiguous.Reference),
            Security.TokenExistsException exists => new ApiProblem(StatusCodes.Status409Conflict, "token-exists", "Token exists", exception.Message).With("name", exists.Name),
            VersionConflictException conflict => new ApiProblem(StatusCodes.Status409Conflict, "version-conflict", "Version conflict", exception.Message)
                .With("kind", conflict.Kind).With("id", conflict.Id).With("expected", conflict.ExpectedVersion).With("actual", conflict.ActualVersion),
            ImportConflictException import => new ApiProblem(StatusCodes.Status409Conflict, "import-conflict", "Import conflict", exception.Message)
                .With("ref", import.Ref).With("head", import.Head).With("reason", import.Reason),
            ContentRemovedException removed => new ApiProblem(StatusCodes.Status410Gone, "content-removed", "Content removed", exception.Message)
                .With("ref", removed.Reference).With("removal", removed.Removal.Verb).With("removed_by", removed.Removal.RemovedBy)
                .With("removed_at", Naming.Timestamp.Format(removed.Removal.RemovedAt)).With("reason", removed.Removal.Reason),
            // Who may act (authors, reviewers, the owners of reserved kinds) is 403; every other rule of a policy is a conflict with the store's state.
            RefusedException refused => new ApiProblem(
                    refused.Rule is PolicyRules.NoSelfReview or PolicyRules.AuthorOnly or PolicyRules.Reserved ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                    "refused", "Refused", exception.Message)
                .With("rule", refused.Rule).With("policy", refused.Policy).With("target", refused.Target).With("reason", refused.Reason).With("remedy", refused.Remedy),
            ComparisonTooLargeException tooLarge => new ApiProblem(StatusCodes.Status422UnprocessableEntity, "too-large-to-compare", "Too large to compare",
                    $"{exception.Message}; the server's operator can raise it with Verso:Server:DiffBudget (verso serve --diff-budget N)")
                .With("budget", tooLarge.MaxSteps),
            Versioning.Rollouts.InvalidRolloutException => new ApiProblem(StatusCodes.Status422UnprocessableEntity, "invalid-rollout", "Invalid rollout", exception.Message),
            Versioning.Rollouts.RolloutConflictException => new ApiProblem(StatusCodes.Status409Conflict, "rollout-conflict", "Rollout conflict", exception.Message),
            NotFoundException notFound => ApiProblem.NotFound(exception.Message).With("ref", notFound.Reference),
            StoreUnavailableException => new ApiProblem(StatusCodes.Status503ServiceUnavailable, "store-unavailable", "Store unavailable", exception.Message),
            StoreFailureException failure => ForStoreFailure(failure),
            _ => exception.Category switch
            {
                ErrorCategory.BadInput => ApiProblem.BadRequest(exception.Message),
                ErrorCategory.Conflict => new ApiProblem(StatusCodes.Status409Conflict, "conflict", "Conflict", exception.Message),
                ErrorCategory.NotFound => ApiProblem.NotFound(exception.Message),
                _ => new ApiProblem(StatusCodes.Status500InternalServerError, "failure", "Failure", exception.Message),
            },
        };
    }

    // The store's own failures by cause, as the CLI reports them (the store translated its driver's error):
    // a full disk is 507 (RFC 4918), a read-only or busy store 503, busy with when to try again.
    private static ApiProblem ForStoreFailure(StoreFailureException failure) => (failure.Cause switch
    {
        StoreFailureCause.DiskFull => new ApiProblem(StatusCodes.Status507InsufficientStorage, "store-full", "Store full", failure.Message),
        StoreFailureCause.ReadOnly => new ApiProblem(StatusCodes.Status503ServiceUnavailable, "store-read-only", "Store read-only", failure.Message),
        StoreFailureCause.Busy => new ApiProblem(StatusCodes.Status503ServiceUnavailable, "store-busy", "Store busy", failure.Message).With(RetryAfter, BusyRetrySeconds),
        StoreFailureCause.TooBig => ApiProblem.BadRequest(failure.Message, "too-big"),
        StoreFailureCause.Corrupt => new ApiProblem(StatusCodes.Status500InternalServerError, "store-corrupt", "Store damaged", failure.Message),
        _ => new ApiProblem(StatusCodes.Status503ServiceUnavailable, "store-unavailable", "Store unavailable", failure.Message),
    }).With("store_cause", failure.Cause.ToString());

    // The extension a problem carries when the client should wait before trying again; also sent as Retry-After.
    private const string RetryAfter = "retry_after";

    // A busy store waited out its whole busy timeout already: a second is a polite pause, not a promise.
    private const int BusyRetrySeconds = 1;

    /// <summary>Writes <paramref name="problem"/> as the response.</summary>
    public static async Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.ContentType = ProblemWriter.ContentType;
        response.Headers.CacheControl = "no-store";
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        if (problem.Extensions.TryGetValue(RetryAfter, out var seconds) && seconds is int wait)
        {
            response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using (var writer = new Utf8JsonWriter(response.BodyWriter, JsonBody.WriterOptions))
        {
            JsonSerializer.Serialize(writer, Wire.WireProblems.Of(problem, context.Request.Path.Value), VersoJson.TypeInfo<Problem>());
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
