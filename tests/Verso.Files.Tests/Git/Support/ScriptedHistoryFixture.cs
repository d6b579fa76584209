namespace Verso.Files.Tests.Git.Support;

/// <summary>One <see cref="ScriptedHistory"/> shared by a test class that only reads it.</summary>
public sealed class ScriptedHistoryFixture : IDisposable
{
    public ScriptedHistory History { get; } = ScriptedHistory.Build();

    public void Dispose() => History.Dispose();
}
