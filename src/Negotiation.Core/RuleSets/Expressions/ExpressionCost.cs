using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Expressions;

/// <summary>
/// A static bound on the work an expression can do in one evaluation, counted in steps on a case at the case limits: every
/// list <see cref="CaseLimits.MaxItems"/> long and every text <see cref="CaseLimits.MaxTextLength"/> characters long.
/// </summary>
/// <remarks>
/// <para>A step is a node evaluated, an item visited or a character compared. A lambda passed to <c>Any</c>, <c>Where</c>,
/// <c>Sum</c> … runs once per item of its source, so its cost is multiplied by the source's length (a list's items, a
/// text's characters). Hidden loops are counted as loops: <c>Contains</c> on a list compares the value with every item, and
/// comparing records compares every field, through their lists; comparing, searching or changing the case of a text costs its
/// length (a search, the product of both lengths). Where a branch is chosen at run time, the dearer one is counted.</para>
/// <para>The bound is sound only for trees the guard admitted, and only for cases within the case limits (the case reader
/// enforces them; a case built in code is not checked). A node the estimate does not know counts as unbounded, so a gap here
/// refuses a rule rather than admitting an unbounded one. Stateless and thread-safe.</para>
/// </remarks>
internal static class ExpressionCost
{
    /// <summary>The most steps one expression may take: on a 2-core machine some 10 to 30 ms.</summary>
    public const long MaxSteps = 10_000_000;

    /// <summary>The most steps all expressions of a set may take together, since each advice runs every rule once.</summary>
    public const long MaxRuleSetSteps = 100_000_000;

    private static readonly ConcurrentDictionary<Type, double> EqualityCosts = new();

    /// <summary>The most steps <paramref name="body"/> can take on a case at the case limits; <see cref="long.MaxValue"/> when unbounded.</summary>
    public static long Estimate(Expression body)
    {
        var cost = Cost(body);
        return cost >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(cost);
    }

    /// <summary>The refusal of an expression that may take more than <see cref="MaxSteps"/>, or null.</summary>
    public static string? Check(long steps) => steps <= MaxSteps ? null :
        $"the expression may take up to {Steps(steps)} steps on a case at the case limits ({Count(CaseLimits.MaxItems)} items in a list, " +
        $"{Count(CaseLimits.MaxTextLength)} characters in a text), and at most {Count(MaxSteps)} are allowed: each lambda over a list or a text " +
        "multiplies the work inside it by its length, and comparing texts or records costs their length; loop over less, or ask for a fact";

    /// <summary>The refusal of a set whose expressions may together take more than <see cref="MaxRuleSetSteps"/>, or null.</summary>
    public static string? CheckSet(long total, IEnumerable<(string Rule, long Steps)> dearest) => total <= MaxRuleSetSteps ? null :
        $"the rule set's expressions may together take up to {Steps(total)} steps on a case at the case limits, and at most {Count(MaxRuleSetSteps)} " +
        $"are allowed for the whole set, since each advice runs every rule; the dearest are {string.Join(", ", dearest.Select(d => $"'{d.Rule}' ({Steps(d.Steps)})"))}";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Steps(long steps) => steps == long.MaxValue ? "an unbounded number of" : Count(steps);

    private static double Cost(Expression? node) => node switch
    {
        null => 0,
        ConstantExpression or ParameterExpression or DefaultExpression => 1,
        MemberExpression member => 1 + Cost(member.Expression),
        UnaryExpression unary => 1 + Cost(unary.Operand),
        BinaryExpression binary => 1 + Cost(binary.Left) + Cost(binary.Right) + (IsTextEquality(binary) ? Math.Min(Length(binary.Left), Length(binary.Right)) : 0),
        ConditionalExpression conditional => 1 + Cost(conditional.Test) + Math.Max(Cost(conditional.IfTrue), Cost(conditional.IfFalse)),
        LambdaExpression lambda => 1 + Cost(lambda.Body),
        MethodCallExpression call when call.Method.DeclaringType == typeof(string) => TextCall(call),
        MethodCallExpression call when call.Method.DeclaringType == typeof(Enumerable) => Loop(call),
        MethodCallExpression call => 1 + Cost(call.Object) + call.Arguments.Sum(Cost),
        _ => double.PositiveInfinity,
    };

    private static bool IsTextEquality(BinaryExpression binary) =>
        binary.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && binary.Left.Type == typeof(string);

    private static double TextCall(MethodCallExpression call)
    {
        var own = 1 + Cost(call.Object) + call.Arguments.Sum(Cost);
        var text = call.Object ?? call.Arguments[0];
        return call.Method.Name switch
        {
            "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant" => own + Length(text),
            "StartsWith" or "EndsWith" => own + Math.Min(Length(text), Length(call.Arguments[0])),
            "Contains" when call.Arguments[0].Type == typeof(string) => own + Length(text) * Math.Max(1, Length(call.Arguments[0])),
            "Contains" => own + Length(text),
            "Equals" or "op_Equality" or "op_Inequality" => own + Math.Min(Length(call.Arguments[0]), Length(call.Arguments[1])),
            _ => own,
        };
    }

