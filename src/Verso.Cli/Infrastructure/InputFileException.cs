using Verso.Errors;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// An input file (or standard input) that is not JSON with a canonical form, named as compilers name
/// their inputs: <c>a.json:1:2: invalid JSON: …</c>, 1-based, or <c>a.json: …</c> when the problem has no
/// position (a duplicate member, a number out of range: those name their JSON path instead).
/// </summary>
internal sealed class InputFileException(string source, CanonicalJsonException inner)
    : VersoException(Format(source, inner), inner)
{
    /// <summary>The file as the user named it, or "stdin".</summary>
    public string Input { get; } = NameOf(source);

    public override ErrorCategory Category => ErrorCategory.BadInput;

    public static string NameOf(string source) => source == "-" ? "stdin" : source;

    private static string Format(string source, CanonicalJsonException inner) => inner.Line is { } line
        ? $"{NameOf(source)}:{line}:{inner.Column}: invalid JSON: {inner.Reason}"
        : $"{NameOf(source)}: {inner.Message}";
}
