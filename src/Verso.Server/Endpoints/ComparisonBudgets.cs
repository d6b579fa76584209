using Microsoft.Extensions.Options;
using Verso.Diff;

namespace Verso.Server.Endpoints;

// One budget per request, spent by all its comparisons and stopped by its token when the client leaves.
internal static class ComparisonBudgets
{
    public static ComparisonBudget For(IOptions<VersoServerOptions> options, CancellationToken cancellationToken) =>
        new(options.Value.DiffBudget, cancellationToken);
}
