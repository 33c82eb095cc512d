using BenchmarkDotNet.Attributes;
using Negotiation.Core.Benchmarks.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Benchmarks.Cases;

/// <summary>
/// <see cref="BorrowerCase.FromJson(string)"/> on each example case, as the file and as one JSON line (the batch
/// input), against the full reader alone (<see cref="CaseReader.ReadFully(string)"/>), which is what every case
/// went through before the fast path and what invalid cases still go through.
/// </summary>
[ShortAdviceJob]
[MemoryDiagnoser]
[MedianColumn]
public class CaseReadingBenchmarks
{
    private string json = "";

    /// <summary>The example case, by file name in <c>rules/cn-consumer-credit/examples</c>.</summary>
    [Params("seed-oversight", "lasting-hardship", "scam-offer")]
    public string Case { get; set; } = "";

    /// <summary>Whether the case is read as the indented file or as one compact line.</summary>
    [Params(false, true)]
    public bool OneLine { get; set; }

    /// <summary>Loads the case text once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        json = File.ReadAllText(RepositoryFiles.ExampleCase(Case));
        if (OneLine)
        {
            json = JToken.Parse(json).ToString(Formatting.None);
        }
    }

    /// <summary>The full reader alone: a line-numbered tree, the shape pass, the serializer, the consistency checks.</summary>
    [Benchmark(Baseline = true)]
    public BorrowerCase FullReader() => CaseReader.ReadFully(json);

    /// <summary>The public entry point, which takes the single-pass fast path for a valid case.</summary>
    [Benchmark]
    public BorrowerCase FromJson() => BorrowerCase.FromJson(json);
}
