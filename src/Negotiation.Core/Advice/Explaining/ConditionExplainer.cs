using System.Linq.Expressions;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Explaining;
using Negotiation.Core.RuleSets.Expressions;
using Negotiation.Core.RuleSets.Loading;

namespace Negotiation.Core.Advice.Explaining;

/// <summary>
/// Explains a rule for one case: splits its expression (<see cref="ExpressionSplitter"/>) and evaluates every part with the
/// loader's parser, guard and cost bound, over the inputs the evaluator gave the rule and the named conditions in its scope.
/// </summary>
internal static class ConditionExplainer
{
    /// <summary>Explains <paramref name="source"/> for a case whose facts, as the rule's workflow saw them, are <paramref name="facts"/>.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="source">The rule.</param>
    /// <param name="case">The case.</param>
    /// <param name="facts">The facts the rule's workflow saw (with the outcome and requests of the workflows before it).</param>
    /// <param name="entry">The rule's trace entry in the plan, or null when it is disabled.</param>
    public static RuleExplanation Explain(RuleSet rules, RuleSource source, BorrowerCase @case, Assessment facts, TraceEntry? entry) =>
        ParserThread.Run(() =>
        {
            var evaluator = new PartEvaluator(rules.Inputs, rules.Evaluator.Parameters, @case, facts);
            var condition = evaluator.Rule(source);
            var used = NamedCondition.Closure(evaluator.Used);
            var conditions = used.Select(c =>
            {
                var (value, error) = evaluator.Evaluate(NamedCondition.Bind(c.Variable, [c]));
                return new NamedConditionValue { Name = c.Name, Expression = c.Expression, Value = value, Error = error };
            }).ToArray();
            return new RuleExplanation
            {
                Workflow = source.Workflow,
                Rule = source.Name,
                Enabled = source.Enabled,
                Fired = entry?.Success ?? false,
                Error = entry?.Error,
                Condition = condition,
                Conditions = conditions,
                Inputs = entry?.Inputs ?? ValueList<TraceInput>.Empty,
            };
        });

    private sealed class PartEvaluator(RuleInputs inputs, object parameters, BorrowerCase @case, Assessment facts)
    {
        private readonly ProblemList problems = new();

        public HashSet<NamedCondition> Used { get; } = [];

        public ConditionPart Rule(RuleSource rule)
        {
            if (rule.Expression is { } expression)
            {
                return Part(ExpressionSplitter.Split(expression), rule);
            }

            var children = rule.Children.Select(child =>
            {
                var inner = Rule(child);
                return new ConditionPart { Text = $"rule '{child.Name}'{(child.Enabled ? "" : " (disabled)")}", Value = inner.Value, Error = inner.Error, Parts = [inner] };
            }).ToArray();
            var enabled = children.Where((_, i) => rule.Children[i].Enabled).ToList();
            var all = rule.Operator is "And" or "AndAlso";
            object? value = enabled.Count == 0 ? false
                : all ? enabled.All(c => c.Value is true)
                : enabled.Any(c => c.Value is true);
            return new ConditionPart { Text = rule.Name, Operator = rule.Operator, Value = value, Parts = children };
        }

        private ConditionPart Part(ExpressionPiece piece, RuleSource rule)
        {
            var parts = piece.Parts.Select(p => Part(p, rule)).ToArray();
            var problemsBefore = problems.Count;
            var check = new ConditionScope(RuleSetLoader.Parser, inputs, problems).Check(piece.Text, null, rule.Scope, rule.Workflow + ".json", null, rule.Name);
            if (check is null)
            {
                var why = problems.Items.Skip(problemsBefore).Select(p => p.Message).FirstOrDefault() ?? "cannot be evaluated";
                return new ConditionPart { Text = piece.Text, Operator = piece.Operator, Error = why, Parts = parts };
            }

            foreach (var condition in check.Uses)
            {
                Used.Add(condition);
            }

            var (value, error) = Evaluate(NamedCondition.Bind(check.Body, check.Uses));
            return new ConditionPart { Text = piece.Text, Operator = piece.Operator, Value = value, Error = error, Parts = parts };
        }

        /// <summary>Compiles <paramref name="body"/> over the rule inputs and runs it; an exception is the part's error, as it would be the rule's.</summary>
        public (object? Value, string? Error) Evaluate(Expression body)
        {
            var parametersObject = Expression.Parameter(typeof(object), "parameters");
            var paramsVariable = inputs.Expressions[2];
            var block = Expression.Block(
                typeof(object),
                [paramsVariable],
                Expression.Assign(paramsVariable, Expression.Convert(parametersObject, inputs.ParametersType)),
                Expression.Convert(body, typeof(object)));
            var run = Expression.Lambda<Func<BorrowerCase, Assessment, object, object?>>(block, inputs.Expressions[0], inputs.Expressions[1], parametersObject).Compile();
            try
            {
                return (run(@case, facts, parameters), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (null, e.Message);
            }
        }
    }
}
