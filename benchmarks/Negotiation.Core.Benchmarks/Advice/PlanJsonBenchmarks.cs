using System.Buffers;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Advice.Json;

namespace Negotiation.Core.Benchmarks.Advice;

/// <summary>
/// A warm plan of each example case written as JSON by <c>Utf8JsonWriter</c>: as UTF-8 into a reused buffer (what
/// <c>negotiation batch</c> does) with each trace, and as strings, against the Newtonsoft contract writer with the whole
/// trace (the baseline) in the same run.
/// </summary>
[ShortAdviceJob]
[MemoryDiagnoser]
[MedianColumn]
public class PlanJsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> utf8 = new(96 * 1024);
    private NegotiationPlan plan = null!;

    /// <summary>The example case, by file name in <c>rules/cn-consumer-credit/examples</c>.</summary>
    [Params("seed-oversight", "lasting-hardship", "scam-offer")]
    public string Case { get; set; } = "";

    /// <summary>The plan's language: Chinese text is most of a zh-CN line, English of an en line.</summary>
    [Params("zh-CN", "en")]
    public string Language { get; set; } = "";

    /// <summary>Advises the case once, in <see cref="Language"/>, and checks that both writers agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        plan = NegotiationAdvisor.CreateDefault().Advise(BorrowerCase.FromJson(File.ReadAllText(RepositoryFiles.ExampleCase(Case))), Language);
        if (!JsonNode.DeepEquals(JsonNode.Parse(NewtonsoftPlanJson.ToJsonLine(plan)), JsonNode.Parse(plan.ToJsonLine(PlanTrace.All))))
        {
            throw new InvalidOperationException("The writers disagree: run the differential tests.");
        }
    }

    /// <summary>Before: the plan on one line through Newtonsoft, every rule in the trace.</summary>
    [Benchmark(Baseline = true)]
    public string NewtonsoftToJsonLine() => NewtonsoftPlanJson.ToJsonLine(plan);

    /// <summary>The default: the line as UTF-8 into a reused buffer, with the rules that fired.</summary>
    [Benchmark]
    public int WriteJsonLineFired()
    {
        utf8.ResetWrittenCount();
        plan.WriteJsonLine(utf8);
        return utf8.WrittenCount;
    }

    /// <summary>The line as UTF-8 into a reused buffer, with every rule.</summary>
    [Benchmark]
    public int WriteJsonLineAll()
    {
        utf8.ResetWrittenCount();
        plan.WriteJsonLine(utf8, PlanTrace.All);
        return utf8.WrittenCount;
    }

    /// <summary>The line as UTF-8 into a reused buffer, without a trace.</summary>
    [Benchmark]
    public int WriteJsonLineNone()
    {
        utf8.ResetWrittenCount();
        plan.WriteJsonLine(utf8, PlanTrace.None);
        return utf8.WrittenCount;
    }

    /// <summary>The default line as a string.</summary>
    [Benchmark]
    public string ToJsonLine() => plan.ToJsonLine();

    /// <summary>The default indented plan as a string.</summary>
    [Benchmark]
    public string ToJson() => plan.ToJson();
}
