using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>The expression guard refuses hostile expressions at load, naming the forbidden member, and admits the rule language.</summary>
public sealed class ExpressionGuardTests
{
    public static TheoryData<string, string?> Hostile => Corpus();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_expression_is_refused_at_load_naming_the_forbidden_member(string expression, string? refused)
    {
        var problems = RuleSetKit.Minimal().WithExpression(expression).Problems();

        Assert.All(problems, p => Assert.Equal("in-grace", p.Rule));
        if (refused is not null)
        {
            Assert.Contains(problems, p => p.Message.Contains(refused, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Corpus_has_at_least_thirty_hostile_expressions()
    {
        Assert.True(Corpus().Count >= 30);
    }

    [Theory]
    [InlineData("facts.daysPastDue > params.gracePeriodDays && facts.isFirstOverdue")]
    [InlineData("facts.DAYSPASTDUE > 3 and facts.inGracePeriod")]
    [InlineData("facts.lenderKind == \"bank-card\" || facts.hardshipCause == \"job-loss\"")]
    [InlineData("facts.documents.Contains(\"income-proof\")")]
    [InlineData("case.offers.Any(o => o.asksForPassword || o.upfrontFee > 0)")]
    [InlineData("case.history.Where(h => h.paidOn == null).Count() >= 2")]
    [InlineData("case.finances != null && case.finances.income.Sum(i => i.monthly) > 0")]
    [InlineData("Math.Max(facts.disposableIncome, 0) * params.affordableShare >= facts.amountDue")]
    [InlineData("case.account.dueDate < case.asOf && case.asOf.Year >= 2026")]
    [InlineData("case.lender.name.ToLower().Contains(\"享花\") || facts.lenderName.StartsWith(\"x\")")]
    [InlineData("iif(facts.hasIncome, facts.debtServiceRatio > 0.5, true)")]
    [InlineData("case.account.annualRate.HasValue && case.account.annualRate.Value > params.aprRedFlag")]
    [InlineData("np(case.finances.savings) > 0")]
    [InlineData("iif(facts.isOverdue, facts.totalOwed, facts.amountDue) > 0")]
    [InlineData("facts.totalOwed / Math.Max(facts.affordableInstalment, 1) > params.maxInstalmentMonths")]
    [InlineData("case.history.Count == 0 || case.history.All(h => h.amountPaid >= h.amountDue)")]
    public void Ordinary_rule_expressions_are_admitted(string expression)
    {
        var rules = RuleSetKit.Minimal().WithExpression(expression).Load();

        Assert.Equal(5, rules.RuleCount);
    }

    private static TheoryData<string, string?> Corpus()
    {
        var data = new TheoryData<string, string?>();
        foreach (var item in JArray.Parse(TestFiles.Read("TestData", "rulesets", "hostile-expressions.json")))
        {
            data.Add((string)item["expression"]!, (string?)item["refused"]);
        }

        return data;
    }
}
