using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Verso.Server.Endpoints;

/// <summary>
/// The responses each kind of operation declares, so the OpenAPI document lists every status the API
/// sends: the success shape and the problem statuses that can come from its checks.
/// </summary>
internal static class EndpointDocs
{
    private static readonly int[] ReadProblems = [400, 401, 403, 404, 410, 503];
    private static readonly int[] WriteProblems = [400, 401, 403, 404, 409, 410, 412, 413, 415, 422, 503];

    /// <summary>A read answering <typeparamref name="T"/> as JSON.</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder builder, string summary, bool notModified = false)
    {
        builder.Produces<T>(StatusCodes.Status200OK).WithSummary(summary);
        if (notModified)
        {
            builder.Produces(StatusCodes.Status304NotModified);
        }

        return builder.Problems(ReadProblems);
    }

    /// <summary>
    /// A write taking <typeparamref name="TIn"/> and answering <typeparamref name="TOut"/>: 200, and 201 when it
    /// <paramref name="creates"/> something (only 201 when it never answers 200: not <paramref name="ok"/>).
    /// </summary>
    public static RouteHandlerBuilder Writes<TIn, TOut>(this RouteHandlerBuilder builder, string summary, bool creates = true, bool ok = true, bool bodyRequired = true)
        where TIn : notnull
    {
        builder.Accepts<TIn>(!bodyRequired, "application/json").WithSummary(summary);
        if (ok)
        {
            builder.Produces<TOut>(StatusCodes.Status200OK);
        }

        if (creates)
        {
            builder.Produces<TOut>(StatusCodes.Status201Created);
        }

        return builder.Problems(WriteProblems);
    }

    /// <summary>A read that compares versions: also 422 <c>too-large-to-compare</c> past the request's diff budget.</summary>
    public static RouteHandlerBuilder Compares(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status422UnprocessableEntity, "application/problem+json");

    /// <summary>Problem responses of the given statuses, plus 500.</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Append(StatusCodes.Status500InternalServerError).Distinct())
        {
            builder.ProducesProblem(status, "application/problem+json");
        }

        return builder;
    }
}
