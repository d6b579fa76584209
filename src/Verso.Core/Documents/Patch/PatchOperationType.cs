namespace Verso.Documents.Patch;

/// <summary>The six operations of RFC 6902.</summary>
public enum PatchOperationType
{
    /// <summary><c>add</c></summary>
    Add,

    /// <summary><c>remove</c></summary>
    Remove,

    /// <summary><c>replace</c></summary>
    Replace,

    /// <summary><c>move</c></summary>
    Move,

    /// <summary><c>copy</c></summary>
    Copy,

    /// <summary><c>test</c></summary>
    Test,
}
