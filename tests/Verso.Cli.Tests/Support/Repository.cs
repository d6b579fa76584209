namespace Verso.Cli.Tests.Support;

/// <summary>The repository these tests were built from, found by walking up to Verso.slnx.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verso.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository: no Verso.slnx above " + AppContext.BaseDirectory);
    }
}
