namespace Verso.Files.Git;

/// <summary>What one git run printed and how it exited.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output, as bytes.</param>
/// <param name="Error">Standard error, as text.</param>
internal sealed record GitRunResult(int ExitCode, byte[] Output, string Error);
