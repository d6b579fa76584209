namespace Verso.Files.Git;

/// <summary>How <c>verso import-git</c> reads the files it walks.</summary>
public enum GitFileFormat
{
    /// <summary>By extension: <c>.json</c> as JSON, <c>.md</c> as Markdown with front matter, anything else as YAML.</summary>
    Auto,

    /// <summary>JSON records.</summary>
    Json,

    /// <summary>YAML records, as <c>verso export</c> writes them.</summary>
    Yaml,

    /// <summary>Markdown with YAML front matter (agents), as <c>verso export</c> writes them.</summary>
    Markdown,

    /// <summary>
    /// Squad's files: <c>charter.md</c> as an agent (entity named after its folder), or a decision inbox
    /// file as a team decision pinned to its author's charter in force at the commit.
    /// </summary>
    Squad,
}
