using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using RulesEngine.Models;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>One top-level rule's result in one evaluation: whether it fired, any run-time error, and what it read.</summary>
/// <param name="Spec">The rule's plan settings.</param>
/// <param name="Success">Whether it fired.</param>
/// <param name="Error">The run-time error, if it could not be evaluated (it then counts as not fired).</param>
/// <param name="Reads">The values the rules saw in this evaluation, read when asked for.</param>
/// <param name="Index">The rule's place among every workflow's rules, which says what it read in <paramref name="Reads"/>.</param>
/// <remarks>A struct: 128 per advice, held only in the evaluation's list.</remarks>
internal readonly record struct RuleFiring(RuleSpec Spec, bool Success, string? Error, RuleReads Reads, int Index)
{
    public string Workflow => Spec.Workflow;

    public string Rule => Spec.Name;
}

/// <summary>
/// A rule set's rules, compiled at load into one delegate per workflow (see <see cref="RuleCompiler"/>) and then shared: evaluates every
/// workflow in manifest order over a case and its facts, with the results RulesEngine's <c>ExecuteAllRulesAsync</c> gives.
/// </summary>
/// <remarks>Thread-safe after construction: nothing changes after the constructor, and an evaluation keeps its state on the stack.</remarks>
internal sealed class RuleEvaluator
{
    private readonly CompiledWorkflow[] workflows;

    /// <summary>Every workflow's rules in order: a firing names its rule by its place here.</summary>
    private readonly CompiledRule[] rules;
    private readonly int ruleCount;
    private readonly int widest;

    /// <summary>Compiles every rule; throws <see cref="RuleCompilationException"/> naming every rule that cannot be compiled.</summary>
    /// <param name="workflows">Each workflow's top-level rules, in manifest and file order.</param>
    /// <param name="specs">The plan settings of every top-level rule, by name.</param>
    /// <param name="inputs">The inputs the trees were parsed with.</param>
    public RuleEvaluator(IReadOnlyList<(string Name, IReadOnlyList<RuleTree> Rules)> workflows, IReadOnlyDictionary<string, RuleSpec> specs, RuleInputs inputs)
    {
        Parameters = inputs.Parameters;

        // Rules read the same few dozen values over and over (471 reads, 61 paths in the default set): each path is
        // read by one reader, and each distinct list of paths is one read list, shared by the rules that name it.
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new List<string>();
        var byList = new Dictionary<string, int>(StringComparer.Ordinal);
        var lists = new List<int[]>();
        int ReadList(RuleSpec spec)
        {
            var key = string.Join("\n", spec.Reads);
            if (!byList.TryGetValue(key, out var list))
            {
                list = byList[key] = lists.Count;
                lists.Add(spec.Reads.Select(path =>
                {
                    if (!byPath.TryGetValue(path, out var index))
                    {
                        index = byPath[path] = paths.Count;
                        paths.Add(path);
                    }

                    return index;
                }).ToArray());
            }

            return list;
        }

        // Every rule is compiled now, so that a rule that cannot be compiled fails the load, not the first borrower who reaches it.
        var failures = new List<(string Rule, Exception Error)>();
        this.workflows = workflows.Select(w =>
        {
            var enabled = w.Rules.Where(r => r.Enabled).ToArray();
            return new CompiledWorkflow(
                w.Name,
                [.. enabled.Select(r => new CompiledRule(r.Name, specs[r.Name], ReadList(specs[r.Name])))],
                RuleCompiler.CompileWorkflow(enabled, inputs, failures));
        }).ToArray();
        rules = [.. this.workflows.SelectMany(w => w.Rules)];
        if (failures.Count > 0)
        {
            throw new RuleCompilationException(failures);
        }

        ruleCount = rules.Length;
        widest = this.workflows.Select(w => w.Rules.Length).DefaultIfEmpty(0).Max();
        Reader = new InputReader(paths, inputs);
        ReadLists = [.. lists];
        NonFactReadLists = [.. lists.Select(list => list.Where(path => !InputReader.IsFact(paths[path])).ToArray())];
    }

    /// <summary>The RulesEngine settings of the expression language: the parser the loader uses, and any RulesEngine run over the same files (the benchmarks' baseline, the tests' oracle).</summary>
    public static ReSettings Settings => new()
    {
        // Only property access on the inputs; no method of their types, no static access to them.
        AutoRegisterInputType = false,
        CustomTypes = [],
        EnableScopedParams = true,
        AutoExecuteActions = false,
        EnableFormattedErrorMessage = false,
        EnableExceptionAsErrorMessage = true,
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        IsExpressionCaseSensitive = false,
        NestedRuleExecutionMode = NestedRuleExecutionMode.Performance,
    };

    /// <summary>Gets the parameter values, the object whose properties expressions read as <c>params.name</c>.</summary>
    public object Parameters { get; }

