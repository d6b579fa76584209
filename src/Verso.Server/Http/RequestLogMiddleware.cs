using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verso.Server.Http;

/// <summary>
/// One log line per request: method, path, status, duration and the caller's token name. Never the
/// query string (it may carry a saved_by someone would rather not log) and never a header's value.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode, elapsed, Security.Caller.Of(context).Name);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0.0}ms {Caller}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, string caller);
}
