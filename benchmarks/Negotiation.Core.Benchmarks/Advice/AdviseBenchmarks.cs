using BenchmarkDotNet.Attributes;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;
using RulesEngine.Models;

namespace Negotiation.Core.Benchmarks.Advice;

/// <summary>A short job (3 warm-ups, 15 measured iterations): the machine is shared, so read the ratios to the baseline.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortAdviceJobAttribute() : SimpleJobAttribute(launchCount: 1, warmupCount: 3, iterationCount: 15);

/// <summary>
/// Warm <see cref="NegotiationAdvisor.Advise(BorrowerCase)"/> on each example case against the floor under it:
/// the same six workflows executed by RulesEngine's own <c>ExecuteAllRulesAsync</c> on a cached engine.
/// </summary>
[ShortAdviceJob]
[MemoryDiagnoser]
[MedianColumn]
public class AdviseBenchmarks
{
    private NegotiationAdvisor advisor = null!;
    private global::RulesEngine.RulesEngine engine = null!;
    private string[] workflows = [];
    private RuleParameter[] inputs = [];
    private BorrowerCase borrowerCase = null!;
    private NegotiationPlan plan = null!;

    /// <summary>The example case, by file name in <c>rules/cn-consumer-credit/examples</c>.</summary>
    [Params("seed-oversight", "lasting-hardship", "scam-offer")]
    public string Case { get; set; } = "";

    /// <summary>Loads the case, warms the advisor and builds the baseline engine and its inputs once, as a RulesEngine user would.</summary>
    [GlobalSetup]
    public void Setup()
    {
        advisor = NegotiationAdvisor.CreateDefault();
        borrowerCase = BorrowerCase.FromJson(File.ReadAllText(RepositoryFiles.ExampleCase(Case)));
        plan = advisor.Advise(borrowerCase);

        // The baseline: one engine over the same workflow files with the same settings, compiled by a first call.
        var rules = advisor.RuleSet;
        workflows = [.. rules.Workflows];
        engine = new global::RulesEngine.RulesEngine(
            [.. workflows.Select(w => File.ReadAllText(Path.Combine(RepositoryFiles.DefaultRules, w + ".json")))],
            RuleEvaluator.Settings);
        var facts = Assessor.Assess(borrowerCase, AssessmentSettings.From(rules.Parameters)) with { Outcome = EnumNames<Outcome>.Of(plan.Decision.Outcome) };
        inputs =
        [
            new RuleParameter(RuleInputs.CaseName, borrowerCase),
            new RuleParameter(RuleInputs.FactsName, facts),
            new RuleParameter(RuleInputs.ParamsName, rules.Evaluator.Parameters),
        ];
        _ = RulesEngineOnly();
    }

    /// <summary>The six workflows through RulesEngine alone: no calculators, no trace, no plan.</summary>
    [Benchmark(Baseline = true)]
    public int RulesEngineOnly()
    {
        var fired = 0;
        foreach (var workflow in workflows)
        {
            foreach (var result in engine.ExecuteAllRulesAsync(workflow, inputs).GetAwaiter().GetResult())
            {
                fired += result.IsSuccess ? 1 : 0;
            }
        }

        return fired;
    }

    /// <summary>The whole advice: facts, the six workflows with their trace, request terms, messages, the plan.</summary>
    [Benchmark]
    public NegotiationPlan Advise() => advisor.Advise(borrowerCase);

    /// <summary>
    /// The whole advice with every trace entry's inputs read: a plan reads them on first use, so this is what
    /// <see cref="Advise"/> costs an app that looks at the whole explanation.
    /// </summary>
    [Benchmark]
    public int AdviseAndReadTrace()
    {
        var values = 0;
        foreach (var entry in advisor.Advise(borrowerCase).Trace)
        {
            values += entry.Inputs.Count;
        }

        return values;
    }

    /// <summary>Advice and its JSON, as an app or <c>negotiation batch</c> would serve it.</summary>
    [Benchmark]
    public string AdviseAndToJson() => advisor.Advise(borrowerCase).ToJson();

    /// <summary>The plan contract alone.</summary>
    [Benchmark]
    public string ToJson() => plan.ToJson();
}
