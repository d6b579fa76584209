namespace Verso.Server.Http;

/// <summary>Stops a request with a problem that belongs to HTTP (a precondition, a parameter), not to the library.</summary>
public sealed class ApiProblemException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiProblemException(ApiProblem problem)
        : base(problem?.Detail)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>The problem sent to the client.</summary>
    public ApiProblem Problem { get; }
}
