namespace Verso.Files;

/// <summary>Marks the plain-text layer's assembly, for callers that locate it by type.</summary>
internal static class FilesAssembly
{
}
