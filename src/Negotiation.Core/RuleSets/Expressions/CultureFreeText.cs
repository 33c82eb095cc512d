using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Negotiation.Core.RuleSets.Expressions;

/// <summary>
/// Rewrites a checked expression so that it compares text ordinally and changes its case invariantly, whatever the culture of
/// the thread that evaluates it. The same case and rules then give the same plan on every machine: under tr-TR <c>"i".ToUpper()</c>
/// is <c>"İ"</c>, every culture ignores a soft hyphen in <c>StartsWith</c>, and cs-CZ sorts <c>"ch"</c> after <c>"h"</c>.
/// </summary>
/// <remarks>
/// <para>Each call the guard admits that would consult the culture is replaced by its ordinal or invariant twin:
/// <c>ToUpper()</c>/<c>ToLower()</c> (with or without a culture) become <c>ToUpperInvariant()</c>/<c>ToLowerInvariant()</c>;
/// <c>StartsWith</c>/<c>EndsWith</c> of a string compare <see cref="StringComparison.Ordinal"/> (or
/// <see cref="StringComparison.OrdinalIgnoreCase"/> when asked to ignore case); a <see cref="StringComparison"/> argument to them,
/// to <c>Contains</c> or to <c>string.Equals</c> becomes its ordinal kind; <c>Min</c> and <c>Max</c> of text compare with
/// <see cref="StringComparer.Ordinal"/>. Every other call the guard admits is already culture-free (<c>==</c>, <c>Contains</c>,
/// list <c>Contains</c>, numbers, dates).</para>
/// <para>This is where the compiled rules differ from RulesEngine run over the same files, which follows the thread's culture:
/// they agree on plain text under the invariant culture, and the default rule set uses none of these calls.</para>
/// <para>Stateless; the replacements are fixed members of the BCL and of this class, not anything a rule file names.</para>
/// </remarks>
internal sealed class CultureFreeText : ExpressionVisitor
{
    private static readonly MethodInfo ToUpperInvariant = typeof(string).GetMethod(nameof(string.ToUpperInvariant), Type.EmptyTypes)!;

    private static readonly MethodInfo ToLowerInvariant = typeof(string).GetMethod(nameof(string.ToLowerInvariant), Type.EmptyTypes)!;

    private static readonly MethodInfo OrdinalKindMethod = typeof(CultureFreeText).GetMethod(nameof(OrdinalKind), BindingFlags.Static | BindingFlags.NonPublic)!;

    private static readonly MethodInfo SelectMethod = new Func<IEnumerable<object>, Func<object, object>, IEnumerable<object>>(Enumerable.Select).Method.GetGenericMethodDefinition();

    private static readonly Expression OrdinalComparer = Expression.Constant(StringComparer.Ordinal, typeof(IComparer<string>));

    private CultureFreeText()
    {
    }

    /// <summary>Returns <paramref name="body"/> with every culture-sensitive text call replaced by its ordinal or invariant twin.</summary>
    public static Expression Rewrite(Expression body) => new CultureFreeText().Visit(body);

    /// <summary>The ordinal kind of a comparison: ignoring case or not as asked. Other values pass through, for the call to refuse as before.</summary>
    internal static StringComparison OrdinalKind(StringComparison comparison) => comparison switch
    {
        StringComparison.CurrentCulture or StringComparison.InvariantCulture or StringComparison.Ordinal => StringComparison.Ordinal,
        StringComparison.CurrentCultureIgnoreCase or StringComparison.InvariantCultureIgnoreCase or StringComparison.OrdinalIgnoreCase => StringComparison.OrdinalIgnoreCase,
        _ => comparison,
    };

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var call = (MethodCallExpression)base.VisitMethodCall(node);
        var method = call.Method;
        if (method.DeclaringType == typeof(string))
        {
            return TextCall(call);
        }

        return method.DeclaringType == typeof(Enumerable) && method.Name is nameof(Enumerable.Min) or nameof(Enumerable.Max) && method.ReturnType == typeof(string)
            ? OrdinalMinMax(call)
            : call;
    }

    private static Expression TextCall(MethodCallExpression call)
    {
        var parameters = call.Method.GetParameters().Select(p => p.ParameterType).ToArray();
        switch (call.Method.Name, parameters)
        {
            case (nameof(string.ToUpper), [] or [_]):
                return Expression.Call(call.Object, ToUpperInvariant);
            case (nameof(string.ToLower), [] or [_]):
                return Expression.Call(call.Object, ToLowerInvariant);
            case (nameof(string.StartsWith) or nameof(string.EndsWith), [var text]) when text == typeof(string):
                return Comparing(call, call.Arguments[0], Expression.Constant(StringComparison.Ordinal));
            case (nameof(string.StartsWith) or nameof(string.EndsWith), [_, var ignoreCase, var culture]) when ignoreCase == typeof(bool) && culture == typeof(CultureInfo):
                return Comparing(call, call.Arguments[0], Expression.Condition(
                    call.Arguments[1], Expression.Constant(StringComparison.OrdinalIgnoreCase), Expression.Constant(StringComparison.Ordinal)));
            case (_, [.., var last]) when last == typeof(StringComparison):
                return call.Update(call.Object, [.. call.Arguments.SkipLast(1), Expression.Call(OrdinalKindMethod, call.Arguments[^1])]);
            default:
                return call;
        }
    }

    /// <summary><c>text.StartsWith(value, comparison)</c> (or <c>EndsWith</c>) for a call with any other arguments.</summary>
    private static Expression Comparing(MethodCallExpression call, Expression value, Expression comparison) =>
        Expression.Call(call.Object, typeof(string).GetMethod(call.Method.Name, [typeof(string), typeof(StringComparison)])!, value, comparison);

    /// <summary><c>Min</c>/<c>Max</c> of text, with or without a selector or a comparer, as the same over <see cref="StringComparer.Ordinal"/>.</summary>
    private static Expression OrdinalMinMax(MethodCallExpression call)
    {
        var source = call.Arguments[0];
        var generic = call.Method.GetGenericArguments();
        if (generic.Length == 2)
        {
            // Min(source, x => text) is the least of the selected texts.
            source = Expression.Call(SelectMethod.MakeGenericMethod(generic), source, call.Arguments[1]);
        }

        var withComparer = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == call.Method.Name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1 &&
                         m.GetParameters() is [_, { ParameterType.IsGenericType: true } comparer] && comparer.ParameterType.GetGenericTypeDefinition() == typeof(IComparer<>))
            .MakeGenericMethod(typeof(string));
        return Expression.Call(withComparer, source, OrdinalComparer);
    }
}
