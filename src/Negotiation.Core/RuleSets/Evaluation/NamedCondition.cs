using System.Linq.Expressions;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>
/// A named condition — an entry of the manifest's <c>conditions</c>, a workflow's <c>GlobalParams</c> or a rule's
/// <c>LocalParams</c> — once the guard accepted its expression: later expressions in its scope name it like an input.
/// </summary>
/// <remarks>
/// A workflow computes each condition its rules use once, before its rules, from the same inputs they see; a condition
/// that throws fails only the rules that use it (with an error naming it), as if each rule had computed it for itself.
/// RulesEngine evaluates every scoped parameter before every rule, so there a throwing GlobalParam fails every rule of
/// the workflow; the results agree whenever no condition throws.
/// </remarks>
internal sealed class NamedCondition
{
    public NamedCondition(string name, string expression, Type type, int order)
    {
        Name = name;
        Expression = expression;
        Order = order;
        Variable = System.Linq.Expressions.Expression.Variable(type, name);
    }

    /// <summary>Gets the name later expressions use; unique in the rule set, ignoring case.</summary>
    public string Name { get; }

    /// <summary>Gets the expression as written.</summary>
    public string Expression { get; }

    /// <summary>Gets the condition's place in load order: a condition only names conditions before it.</summary>
    public int Order { get; }

    /// <summary>Gets the variable that stands for the condition in the trees that name it.</summary>
    public ParameterExpression Variable { get; }

    /// <summary>Gets the checked tree that computes the value (its text calls made culture-free).</summary>
    public Expression? Body { get; set; }

    /// <summary>Gets the conditions this one names directly.</summary>
    public IReadOnlyList<NamedCondition> Uses { get; set; } = [];

    /// <summary>Gets the input paths this condition's own expression reads.</summary>
    public IReadOnlyList<string> Reads { get; set; } = [];

    /// <summary>Gets the work the expression's tree is estimated to cost (see <see cref="Expressions.ExpressionCost"/>).</summary>
    public long Steps { get; set; }

    /// <summary>Every condition that <paramref name="used"/> names, directly or through another, in load order.</summary>
    public static IReadOnlyList<NamedCondition> Closure(IEnumerable<NamedCondition> used)
    {
        var all = new HashSet<NamedCondition>();
        var pending = new Stack<NamedCondition>(used);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (all.Add(next))
            {
                foreach (var inner in next.Uses)
                {
                    pending.Push(inner);
                }
            }
        }

        return [.. all.OrderBy(c => c.Order)];
    }

    /// <summary>
    /// <paramref name="body"/> with the conditions it names computed first: <c>{ c1 = …; c2 = …; body }</c>, each
    /// computation's failure reported as <see cref="NamedConditionException"/>; the body itself when it names none.
    /// </summary>
    public static Expression Bind(Expression body, IEnumerable<NamedCondition> used)
    {
        var closure = Closure(used);
        if (closure.Count == 0)
        {
            return body;
        }

        // One try around every assignment, with the index of the one running, rather than one try each: the compiled
        // method stays small when a rule names several conditions (its JIT time is most of a cold start).
        var stage = System.Linq.Expressions.Expression.Variable(typeof(int), "stage");
        var assignments = new List<Expression>();
        for (var i = 0; i < closure.Count; i++)
        {
            var value = closure[i].Body ?? throw new InvalidOperationException($"the named condition '{closure[i].Name}' was not compiled");
            assignments.Add(System.Linq.Expressions.Expression.Assign(stage, System.Linq.Expressions.Expression.Constant(i)));
            assignments.Add(System.Linq.Expressions.Expression.Assign(closure[i].Variable, value));
        }

        var error = System.Linq.Expressions.Expression.Variable(typeof(Exception), "e");
        var statements = new List<Expression>
        {
            System.Linq.Expressions.Expression.TryCatch(
                System.Linq.Expressions.Expression.Block(typeof(void), assignments),
                System.Linq.Expressions.Expression.Catch(error, System.Linq.Expressions.Expression.Throw(
                    System.Linq.Expressions.Expression.New(
                        typeof(NamedConditionException).GetConstructor([typeof(string), typeof(Exception)])!,
                        System.Linq.Expressions.Expression.ArrayIndex(System.Linq.Expressions.Expression.Constant(closure.Select(c => c.Name).ToArray()), stage),
                        error),
                    typeof(void)))),
        };
        statements.Add(body);
        return System.Linq.Expressions.Expression.Block(body.Type, closure.Select(c => c.Variable).Append(stage), statements);
    }
}

/// <summary>A named condition could not be evaluated; the rule that uses it fails with this error.</summary>
internal sealed class NamedConditionException(string name, Exception inner)
    : Exception($"named condition '{name}': {inner.Message}", inner)
{
    /// <summary>Gets the condition's name.</summary>
    public string Name { get; } = name;
}
