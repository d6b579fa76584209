namespace Verso.Cli.Tests.Support;

/// <summary>
/// Which <c>verso</c> the tests run as a process: the framework-dependent build beside the tests
/// (<c>dotnet verso.dll</c>), or, when <c>VERSO_EXECUTABLE</c> names one, that executable, e.g. the
/// NativeAOT binary the tool package ships (see docs/BENCHMARKS.md, issue 13). With it set, the in-process
/// runs go through that executable too, so the whole suite checks the native build.
/// </summary>
public static class VersoExecutable
{
    public const string Variable = "VERSO_EXECUTABLE";

    private static readonly string VersoDll = Path.Combine(AppContext.BaseDirectory, "verso.dll");

    /// <summary>The native (or other) executable under test, or null for the build beside the tests.</summary>
    public static string? Override { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>The program to start and the arguments that come before verso's own.</summary>
    public static (string Program, string[] Prefix) Command =>
        Override is { } native ? (native, []) : ("dotnet", [VersoDll]);
}
