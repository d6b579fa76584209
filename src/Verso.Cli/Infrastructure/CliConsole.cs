using Spectre.Console;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// Everything the command touches outside itself: its streams, its environment and its working
/// directory. Tests build one over in-memory streams and run the real command in-process.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(Stream output, TextWriter error, Stream input, Func<string, string?> environment, string workingDirectory, bool isTerminal)
    {
        OutputStream = output;
        Out = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        Error = error;
        Input = input;
        Environment = environment;
        WorkingDirectory = workingDirectory;
        IsTerminal = isTerminal;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // Piped output has no width; a wide table beats one wrapped at 80 columns.
            Ansi.Profile.Width = 200;
        }
    }

    /// <summary>Standard output as bytes, for output that must be exact (canonical JSON).</summary>
    public Stream OutputStream { get; }

    /// <summary>Standard output as text.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Standard input.</summary>
    public Stream Input { get; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Where relative paths start.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Whether standard output is a terminal (colors, progress bars).</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre.Console over <see cref="Out"/>, for tables.</summary>
    public IAnsiConsole Ansi { get; }

    public static CliConsole FromProcess() => new(
        Console.OpenStandardOutput(),
        Console.Error,
        Console.OpenStandardInput(),
        System.Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected);

    /// <summary>A path given on the command line, made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