    /// <summary>A call of <see cref="Enumerable"/>: its source once, then per item its lambdas and what it does with the item.</summary>
    private static double Loop(MethodCallExpression call)
    {
        var source = call.Arguments[0];
        var perItem = 1 + call.Arguments.Skip(1).OfType<LambdaExpression>().Sum(Cost);
        var once = 1 + Cost(source) + call.Arguments.Skip(1).Where(a => a is not LambdaExpression).Sum(Cost);
        var item = ElementType(source.Type);
        perItem += call.Method.Name switch
        {
            "Contains" => Equality(item, call.Arguments[1]),
            "Min" or "Max" when call.Method.ReturnType == typeof(string) => CaseLimits.MaxTextLength,
            _ => 0,
        };
        return once + Items(source) * perItem;
    }

    /// <summary>The most items a sequence can yield: a text's characters, a filtered or mapped sequence's source's items, a list's items.</summary>
    private static double Items(Expression sequence) => sequence switch
    {
        _ when sequence.Type == typeof(string) => Length(sequence),
        MethodCallExpression { Method.Name: "Where" or "Select" } call when call.Method.DeclaringType == typeof(Enumerable) => Items(call.Arguments[0]),
        MemberExpression { Member.DeclaringType: var owner } when owner == typeof(Assessment) => FactListItems,
        _ => CaseLimits.MaxItems,
    };

    /// <summary>
    /// The most items a list of the assessment holds: each names the members of one of the case's enums, once (documents
    /// held, request types agreed, refused or ranked), and no enum has more.
    /// </summary>
    private const int FactListItems = 16;

    /// <summary>The longest code a text fact of the assessment can be (a kebab-case enum name, an outcome, a currency).</summary>
    private const int FactCodeLength = 32;

    /// <summary>The longest a text can be: a literal's length, the longer branch, a case's texts at the case limit.</summary>
    private static double Length(Expression text) => text switch
    {
        ConstantExpression { Value: string s } => s.Length,
        ConstantExpression { Value: null } => 0,

        // Every text fact is a code the library writes, except the lender's name, which comes from the case.
        MemberExpression { Member: { DeclaringType: var owner, Name: var name } } when owner == typeof(Assessment) && name != nameof(Assessment.LenderName) => FactCodeLength,
        MethodCallExpression { Method.Name: "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant", Object: { } inner } => Length(inner),
        ConditionalExpression conditional => Math.Max(Length(conditional.IfTrue), Length(conditional.IfFalse)),
        BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce => Math.Max(Length(coalesce.Left), Length(coalesce.Right)),
        _ => CaseLimits.MaxTextLength,
    };

    /// <summary>Comparing an item of <paramref name="type"/> with <paramref name="value"/>: a text up to the shorter length, a record field by field.</summary>
    private static double Equality(Type type, Expression value) =>
        type == typeof(string) ? 1 + Math.Min(CaseLimits.MaxTextLength, Length(value)) : EqualityCost(type, []);

    /// <summary>What the default equality of <paramref name="type"/> compares, at the case limits.</summary>
    private static double EqualityCost(Type type, HashSet<Type> within)
    {
        if (EqualityCosts.TryGetValue(type, out var known))
        {
            return known;
        }

        double cost;
        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal))
        {
            cost = 1;
        }
        else if (type == typeof(string))
        {
            cost = 1 + CaseLimits.MaxTextLength;
        }
        else if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            cost = EqualityCost(underlying, within);
        }
        else if (type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>)))
        {
            // A list compares item by item.
            cost = 1 + (CaseLimits.MaxItems * EqualityCost(ElementType(type), within));
        }
        else if (!type.IsValueType && type.Assembly != typeof(BorrowerCase).Assembly)
        {
            // Another reference type (a sequence a lambda built, say) compares by reference.
            cost = 1;
        }
        else if (!within.Add(type))
        {
            cost = double.PositiveInfinity;
        }
        else
        {
            // A record, or a value type such as LocalDate: every field, as the generated Equals compares them.
            cost = 1;
            for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                cost += t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Sum(f => EqualityCost(f.FieldType, within));
            }

            within.Remove(type);
        }

        return EqualityCosts.GetOrAdd(type, cost);
    }

    private static Type ElementType(Type sequence) =>
        sequence.IsArray ? sequence.GetElementType()! :
        sequence == typeof(string) ? typeof(char) :
        (sequence.IsGenericType && sequence.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? sequence : sequence.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))?.GetGenericArguments()[0] ?? typeof(object);
}
