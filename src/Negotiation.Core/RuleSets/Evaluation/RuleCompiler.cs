using System.Linq.Expressions;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>
/// A rule as the loader checked it: its parsed, guarded expression tree, or the operator and child rules it combines.
/// </summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Enabled">False when the file says <c>"Enabled": false</c>; RulesEngine skips such a rule, or such a child.</param>
/// <param name="Operator">For a rule that combines child rules: <c>And</c>, <c>AndAlso</c>, <c>Or</c> or <c>OrElse</c>.</param>
/// <param name="Body">For a rule with an expression: the tree the expression guard checked, typed <see cref="bool"/>.</param>
/// <param name="Children">The child rules, in file order.</param>
/// <param name="Uses">The named conditions <paramref name="Body"/> names; the workflow computes each once, before its rules.</param>
internal sealed record RuleTree(string Name, bool Enabled, ExpressionType? Operator, Expression? Body, IReadOnlyList<RuleTree> Children, IReadOnlyList<NamedCondition>? Uses = null);

/// <summary>
/// One workflow's enabled top-level rules, compiled into one method: runs each in file order and writes its result at its
/// index in <paramref name="results"/>, or, when it threw, false and the exception at that index in <paramref name="errors"/>.
/// </summary>
internal delegate void WorkflowRun(BorrowerCase c, Assessment facts, object parameters, bool[] results, Exception?[] errors);

/// <summary>
/// Compiles the checked rule trees into one delegate per workflow, with RulesEngine 6's result semantics (what
/// <c>ExecuteAllRulesAsync</c> returns with <see cref="RuleEvaluator.Settings"/>), without its per-rule result objects.
/// </summary>
/// <remarks>
/// <para>What RulesEngine 6.0.1 does, and so what this does: each enabled top-level rule in file order; a rule with an
/// expression succeeds when the expression is true; an exception while evaluating it means not successful, with the error
/// text <see cref="ErrorText"/>. A rule with an operator runs its enabled children in order; with
/// <c>NestedRuleExecutionMode.Performance</c>, <c>And</c>/<c>AndAlso</c> stop at the first child that fails and
/// <c>Or</c>/<c>OrElse</c> at the first that succeeds; a child that throws counts as failed and its error stays with the
/// child (a parent has none); a rule whose children are all disabled fails.</para>
/// <para>The tree compiled is the very tree the guard checked, not a second parse of the text, except that its text calls compare
/// ordinally and case invariantly (<see cref="Expressions.CultureFreeText"/>): there, and only there, results differ from
/// RulesEngine's, which follow the thread's culture. One method per workflow
/// rather than one per rule: each compiled method has a fixed cost, and 6 instead of 128 take a third off compiling.</para>
/// </remarks>
internal static class RuleCompiler
{
    /// <summary>The error text RulesEngine gives a rule whose expression threw.</summary>
    public static string ErrorText(string rule, Exception e) => $"Error while executing rule : {rule} - {e.Message}";

    /// <summary>Compiles a workflow's enabled top-level rules; a rule that cannot be compiled is added to <paramref name="failures"/>.</summary>
    public static WorkflowRun CompileWorkflow(IReadOnlyList<RuleTree> rules, RuleInputs inputs, List<(string Rule, Exception Error)> failures)
    {
        var parameters = Expression.Parameter(typeof(object), "parameters");
        var results = Expression.Parameter(typeof(bool[]), "results");
        var errors = Expression.Parameter(typeof(Exception?[]), "errors");
        var conditions = new Conditions(rules);
        var statements = new List<Expression>();
        for (var i = 0; i < rules.Count; i++)
        {
            try
            {
                statements.Add(Statement(rules[i], i, results, errors, conditions));
            }
            catch (Exception e) when (IsCompileError(e))
            {
                failures.Add((rules[i].Name, e));
            }
        }

        try
        {
            return Lambda(statements, inputs, parameters, results, errors, conditions).Compile();
        }
        catch (Exception e) when (IsCompileError(e))
        {
            // Name the rules that cannot be compiled on their own, or else the first one.
            var before = failures.Count;
            for (var i = 0; i < rules.Count; i++)
            {
                try
                {
                    Lambda([Statement(rules[i], i, results, errors, conditions)], inputs, parameters, results, errors, conditions).Compile();
                }
                catch (Exception alone) when (IsCompileError(alone))
                {
                    failures.Add((rules[i].Name, alone));
                }
            }

            if (failures.Count == before)
            {
                failures.Add((rules[0].Name, e));
            }

            return static (_, _, _, _, _) => { };
        }
    }

    /// <summary>
    /// <c>(case, facts, parameters, results, errors) => { params = (ParamsType)parameters; rule 0; rule 1; … }</c>, with the very
    /// parameter expressions the parser bound, as RulesEngine's own wrapper assigns them from its object array.
    /// </summary>
    private static Expression<WorkflowRun> Lambda(List<Expression> statements, RuleInputs inputs, ParameterExpression parameters, ParameterExpression results, ParameterExpression errors, Conditions conditions)
    {
        var paramsVariable = inputs.Expressions[2];
        var block = Expression.Block(
            typeof(void),
            [paramsVariable, .. conditions.Variables],
            [Expression.Assign(paramsVariable, Expression.Convert(parameters, inputs.ParametersType)), .. conditions.Prelude, .. statements]);
        return Expression.Lambda<WorkflowRun>(block, inputs.Expressions[0], inputs.Expressions[1], parameters, results, errors);
    }

