using System.Collections.Frozen;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using RulesEngine.Models;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>One top-level rule's result in one evaluation: whether it fired, on what values, and any run-time error.</summary>
/// <remarks><see cref="Inputs"/> is built once here and shared by the plan's trace (it is immutable).</remarks>
internal sealed record RuleFiring(string Workflow, string Rule, RuleSpec Spec, bool Success, ValueList<TraceInput> Inputs, string? Error);

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
    private readonly FrozenDictionary<string, int[]> readers;
    private readonly InputReader[] distinctReaders;
    private readonly RuleInputs inputs;
    private readonly RuleParameter parametersInput;
    private readonly int mostReads;

    /// <summary>Per thread, the values one rule read, before they are copied into its trace.</summary>
    [ThreadStatic]
    private static TraceInput[]? readBuffer;

    /// <summary>Per thread, each path's value in the current evaluation, read once and shared by every rule that names it.</summary>
    [ThreadStatic]
    private static TraceInput?[]? valueCache;

    public RuleEvaluator(IReadOnlyList<Workflow> workflows, IEnumerable<RuleSpec> specs, RuleInputs inputs)
    {
        this.workflows = workflows.Select(w => w.WorkflowName).ToArray();
        this.specs = specs.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        this.inputs = inputs;
        // Rules read the same few dozen values over and over (471 reads, 61 paths in the default set): one compiled
        // reader per path, shared, keeps the load from compiling hundreds of identical lambdas.
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<InputReader>();
        readers = this.specs.Values.ToFrozenDictionary(
            s => s.Name,
            s => s.Reads.Select(path =>
            {
                if (!byPath.TryGetValue(path, out var index))
                {
                    index = byPath[path] = distinct.Count;
                    distinct.Add(InputReader.Create(path, inputs));
                }

                return index;
            }).ToArray(),
            StringComparer.Ordinal);
        distinctReaders = [.. distinct];
        mostReads = readers.Values.Select(r => r.Length).DefaultIfEmpty(0).Max();
        engine = new global::RulesEngine.RulesEngine([.. workflows], Settings);

        // The parameters never change, so their RulesEngine input (and its parameter expression) is made once.
        parametersInput = new RuleParameter(RuleInputs.ParamsName, inputs.Parameters);
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
        var caseInput = new RuleParameter(RuleInputs.CaseName, c);
        var factsInput = new RuleParameter(RuleInputs.FactsName, facts);
        var buffer = readBuffer is { } b && b.Length >= mostReads ? b : readBuffer = new TraceInput[mostReads];
        var cache = valueCache is { } v && v.Length >= distinctReaders.Length ? v : valueCache = new TraceInput?[distinctReaders.Length];
        Array.Clear(cache);
        foreach (var workflow in workflows)
        {
            // Rules without actions evaluate synchronously; the ValueTask is complete on return.
            var results = engine.ExecuteAllRulesAsync(workflow, [caseInput, factsInput, parametersInput]).GetAwaiter().GetResult();
            foreach (var result in results)
            {
                var name = result.Rule.RuleName;
                var error = string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage;
                firings.Add(new RuleFiring(workflow, name, specs[name], result.IsSuccess && error is null, Read(readers[name], c, facts, buffer, cache), error));
            }

            var outcome = DecidedOutcome(firings);
            if (outcome != facts.Outcome)
            {
                facts = facts with { Outcome = outcome };
                factsInput = new RuleParameter(RuleInputs.FactsName, facts);

                // The facts changed, so values read so far may no longer hold for the next workflow.
                Array.Clear(cache);
            }
        }

        return (firings, facts);
    }

    /// <summary>The values a rule read, in the order its expression names them.</summary>
    private ValueList<TraceInput> Read(int[] ruleReads, BorrowerCase c, Assessment facts, TraceInput[] buffer, TraceInput?[] cache)
    {
        if (ruleReads.Length == 0)
        {
            return ValueList<TraceInput>.Empty;
        }

        for (var i = 0; i < ruleReads.Length; i++)
        {
            var index = ruleReads[i];
            buffer[i] = cache[index] ??= new TraceInput(distinctReaders[index].Path, distinctReaders[index].Read(c, facts, inputs.Parameters));
        }

        var values = ValueList.Create<TraceInput>(buffer.AsSpan(0, ruleReads.Length));
        Array.Clear(buffer, 0, ruleReads.Length);
        return values;
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
