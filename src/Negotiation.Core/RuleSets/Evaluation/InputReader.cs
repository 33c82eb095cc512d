using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>Reads a value such as <c>facts.daysPastDue</c> or <c>case.finances.savings</c> for the trace, null-safely.</summary>
internal sealed class InputReader
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Func<BorrowerCase, Assessment, object, object?> read;

    private InputReader(string path, Func<BorrowerCase, Assessment, object, object?> read)
    {
        Path = path;
        this.read = read;
    }

    public string Path { get; }

    public object? Read(BorrowerCase c, Assessment facts, object parameters)
    {
        var value = read(c, facts, parameters);

        // Lists are shown by their size: the trace explains, it does not copy the case.
        return value is ICollection collection ? collection.Count : value is IReadOnlyCollection<object> items ? items.Count : value;
    }

    /// <summary>Builds a reader for a path the expression guard recorded; every step is a public property.</summary>
    public static InputReader Create(string path, RuleInputs inputs)
    {
        var parts = path.Split('.');
        var root = inputs.Expressions.Single(p => p.Name == parts[0]);
        Expression current = root;
        var checks = new List<Expression>();
        foreach (var part in parts.Skip(1))
        {
            if (!current.Type.IsValueType)
            {
                checks.Add(current);
            }

            var property = current.Type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new InvalidOperationException($"'{path}': no property '{part}' on {current.Type.Name}");
            current = Expression.Property(current, property);
        }

        // Yes/no facts are common in the trace: share two boxes rather than box each read.
        Expression body = current.Type == typeof(bool)
            ? Expression.Condition(current, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
            : Expression.Convert(current, typeof(object));
        foreach (var check in Enumerable.Reverse(checks))
        {
            body = Expression.Condition(Expression.Equal(check, Expression.Constant(null, check.Type)), Expression.Constant(null), body);
        }

        var c = Expression.Parameter(typeof(BorrowerCase));
        var f = Expression.Parameter(typeof(Assessment));
        var p = Expression.Parameter(typeof(object));
        var substituted = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [inputs.Expressions[0]] = c,
            [inputs.Expressions[1]] = f,
            [inputs.Expressions[2]] = Expression.Convert(p, inputs.ParametersType),
        }).Visit(body);
        return new InputReader(path, Expression.Lambda<Func<BorrowerCase, Assessment, object, object?>>(substituted, c, f, p).Compile());
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : node;
    }
}
