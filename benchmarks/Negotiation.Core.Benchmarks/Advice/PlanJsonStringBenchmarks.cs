using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;

namespace Negotiation.Core.Benchmarks.Advice;

/// <summary>
/// The plan as a string, indented and on one line, under the runtime's default large-object-heap threshold (85,000
/// bytes, which every plan string exceeds) and under a host that raises it to 1 MiB (<c>System.GC.LOHThreshold</c>,
/// here through <c>DOTNET_GCLOHThreshold</c>): the writer is the same, only where the string lands differs.
/// </summary>
[Config(typeof(LargeObjectHeapConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class PlanJsonStringBenchmarks
{
    private NegotiationPlan plan = null!;

    /// <summary>The example case, by file name in <c>rules/cn-consumer-credit/examples</c>.</summary>
    [Params("seed-oversight", "lasting-hardship", "scam-offer")]
    public string Case { get; set; } = "";

    /// <summary>Advises the case once, in its first language (zh-CN), and reads its trace.</summary>
    [GlobalSetup]
    public void Setup()
    {
        plan = NegotiationAdvisor.CreateDefault().Advise(BorrowerCase.FromJson(File.ReadAllText(RepositoryFiles.ExampleCase(Case))));
        _ = plan.ToJsonLine();
    }

    /// <summary>The indented plan contract.</summary>
    [Benchmark(Baseline = true)]
    public string ToJson() => plan.ToJson();

    /// <summary>The plan contract on one line.</summary>
    [Benchmark]
    public string ToJsonLine() => plan.ToJsonLine();

    /// <summary>The short job of the other advice benchmarks, once as the runtime starts and once with a 1 MiB LOH threshold.</summary>
    private sealed class LargeObjectHeapConfig : ManualConfig
    {
        public LargeObjectHeapConfig()
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15);
            AddJob(job.WithId("default LOH"));
            AddJob(job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x100000")).WithId("LOH 1 MiB"));
        }
    }
}
