using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Advice.Explaining;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Advice.Explaining;

/// <summary><see cref="NegotiationAdvisor.Explain"/> shows each part of a rule's condition with its value for a case.</summary>
public sealed class RuleExplanationTests
{
    private static readonly BorrowerCase Seed = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

    private static ConditionPart Part(ConditionPart root, string text) =>
        Flatten(root).First(p => p.Text == text);

    private static IEnumerable<ConditionPart> Flatten(ConditionPart part) => part.Parts.SelectMany(Flatten).Prepend(part);

    [Fact]
    public void Explain_shows_which_part_of_the_condition_failed()
    {
        var explanation = NegotiationAdvisor.CreateDefault().Explain(Seed, "extension-goal");

        Assert.Equal(("requests", "extension-goal", false, true), (explanation.Workflow, explanation.Rule, explanation.Fired, explanation.Enabled));
        Assert.Equal("&&", explanation.Condition.Operator);
        Assert.Equal(false, explanation.Condition.Value);
        Assert.Equal(false, Part(explanation.Condition, "facts.goal == \"extension\"").Value);
        Assert.Equal(true, Part(explanation.Condition, "!facts.suspectedMaliciousOverdraft").Value);
        Assert.Equal(true, Part(explanation.Condition, "overdueOrShort").Value);
        Assert.Contains(new NamedConditionValue { Name = "overdueOrShort", Expression = "facts.isOverdue || !facts.canPayAmountDueNow || hardshipOutlastsCash", Value = true }, explanation.Conditions);
        Assert.Contains(explanation.Conditions, c => c is { Name: "hardshipOutlastsCash", Value: false }); // the conditions it uses, in turn
        Assert.Contains(new TraceInput("facts.goal", "auto"), explanation.Inputs);
    }

    [Fact]
    public void Explain_splits_brackets_and_negated_brackets_recursively()
    {
        var rules = RuleSetKit.Minimal().WithExpression("facts.isBeyondGrace && (facts.isOverdue || !facts.canPayAmountDueNow) && !(facts.hasRecord && facts.savings > 1000)").Load();

        var explanation = NegotiationAdvisor.Create(rules).Explain(Seed, "in-grace");

        var bracket = Part(explanation.Condition, "(facts.isOverdue || !facts.canPayAmountDueNow)");
        Assert.Equal("||", bracket.Operator);
        Assert.Equal(["facts.isOverdue", "!facts.canPayAmountDueNow"], bracket.Parts.Select(p => p.Text));
        var negated = Part(explanation.Condition, "!(facts.hasRecord && facts.savings > 1000)");
        Assert.Equal(("!", true), (negated.Operator, negated.Value));
        Assert.Equal(["facts.hasRecord", "facts.savings > 1000"], negated.Parts.Single().Parts.Select(p => p.Text));
        Assert.Equal(false, Part(explanation.Condition, "facts.savings > 1000").Value);
    }

    [Fact]
    public void Explain_sees_the_outcome_and_top_request_decided_by_earlier_workflows()
    {
        var explanation = NegotiationAdvisor.CreateDefault().Explain(Seed, "opening-extension-after-part-payment");

        Assert.True(explanation.Fired);
        Assert.Equal(true, Part(explanation.Condition, "facts.topRequest == \"extension\"").Value);
        Assert.Equal(true, Part(explanation.Condition, "facts.outcome == \"negotiate\"").Value);
    }

    [Fact]
    public void Explain_agrees_with_the_plan_on_every_rule_of_the_default_set()
    {
        var advisor = NegotiationAdvisor.CreateDefault();
        foreach (var example in new[] { "seed-oversight.json", "lasting-hardship.json" }.Select(TestFiles.ExampleCase))
        {
            var c = BorrowerCase.FromJson(File.ReadAllText(example));
            var plan = advisor.Advise(c);
            foreach (var entry in plan.Trace)
            {
                var explanation = advisor.Explain(c, entry.Rule);

                Assert.True(entry.Success == explanation.Fired, $"{example}: {entry.Rule}");
                Assert.True(Equals(entry.Success, explanation.Condition.Value), $"{example}: {entry.Rule}: the whole condition is {explanation.Condition.Value}");
                Assert.Equal(entry.Inputs, explanation.Inputs);
            }
        }
    }

    [Fact]
    public void Explain_shows_named_conditions_with_their_values()
    {
        var rules = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["GlobalParams"] = JArray.Parse("""[{ "Name": "late", "Expression": "facts.daysPastDue > params.gracePeriodDays" }]""");
            w["Rules"]![0]!["LocalParams"] = JArray.Parse("""[{ "Name": "lateAndReachable", "Expression": "late && facts.contactable" }]""");
            w["Rules"]![0]!["Expression"] = "lateAndReachable && facts.savings > 1000";
        }).Load();

        var explanation = NegotiationAdvisor.Create(rules).Explain(Seed, "in-grace");

        Assert.False(explanation.Fired);
        Assert.Equal(true, Part(explanation.Condition, "lateAndReachable").Value);
        Assert.Equal(false, Part(explanation.Condition, "facts.savings > 1000").Value);
        Assert.Equal(
            [new NamedConditionValue { Name = "late", Expression = "facts.daysPastDue > params.gracePeriodDays", Value = true }, new NamedConditionValue { Name = "lateAndReachable", Expression = "late && facts.contactable", Value = true }],
            explanation.Conditions);
    }

    [Fact]
    public void Explain_shows_child_rules_under_their_operator()
    {
        var explanation = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Explain(Seed, "overdue");

        Assert.Equal("AndAlso", explanation.Condition.Operator);
        Assert.Equal(["rule 'overdue-beyond-grace'", "rule 'overdue-contactable'"], explanation.Condition.Parts.Select(p => p.Text));
        Assert.All(explanation.Condition.Parts, p => Assert.Equal(true, p.Value));
        Assert.Equal(true, explanation.Condition.Value);
    }

    [Fact]
    public void Explain_does_not_split_operators_inside_text_and_reports_a_part_that_throws()
    {
        var rules = RuleSetKit.Minimal().WithExpression("facts.lenderName != \"a && b || c\" && case.history[10].amountDue > 0").Load();

        var explanation = NegotiationAdvisor.Create(rules).Explain(Seed, "in-grace");

        Assert.Equal(["facts.lenderName != \"a && b || c\"", "case.history[10].amountDue > 0"], explanation.Condition.Parts.Select(p => p.Text));
        Assert.Equal(true, explanation.Condition.Parts[0].Value);
        Assert.NotNull(explanation.Condition.Parts[1].Error);
        Assert.NotNull(explanation.Error);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_names_the_nearest()
    {
        var e = Assert.Throws<ArgumentException>(() => NegotiationAdvisor.CreateDefault().Explain(Seed, "extension-gaol"));

        Assert.Contains("has no top-level rule named 'extension-gaol'; did you mean 'extension-goal'?", e.Message);
    }
}
