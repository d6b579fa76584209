namespace Verso.Server.Mcp.Tools;

/// <summary>
/// JSON Schema fragments the tools share: names as Verso defines them, refs, hashes, a version's metadata.
/// Written by hand rather than reflected from types, so each schema says exactly what the tool accepts and
/// returns and the server needs no reflection (it also runs in the NativeAOT build). They carry no
/// <c>$schema</c>: MCP's default dialect is 2020-12, and they use only keywords that mean the same in
/// draft-07, so clients whose validators default to draft-07 (the TypeScript SDK's Ajv) check them too.
/// </summary>
internal static class ToolSchemas
{


    public const string Kind = """{"type":"string","pattern":"^[a-z][a-z0-9-]{0,63}$","description":"a kind, e.g. agent"}""";

    public const string Id = """{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$","description":"an entity id, e.g. alice"}""";

    public const string Ref = """{"type":"string","minLength":3,"maxLength":512,"description":"kind/id, kind/id@3, kind/id@production (a tag), kind/id@sha256:1a2b3c4d (a hash prefix) or kind/id@{2026-11-01T12:00:00Z} (as of a time)"}""";

    public const string ExactRef = """{"type":"string","pattern":"^[a-z][a-z0-9-]{0,63}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}@[1-9][0-9]*$","description":"one exact version, kind/id@N"}""";

    public const string Hash = """{"type":"string","pattern":"^sha256:[0-9a-f]{64}$","description":"SHA-256 of the version's RFC 8785 canonical JSON"}""";

    public const string Time = """{"type":"string","format":"date-time","description":"UTC, ISO 8601"}""";

    public const string Pin = $$$$"""{"type":"object","description":"the exact version to record as a pin","properties":{"ref":{{{{ExactRef}}}},"hash":{{{{Hash}}}}},"required":["ref","hash"],"additionalProperties":false}""";

    /// <summary>The members every version's metadata has (Verso.Contracts.Versions.VersionMetadata).</summary>
    public const string MetadataProperties = $$$$"""
        "ref":{{{{ExactRef}}}},"kind":{{{{Kind}}}},"id":{{{{Id}}}},"version":{"type":"integer","minimum":1},"hash":{{{{Hash}}}},
        "saved_by":{"type":"string"},"saved_at":{{{{Time}}}},"message":{"type":["string","null"]},
        "operation":{"type":"string","enum":["save","force","rollback","merge","import","erase","apply","prune"]},
        "schema_version":{"type":"integer"},"revert_of":{"type":"integer"},"source":{"type":"object"},"removed":{"type":"object"}
        """;

    public const string MetadataRequired = "\"ref\",\"kind\",\"id\",\"version\",\"hash\",\"saved_by\",\"saved_at\",\"message\",\"operation\"";

    public const string Version = $$$$"""{"type":"object","properties":{ {{{{MetadataProperties}}}} },"required":[{{{{MetadataRequired}}}}]}""";

    public const string VersionWithContent = $$$$"""{"type":"object","properties":{ {{{{MetadataProperties}}}},"content":{"type":["object","null"],"description":"the record; null when its content was pruned or erased"} },"required":[{{{{MetadataRequired}}}},"content"]}""";

    public const string Actor = """{"type":"object","properties":{"name":{"type":"string"},"acting_for":{"type":"string"}},"required":["name"]}""";

    /// <summary>A change request as the contract ChangeRequestInfo writes it.</summary>
    public const string ChangeRequest = $$$$"""
        {"type":"object","properties":{
          "id":{"type":"string","pattern":"^cr-[1-9][0-9]*$"},"target":{"type":"string"},"base_version":{"type":"integer","minimum":0},
          "base_hash":{{{{Hash}}}},"proposal":{"type":"object"},"author":{{{{Actor}}}},"message":{"type":"string"},
          "status":{"type":"string","enum":["open","approved","rejected","stale","applied","withdrawn"]},
          "revision":{"type":"integer","minimum":1},"approvers":{"type":"array","items":{"type":"string"}},
          "reviews":{"type":"array","items":{"type":"object","properties":{"by":{{{{Actor}}}},"verdict":{"type":"string","enum":["approve","reject","comment"]},"message":{"type":"string"},"at":{{{{Time}}}},"revision":{"type":"integer"}},"required":["by","verdict","at","revision"]}},
          "conflicts":{"type":"array","items":{"type":"string"}},"applied_version":{"type":"integer"},"version":{"type":"integer"},"updated_at":{{{{Time}}}}},
         "required":["id","target","base_version","proposal","author","status","revision","approvers","reviews","conflicts","version","updated_at"]}
        """;

    /// <summary>A change as the contract <c>Verso.Contracts.Compare.Change</c> serializes (a diff's entries, a verdict's differences).</summary>
    public const string Change = """
        {"type":"object","properties":{"path":{"type":"string","description":"a JSON Pointer"},"kind":{"type":"string","enum":["added","removed","modified","moved"]},
         "from":{"type":"string"},"old":{},"new":{},"hunks":{"type":"array","items":{"type":"object"}}},"required":["path","kind"]}
        """;

    /// <summary>An input schema: an object of exactly these properties.</summary>
    public static string Input(string properties, string required) =>
        $$$$"""{"type":"object","properties":{ {{{{properties}}}} },"required":[{{{{required}}}}],"additionalProperties":false}""";

    /// <summary>An output schema: an object with these properties.</summary>
    public static string Output(string properties, string required) =>
        $$$$"""{"type":"object","properties":{ {{{{properties}}}} },"required":[{{{{required}}}}]}""";
}
