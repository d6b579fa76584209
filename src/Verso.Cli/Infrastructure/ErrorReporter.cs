using System.CommandLine;
using System.Text.Json;
using Verso.Errors;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// The CLI's one error edge: every failure becomes one line on standard error (<c>verso: …</c>, escaped
/// for the terminal) and one exit code (1 failure, 2 bad input, 3 conflict, 4 not found); with
/// <c>--json</c> also one JSON document. An exception that is not a <see cref="VersoException"/> is a bug
/// or an unforeseen fault: it is shown as one line with exit 1, and its trace goes to the debug log
/// (standard error, after the line) only when <c>--verbose</c> or <c>VERSO_DEBUG=1</c> asks for it.
/// </summary>
internal static class ErrorReporter
{
    public const string DebugVariable = "VERSO_DEBUG";

    public static int Report(CliConsole console, ParseResult? parseResult, GlobalOptions globals, Exception exception)
    {
        var json = parseResult?.GetValue(globals.Json) ?? false;
        var debug = (parseResult?.GetValue(globals.Verbose) ?? false) || console.Environment(DebugVariable) is "1" or "true";
        int code;
        switch (exception)
        {
            case InvalidRecordException invalid:
                // One line per problem, each naming its JSON path, so every mistake can be fixed in one go.
                code = Write(console, json, invalid.Category, invalid.Problems.Select(p => $"invalid {invalid.Kind} record at {(p.Path.Length == 0 ? "/" : p.Path)}: {p.Message}"));
                break;
            case ComparisonTooLargeException tooLarge:
                code = Write(console, json, tooLarge.Category, [$"{tooLarge.Message}; raise it with --diff-budget STEPS or ${GlobalOptions.DiffBudgetVariable}"]);
                break;
            case VersoException verso:
                code = Write(console, json, verso.Category, [verso.Message]);
                break;
            case IOException io:
                code = Write(console, json, ErrorCategory.Failure, [$"I/O error: {io.Message}"]);
                break;
            case UnauthorizedAccessException denied:
                code = Write(console, json, ErrorCategory.Failure, [$"permission denied: {denied.Message}"]);
                break;
            case OutOfMemoryException:
                code = Write(console, json, ErrorCategory.Failure, ["out of memory"]);
                break;
            default:
                code = Write(console, json, ErrorCategory.Failure, [$"unexpected error ({exception.GetType().Name}): {exception.Message}{(debug ? "" : $" (run with --verbose or {DebugVariable}=1 for the details)")}"]);
                break;
        }

        if (debug)
        {
            console.Error.WriteLine($"verso: debug: {exception}");
        }

        return code;
    }

    /// <summary>One or more lines for a failure that is already in words (a parse error, a damaged store).</summary>
    public static int Write(CliConsole console, bool json, ErrorCategory category, IEnumerable<string> lines)
    {
        var messages = lines.Select(line => TerminalText.Escape(line)).ToList();
        if (json)
        {
            JsonOutput.Write(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("category", JsonNamingPolicy.SnakeCaseLower.ConvertName(category.ToString()));
                writer.WriteString("message", string.Join("; ", messages));
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }

        foreach (var message in messages)
        {
            console.Error.WriteLine($"verso: {message}");
        }

        return ExitCodeOf(category);
    }

    public static int ExitCodeOf(ErrorCategory category) => category switch
    {
        ErrorCategory.BadInput => ExitCodes.BadInput,
        ErrorCategory.Conflict => ExitCodes.Conflict,
        ErrorCategory.NotFound => ExitCodes.NotFound,
        _ => ExitCodes.Failure,
    };
}
