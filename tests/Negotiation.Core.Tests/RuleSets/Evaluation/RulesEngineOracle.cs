using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;
using Newtonsoft.Json.Linq;
using RulesEngine.Models;

namespace Negotiation.Core.Tests.RuleSets.Evaluation;

/// <summary>One top-level rule's result as compared: which rule, whether it succeeded, and the error text.</summary>
internal sealed record RuleResult(string Workflow, string Rule, bool Success, string? Error)
{
    public override string ToString() => $"{Workflow}/{Rule}: {(Success ? "fired" : "not fired")}{(Error is null ? "" : " [" + Error + "]")}";
}

/// <summary>
/// The reference the compiled rules are held to: RulesEngine 6's own <c>ExecuteAllRulesAsync</c> on an engine built
/// from the same workflow files and settings, run workflow by workflow with the facts updated between workflows
/// as the library does (the decided outcome).
/// </summary>
internal sealed class RulesEngineOracle
{
    private readonly RuleSet rules;
    private readonly global::RulesEngine.RulesEngine engine;
    private readonly AssessmentSettings settings;

    /// <param name="rules">The loaded rule set.</param>
    /// <param name="workflowJson">The text of each workflow file of the set, in manifest order.</param>
    public RulesEngineOracle(RuleSet rules, IEnumerable<string> workflowJson)
    {
        this.rules = rules;
        engine = new global::RulesEngine.RulesEngine([.. workflowJson], RuleEvaluator.Settings);
        settings = AssessmentSettings.From(rules.Parameters);
    }

    /// <summary>The oracle for a folder; the manifest's named conditions are put first in each workflow's GlobalParams, as the library sees them.</summary>
    public static RulesEngineOracle ForFolder(RuleSet rules, string folder)
    {
        var shared = JObject.Parse(File.ReadAllText(Path.Combine(folder, "ruleset.json")))["conditions"] as JArray ?? [];
        return new(rules, rules.Workflows.Select(w =>
        {
            var workflow = JObject.Parse(File.ReadAllText(Path.Combine(folder, w + ".json")));
            workflow["GlobalParams"] = new JArray(shared.Concat(workflow["GlobalParams"] as JArray ?? []).Select(c => c.DeepClone()));
            return workflow.ToString();
        }));
    }

    /// <summary>RulesEngine's results for the case.</summary>
    public List<RuleResult> Expected(BorrowerCase c)
    {
        var facts = Assessor.Assess(c, settings);
        var results = new List<RuleResult>();
        var specs = rules.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var workflow in rules.Workflows)
        {
            RuleParameter[] inputs =
            [
                new(RuleInputs.CaseName, c),
                new(RuleInputs.FactsName, facts),
                new(RuleInputs.ParamsName, rules.Evaluator.Parameters),
            ];
            foreach (var result in engine.ExecuteAllRulesAsync(workflow, inputs).GetAwaiter().GetResult())
            {
                var error = string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage;
                results.Add(new RuleResult(workflow, result.Rule.RuleName, result.IsSuccess && error is null, error));
            }

            // The highest-priority fired reason naming an outcome decides it (the first of equals).
            var best = results.Where(r => r.Success).Select(r => specs[r.Rule])
                .Where(s => s is { Kind: RuleKind.Reason, Outcome: not null })
                .Aggregate((RuleSpec?)null, (b, s) => b is null || s.Priority > b.Priority ? s : b);
            var outcome = best?.Outcome ?? "";
            if (outcome != facts.Outcome)
            {
                facts = facts with { Outcome = outcome };
            }
        }

        return results;
    }

    /// <summary>The compiled rules' results for the case, as the advisor evaluates them.</summary>
    public List<RuleResult> Actual(BorrowerCase c) =>
        [.. rules.Evaluator.Evaluate(c, Assessor.Assess(c, settings)).Firings.Select(f => new RuleResult(f.Workflow, f.Rule, f.Success, f.Error))];
}
