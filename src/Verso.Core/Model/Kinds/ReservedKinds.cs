namespace Verso.Model.Kinds;

/// <summary>
/// Kinds a host keeps for itself, named <c>verso-…</c> (the REST server keeps its tokens as <c>verso-token</c>
/// records, versioned and audited like everything else). They are left out of manifests, exports and
/// listings, so a store's published state never shows them.
/// </summary>
public static class ReservedKinds
{
    /// <summary>The prefix of every reserved kind.</summary>
    public const string Prefix = "verso-";

    /// <summary>Whether a kind is reserved.</summary>
    public static bool IsReserved(string kind) => kind?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
