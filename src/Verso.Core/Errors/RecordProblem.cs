namespace Verso.Errors;

/// <summary>One thing wrong with a record.</summary>
/// <param name="Path">The RFC 6901 pointer of the offending value ("" for the whole record).</param>
/// <param name="Message">What is wrong.</param>
public sealed record RecordProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Message}";
}
