using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;
using NodaTime;

namespace Negotiation.Core.Tests.RuleSets;

public sealed class RuleSetLoadingTests
{
    [Fact]
    public void Default_rule_set_loads_validates_and_compiles()
    {
        var rules = RuleSet.Default;

        Assert.Equal("cn-consumer-credit", rules.Id);
        Assert.Equal("CNY", rules.Currency);
        Assert.Equal(["zh-CN", "en"], rules.Languages);
        Assert.True(rules.RuleCount > 0);
        Assert.Same(rules, RuleSet.Default);
    }

    [Fact]
    public void Embedded_default_matches_the_rules_folder()
    {
        var fromFolder = RuleSet.FromDirectory(TestFiles.Path("rules", "cn-consumer-credit"));

        Assert.Equal(RuleSet.Default.RuleCount, fromFolder.RuleCount);
        Assert.Equal(RuleSet.Default.Workflows, fromFolder.Workflows);
        Assert.Equal(RuleSet.Default.Parameters.OrderBy(p => p.Key), fromFolder.Parameters.OrderBy(p => p.Key));
        Assert.Equal(RuleSet.Default.Citations.Select(c => c.Id), fromFolder.Citations.Select(c => c.Id));
    }

    [Fact]
    public void Minimal_set_loads_from_streams_with_its_manifest_and_citations()
    {
        var rules = RuleSetKit.Minimal().Load();

        Assert.Equal("test-minimal", rules.Id);
        Assert.Equal(new LocalDate(2026, 1, 1), rules.EffectiveFrom);
        Assert.Equal(5, rules.RuleCount);
        Assert.Equal(30m, rules.Parameters["maxExtensionDays"]);
        Assert.Equal(Certainty.Secondary, rules.FindCitation("reported")!.Certainty);
        Assert.True(rules.FindCitation("bank-only")!.Binds(LenderKind.BankCard));
        Assert.False(rules.FindCitation("bank-only")!.Binds(LenderKind.ConsumerFinance));
        Assert.Null(rules.FindCitation("nope"));
    }

    [Fact]
    public void Missing_folder_is_a_validation_problem_not_an_io_exception()
    {
        var error = Assert.Throws<RuleSetValidationException>(() => RuleSet.FromDirectory("/no/such/rules"));

        Assert.Contains("is not a folder", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_names_each_rule_and_the_values_it_read()
    {
        var advisor = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load());
        var c = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

        var plan = advisor.Advise(c, "en");

        var overdue = Assert.Single(plan.Trace, t => t.Rule == "overdue");
        Assert.True(overdue.Success);
        Assert.Equal("decision", overdue.Workflow);
        Assert.Equal([new TraceInput("facts.contactable", true), new TraceInput("facts.isBeyondGrace", true)], overdue.Inputs);
        var grace = Assert.Single(plan.Trace, t => t.Rule == "in-grace");
        Assert.False(grace.Success);
        Assert.Contains(new TraceInput("facts.inGracePeriod", false), grace.Inputs);
        Assert.Equal(["in-grace", "overdue", "ask-extension", "ask-plan", "ask-waiver"], plan.Trace.Select(t => t.Rule));
    }

    [Fact]
    public void Fired_rules_become_plan_items_with_rendered_messages_and_caveats()
    {
        var advisor = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load());
        var c = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

        var plan = advisor.Advise(c, "en");

        Assert.Equal("negotiate", plan.Decision.Outcome.Code());
        Assert.Equal("10 days past due, beyond 3 days of grace.", Assert.Single(plan.Decision.Reasons).Message);
        // Ranked by the policy: requests that close the gap first, smallest concession first; then the rest.
        Assert.Equal(["extension", "instalment-plan", "fee-waiver"], plan.Requests.Select(r => r.Type.Code()));
        Assert.Equal([1, 2, 3], plan.Requests.Select(r => r.Rank));
        // Thirty days from asOf (20 Nov), not from the due date already past.
        Assert.Equal("Ask for 30 days more, to 20 Dec 2026.", plan.Requests[0].Rationale);
        Assert.Equal("Waive CNY 68.40.", plan.Requests[2].Rationale);
        Assert.Equal(68.40m, plan.Requests[2].Savings);
        Assert.Null(plan.Requests[1].Savings); // a plan spreads the payments; it claims no saving
        var caveat = Assert.Single(plan.Requests[1].Caveats);
        Assert.Equal("Bank clause does not bind your lender (consumer-finance company), so point to it as a reference, not as an entitlement.", caveat);
        Assert.Equal(["reported", "bank-only"], plan.Citations.Select(x => x.Id));
        Assert.False(plan.Citations[1].BindsThisLender);
    }
}
