using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Verso.Documents.Diff;

namespace Verso.Server.Endpoints;

// One budget per request, spent by all its comparisons and stopped by its token when the client leaves.
internal static class ComparisonBudgets
{
    /// <summary>
    /// A budget of <see cref="VersoServerOptions.DiffBudget"/> steps for this request, also set as a feature of
    /// <paramref name="http"/> so that middleware (logging, diagnostics, tests) can see the work the request did.
    /// </summary>
    public static ComparisonBudget For(HttpContext http, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        var budget = new ComparisonBudget(options.Value.DiffBudget, cancellationToken);
        http.Features.Set(budget);
        return budget;
    }
}
