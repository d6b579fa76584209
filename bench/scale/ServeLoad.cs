namespace Verso.Scale;

internal static class ServeLoad
{
    public static Task RunAsync(string verso, string store, int instances, double seconds, FillPlan plan) => throw new NotImplementedException();
}
