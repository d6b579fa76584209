using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Verso.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
