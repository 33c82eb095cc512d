using System.Collections.Frozen;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using RulesEngine.Models;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>One top-level rule's result in one evaluation: whether it fired, on what values, and any run-time error.</summary>
internal sealed record RuleFiring(string Workflow, string Rule, RuleSpec Spec, bool Success, IReadOnlyList<KeyValuePair<string, object?>> Inputs, string? Error);

/// <summary>
/// One RulesEngine instance for one rule set, compiled at load and then shared: evaluates every workflow
/// in manifest order over a case and its facts.
/// </summary>
/// <remarks>Thread-safe after construction: the engine was warmed up on one thread, so no call compiles.</remarks>
internal sealed class RuleEvaluator
{
    private readonly global::RulesEngine.RulesEngine engine;
    private readonly IReadOnlyList<string> workflows;
    private readonly FrozenDictionary<string, RuleSpec> specs;
    private readonly FrozenDictionary<string, InputReader[]> readers;
    private readonly RuleInputs inputs;

    public RuleEvaluator(IReadOnlyList<Workflow> workflows, IEnumerable<RuleSpec> specs, RuleInputs inputs)
    {
        this.workflows = workflows.Select(w => w.WorkflowName).ToArray();
        this.specs = specs.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        this.inputs = inputs;
        readers = this.specs.Values.ToFrozenDictionary(
            s => s.Name,
            s => s.Reads.Select(path => InputReader.Create(path, inputs)).ToArray(),
            StringComparer.Ordinal);
        engine = new global::RulesEngine.RulesEngine([.. workflows], Settings);
    }

    /// <summary>The settings shared by the guard's parser and the engine, so both see the same language.</summary>
    public static ReSettings Settings => new()
    {
        // Only property access on the inputs; no method of their types, no static access to them.
        AutoRegisterInputType = false,
        CustomTypes = [],
        EnableScopedParams = false,
        AutoExecuteActions = false,
        EnableFormattedErrorMessage = false,
        EnableExceptionAsErrorMessage = true,
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        IsExpressionCaseSensitive = false,
        NestedRuleExecutionMode = NestedRuleExecutionMode.Performance,
    };

    public object Parameters => inputs.Parameters;

    /// <summary>
    /// Runs every workflow and returns each top-level rule's result, in workflow and file order, and the facts as
    /// the last workflow saw them: after each workflow, <see cref="Assessment.Outcome"/> carries the outcome decided so far.
    /// </summary>
    public (List<RuleFiring> Firings, Assessment Facts) Evaluate(BorrowerCase c, Assessment facts)
    {
        var firings = new List<RuleFiring>(specs.Count);
        foreach (var workflow in workflows)
        {
            var parameters = new[]
            {
                new RuleParameter(RuleInputs.CaseName, c),
                new RuleParameter(RuleInputs.FactsName, facts),
                new RuleParameter(RuleInputs.ParamsName, inputs.Parameters),
            };

            // Rules without actions evaluate synchronously; the ValueTask is complete on return.
            var results = engine.ExecuteAllRulesAsync(workflow, parameters).GetAwaiter().GetResult();
            foreach (var result in results)
            {
                var name = result.Rule.RuleName;
                var values = readers[name].Select(r => new KeyValuePair<string, object?>(r.Path, r.Read(c, facts, inputs.Parameters))).ToArray();
                var error = string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage;
                firings.Add(new RuleFiring(workflow, name, specs[name], result.IsSuccess && error is null, values, error));
            }

            var outcome = DecidedOutcome(firings);
            if (outcome != facts.Outcome)
            {
                facts = facts with { Outcome = outcome };
            }
        }

        return (firings, facts);
    }

    /// <summary>The outcome argued by the highest-priority fired reason (the first of equals), or empty when none names one.</summary>
    public static string DecidedOutcome(IEnumerable<RuleFiring> firings)
    {
        RuleSpec? best = null;
        foreach (var firing in firings)
        {
            if (firing.Success && firing.Spec is { Kind: RuleKind.Reason, Outcome: not null } spec && (best is null || spec.Priority > best.Priority))
            {
                best = spec;
            }
        }

        return best?.Outcome ?? "";
    }
}
