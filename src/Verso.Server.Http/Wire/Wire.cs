using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Verso.Contracts;

namespace Verso.Server.Wire;

/// <summary>
/// Answers made of contracts, serialized with <see cref="VersoJson.Options"/> (source-generated, AOT-safe):
/// the same settings the CLI's <c>--json</c> and the client use, whatever the host's own JSON options are.
/// </summary>
public static class WireResults
{
    /// <summary>200 with <paramref name="value"/> as JSON.</summary>
    public static JsonHttpResult<T> Ok<T>(T value) => TypedResults.Json(value, VersoJson.TypeInfo<T>());

    /// <summary>201 with <paramref name="value"/> as JSON.</summary>
    public static JsonHttpResult<T> Created<T>(T value) => TypedResults.Json(value, VersoJson.TypeInfo<T>(), statusCode: StatusCodes.Status201Created);
}
