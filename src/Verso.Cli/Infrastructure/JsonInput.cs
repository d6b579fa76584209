using System.Text.Json.Nodes;
using Verso.Canonical;
using Verso.Snapshots;

namespace Verso.Cli.Infrastructure;

/// <summary>JSON documents as nodes, read from files or versions, validated like everything else.</summary>
internal static class JsonInput
{
    /// <summary>Parses user input after checking it has a canonical form (so bad JSON fails the same way everywhere).</summary>
    public static JsonNode? Parse(byte[] utf8Json) => JsonNode.Parse(CanonicalJson.Canonicalize(utf8Json));

    /// <summary>A version's content as a node.</summary>
    public static JsonNode? Parse(Snapshot snapshot) => JsonNode.Parse(snapshot.Content.Span);
}
