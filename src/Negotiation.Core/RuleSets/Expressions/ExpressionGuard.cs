using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.RuleSets.Expressions;

/// <summary>
/// Walks a parsed rule expression and refuses everything outside a small allow-list: properties of the
/// case, facts and parameters; arithmetic, comparison, logic and conditionals; a few string, Enumerable and
/// Math members; numeric conversions. Anything else — <c>GetType</c>, reflection, object creation,
/// delegates, static members of other types — is refused with the member's name.
/// </summary>
/// <remarks>
/// The walk is over the expression tree the parser produced, after names were resolved, so spelling
/// tricks (casing, Unicode escapes, string-built names) cannot hide what a call really is.
/// Stateless apart from the problems of one walk; create one per expression.
/// </remarks>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting of expression nodes accepted.</summary>
    public const int MaxDepth = 40;

    /// <summary>
    /// The most lambdas nested inside one another (<c>a.Any(x => b.Any(y => ...))</c>). Each level multiplies the work
    /// by a list's length (at most 1,000 items), so two levels are a million steps and three would be a billion.
    /// </summary>
    public const int MaxLambdaNesting = 2;

    private static readonly FrozenSet<string> StringMethods =
        FrozenSet.ToFrozenSet(["Contains", "StartsWith", "EndsWith", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnumerableMethods =
        FrozenSet.ToFrozenSet(["Any", "All", "Count", "Sum", "Min", "Max", "Where", "Select", "Contains", "First", "FirstOrDefault"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MathMethods =
        FrozenSet.ToFrozenSet(["Min", "Max", "Abs", "Round", "Floor", "Ceiling"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LocalDateProperties =
        FrozenSet.ToFrozenSet(["Year", "Month", "Day"], StringComparer.Ordinal);

    private static readonly FrozenSet<ExpressionType> BinaryOperators = FrozenSet.ToFrozenSet(
    [
        ExpressionType.Add, ExpressionType.AddChecked, ExpressionType.Subtract, ExpressionType.SubtractChecked,
        ExpressionType.Multiply, ExpressionType.MultiplyChecked, ExpressionType.Divide, ExpressionType.Modulo,
        ExpressionType.And, ExpressionType.AndAlso, ExpressionType.Or, ExpressionType.OrElse,
        ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual, ExpressionType.Coalesce,
    ]);

    private static readonly FrozenSet<Type> NumericTypes = FrozenSet.ToFrozenSet(
    [
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal),
    ]);

    private readonly Type parametersType;
    private readonly IReadOnlySet<ParameterExpression> inputs;
    private readonly List<string> problems = [];
    private readonly SortedSet<string> reads = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<ParameterExpression, Evaluation.NamedCondition> named;
    private readonly HashSet<Evaluation.NamedCondition> uses = [];
    private int depth;
    private int lambdas;
    private bool insideChain;

    private ExpressionGuard(Type parametersType, IReadOnlySet<ParameterExpression> inputs, IReadOnlyDictionary<ParameterExpression, Evaluation.NamedCondition> named)
    {
        this.parametersType = parametersType;
        this.inputs = inputs;
        this.named = named;
    }

    /// <summary>
    /// Checks the text before it is parsed: brackets nested deeper than <see cref="MaxDepth"/> are refused here, because
    /// the parser descends recursively into each one. They are counted on the parser's own tokens, so no quoting can hide them.
    /// </summary>
    /// <returns>The refusal, or null when the text may be parsed.</returns>
    /// <exception cref="System.Linq.Dynamic.Core.Exceptions.ParseException">The text cannot be split into tokens.</exception>
    public static string? CheckText(string expression, RuleExpressionParsing parsing) =>
        parsing.BracketDepth(expression) > MaxDepth ? $"brackets nest deeper than {MaxDepth} levels; split the expression or use a fact" : null;

    /// <summary>Checks a parsed expression; returns every refusal, and the input paths it reads.</summary>
    public static (IReadOnlyList<string> Problems, IReadOnlyList<string> Reads) Check(Expression body, Type parametersType, IReadOnlySet<ParameterExpression> inputs)
    {
        var (problems, reads, _) = Check(body, parametersType, inputs, new Dictionary<ParameterExpression, Evaluation.NamedCondition>());
        return (problems, reads);
    }

    /// <summary>
    /// Checks a parsed expression that may name the conditions in <paramref name="named"/> (by their variables); returns
    /// every refusal, the input paths it reads, and the conditions it names. A condition's value was checked when the
    /// condition was: naming it reads nothing else.
    /// </summary>
    public static (IReadOnlyList<string> Problems, IReadOnlyList<string> Reads, IReadOnlyList<Evaluation.NamedCondition> Uses) Check(
        Expression body, Type parametersType, IReadOnlySet<ParameterExpression> inputs, IReadOnlyDictionary<ParameterExpression, Evaluation.NamedCondition> named)
    {
        var guard = new ExpressionGuard(parametersType, inputs, named);
        guard.Visit(body);
        return (guard.problems.Distinct().ToArray(), guard.reads.ToArray(), guard.uses.OrderBy(c => c.Order).ToArray());
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        if (++depth > MaxDepth)
        {
            Refuse($"the expression nests deeper than {MaxDepth} levels; split it or use a fact");
            depth--;
            return node;
        }

        if (node.NodeType != ExpressionType.Lambda && IsReflective(node.Type))
        {
            // Keep walking: the members that led here are named too.
            Refuse($"a value of type {Friendly(node.Type)} (reflection or a delegate) is not allowed");
        }

        var result = base.Visit(node);
        depth--;
        return result;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Member is not PropertyInfo property)
        {
            Refuse($"field '{node.Member.DeclaringType?.Name}.{node.Member.Name}' is not allowed; only properties of the case, facts and parameters are");
            Visit(node.Expression);
            return node;
        }

        var owner = property.DeclaringType!;
        var allowed =
            node.Expression is not null && (
                IsModelType(owner) ||
                owner == parametersType ||
                (owner == typeof(string) && property.Name == "Length") ||
                (owner.IsGenericType && owner.GetGenericTypeDefinition() == typeof(ValueList<>) && property.Name == "Count") ||
                (Nullable.GetUnderlyingType(owner) is not null && property.Name is "HasValue" or "Value") ||
                (owner == typeof(LocalDate) && LocalDateProperties.Contains(property.Name)));
        if (!allowed)
        {
            Refuse($"member '{owner.Name}.{property.Name}' is not allowed");
            Visit(node.Expression);
            return node;
        }

        // Record the longest chain only: facts.daysPastDue, not also facts.
        if (!insideChain && PathOf(node) is { } path)
        {
            reads.Add(path);
            insideChain = true;
            base.VisitMember(node);
            insideChain = false;
            return node;
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var owner = method.DeclaringType!;

        // The parser turns params.unknownName into the generated class's indexer; say what that means.
        if (method.Name == "get_Item" && owner.IsAssignableFrom(parametersType) && node.Arguments is [ConstantExpression { Value: string name }])
        {
            Refuse($"parameter '{name}' is not defined in ruleset.json's \"parameters\"");
            return node;
        }
        var allowed =
            (owner == typeof(string) && StringMethods.Contains(method.Name) && !method.IsStatic) ||
            (owner == typeof(Enumerable) && EnumerableMethods.Contains(method.Name)) ||
            (owner == typeof(Math) && MathMethods.Contains(method.Name)) ||
            (owner.IsGenericType && owner.GetGenericTypeDefinition() == typeof(ValueList<>) && method.Name == "get_Item") ||
            IsOperatorOn(method, typeof(decimal)) ||
            IsOperatorOn(method, typeof(LocalDate)) ||
            (owner == typeof(string) && method.Name is "op_Equality" or "op_Inequality" or "Equals" && method.IsStatic) ||
            (owner == typeof(decimal) && method.Name is "Compare" && method.IsStatic);
        if (!allowed)
        {
            Refuse($"method '{owner.Name}.{method.Name}' is not allowed");
            Visit(node.Object);
            Visit(node.Arguments);
            return node;
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is { } method &&
            !IsOperatorOn(method, typeof(decimal)) && !IsOperatorOn(method, typeof(LocalDate)) &&
            !(method.DeclaringType == typeof(string) && method.Name is "op_Equality" or "op_Inequality" or "Equals"))
        {
            Refuse($"operator method '{method.DeclaringType?.Name}.{method.Name}' is not allowed");
        }

        if (!BinaryOperators.Contains(node.NodeType))
        {
            Refuse($"'{node.NodeType}' is not allowed");
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var conversion = node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked;
        switch (node.NodeType)
        {
            case ExpressionType.Not or ExpressionType.Negate or ExpressionType.UnaryPlus or ExpressionType.Quote:
                break;
            case ExpressionType.Convert or ExpressionType.ConvertChecked when IsSafeConversion(node.Operand.Type, node.Type):
                break;
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                Refuse($"conversion from {Friendly(node.Operand.Type)} to {Friendly(node.Type)} is not allowed; only numeric conversions are");
                break;
            default:
                Refuse($"'{node.NodeType}' is not allowed");
                break;
        }

        // decimal's operators, and its implicit/explicit conversions for numeric conversions, are the only methods allowed here.
        if (node.Method is { } method && !IsOperatorOn(method, typeof(decimal)) &&
            !(conversion && method.DeclaringType == typeof(decimal) && method.Name is "op_Implicit" or "op_Explicit"))
        {
            Refuse($"operator method '{method.DeclaringType?.Name}.{method.Name}' is not allowed");
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        if (++lambdas > MaxLambdaNesting)
        {
            Refuse($"lambdas nest deeper than {MaxLambdaNesting} levels; each level multiplies the work by a list's length");
        }

        var result = base.VisitLambda(node);
        lambdas--;
        return result;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (named.TryGetValue(node, out var condition))
        {
            uses.Add(condition);
        }

        return node;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is not (null or string or bool or int or long or decimal or double or float or LocalDate) && !NumericTypes.Contains(node.Type))
        {
            Refuse($"a constant of type {node.Type.Name} is not allowed");
        }

        return node;
    }

    protected override Expression VisitNew(NewExpression node) => Refuse($"creating a {node.Type.Name} is not allowed", node);

    protected override Expression VisitMemberInit(MemberInitExpression node) => Refuse($"creating a {node.Type.Name} is not allowed", node);

    protected override Expression VisitListInit(ListInitExpression node) => Refuse($"creating a {node.Type.Name} is not allowed", node);

    protected override Expression VisitNewArray(NewArrayExpression node) => Refuse("creating an array is not allowed", node);

    protected override Expression VisitInvocation(InvocationExpression node) => Refuse("invoking a delegate is not allowed", node);

    protected override Expression VisitTypeBinary(TypeBinaryExpression node) => Refuse("type tests ('is') are not allowed", node);

    protected override Expression VisitIndex(IndexExpression node) => Refuse("indexers are not allowed", node);

    protected override Expression VisitBlock(BlockExpression node) => Refuse("blocks are not allowed", node);

    protected override Expression VisitDefault(DefaultExpression node) => node;

    protected override Expression VisitDynamic(DynamicExpression node) => Refuse("dynamic operations are not allowed", node);

    protected override Expression VisitExtension(Expression node) => Refuse($"'{node.NodeType}' is not allowed", node);

    protected override Expression VisitGoto(GotoExpression node) => Refuse("jumps are not allowed", node);

    protected override Expression VisitLoop(LoopExpression node) => Refuse("loops are not allowed", node);

    protected override Expression VisitTry(TryExpression node) => Refuse("try blocks are not allowed", node);

    protected override Expression VisitSwitch(SwitchExpression node) => Refuse("switch is not allowed", node);

    protected override Expression VisitRuntimeVariables(RuntimeVariablesExpression node) => Refuse("runtime variables are not allowed", node);

    private Expression Refuse(string message, Expression node)
    {
        Refuse(message);
        return node;
    }

    private void Refuse(string message) => problems.Add(message);

    private static bool IsModelType(Type type) =>
        type.Assembly == typeof(BorrowerCase).Assembly &&
        type.Namespace is "Negotiation.Core.Cases" or "Negotiation.Core.Assessments" &&
        type.IsPublic;

    private static string Friendly(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>" : type.Name;

    private static bool IsReflective(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        if (element.IsGenericType && element.GetGenericArguments().Any(IsReflective))
        {
            return true;
        }

        return element == typeof(Type) || typeof(MemberInfo).IsAssignableFrom(element) || typeof(Assembly).IsAssignableFrom(element) ||
               typeof(Module).IsAssignableFrom(element) || typeof(Delegate).IsAssignableFrom(element) ||
               element.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true;
    }

    private static bool IsOperatorOn(MethodInfo method, Type type) =>
        method.DeclaringType == type && method.IsStatic && method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal) &&
        method.Name is not ("op_Implicit" or "op_Explicit");

    private static bool IsSafeConversion(Type from, Type to)
    {
        var f = Nullable.GetUnderlyingType(from) ?? from;
        var t = Nullable.GetUnderlyingType(to) ?? to;
        return f == t || (NumericTypes.Contains(f) && NumericTypes.Contains(t)) || (f.IsEnum && NumericTypes.Contains(t)) || (t.IsEnum && NumericTypes.Contains(f));
    }

    /// <summary>The camelCase path of a member chain rooted at an input (<c>facts.daysPastDue</c>), or null.</summary>
    private string? PathOf(Expression? node)
    {
        var parts = new Stack<string>();

        // x.Value and x.HasValue of a nullable are shown as x itself, which is null or the value.
        while (node is MemberExpression { Member.DeclaringType: { IsGenericType: true } owner } nullable &&
               owner.GetGenericTypeDefinition() == typeof(Nullable<>))
        {
            node = nullable.Expression;
        }

        while (node is MemberExpression member)
        {
            parts.Push(char.ToLowerInvariant(member.Member.Name[0]) + member.Member.Name[1..]);
            node = member.Expression;
        }

        if (node is ParameterExpression parameter && inputs.Contains(parameter) && parts.Count > 0)
        {
            return parameter.Name + "." + string.Join(".", parts);
        }

        return null;
    }
}
