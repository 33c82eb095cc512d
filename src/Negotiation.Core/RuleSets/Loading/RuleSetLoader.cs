using System.Linq.Expressions;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Expressions;
using RulesEngine.Models;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>Where a rule set's files come from: a folder, streams, or the package's embedded resources.</summary>
/// <param name="FileNames">The names of the JSON files at the top of the set (no folders).</param>
/// <param name="Read">Returns a file's text, or null when there is no such file.</param>
internal sealed record RuleSetSource(IReadOnlyCollection<string> FileNames, Func<string, string?> Read);

/// <summary>
/// Loads a rule set in stages — files, expressions, compilation — and stops after any stage that found
/// problems, reporting all of that stage's problems at once. Nothing is evaluated from a set that failed.
/// </summary>
internal static partial class RuleSetLoader
{
    // One parser for every load: RulesEngine's expression language with its settings. Parse only reads the
    // configuration, and the settings never change (AutoRegisterInputType is off), so sharing it is safe.
    internal static readonly RuleExpressionParsing Parser = new(RuleEvaluator.Settings);

    public static RuleSet Load(RuleSetSource source)
    {
        var problems = new ProblemList();
        var manifest = ManifestReader.Read(source.Read(ManifestReader.FileName), problems);
        if (manifest is null)
        {
            throw new RuleSetValidationException(problems.Items);
        }

        var citations = CitationsReader.Read(source.Read(CitationsReader.FileName), manifest.Languages, problems);
        var ruleNames = new HashSet<string>(StringComparer.Ordinal);
        var reader = new WorkflowReader(problems, manifest, citations.Select(c => c.Id).ToHashSet(StringComparer.Ordinal), ruleNames);
        var workflows = new List<Workflow>();
        var rules = new List<ReadRule>();
        var shared = NamedConditionReader.Read(manifest.Conditions, new JsonChecks(problems, ManifestReader.FileName), ManifestReader.FileName, "conditions");
        var globals = new Dictionary<string, List<ReadCondition>>(StringComparer.Ordinal);
        foreach (var name in manifest.Workflows)
        {
            var (workflow, read, globalParams) = reader.Read(name, source.Read(name + ".json"));
            if (workflow is not null)
            {
                workflows.Add(workflow);
            }

            rules.AddRange(read);
            globals[name] = globalParams;
        }

        var listed = manifest.Workflows.Select(w => w + ".json").Append(ManifestReader.FileName).Append(CitationsReader.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in source.FileNames.Where(f => !listed.Contains(f)).Order(StringComparer.Ordinal))
        {
            problems.Add(stray, null, null, "this file is not a workflow listed in ruleset.json; list it under \"workflows\" or remove it");
        }

        // Expressions are checked even when other parts failed, so the editor sees every problem in one pass; on a thread
        // with a known stack, because the parser descends recursively and an overflow would end the process.
        var inputs = new RuleInputs(manifest.Parameters);
        var specs = ParserThread.Run(() =>
        {
            var checkedSpecs = new List<RuleSpec>();
            var costs = new List<(ReadRule Rule, long Steps)>();

            // Named conditions, in scope order: the manifest's (every workflow sees them), each workflow's GlobalParams,
            // then each rule's LocalParams; a condition sees those before it.
            var conditions = new ConditionScope(Parser, inputs, problems);
            var everywhere = conditions.Compile(shared, [], null);
            var inWorkflow = manifest.Workflows.Distinct(StringComparer.Ordinal)
                .ToDictionary(w => w, w => conditions.Compile(globals.GetValueOrDefault(w) ?? [], everywhere, null), StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                var reads = CheckExpressions(rule, costs, conditions, inWorkflow.GetValueOrDefault(rule.Workflow) ?? everywhere);
                if (rule.Spec is { } spec)
                {
                    checkedSpecs.Add(spec with { Reads = reads.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() });
                }
            }

            // Each advice runs every rule once, so the set's cost is the sum of its expressions'.
            var total = costs.Aggregate(0L, (sum, c) => sum > long.MaxValue - c.Steps ? long.MaxValue : sum + c.Steps);
            var dearest = costs.OrderByDescending(c => c.Steps).Take(3).ToList();
            if (ExpressionCost.CheckSet(total, dearest.Select(d => (d.Rule.Name, d.Steps))) is { } tooDear)
            {
                problems.Add(dearest[0].Rule.File, dearest[0].Rule.ExpressionToken, tooDear, dearest[0].Rule.Name);
            }

            return checkedSpecs;
        });

        ThrowIfAny(problems);

        // The trees the guard accepted are compiled as they are: what runs is exactly what was checked.
        RuleEvaluator evaluator;
        try
        {
            evaluator = new RuleEvaluator(
                [.. workflows.Select(w => (w.WorkflowName, (IReadOnlyList<RuleTree>)[.. rules.Where(r => r.Workflow == w.WorkflowName).Select(Tree)]))],
                specs.ToDictionary(s => s.Name, StringComparer.Ordinal),
                inputs);
        }
        catch (RuleCompilationException e)
        {
            foreach (var (name, error) in e.Failures)
            {
                var rule = rules.First(r => r.Name == name);
                problems.Add(rule.File, rule.ExpressionToken, "the rule could not be compiled: " + error.Message, rule.Name);
            }

            throw new RuleSetValidationException(problems.Items);
        }

        return new RuleSet(manifest, citations, specs, evaluator) { Sources = rules.ToDictionary(r => r.Name, Source, StringComparer.Ordinal), Inputs = inputs };
    }

    private static List<string> CheckExpressions(ReadRule rule, List<(ReadRule Rule, long Steps)> costs, ConditionScope conditions, IReadOnlyList<NamedCondition> scope)
    {
        var reads = new List<string>();

        // A rule's LocalParams are seen by its expression and its child rules, as in RulesEngine.
        scope = rule.Scope = conditions.Compile(rule.LocalParams, scope, rule.Name);
        if (rule.Expression is { } expression &&
            conditions.Check(expression, typeof(bool), scope, rule.File, rule.ExpressionToken, rule.Name) is { } result)
        {
            // Kept to be compiled: the tree that runs is the one just checked, never a second parse of the text; the workflow
            // computes the conditions it names first.
            rule.Body = result.Body;
            rule.Uses = result.Uses;
            costs.Add((rule, result.Steps));
            reads.AddRange(result.Reads);
        }

        foreach (var child in rule.Children)
        {
            reads.AddRange(CheckExpressions(child, costs, conditions, scope));
        }

        return reads;
    }

    private static Explaining.RuleSource Source(ReadRule rule) => new(
        rule.Name,
        rule.Workflow,
        rule.EngineRule.Enabled,
        rule.Expression,
        rule.EngineRule.Operator,
        rule.Scope,
        [.. rule.LocalParams.Select(c => c.Compiled).OfType<NamedCondition>()],
        [.. rule.Children.Select(Source)]);

    private static RuleTree Tree(ReadRule rule) => new(
        rule.Name,
        rule.EngineRule.Enabled,
        rule.EngineRule.Operator is { } op ? Enum.Parse<ExpressionType>(op) : null,
        rule.Body,
        [.. rule.Children.Select(Tree)],
        rule.Uses);

    private static void ThrowIfAny(ProblemList problems)
    {
        if (problems.Count > 0)
        {
            throw new RuleSetValidationException(problems.Items);
        }
    }
}
