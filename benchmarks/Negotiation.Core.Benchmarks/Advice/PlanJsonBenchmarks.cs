using System.Buffers;
using BenchmarkDotNet.Attributes;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Advice.Json;

namespace Negotiation.Core.Benchmarks.Advice;

/// <summary>
/// A warm plan of each example case written as JSON: indented (<see cref="NegotiationPlan.ToJson"/>), on one line
/// (<see cref="NegotiationPlan.ToJsonLine"/>) and as UTF-8 into a reused buffer (what <c>negotiation batch</c> does),
/// against the Newtonsoft writer they replaced, in the same run.
/// </summary>
[ShortAdviceJob]
[MemoryDiagnoser]
[MedianColumn]
public class PlanJsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> utf8 = new(96 * 1024);
    private readonly StringWriter text = new();
    private NegotiationPlan plan = null!;

    /// <summary>The example case, by file name in <c>rules/cn-consumer-credit/examples</c>.</summary>
    [Params("seed-oversight", "lasting-hardship", "scam-offer")]
    public string Case { get; set; } = "";

    /// <summary>Advises the case once, in its first language (zh-CN), and warms both writers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        plan = NegotiationAdvisor.CreateDefault().Advise(BorrowerCase.FromJson(File.ReadAllText(RepositoryFiles.ExampleCase(Case))));
        if (NewtonsoftPlanJson.Write(plan) != plan.ToJson())
        {
            throw new InvalidOperationException("The writers disagree: run the differential tests.");
        }
    }

    /// <summary>Before: the indented plan through Newtonsoft.</summary>
    [Benchmark(Baseline = true)]
    public string NewtonsoftToJson() => NewtonsoftPlanJson.Write(plan);

    /// <summary>After: the indented plan.</summary>
    [Benchmark]
    public string ToJson() => plan.ToJson();

    /// <summary>Before: the plan on one line through Newtonsoft.</summary>
    [Benchmark]
    public string NewtonsoftToJsonLine() => NewtonsoftPlanJson.ToJsonLine(plan);

    /// <summary>After: the plan on one line.</summary>
    [Benchmark]
    public string ToJsonLine() => plan.ToJsonLine();

    /// <summary>Before: batch's old path, the line into a reused text writer (a builder).</summary>
    [Benchmark]
    public int NewtonsoftWriteJsonLineText()
    {
        text.GetStringBuilder().Clear();
        NewtonsoftPlanJson.WriteJsonLine(plan, text);
        return text.GetStringBuilder().Length;
    }

    /// <summary>After: batch's new path, the line as UTF-8 into a reused buffer.</summary>
    [Benchmark]
    public int WriteJsonLineUtf8()
    {
        utf8.ResetWrittenCount();
        plan.WriteJsonLine(utf8);
        return utf8.WrittenCount;
    }
}
