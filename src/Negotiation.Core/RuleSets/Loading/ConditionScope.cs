using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Negotiation.Core.Assessments;
using Negotiation.Core.Diagnostics;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Expressions;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>An expression the guard accepted, ready to be compiled.</summary>
/// <param name="Body">The checked tree, its text calls made culture-free; it names the conditions in <paramref name="Uses"/> by their variables.</param>
/// <param name="Uses">The named conditions it names directly.</param>
/// <param name="Reads">The input paths it reads, and the names and paths of the conditions it names (directly or not), for the trace.</param>
/// <param name="Steps">Its estimated work, the conditions it names included.</param>
internal sealed record CheckedExpression(Expression Body, IReadOnlyList<NamedCondition> Uses, IReadOnlyList<string> Reads, long Steps);

/// <summary>
/// Parses, guards and costs expressions — rule expressions and named conditions alike — over the rule inputs and the
/// named conditions in scope, and reports every problem with its file, position and rule.
/// </summary>
/// <remarks>Runs on the parser thread (<see cref="ParserThread"/>): the parser descends recursively.</remarks>
internal sealed partial class ConditionScope(RuleExpressionParsing parser, RuleInputs inputs, ProblemList problems)
{
    /// <summary>What a named condition may be: a value the trace can show.</summary>
    private static readonly Type[] ValueTypes = [typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(string), typeof(LocalDate)];

