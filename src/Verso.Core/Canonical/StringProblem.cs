namespace Verso.Canonical;

/// <summary>Why a JSON string has no canonical form.</summary>
internal enum StringProblem
{
    None,
    InvalidUtf8,
    LoneSurrogate,
}
