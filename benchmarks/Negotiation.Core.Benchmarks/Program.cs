using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Negotiation.Core.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point of the benchmark runner.</summary>
public partial class Program;