    // Both only for "did you mean" on the error path: built when first needed, so that a valid set's load does not pay for them.
    private static readonly Lazy<string[]> FactNames = new(() => [.. typeof(Assessment).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).Order(StringComparer.Ordinal)]);

    private static readonly Lazy<Dictionary<string, Type>> CaseTypes = new(() => typeof(Cases.BorrowerCase).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace == typeof(Cases.BorrowerCase).Namespace)
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    private readonly Dictionary<string, ReadCondition> byName = new(StringComparer.OrdinalIgnoreCase);
    private int order;

    /// <summary>
    /// Compiles <paramref name="declared"/> in order, each seeing <paramref name="scope"/> and the ones before it; returns
    /// the scope with those that compiled added. A name already used anywhere in the set is refused: a condition has one home.
    /// </summary>
    public IReadOnlyList<NamedCondition> Compile(IReadOnlyList<ReadCondition> declared, IReadOnlyList<NamedCondition> scope, string? rule)
    {
        if (declared.Count == 0)
        {
            return scope;
        }

        var visible = scope.ToList();
        foreach (var condition in declared)
        {
            if (byName.TryGetValue(condition.Name, out var first))
            {
                problems.Add(condition.File, condition.Token.Parent, $"the named condition '{condition.Name}' is already defined in {first.File}; " +
                    "a condition has one name and one home (shared by several workflows: ruleset.json's \"conditions\")", rule);
                continue;
            }

            byName[condition.Name] = condition;
            if (Check(condition.Expression, null, visible, condition.File, condition.Token, rule, condition.Name) is not { } result)
            {
                continue;
            }

            var type = result.Body.Type;
            if (!ValueTypes.Contains(Nullable.GetUnderlyingType(type) ?? type))
            {
                problems.Add(condition.File, condition.Token, $"named condition '{condition.Name}' is a {Friendly(type)}; a condition must be true or false, a number, a text or a date, so that the trace can show it", rule);
                continue;
            }

            var compiled = new NamedCondition(condition.Name, condition.Expression, type, order++)
            {
                Body = result.Body,
                Uses = result.Uses,
                Reads = result.Reads,
                Steps = result.Steps,
            };
            condition.Compiled = compiled;
            inputs.Conditions[compiled.Name] = compiled;
            visible.Add(compiled);
        }

        return visible;
    }

    /// <summary>Parses, guards and costs <paramref name="expression"/> over the inputs and <paramref name="scope"/>; null after reporting its problems.</summary>
    /// <param name="expression">The text.</param>
    /// <param name="returnType">The type it must have, or null for whatever it is.</param>
    /// <param name="scope">The named conditions it may name.</param>
    /// <param name="file">The file, for problems.</param>
    /// <param name="token">Where the text is, for problems.</param>
    /// <param name="rule">The rule, for problems.</param>
    /// <param name="condition">The named condition being checked, for problems; null for a rule's expression.</param>
    public CheckedExpression? Check(string expression, Type? returnType, IReadOnlyList<NamedCondition> scope, string file, JToken? token, string? rule, string? condition = null)
    {
        var what = condition is null ? "the expression" : $"named condition '{condition}'";
        var failed = false;

        // The parser reads an unknown params.name through an indexer and then fails with a type error; name the real cause first.
        foreach (var name in ParameterNames().Matches(expression).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
        {
            if (!inputs.HasParameter(name))
            {
                var near = NameSuggestions.Nearest(name, inputs.ParameterNames);
                problems.Add(file, token, $"{(condition is null ? "" : what + ": ")}parameter '{name}' is not defined in ruleset.json's \"parameters\"{(near is null ? "" : $"; did you mean '{near}'?")}", rule);
                failed = true;
            }
        }

        try
        {
            if (ExpressionGuard.CheckText(expression, parser) is { } tooDeep)
            {
                problems.Add(file, token, $"{what} is refused: " + tooDeep, rule);
                return null;
            }

            var body = parser.Parse(expression, [.. inputs.Expressions, .. scope.Select(c => c.Variable)], returnType);
            var named = scope.ToDictionary(c => c.Variable, c => c);
            var (refusals, paths, uses) = ExpressionGuard.Check(body, inputs.ParametersType, inputs.Expressions.ToHashSet(), named);
            foreach (var refusal in refusals)
            {
                problems.Add(file, token, $"{what} is refused: " + refusal, rule);
            }

            if (refusals.Count > 0 || failed)
            {
                return null;
            }

            // Only bounded work is compiled; text calls are made ordinal so that no culture decides a rule.
            var runs = CultureFreeText.Rewrite(body);
            var closure = NamedCondition.Closure(uses);
            var steps = closure.Aggregate(ExpressionCost.Estimate(runs), (sum, c) => sum > long.MaxValue - c.Steps ? long.MaxValue : sum + c.Steps);
            if (ExpressionCost.Check(steps) is { } tooDear)
            {
                problems.Add(file, token, condition is null ? tooDear : $"{what}: {tooDear}", rule);
                return null;
            }

            var reads = paths.Concat(closure.SelectMany(c => c.Reads.Prepend(c.Name))).Distinct(StringComparer.Ordinal).ToArray();
            return new CheckedExpression(runs, uses, reads, steps);
        }
        catch (ParseException) when (failed)
        {
            // A type error about the unknown parameter, already named.
        }
        catch (ParseException e)
        {
            problems.Add(file, token, $"{what} does not compile (at character {e.Position + 1}): {Explain(e.Message, scope)}", rule);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException or
                                      IndexOutOfRangeException or OverflowException or FormatException or NullReferenceException)
        {
            // The parser throws these for some malformed input; each is a problem of the file, not a crash.
            problems.Add(file, token, $"{what} does not compile: {e.Message}", rule);
        }

        return null;
    }

    /// <summary>The parser's message, with the nearest known name when it names an unknown fact or identifier.</summary>
    private static string Explain(string message, IReadOnlyList<NamedCondition> scope)
    {
        var member = UnknownMember().Match(message);
        if (member.Success && member.Groups[2].Value == nameof(Assessment))
        {
            var near = NameSuggestions.Nearest(member.Groups[1].Value, FactNames.Value);
            return $"{message}: no fact is named '{member.Groups[1].Value}'{(near is null ? "" : $"; did you mean 'facts.{near}'?")} (see rules/FACTS.md)";
        }

        // A field of the case (case.account.principl): the nearest property of the same type.
        if (member.Success && CaseTypes.Value.TryGetValue(member.Groups[2].Value, out var owner) &&
            NameSuggestions.Nearest(member.Groups[1].Value, owner.GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])) is { } field)
        {
            return $"{message}: did you mean '{field}'?";
        }

        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
        {
            var known = scope.Select(c => c.Name).Concat([RuleInputs.CaseName, RuleInputs.FactsName, RuleInputs.ParamsName]);
            var near = NameSuggestions.Nearest(identifier.Groups[1].Value, known);
            return near is null ? message : $"{message}: did you mean '{near}'?";
        }

        return message;
    }

    private static string Friendly(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>" : type.Name;

    [GeneratedRegex(@"\bparams\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNames();

    [GeneratedRegex(@"^No property or field '([^']+)' exists in type '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"^Unknown identifier '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownIdentifier();
}
