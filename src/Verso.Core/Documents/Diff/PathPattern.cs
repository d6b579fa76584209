namespace Verso.Documents.Diff;

// Matches an RFC 6901 pointer against a pattern whose "*" segments match any one segment.
internal static class PathPattern
{
    public static bool Matches(string pattern, string path)
    {
        if (pattern == path)
        {
            return true;
        }

        var patternSegments = pattern.Split('/');
        var pathSegments = path.Split('/');
        if (patternSegments.Length != pathSegments.Length)
        {
            return false;
        }

        for (var i = 0; i < patternSegments.Length; i++)
        {
            if (patternSegments[i] != "*" && patternSegments[i] != pathSegments[i])
            {
                return false;
            }
        }

        return true;
    }
}
