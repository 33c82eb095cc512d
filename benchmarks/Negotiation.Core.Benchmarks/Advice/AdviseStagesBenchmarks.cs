using BenchmarkDotNet.Attributes;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;

namespace Negotiation.Core.Benchmarks.Advice;

/// <summary>
/// The three stages of <see cref="NegotiationAdvisor.Advise(BorrowerCase)"/> one by one, to see where the time over
/// RulesEngine's own goes: the facts, the workflows with their trace, and the plan assembly.
/// </summary>
[ShortAdviceJob]
[MemoryDiagnoser]
[MedianColumn]
public class AdviseStagesBenchmarks
{
    private RuleSet rules = null!;
    private AssessmentSettings settings = null!;
    private BorrowerCase borrowerCase = null!;
    private Assessment facts = null!;
    private Assessment decidedFacts = null!;
    private RequestRanking ranking = null!;
    private List<RuleFiring> firings = [];

    /// <summary>The example case, by file name in <c>rules/cn-consumer-credit/examples</c>.</summary>
    [Params("seed-oversight", "lasting-hardship", "scam-offer")]
    public string Case { get; set; } = "";

    /// <summary>Loads the case and runs each stage once, so that the next stage has its input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        rules = RuleSet.Default;
        settings = AssessmentSettings.From(rules.Parameters);
        borrowerCase = BorrowerCase.FromJson(File.ReadAllText(RepositoryFiles.ExampleCase(Case)));
        facts = Assessor.Assess(borrowerCase, settings);
        ranking = new RequestRanking(rules, borrowerCase, 2);
        (firings, decidedFacts) = rules.Evaluator.Evaluate(borrowerCase, facts, ranking.AfterWorkflow);
    }

    /// <summary>The facts, from the calculators.</summary>
    [Benchmark]
    public Assessment Assess() => Assessor.Assess(borrowerCase, settings);

    /// <summary>The six workflows through our compiled rules, with the requests ranked after each (the trace's values are read later, when asked for).</summary>
    [Benchmark(Baseline = true)]
    public int Evaluate() => rules.Evaluator.Evaluate(borrowerCase, facts, new RequestRanking(rules, borrowerCase, 2).AfterWorkflow).Firings.Count;

    /// <summary>The plan from the firings: ordering, request terms, messages, caveats, trace.</summary>
    [Benchmark]
    public NegotiationPlan Assemble() => PlanAssembler.Assemble(rules, borrowerCase, decidedFacts, firings, ranking.Ranked, rules.Languages[0]);

    /// <summary>Parsing and checking the case from JSON, which <c>negotiation batch</c> does per line.</summary>
    [Benchmark]
    public BorrowerCase FromJson() => BorrowerCase.FromJson(caseJson ??= File.ReadAllText(RepositoryFiles.ExampleCase(Case)));

    private string? caseJson;
}
