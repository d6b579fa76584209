namespace Verso.Files;

/// <summary>How one record is written as a file.</summary>
public enum RecordFileFormat
{
    /// <summary><c>&lt;kind&gt;/&lt;id&gt;.yaml</c>: the record as YAML.</summary>
    Yaml,

    /// <summary><c>&lt;kind&gt;/&lt;id&gt;.md</c>: YAML front matter with the structured fields, the prose field as the body.</summary>
    Markdown,

    /// <summary><c>&lt;kind&gt;/&lt;id&gt;.json</c>: the record as JSON, as platforms write it. Read, never written by an export.</summary>
    Json,
}
