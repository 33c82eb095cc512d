using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Negotiation.Core.Benchmarks.Advice;
using Negotiation.Core.Cases;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Benchmarks.Cases;

/// <summary>
/// <see cref="BorrowerCase.FromJson(string)"/> on each example case, as the file and as one JSON line (the batch
/// input), against the floor of the other BCL design: <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/>
/// alone, which builds the tree a JsonElement-based reader would then walk.
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

    /// <summary>The public entry point: the one reader, which reads, checks and builds the case in one pass.</summary>
    [Benchmark(Baseline = true)]
    public BorrowerCase FromJson() => BorrowerCase.FromJson(json);

    /// <summary>Parsing into a <see cref="JsonDocument"/> only, before any field is read or checked.</summary>
    [Benchmark]
    public int JsonDocumentParseOnly()
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        return document.RootElement.GetPropertyCount();
    }
}