    /// <summary>Reads every distinct path the rules read, by index.</summary>
    internal InputReader Reader { get; }

    /// <summary>Each distinct list of paths a rule reads, as indexes into <see cref="InputReader.Paths"/>.</summary>
    internal int[][] ReadLists { get; }

    /// <summary>Each of <see cref="ReadLists"/> without its facts: the named conditions, parameters and case fields it reads.</summary>
    internal int[][] NonFactReadLists { get; }

    /// <summary>Which of <see cref="ReadLists"/> rule <paramref name="rule"/> (an index over every workflow's rules in order) reads.</summary>
    internal int ReadListOf(int rule) => rules[rule].ReadList;

    /// <summary>
    /// Runs every workflow and returns each enabled top-level rule's result, in workflow and file order, and the facts
    /// as the last workflow saw them: after each workflow, <see cref="Assessment.Outcome"/> carries the outcome decided so far.
    /// </summary>
    public (List<RuleFiring> Firings, Assessment Facts) Evaluate(BorrowerCase c, Assessment facts) => Evaluate(c, facts, WithOutcome);

    /// <summary>
    /// Runs every workflow as <see cref="Evaluate(BorrowerCase, Assessment)"/> does, and after each one lets
    /// <paramref name="afterWorkflow"/> derive the facts the next workflow sees (the outcome, the ranked requests) from
    /// every firing so far; it returns the same instance when nothing changed.
    /// </summary>
    public (List<RuleFiring> Firings, Assessment Facts) Evaluate(BorrowerCase c, Assessment facts, Func<List<RuleFiring>, Assessment, Assessment> afterWorkflow)
    {
        var firings = new List<RuleFiring>(ruleCount);
        var reads = new RuleReads(this, c, facts);
        var results = new bool[widest];
        var errors = new Exception?[widest];
        foreach (var workflow in workflows)
        {
            // RulesEngine catches every exception of a rule and reports it as the rule's result; so does the compiled workflow.
            workflow.Run(c, facts, Parameters, results, errors);
            for (var i = 0; i < workflow.Rules.Length; i++)
            {
                var rule = workflow.Rules[i];
                var error = errors[i] is { } e ? RuleCompiler.ErrorText(rule.Name, e) : null;
                // The rule's place in `rules`: every rule of every workflow, in order, makes one firing.
                firings.Add(new RuleFiring(rule.Spec, results[i], error, reads, firings.Count));
            }

            Array.Clear(errors);
            var next = afterWorkflow(firings, facts);
            if (!ReferenceEquals(next, facts))
            {
                // The facts changed, so the next workflow's rules, and what they are said to have read, see the new ones.
                facts = next;
                reads = new RuleReads(this, c, facts);
            }
        }

        return (firings, facts);
    }

    /// <summary>The facts with the outcome decided so far; the same instance when it has not changed.</summary>
    public static Assessment WithOutcome(List<RuleFiring> firings, Assessment facts)
    {
        var outcome = DecidedOutcome(firings);
        return outcome == facts.Outcome ? facts : facts with { Outcome = outcome };
    }

    /// <summary>The outcome argued by the highest-priority fired reason (the first of equals), or empty when none names one.</summary>
    public static string DecidedOutcome(List<RuleFiring> firings) => DecidingReason(firings)?.Outcome ?? "";

    /// <summary>The highest-priority fired reason that names an outcome (the first of equals), or null when none does.</summary>
    public static RuleSpec? DecidingReason(List<RuleFiring> firings)
    {
        RuleSpec? best = null;
        foreach (var firing in firings)
        {
            if (firing.Success && firing.Spec is { Kind: RuleKind.Reason, Outcome: not null } spec && (best is null || spec.Priority > best.Priority))
            {
                best = spec;
            }
        }

        return best;
    }

    private sealed record CompiledWorkflow(string Name, CompiledRule[] Rules, WorkflowRun Run);

    /// <summary>An enabled top-level rule, as the evaluation reports it.</summary>
    /// <param name="Name">The rule's name.</param>
    /// <param name="Spec">Its plan settings.</param>
    /// <param name="ReadList">Which list of paths it reads.</param>
    private sealed record CompiledRule(string Name, RuleSpec Spec, int ReadList);
}

/// <summary>Rules whose checked trees could not be compiled; the loader reports each as a problem of the rule's file.</summary>
internal sealed class RuleCompilationException(IReadOnlyList<(string Rule, Exception Error)> failures)
    : Exception($"{failures.Count} rule(s) could not be compiled: {string.Join("; ", failures.Select(f => $"{f.Rule}: {f.Error.Message}"))}")
{
    public IReadOnlyList<(string Rule, Exception Error)> Failures { get; } = failures;
}
