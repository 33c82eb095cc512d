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
internal sealed record RuleTree(string Name, bool Enabled, ExpressionType? Operator, Expression? Body, IReadOnlyList<RuleTree> Children);

/// <summary>
/// Compiles rule trees into delegates with RulesEngine 6's result semantics (what <c>ExecuteAllRulesAsync</c> returns
/// with our <see cref="RuleEvaluator.Settings"/>), without its result objects.
/// </summary>
/// <remarks>
/// RulesEngine, for each enabled top-level rule in file order: a rule with an expression succeeds when the expression is
/// true; an exception while evaluating it means not successful, with the error text
/// <c>Error while executing rule : {name} - {message}</c>. A rule with an operator runs its enabled children in order;
/// with <c>NestedRuleExecutionMode.Performance</c>, <c>And</c>/<c>AndAlso</c> stop at the first child that fails and
/// <c>Or</c>/<c>OrElse</c> at the first that succeeds; a child that throws counts as failed and its error stays with the
/// child, so the parent has none; a rule whose children are all disabled fails. The tree compiled is the very tree the
/// guard checked: nothing is parsed a second time.
/// </remarks>
internal static class RuleCompiler
{
    /// <summary>Compiles a rule; throws when a tree cannot be compiled, which the loader reports as a problem of the file.</summary>
    public static Func<BorrowerCase, Assessment, object, bool> Compile(RuleTree rule, RuleInputs inputs)
    {
        if (rule.Operator is not { } op)
        {
            return CompileExpression(rule.Body ?? throw new InvalidOperationException($"rule '{rule.Name}' has neither an expression nor an operator"), inputs);
        }

        var children = rule.Children.Where(r => r.Enabled).Select(r => Compile(r, inputs)).ToArray();
        var all = op switch
        {
            ExpressionType.And or ExpressionType.AndAlso => true,
            ExpressionType.Or or ExpressionType.OrElse => false,
            _ => throw new InvalidOperationException($"rule '{rule.Name}': '{op}' is not a rule operator"),
        };
        return (c, facts, parameters) => Combine(children, all, c, facts, parameters);
    }

    /// <summary>The error text RulesEngine gives a rule whose expression threw.</summary>
    public static string ErrorText(string rule, Exception e) => $"Error while executing rule : {rule} - {e.Message}";

    /// <summary>
    /// And (<paramref name="all"/>) or Or over the children, stopping as soon as the answer is known; a child that throws
    /// counts as failed. No enabled child: not successful.
    /// </summary>
    private static bool Combine(Func<BorrowerCase, Assessment, object, bool>[] children, bool all, BorrowerCase c, Assessment facts, object parameters)
    {
        if (children.Length == 0)
        {
            return false;
        }

        foreach (var child in children)
        {
            bool success;
            try
            {
                success = child(c, facts, parameters);
            }
            catch (Exception)
            {
                // As RulesEngine: the child's own result carries its error, which the trace (top-level rules) does not show.
                success = false;
            }

            if (success != all)
            {
                return success;
            }
        }

        return all;
    }

    /// <summary>
    /// <c>(case, facts, parameters) => { params = (ParamsType)parameters; return body; }</c>, with the very parameter
    /// expressions the parser bound, as RulesEngine's own wrapper does with its object array.
    /// </summary>
    private static Func<BorrowerCase, Assessment, object, bool> CompileExpression(Expression body, RuleInputs inputs)
    {
        var parameters = Expression.Parameter(typeof(object), "parameters");
        var paramsVariable = inputs.Expressions[2];
        var block = Expression.Block(
            typeof(bool),
            [paramsVariable],
            Expression.Assign(paramsVariable, Expression.Convert(parameters, inputs.ParametersType)),
            body);
        return Expression.Lambda<Func<BorrowerCase, Assessment, object, bool>>(block, inputs.Expressions[0], inputs.Expressions[1], parameters).Compile();
    }
}
