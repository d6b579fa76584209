using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Verso.Server.Checkpoints;

/// <summary>
/// Writes a checkpoint when the server starts and then every <see cref="CheckpointScheduleOptions.Every"/>. A failed
/// checkpoint (a damaged store, a full disk) is logged and the next one is tried on time; it never stops the server.
/// </summary>
public sealed partial class CheckpointScheduler(CheckpointWriter writer, IOptions<CheckpointScheduleOptions> options, TimeProvider time, ILogger<CheckpointScheduler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Every is not { } every || options.Value.Directory is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(every, time);
        do
        {
            try
            {
                await writer.WriteAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "checkpoint failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
