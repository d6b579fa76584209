namespace Verso.Documents.Schemas;

/// <summary>How much one schema change matters to the callers on one side; ordered from harmless to breaking.</summary>
public enum SchemaChangeLevel
{
    /// <summary>Every caller that worked before still works.</summary>
    Compatible,

    /// <summary>Could break some callers, or Verso could not decide (a keyword it does not compare changed): a person should look.</summary>
    Warning,

    /// <summary>A caller that worked before can fail now.</summary>
    Breaking,
}
