using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>A schedule says what it starts from: the total owed, the interest until the plan starts, and the accrued part it spreads.</summary>
public sealed class ScheduleNoteTests
{
    private static (NegotiationPlan Plan, ProposedRequest Scheduled) Advise(BorrowerCase c, string language)
    {
        var plan = RenderingKit.Advisor.Advise(c, language);
        return (plan, plan.Requests.First(r => r.Schedule is { Count: > 0 }));
    }

    [Theory]
    [InlineData("en", "The interest and charges in what you owe (CNY 930.00) are repaid in equal parts with each instalment, with no interest on them.")]
    [InlineData("zh-CN", "欠款中的利息、罚息和费用共930.00元，随每期平均分摊偿还，不再计息。")]
    public void A_plan_starting_today_names_the_accrued_part_it_spreads(string language, string note)
    {
        // Without savings: nothing is paid before the plan.
        var c = RenderingKit.ReadCase(TestFiles.ExampleCase("lasting-hardship.json"));
        c = c with { Finances = c.Finances! with { Savings = 0m } };
        var (plan, scheduled) = Advise(c, language);

        Assert.Equal(c.AsOf, plan.Assessment.PlanStartsOn);
        Assert.Equal(930.00m, c.Account.Interest + c.Account.Fees + c.Account.PenaltyInterest);
        Assert.Equal(note, DossierContent.ScheduleNote(plan, scheduled));
        Assert.Contains("\n" + note + "\n", TextRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void A_loan_plan_first_due_on_the_coming_payday_starts_from_what_is_owed_less_the_savings_paid_now()
    {
        // 86: a bank loan paid on the 5th, first due on 5 Oct, its month running from 5 Sep. A loan's interest owed is its
        // missed instalments' interest, to the last due date, so the first month's interest takes nothing off.
        var file = TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "86-bank-loan-non-performing.json");
        var c = Scenario.FromFile(file).Case;
        var (plan, scheduled) = Advise(c, "en");
        var schedule = scheduled.Schedule!;
        var startsFrom = plan.Assessment.TotalOwed - 500.00m;

        Assert.True(plan.Assessment.PlanStartsOn < c.AsOf);
        Assert.False(plan.Assessment.IsCard);
        Assert.Equal(500.00m, scheduled.Terms.PaidNow); // the savings, short of what is due
        Assert.Equal(c.Finances!.Payday, schedule[0].DueDate!.Value.Day);
        Assert.Equal(startsFrom, schedule.Sum(i => i.Principal) + schedule.Sum(i => i.Fee));
        Assert.Equal(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The schedule starts from CNY {startsFrom:N2}: the CNY {plan.Assessment.TotalOwed:N2} you owe now, less the CNY 500.00 you pay now from your savings. ") +
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The interest and charges in that (CNY {schedule.Sum(i => i.Fee):N2}) are repaid in equal parts with each instalment, with no interest on them."),
            DossierContent.ScheduleNote(plan, scheduled));
    }

    [Theory]
    [InlineData("en", "less the CNY 2,400.00 you pay before it (CNY 300.00 a month for 8 months, going to interest and charges first)")]
    [InlineData("zh-CN", "减去计划开始前8个月每月还的300.00元（共2,400.00元，先抵利息和费用）")]
    public void A_plan_with_a_low_start_says_what_the_months_before_it_pay(string language, string lowStart)
    {
        // Eight more months of sick leave with 300 a month to spare, then full pay: the plan starts when the eight months end.
        var file = TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "a18-01-card-sick-leave-repayable.json");
        var c = Scenario.FromFile(file).Case;
        var (plan, scheduled) = Advise(c, language);
        var schedule = scheduled.Schedule!;
        var facts = plan.Assessment;

        Assert.Equal((8, 300.00m), (facts.PlanLowStartMonths, facts.PlanLowStartPayment));
        Assert.Equal(c.AsOf.PlusMonths(8), facts.PlanStartsOn);
        // What the schedule starts from is what is owed, with the interest until then, less what the low start pays.
        var startsFrom = schedule.Sum(i => i.Principal) + schedule.Sum(i => i.Fee);
        var note = DossierContent.ScheduleNote(plan, scheduled)!;
        var amount = startsFrom.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(language == "en" ? $"starts from CNY {amount}: " : $"从{amount}元起算", note, StringComparison.Ordinal);
        Assert.Contains(lowStart, note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", ", less the CNY 940.67 you dispute (left aside until the dispute is settled), less the CNY 400.00 you pay now from your savings, less CNY")]
    [InlineData("zh-CN", "，减去有争议、留待核查的940.67元，减去现在先用存款还的400.00元，减去已计入欠款的利息")]
    public void A_plan_leaves_out_the_charges_in_dispute_and_says_so(string language, string said)
    {
        // a21-02: a 违约金 of 1,045.19 charged on the whole balance where the agreement sets 104.52; 940.67 is disputed.
        var c = Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "a21-02-city-bank-card-pay-cut-overcharged-penalty.json")).Case;
        var (plan, scheduled) = Advise(c, language);
        var first = scheduled.Schedule![0];
        var startsFrom = first.Balance + first.Principal + first.Fee;
        var accrued = c.Account.Interest + c.Account.Fees + c.Account.PenaltyInterest;

        Assert.Equal(940.67m, plan.Assessment.DisputedLeftOut);
        // The schedule starts from what is owed less the dispute and the 400.00 of savings paid now, and less the interest of
        // the days before today that its first month counts again.
        var days = c.AsOf.ToDateOnly().DayNumber - plan.Assessment.PlanStartsOn.ToDateOnly().DayNumber;
        var before = Math.Round(c.Account.Principal * c.Account.AnnualRate!.Value * days / 365m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(c.Account.TotalOwed - 940.67m - 400.00m - before, startsFrom);
        Assert.True(accrued > 0);
        Assert.Contains(said, DossierContent.ScheduleNote(plan, scheduled), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disputed_purchase_is_left_out_of_the_balance_not_the_interest()
    {
        // a23-04: a returned phone (1,899.00) never refunded; more than the interest and charges (458.17) could hold, so it
        // comes off the balance, and the schedule still repays the interest and penalty interest (less the interest of the
        // days before today that its first instalment's month counts again).
        var c = Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "a23-04-bnpl-rider-injured-clerk-pay-returned-phone-refund-never-credited.json")).Case;
        var (plan, scheduled) = Advise(c, "en");
        var accrued = c.Account.Interest + c.Account.Fees + c.Account.PenaltyInterest;

        Assert.Equal(c.DisputedCharges.Sum(d => d.Amount), plan.Assessment.DisputedLeftOut);
        Assert.True(plan.Assessment.DisputedLeftOut > accrued);
        // 300.00 of savings paid now goes to them first; a loan's first month counts its interest from the start, none off.
        Assert.Equal(accrued - 300.00m, scheduled.Schedule!.Sum(i => i.Fee));
        Assert.Equal(c.Account.Principal - plan.Assessment.DisputedLeftOut, scheduled.Schedule!.Sum(i => i.Principal));
    }
}
