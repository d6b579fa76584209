using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Model.Snapshots;

namespace Verso.Cli.Infrastructure;

/// <summary>JSON documents as nodes, read from files or versions, validated like everything else.</summary>
internal static class JsonInput
{
    /// <summary>Parses user input after checking it has a canonical form (so bad JSON fails the same way everywhere).</summary>
    public static JsonNode? Parse(byte[] utf8Json) => JsonLimits.ParseNode(CanonicalJson.Canonicalize(utf8Json));

    /// <summary>Parses the input named <paramref name="source"/> (a path, or - for standard input); errors name it with a 1-based line and column.</summary>
    public static JsonNode? Parse(string source, byte[] utf8Json) => From(source, () => Parse(utf8Json));

    /// <summary>Runs <paramref name="read"/> over the input named <paramref name="source"/>, so a JSON error names the file.</summary>
    public static T From<T>(string source, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (Errors.CanonicalJsonException exception)
        {
            throw new InputFileException(source, exception);
        }
    }

    /// <summary>A version's content as a node.</summary>
    public static JsonNode? Parse(Snapshot snapshot) => JsonLimits.ParseNode(snapshot.Content.Span);
}
