namespace Verso.Cli.Infrastructure;

/// <summary>The exit codes of DESIGN.md, the same for every command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Conflict = 3;
    public const int NotFound = 4;
}
