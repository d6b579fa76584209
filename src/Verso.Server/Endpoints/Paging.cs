using Verso.Server.Http;

namespace Verso.Server.Endpoints;

// The page size a list request gets: the default, or what it asked for within the limit.
internal static class Paging
{
    public static int Size(int? limit, VersoServerOptions options) => limit switch
    {
        null => options.DefaultPageSize,
        < 1 => throw new ApiProblemException(ApiProblem.BadRequest($"limit must be at least 1, not {limit}", "invalid-parameter").With("parameter", "limit")),
        _ => Math.Min(limit.Value, options.MaxPageSize),
    };
}
