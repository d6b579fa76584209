namespace Verso.Documents.Canonical;

/// <summary>Why a JSON string has no canonical form.</summary>
internal enum StringProblem
{
    None,
    InvalidUtf8,
    LoneSurrogate,
}
