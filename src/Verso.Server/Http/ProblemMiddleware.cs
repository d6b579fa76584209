using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verso.Errors;

namespace Verso.Server.Http;

/// <summary>
/// The one place the HTTP edge turns failures into problem responses: Verso's exceptions by type, HTTP's
/// own (body too large, bad headers) by status, and anything else as a 500 that says nothing about the
/// server's insides. No stack trace ever reaches a client; unexpected failures are logged with theirs.
/// </summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ApiProblem problem;
        try
        {
            await next(context);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
            return;
        }
        catch (ApiProblemException exception)
        {
            problem = exception.Problem;
        }
        catch (VersoException exception)
        {
            // A kind-limited token learns nothing of other kinds from an error either.
            problem = Security.ScopedProblems.Hide(ProblemWriter.ForException(exception), exception, Security.Caller.Of(context));
            if (problem.Status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(exception, "{Method} {Path} failed: {Message}", context.Request.Method, context.Request.Path, exception.Message);
            }
        }
        catch (BadHttpRequestException exception)
        {
            problem = ApiProblem.ForStatus(exception.StatusCode) with { Detail = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiProblem.ForStatus(413).Detail : exception.Message };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Method} {Path} failed unexpectedly", context.Request.Method, context.Request.Path);
            problem = new ApiProblem(StatusCodes.Status500InternalServerError, "internal", "Internal error", "the server failed to answer; its log says why");
        }

        if (context.Response.HasStarted)
        {
            // Part of a body is out (a stream): the only honest signal left is to cut the connection.
            context.Abort();
            return;
        }

        context.Response.Clear();
        await ProblemWriter.WriteAsync(context, problem);
    }
}
