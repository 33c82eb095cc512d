using System.Globalization;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Expressions;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets.Expressions;

/// <summary>
/// The static cost of an expression: how many steps it may take on a case at the case limits, each loop over a list or
/// a text multiplying the work inside it. Hostile examples are in HostileRuleTests and the hostile corpus.
/// </summary>
public sealed class ExpressionCostTests
{
    private static readonly RuleExpressionParsing Parsing = new(RuleEvaluator.Settings);

    private static readonly RuleInputs Inputs = new(RuleSet.Default.Parameters);

    /// <summary>The estimate for an expression over the default set's parameters.</summary>
    public static long Estimate(string expression) => ExpressionCost.Estimate(Parsing.Parse(expression, Inputs.Expressions, typeof(bool)));

    [Theory]
    [InlineData("facts.isOverdue", 1, 10)]
    [InlineData("facts.daysPastDue > params.gracePeriodDays && facts.isFirstOverdue", 5, 30)]
    [InlineData("case.lender.name == \"享花卡\"", 2, 20)]
    [InlineData("case.lender.name == case.lender.name", 2_000, 2_100)]
    [InlineData("case.lender.name.ToUpper().StartsWith(\"X\")", 2_000, 2_100)]
    [InlineData("case.lender.name.Contains(\"享花\")", 4_000, 4_100)]
    [InlineData("case.lender.name.Contains(case.lender.name)", 4_000_000, 4_100_000)]
    [InlineData("case.history.Any(h => h.amountDue > 0)", 1_000, 10_000)]
    [InlineData("case.history.Where(h => h.paidOn == null).Count() >= 2", 2_000, 20_000)]
    // The assessment's lists name an enum's members, at most 16; comparing with "contract" costs its 8 characters and one.
    [InlineData("facts.documents.Contains(\"contract\")", 100, 300)]
    [InlineData("case.history.Any(a => case.history.Any(b => a.amountDue + b.amountDue < 0))", 1_000_000, 10_000_000)]
    [InlineData("case.offers.Contains(case.offers[0])", 2_000_000, 3_000_000)]
    [InlineData("case.finances.income.Max(i => i.source) == \"salary\"", 2_000_000, 3_000_000)]
    [InlineData("case.lender.name.Any(a => case.lender.name.Any(b => case.lender.name.ToLower().Contains(case.lender.name.ToUpper())))", 1e13, long.MaxValue)]
    public void Each_loop_multiplies_the_cost_of_what_it_runs(string expression, double least, double most)
    {
        Assert.InRange(Estimate(expression), least, most);
    }

    [Fact]
    public void Comparing_records_costs_every_field_of_every_item_they_hold()
    {
        // A record's equality compares its texts and, through its lists, every item of them.
        var offer = Estimate("case.offers.Contains(case.offers[0])");
        var record = Estimate("case.history.Contains(case.history[0])");
        var whole = Estimate("case.history.Select(h => case).Contains(case)");

        Assert.True(offer > record, $"an offer ({offer:N0}) holds a text, a repayment record ({record:N0}) does not");
        Assert.True(whole > ExpressionCost.MaxSteps, $"{whole:N0}");
    }

    [Fact]
    public void The_default_rules_cost_a_small_fraction_of_the_budget()
    {
        var files = Directory.GetFiles(TestFiles.Path("rules", "cn-consumer-credit"), "*.json").Select(file => JToken.Parse(File.ReadAllText(file))).ToList();

        // A rule pays for the named conditions it uses, as the loader counts them: each name is written out in full.
        var conditions = files.SelectMany(f => f.SelectTokens("$..GlobalParams[*]").Concat(f.SelectTokens("$..LocalParams[*]")).Concat(f.SelectTokens("$.conditions[*]")))
            .ToDictionary(c => (string)c["Name"]!, c => (string)c["Expression"]!, StringComparer.Ordinal);
        string Inline(string expression)
        {
            for (var pass = 0; pass < 10; pass++)
            {
                expression = System.Text.RegularExpressions.Regex.Replace(
                    expression, @"(?<![\w.""])[a-z][A-Za-z0-9]*(?![\w""])", m => conditions.TryGetValue(m.Value, out var body) ? "(" + body + ")" : m.Value);
            }

            return expression;
        }

        var expressions = files.SelectMany(f => f.SelectTokens("$.Rules[*].Expression")).Select(t => Inline((string)t!)).ToList();

        var costs = expressions.Select(Estimate).ToList();

        Assert.True(costs.Count >= 128, $"{costs.Count} expressions");
        Assert.True(costs.Max() < ExpressionCost.MaxSteps / 100, $"the dearest default rule costs {costs.Max():N0} steps");
        Assert.True(costs.Sum() < ExpressionCost.MaxRuleSetSteps / 100, $"the default rules cost {costs.Sum():N0} steps together");
    }

    [Fact]
    public void A_set_whose_rules_together_cost_more_than_the_set_budget_is_refused_naming_the_dearest()
    {
        // Each rule is within its own budget; together they would make one advice as slow as the set budget forbids.
        const string dear = "case.history.Any(a => case.history.Any(b => a.amountDue + b.amountDue < 0))";
        var perRule = Estimate(dear);
        var count = (int)(ExpressionCost.MaxRuleSetSteps / perRule) + 1;
        var kit = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            var rules = (JArray)w["Rules"]!;
            for (var i = 0; i < count; i++)
            {
                var copy = (JObject)rules[0]!.DeepClone();
                copy["RuleName"] = $"dear-{i}";
                copy["Expression"] = dear;
                rules.Add(copy);
            }
        });

        var problem = Assert.Single(kit.Problems());

        Assert.Equal("decision.json", problem.File);
        Assert.Equal("dear-0", problem.Rule);
        Assert.Contains($"at most {ExpressionCost.MaxRuleSetSteps.ToString("N0", CultureInfo.InvariantCulture)} are allowed for the whole set", problem.Message, StringComparison.Ordinal);
    }
}
