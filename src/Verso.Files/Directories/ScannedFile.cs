namespace Verso.Files.Directories;

/// <summary>A file found in an exported directory: the record it names, or why it names none.</summary>
/// <param name="RelativePath">The path inside the directory, with forward slashes.</param>
/// <param name="Record">The record path, when the file's folder and name are a kind and an id.</param>
/// <param name="Problem">Why the file cannot be used, when it cannot.</param>
internal sealed record ScannedFile(string RelativePath, RecordPath? Record, string? Problem);