    /// <summary><c>try { results[i] = rule; } catch (Exception e) { results[i] = false; errors[i] = e; }</c></summary>
    private static Expression Statement(RuleTree rule, int index, ParameterExpression results, ParameterExpression errors, Conditions conditions)
    {
        var at = Expression.Constant(index);
        var error = Expression.Variable(typeof(Exception), "e");
        return Expression.TryCatch(
            Expression.Block(typeof(void), Expression.Assign(Expression.ArrayAccess(results, at), Condition(rule, conditions))),
            Expression.Catch(error, Expression.Block(
                typeof(void),
                Expression.Assign(Expression.ArrayAccess(results, at), Expression.Constant(false)),
                Expression.Assign(Expression.ArrayAccess(errors, at), error))));
    }

    /// <summary>The rule's condition: its checked tree, or its enabled children combined, each child's exception counting as false.</summary>
    private static Expression Condition(RuleTree rule, Conditions conditions)
    {
        if (rule.Operator is not { } op)
        {
            var body = rule.Body ?? throw new InvalidOperationException($"rule '{rule.Name}' has neither an expression nor an operator");
            return body.Type == typeof(bool) ? conditions.Guarded(body, rule.Uses) : throw new InvalidOperationException($"rule '{rule.Name}': the expression is a {body.Type.Name}, not true or false");
        }

        var all = op switch
        {
            ExpressionType.And or ExpressionType.AndAlso => true,
            ExpressionType.Or or ExpressionType.OrElse => false,
            _ => throw new InvalidOperationException($"rule '{rule.Name}': '{op}' is not a rule operator"),
        };
        var children = rule.Children.Where(r => r.Enabled)
            .Select(r => (Expression)Expression.TryCatch(Condition(r, conditions), Expression.Catch(typeof(Exception), Expression.Constant(false))))
            .ToList();
        if (children.Count == 0)
        {
            return Expression.Constant(false);
        }

        return children.Skip(1).Aggregate(children[0], (left, right) => all ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
    }

    /// <summary>
    /// The named conditions a workflow's rules use, each computed once before the rules, in load order; one that throws
    /// (or whose own condition threw) keeps the exception, and a rule that uses it fails with it, named, as if it had
    /// computed the condition itself: the results are those of computing each condition in each rule that uses it.
    /// </summary>
    private sealed class Conditions
    {
        private readonly Dictionary<NamedCondition, ParameterExpression> failures = [];

        public Conditions(IReadOnlyList<RuleTree> rules)
        {
            var all = NamedCondition.Closure(rules.Where(r => r.Enabled).SelectMany(Uses));
            foreach (var condition in all)
            {
                failures[condition] = Expression.Variable(typeof(Exception), condition.Name + "Failure");
            }

            var error = Expression.Variable(typeof(Exception), "e");
            foreach (var condition in all)
            {
                var failed = failures[condition];

                // failed = the first failure among the conditions it names; if none: try { value } catch (e) { failed = e; }
                Expression inherited = Expression.Constant(null, typeof(Exception));
                foreach (var used in condition.Uses.OrderByDescending(c => c.Order))
                {
                    inherited = Expression.Coalesce(failures[used], inherited);
                }

                Prelude.Add(Expression.Assign(failed, inherited));
                Prelude.Add(Expression.IfThen(
                    Expression.Equal(failed, Expression.Constant(null, typeof(Exception))),
                    Expression.TryCatch(
                        Expression.Block(typeof(void), Expression.Assign(condition.Variable, condition.Body ?? throw new InvalidOperationException($"the named condition '{condition.Name}' was not compiled"))),
                        Expression.Catch(error, Expression.Block(typeof(void), Expression.Assign(failed, error))))));
            }

            Variables = [.. all.Select(c => c.Variable), .. failures.Values];
        }

        public List<ParameterExpression> Variables { get; }

        public List<Expression> Prelude { get; } = [];

        /// <summary><paramref name="body"/>, after throwing the failure of the first condition it uses (directly or not) that failed.</summary>
        public Expression Guarded(Expression body, IReadOnlyList<NamedCondition>? uses)
        {
            if (uses is not { Count: > 0 })
            {
                return body;
            }

            var checks = NamedCondition.Closure(uses).Select(c => (Expression)Expression.IfThen(
                Expression.NotEqual(failures[c], Expression.Constant(null, typeof(Exception))),
                Expression.Throw(Expression.New(
                    typeof(NamedConditionException).GetConstructor([typeof(string), typeof(Exception)])!,
                    Expression.Constant(c.Name),
                    failures[c]))));
            return Expression.Block(body.Type, [.. checks, body]);
        }

        private static IEnumerable<NamedCondition> Uses(RuleTree rule) =>
            (rule.Uses ?? []).Concat(rule.Children.Where(c => c.Enabled).SelectMany(Uses));
    }

    private static bool IsCompileError(Exception e) => e is ArgumentException or InvalidOperationException or NotSupportedException or InvalidProgramException;
}
