using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Verso.Server.Tests.Support;

/// <summary>Lets a test wait for the server to log a line containing some text, without polling.</summary>
public sealed class LogSignal : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new(StringComparer.Ordinal);

    /// <summary>Completes once a line containing <paramref name="fragment"/> is logged (from now on).</summary>
    public Task WhenLogged(string fragment) =>
        _waits.GetOrAdd(fragment, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSignal signal) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception);
            foreach (var (fragment, wait) in signal._waits)
            {
                if (line.Contains(fragment, StringComparison.Ordinal))
                {
                    wait.TrySetResult();
                }
            }
        }
    }
}
