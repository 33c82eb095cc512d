using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>
/// Reads the values such as <c>facts.daysPastDue</c> or <c>case.finances.savings</c> that rules name, for the trace,
/// null-safely: every path of a rule set in one compiled method, chosen by the path's index.
/// </summary>
/// <remarks>One method rather than one per path: the default set names 61 paths, and each compiled method costs time at load.</remarks>
internal sealed class InputReader
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Func<int, BorrowerCase, Assessment, object, object?> read;

    /// <summary>For each path that is a named condition, its own reader, compiled when the trace first shows it.</summary>
    private readonly Lazy<Func<BorrowerCase, Assessment, object, object?>>?[] conditions;

    /// <summary>Whether <paramref name="path"/> is a fact (<c>facts.…</c>), as opposed to a case field, a parameter or a named condition.</summary>
    public static bool IsFact(string path) => path.StartsWith("facts.", StringComparison.Ordinal);

    /// <summary>Builds the reader for paths the expression guard recorded; every step is a public property.</summary>
    public InputReader(IReadOnlyList<string> paths, RuleInputs inputs)
    {
        Paths = [.. paths];
        var index = Expression.Parameter(typeof(int), "index");
        var parameters = Expression.Parameter(typeof(object), "parameters");
        var paramsVariable = inputs.Expressions[2];

        // A named condition computes its value again from the inputs the rule saw: compiled apart and only when first read,
        // so that loading a set does not compile what most plans never show.
        conditions = [.. paths.Select(path => inputs.Conditions.TryGetValue(path, out var condition)
            ? new Lazy<Func<BorrowerCase, Assessment, object, object?>>(() => Condition(condition, inputs))
            : null)];
        var cases = paths.Select((path, i) => (path, i)).Where(p => conditions[p.i] is null)
            .Select(p => Expression.SwitchCase(Path(p.path, inputs), Expression.Constant(p.i))).ToArray();
        Expression body = cases.Length == 0
            ? Expression.Constant(null, typeof(object))
            : Expression.Switch(index, Expression.Constant(null, typeof(object)), cases);
        var block = Expression.Block(
            typeof(object),
            [paramsVariable],
            Expression.Assign(paramsVariable, Expression.Convert(parameters, inputs.ParametersType)),
            body);
        read = Expression.Lambda<Func<int, BorrowerCase, Assessment, object, object?>>(block, index, inputs.Expressions[0], inputs.Expressions[1], parameters).Compile();
    }

    /// <summary>The paths, by index.</summary>
    public string[] Paths { get; }

    /// <summary>Reads path <paramref name="index"/>.</summary>
    public object? Read(int index, BorrowerCase c, Assessment facts, object parameters)
    {
        var value = conditions[index] is { } condition ? condition.Value(c, facts, parameters) : read(index, c, facts, parameters);

        // Lists are shown by their size: the trace explains, it does not copy the case.
        return value is ICollection collection ? collection.Count : value is IReadOnlyCollection<object> items ? items.Count : value;
    }

    /// <summary>A named condition's value, computed from the inputs as the workflow computed it; one that throws is shown as no value.</summary>
    private static Func<BorrowerCase, Assessment, object, object?> Condition(NamedCondition condition, RuleInputs inputs)
    {
        var parameters = Expression.Parameter(typeof(object), "parameters");
        var paramsVariable = inputs.Expressions[2];
        var value = NamedCondition.Bind(condition.Variable, [condition]);
        var body = Expression.TryCatch(
            value.Type == typeof(bool)
                ? Expression.Condition(value, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
                : Expression.Convert(value, typeof(object)),
            Expression.Catch(typeof(Exception), Expression.Constant(null, typeof(object))));
        var block = Expression.Block(
            typeof(object),
            [paramsVariable],
            Expression.Assign(paramsVariable, Expression.Convert(parameters, inputs.ParametersType)),
            body);
        return Expression.Lambda<Func<BorrowerCase, Assessment, object, object?>>(block, inputs.Expressions[0], inputs.Expressions[1], parameters).Compile();
    }

    /// <summary><c>a.b.c</c> as <c>a == null ? null : a.b == null ? null : (object)a.b.c</c>.</summary>
    private static Expression Path(string path, RuleInputs inputs)
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
            body = Expression.Condition(Expression.Equal(check, Expression.Constant(null, check.Type)), Expression.Constant(null, typeof(object)), body);
        }

        return body;
    }
}
