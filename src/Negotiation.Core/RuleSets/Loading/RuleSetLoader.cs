using System.Linq.Dynamic.Core.Exceptions;
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
    private static readonly RuleExpressionParsing Parser = new(RuleEvaluator.Settings);

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
        foreach (var name in manifest.Workflows)
        {
            var (workflow, read) = reader.Read(name, source.Read(name + ".json"));
            if (workflow is not null)
            {
                workflows.Add(workflow);
            }

            rules.AddRange(read);
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
            foreach (var rule in rules)
            {
                var reads = CheckExpressions(rule, Parser, inputs, problems, costs);
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

        return new RuleSet(manifest, citations, specs, evaluator);
    }

    private static List<string> CheckExpressions(ReadRule rule, RuleExpressionParsing parser, RuleInputs inputs, ProblemList problems, List<(ReadRule Rule, long Steps)> costs)
    {
        var reads = new List<string>();
        if (rule.Expression is { } expression)
        {
            // The parser reads an unknown params.name through an indexer and then fails with a type error;
            // name the real cause first.
            foreach (var name in ParameterNames().Matches(expression).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
            {
                if (!inputs.HasParameter(name))
                {
                    problems.Add(rule.File, rule.ExpressionToken, $"parameter '{name}' is not defined in ruleset.json's \"parameters\"", rule.Name);
                }
            }

            try
            {
                if (ExpressionGuard.CheckText(expression, parser) is { } tooDeep)
                {
                    problems.Add(rule.File, rule.ExpressionToken, "the expression is refused: " + tooDeep, rule.Name);
                    return reads;
                }

                var body = parser.Parse(expression, inputs.Expressions, typeof(bool));
                var (refusals, paths) = ExpressionGuard.Check(body, inputs.ParametersType, inputs.Expressions.ToHashSet());
                foreach (var refusal in refusals)
                {
                    problems.Add(rule.File, rule.ExpressionToken, "the expression is refused: " + refusal, rule.Name);
                }

                // Kept to be compiled: the tree that runs is the one just checked, never a second parse of the text, with its
                // text calls made ordinal so that no culture decides a rule, and only if its work is bounded.
                if (refusals.Count == 0)
                {
                    var runs = CultureFreeText.Rewrite(body);
                    var steps = ExpressionCost.Estimate(runs);
                    if (ExpressionCost.Check(steps) is { } tooDear)
                    {
                        problems.Add(rule.File, rule.ExpressionToken, tooDear, rule.Name);
                    }
                    else
                    {
                        rule.Body = runs;
                        costs.Add((rule, steps));
                    }
                }

                reads.AddRange(paths);
            }
            catch (ParseException e)
            {
                problems.Add(rule.File, rule.ExpressionToken, $"the expression does not compile (at character {e.Position + 1}): {e.Message}", rule.Name);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException or
                                          IndexOutOfRangeException or OverflowException or FormatException or NullReferenceException)
            {
                // The parser throws these for some malformed input; each is a problem of the file, not a crash.
                problems.Add(rule.File, rule.ExpressionToken, $"the expression does not compile: {e.Message}", rule.Name);
            }
        }

        foreach (var child in rule.Children)
        {
            reads.AddRange(CheckExpressions(child, parser, inputs, problems, costs));
        }

        return reads;
    }

    private static RuleTree Tree(ReadRule rule) => new(
        rule.Name,
        rule.EngineRule.Enabled,
        rule.EngineRule.Operator is { } op ? Enum.Parse<ExpressionType>(op) : null,
        rule.Body,
        [.. rule.Children.Select(Tree)]);

    [System.Text.RegularExpressions.GeneratedRegex(@"\bparams\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ParameterNames();

    private static void ThrowIfAny(ProblemList problems)
    {
        if (problems.Count > 0)
        {
            throw new RuleSetValidationException(problems.Items);
        }
    }
}
