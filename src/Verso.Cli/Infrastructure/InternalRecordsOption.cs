using System.CommandLine;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// <c>--include-internal</c>: list change requests and checks (and, where it makes sense, tokens) beside the
/// configuration. Without it the whole-store views show what is configured only.
/// </summary>
internal static class InternalRecordsOption
{
    public static Option<bool> Create() => new("--include-internal")
    {
        Description = "also list internal records: change requests and checks (the review's bookkeeping) and the server's tokens",
    };
}
