using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Expressions;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using RulesEngine.ExpressionBuilders;

namespace Negotiation.Core.Tests.RuleSets.Expressions;

/// <summary>
/// The loader's parser against RulesEngine's own <c>RuleExpressionParser</c> with the same settings: the same types,
/// less those a host marks <c>[DynamicLinqType]</c>, and the same tree or the same error for every expression.
/// </summary>
public sealed class RuleExpressionParsingTests
{
    private static readonly RuleExpressionParsing Ours = new(RuleEvaluator.Settings);
    private static readonly RuleExpressionParser RulesEngines = new(RuleEvaluator.Settings);

    [Fact]
    public void The_types_are_RulesEngines_less_those_a_host_marks_for_Dynamic_LINQ()
    {
        var theirs = new RulesEngine.CustomTypeProvider(RuleEvaluator.Settings.CustomTypes).GetCustomTypes();

        // RulesEngine scans every loaded assembly, this one included, for marked types: ours does not.
        Assert.Contains(typeof(MarkedByAHost), theirs);
        Assert.DoesNotContain(typeof(MarkedByAHost), Ours.CustomTypes);
        Assert.Equal(
            theirs.Where(t => !t.IsDefined(typeof(DynamicLinqTypeAttribute), inherit: false)).OrderBy(t => t.FullName, StringComparer.Ordinal),
            Ours.CustomTypes.OrderBy(t => t.FullName, StringComparer.Ordinal));
        Assert.Contains(typeof(Enumerable), Ours.CustomTypes);
    }

    [Fact]
    public void Every_expression_of_the_default_rules_and_the_hostile_corpus_parses_as_RulesEngine_parses_it()
    {
        var inputs = new RuleInputs(JObject.Parse(TestFiles.Read("rules", "cn-consumer-credit", "ruleset.json"))["parameters"]!
            .ToObject<Dictionary<string, decimal>>()!);
        var expressions = Directory.GetFiles(TestFiles.Path("rules", "cn-consumer-credit"), "*.json")
            .SelectMany(file => JToken.Parse(File.ReadAllText(file)).SelectTokens("$..Expression").Select(t => (string)t!))
            .Concat(JArray.Parse(TestFiles.Read("TestData", "rulesets", "hostile-expressions.json")).Select(item => (string)item["expression"]!))
            .Concat(["facts.daysPastDue > 3 AND MarkedByAHost.Yes()", "Enumerable.Range(1, 3).Count() == 3", "case.lender.name.Length > 0"])
            .ToList();
        var compared = 0;
        foreach (var expression in expressions)
        {
            var ours = Parse(() => Ours.Parse(expression, inputs.Expressions, typeof(bool)));
            var theirs = Parse(() => RulesEngines.Parse(expression, inputs.Expressions, typeof(bool)));

            // The one expected difference: a host's marked type is unknown to ours.
            if (expression.Contains(nameof(MarkedByAHost), StringComparison.Ordinal))
            {
                Assert.StartsWith("error:", ours, StringComparison.Ordinal);
                continue;
            }

            Assert.True(theirs == ours, $"{expression}\n  RulesEngine: {theirs}\n  ours:        {ours}");
            compared++;
        }

        Assert.True(compared > 150, $"only {compared} expressions compared");
    }

    [Theory]
    [InlineData("facts.isOverdue", 0)]
    [InlineData("((facts.isOverdue))", 2)]
    [InlineData("case.history.Any(h => h.amountDue > 0) && case.history[0].amountDue > 0", 1)]
    [InlineData("facts.lenderName != \"((\\\"[[\"", 0)]
    [InlineData("'x\\' != \"\" || ((true))", 2)]
    [InlineData("\"\\\\\" != '\\' || (true)", 1)]
    public void Brackets_are_counted_on_the_parsers_own_tokens(string expression, int depth)
    {
        // \" escapes a quote inside "...", but \' ends '...': only the parser's tokenizer knows, so it does the counting.
        Assert.Equal(depth, Ours.BracketDepth(expression));
    }

    /// <summary>The parsed tree as text, or the error's type and message.</summary>
    private static string Parse(Func<System.Linq.Expressions.Expression> parse)
    {
        try
        {
            return parse().ToString();
        }
        catch (Exception e)
        {
            return $"error: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>A type a host application might mark for Dynamic LINQ, which a rule file must not reach.</summary>
    [DynamicLinqType]
    public static class MarkedByAHost
    {
        public static bool Yes() => true;
    }
}
