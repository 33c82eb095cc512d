using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>The text plan's account line calls a late payment "within grace" only where a grace period can be claimed.</summary>
public sealed class TextHeaderTests
{
    private static BorrowerCase ScenarioCase(string file) =>
        Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", file)).Case;

    private static string AccountLine(BorrowerCase c) => TextRenderer.Render(RenderingKit.Advisor.Advise(c, "en")).Split('\n')[1];

    [Fact]
    public void Paying_what_is_overdue_from_the_next_pay_is_titled_pay_on_payday_not_pay_now()
    {
        // a32-02 (reading 31): one instalment missed under a kept written plan, made up from the pay three days on.
        var missed = ScenarioCase("a32-02-online-lender-written-zero-percent-plan-kept-seven-months-one-missed-dental-emergency-next-pay-covers-both.json");
        string Decision(BorrowerCase c, string language) => TextRenderer.Render(RenderingKit.Advisor.Advise(c, language)).Split('\n')[3];

        Assert.Equal("结论：发薪后马上还上", Decision(missed, "zh-CN"));
        Assert.Equal("Decision: pay it on payday", Decision(missed, "en"));

        // With the cash in hand now, it is paying now.
        var inHand = missed with { Finances = missed.Finances! with { Savings = 2_000m } };
        Assert.Equal("Decision: pay now", Decision(inHand, "en"));
    }

    [Fact]
    public void A_penalty_already_charged_shows_the_payment_past_due_not_within_grace()
    {
        var c = ScenarioCase("a13-06-credit-line-part-now-rest-later.json");

        Assert.True(c.Account.PenaltyInterest > 0);
        Assert.EndsWith("3 days past due", AccountLine(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_lender_s_grace_is_the_contract_s_and_a_card_s_the_convention_s()
    {
        var other = ScenarioCase("a13-06-credit-line-part-now-rest-later.json");
        other = other with { Account = other.Account with { PenaltyInterest = 0m } };
        var card = ScenarioCase("a9-05-card-first-late-within-grace.json");

        Assert.EndsWith("3 days after the due date, within any grace period your contract gives", AccountLine(other), StringComparison.Ordinal);
        Assert.EndsWith("2 days after the due date, still within grace", AccountLine(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cards_account_line_names_the_minimum_payment_not_the_amount_due()
    {
        // a21-02: a bank card whose minimum payment of 2,090.38 is overdue; 本期应还 on a card statement is the whole balance.
        var card = ScenarioCase("a21-02-city-bank-card-pay-cut-overcharged-penalty.json");
        var loan = ScenarioCase("a23-03-consumer-finance-loan-arthritis-four-day-week-collection-fee-disputed.json");
        string Chinese(BorrowerCase c) => TextRenderer.Render(RenderingKit.Advisor.Advise(c, "zh-CN")).Split('\n')[1];

        Assert.Contains("最低还款额2,090.38元", Chinese(card), StringComparison.Ordinal);
        Assert.DoesNotContain("本期应还", Chinese(card), StringComparison.Ordinal);
        Assert.Contains("3期未还，共5,391.81元", Chinese(loan), StringComparison.Ordinal);
        Assert.Contains("from 3 unpaid instalments", AccountLine(loan), StringComparison.Ordinal);
    }

    [Fact]
    public void Instalments_paid_in_part_are_not_called_unpaid()
    {
        // a32-03 (reading 31): she paid 800.00 of each 1,301.49 instalment on its date for two months.
        var partPaid = ScenarioCase("a32-03-consumer-finance-phone-request-for-800-a-month-plan-refused-no-counter-offer-lasting-pay-cut-paying-800.json");
        string Chinese(BorrowerCase c) => TextRenderer.Render(RenderingKit.Advisor.Advise(c, "zh-CN")).Split('\n')[1];

        Assert.Contains("2期只还了一部分，共1,002.98元", Chinese(partPaid), StringComparison.Ordinal);
        Assert.Contains("CNY 1,002.98 due now from 2 instalments paid only in part", AccountLine(partPaid), StringComparison.Ordinal);

        // With the older one not paid at all, one of the two was paid in part.
        var history = partPaid.History.Select(r => r.DueDate == new NodaTime.LocalDate(2026, 9, 20) ? r with { PaidOn = null, AmountPaid = null } : r).ToList();
        var mixed = partPaid with { History = new(history) };
        Assert.Contains("from 2 instalments not paid in full (1 of them in part)", AccountLine(mixed), StringComparison.Ordinal);
        Assert.Contains("2期没有还足（其中1期还了一部分）", Chinese(mixed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_agreed_or_offered_within_the_budget_is_headed_as_one_to_keep_not_to_negotiate()
    {
        // a32-01 (reading 31): agreed by phone, nothing in writing; a33-02 (round 47): an offer inside the budget to accept.
        var agreed = ScenarioCase("a32-01-xianghuaka-agreed-by-phone-24-instalments-nothing-in-writing-first-due-in-six-days-budget-meets-it.json");
        var offered = ScenarioCase("a33-02-online-lender-phone-counter-offer-48-instalments-of-1257-just-above-her-1200-offer-inside-her-1300-budget.json");
        string[] Lines(BorrowerCase c, string language) => TextRenderer.Render(RenderingKit.Advisor.Advise(c, language)).Split('\n');

        Assert.Equal("Decision: pay as agreed and get it in writing", Lines(agreed, "en")[3]);
        Assert.Equal("结论：按约定还款，并要求书面确认", Lines(agreed, "zh-CN")[3]);
        Assert.Contains("If the lender does not confirm the agreement or goes back on it", Lines(agreed, "en"));
        Assert.DoesNotContain("If the lender says no", Lines(agreed, "en"));
        Assert.Equal("Decision: accept the lender's plan and get it in writing", Lines(offered, "en")[3]);

        // The account line does not call arrears the agreement repays "due now" (reading 33).
        Assert.EndsWith("CNY 1,996.96 overdue from 2 unpaid instalments, the oldest 55 days past due; the plan agreed repays it, not at once", Lines(agreed, "en")[1], StringComparison.Ordinal);
        Assert.EndsWith("；按已谈妥的分期偿还，不必一次还清", Lines(agreed, "zh-CN")[1], StringComparison.Ordinal);
        Assert.EndsWith("; the plan the lender offered would repay it, not at once", Lines(offered, "en")[1], StringComparison.Ordinal);

        // A first negotiation is still headed as one.
        var first = agreed with { Attempts = [] };
        Assert.Equal("Decision: negotiate with the lender", Lines(first, "en")[3]);
        Assert.EndsWith("CNY 1,996.96 due now from 2 unpaid instalments, the oldest 55 days past due", Lines(first, "en")[1], StringComparison.Ordinal);
        Assert.Contains("If the lender says no", Lines(first, "en"));
    }
}
