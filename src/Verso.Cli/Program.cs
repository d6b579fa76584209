using Verso.Cli;
using Verso.Cli.Infrastructure;

return await VersoCommandLine.RunAsync(args, CliConsole.FromProcess());
