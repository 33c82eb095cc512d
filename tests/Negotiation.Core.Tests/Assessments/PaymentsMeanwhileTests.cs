using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;
using NodaTime;

namespace Negotiation.Core.Tests.Assessments;

/// <summary>
/// What a borrower who has been paying part of each instalment is told to keep paying, and when (reading 33): the part
/// payment the budget carries, and the next regular due date, not a new figure or a date moved to payday.
/// </summary>
public sealed class PaymentsMeanwhileTests
{
    private static BorrowerCase Case(string set, string file) =>
        Scenario.FromFile(TestFiles.Path("rules", set, "scenarios", file)).Case;

    private static readonly NegotiationAdvisor Uk = NegotiationAdvisor.Create(RuleSet.Embedded("uk-consumer-credit"));

    private static Assessment Assess(BorrowerCase c) => (c.Currency == "GBP" ? Uk : NegotiationAdvisor.CreateDefault()).Advise(c).Assessment;

    private static readonly BorrowerCase RefusedUpheld =
        Case("uk-consumer-credit", "blind45/b34-04-bank-loan-offer-refused-complaint-not-upheld-final-response-ombudsman-window-open-paying-200.json");

    [Fact]
    public void A_part_payment_the_budget_carries_is_kept_with_the_next_due_date()
    {
        // £200 paid of £354.40 on 3 Aug and 3 Sep; asOf 1 Oct: the next instalment is 3 Oct.
        var facts = Assess(RefusedUpheld);

        Assert.Equal(200m, facts.PartPaymentToKeep);
        Assert.Equal(new LocalDate(2026, 10, 3), facts.NextInstalmentDue);
        Assert.Equal(2, facts.PartPaidInstalments);
    }

    [Fact]
    public void Nothing_is_kept_where_the_latest_instalment_was_paid_in_full_or_not_at_all()
    {
        var history = RefusedUpheld.History;
        var last = history[^1];
        var paidInFull = RefusedUpheld with { History = new(history.Take(history.Count - 1).Append(last with { AmountPaid = last.AmountDue })) };
        var unpaid = RefusedUpheld with { History = new(history.Take(history.Count - 1).Append(last with { PaidOn = null, AmountPaid = null })) };

        Assert.Equal(0m, Assess(paidInFull).PartPaymentToKeep);
        Assert.Equal(0m, Assess(unpaid).PartPaymentToKeep);
    }

    [Fact]
    public void A_part_payment_above_what_the_budget_sustains_is_not_held_up_as_the_one_to_keep()
    {
        // a33-01: she pays 900.00 a month, above the 840.00 the plan counts as sustainable.
        var facts = Assess(Case("cn-consumer-credit", "a33-01-bnpl-counter-offer-18-instalments-of-1183-above-what-her-essentials-leave-lasting-pay-cut-paying-900.json"));

        Assert.True(facts.AffordableInstalment < 900m);
        Assert.Equal(0m, facts.PartPaymentToKeep);
    }

    [Fact]
    public void The_plan_asks_for_the_part_payment_on_the_contract_due_day_not_a_new_figure_on_payday()
    {
        // b34-04 (readings 33, 34): she offered and pays £200 on the 3rd; the level plan had been £197.27 from 28 October.
        var plan = Uk.Advise(RefusedUpheld);
        var terms = plan.Requests.First(r => r.Type == RequestType.InstalmentPlan).Terms;
        var schedule = plan.Requests.First(r => r.Type == RequestType.InstalmentPlan).Schedule!;

        Assert.Equal(200m, terms.Instalment);
        Assert.Equal(new LocalDate(2026, 10, 3), terms.FirstInstalmentDue);
        Assert.Equal(plan.Assessment.AffordablePlanMonths, terms.Months);
        Assert.All(schedule.Take(schedule.Count - 1), row => Assert.Equal(200m, row.Payment));
        Assert.InRange(schedule[^1].Payment, 0.01m, 200m);
        Assert.Equal(0m, schedule[^1].Balance);
        Assert.Equal(terms.TotalRepaid, schedule.Sum(row => row.Payment));
    }

    [Fact]
    public void A_part_payment_below_the_level_payment_leaves_the_level_plan()
    {
        // £150 a month would not repay the debt in the months the budget's £200 sizes the plan for.
        var history = RefusedUpheld.History;
        var lower = RefusedUpheld with { History = new(history.Select(r => r.AmountPaid == 200m ? r with { AmountPaid = 150m } : r)) };
        var plan = Uk.Advise(lower);
        var terms = plan.Requests.First(r => r.Type == RequestType.InstalmentPlan).Terms;

        Assert.Equal(150m, plan.Assessment.PartPaymentToKeep);
        Assert.NotEqual(150m, terms.Instalment);
        Assert.NotEqual(plan.Assessment.NextInstalmentDue, terms.FirstInstalmentDue);
    }
}
