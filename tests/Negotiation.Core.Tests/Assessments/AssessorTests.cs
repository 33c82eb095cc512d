using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Assessments;

public sealed class AssessorTests
{
    private static readonly AssessmentSettings Settings = new(GracePeriodDays: 3, MaxInstalmentMonths: 60, AffordableShare: 0.5m, NegativeRecordYears: 5, FollowUpDays: 7, ComplaintResponseDays: 15);

    [Fact]
    public void Seed_case_facts_are_the_calculators_figures()
    {
        var facts = Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed(), Settings);

        Assert.Equal(10, facts.DaysPastDue);
        Assert.Equal(new LocalDate(2026, 11, 13), facts.GraceEndsOn);
        Assert.False(facts.InGracePeriod);
        Assert.True(facts.IsBeyondGrace);
        Assert.Equal("m1", facts.DelinquencyBucket);
        Assert.Equal("special-mention", facts.AssetTier);
        Assert.True(facts.IsFirstOverdue);
        Assert.Equal(6964.90m, facts.TotalOwed);
        Assert.Equal(68.40m, facts.FeesAndPenalties);
        Assert.Equal(3550.00m, facts.DisposableIncome);
        Assert.Equal(2150.00m, facts.AffordableInstalment); // 0.5 × (9,500 − 5,200 essentials)
        Assert.True(facts.CanPayAmountDueNow);
        Assert.Equal(4, facts.AffordablePlanMonths);
        Assert.False(facts.BeyondAnyPlan);
        Assert.Equal("leisure", facts.LargestFlexibleCategory);
        Assert.Equal(new LocalDate(2026, 11, 27), facts.NextFollowUp);
        Assert.Equal(new LocalDate(2031, 11, 20), facts.NegativeRecordClearsOn);
        Assert.Equal("", facts.Outcome);
    }

    [Fact]
    public void Case_without_finances_has_no_capacity_and_is_never_called_beyond_any_plan()
    {
        var facts = Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed() with { Finances = null }, Settings);

        Assert.False(facts.HasFinances);
        Assert.Equal(0m, facts.AffordableInstalment);
        Assert.Equal(0, facts.AffordablePlanMonths);
        Assert.False(facts.BeyondAnyPlan);
        Assert.False(facts.CanPayAmountDueNow);
    }

    [Fact]
    public void Case_grace_days_override_the_rule_sets()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();

        var facts = Assessor.Assess(c with { Account = c.Account with { GracePeriodDays = 10 } }, Settings);

        Assert.True(facts.InGracePeriod);
        Assert.True(facts.IsLastDayOfGrace);
    }

    [Property(MaxTest = 300)]
    public Property Affordable_plan_is_the_shortest_term_whose_payment_fits() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            var accrued = c.Account.Interest + c.Account.Fees + c.Account.PenaltyInterest;
            decimal Payment(int months) => Assessor.PlanPayment(c.Account.Principal, accrued, c.Account.AnnualRate ?? 0m, months, 2);
            var n = facts.AffordablePlanMonths;
            return n == 0
                ? facts.AffordableInstalment == 0 || c.Account.TotalOwed == 0 || Payment(Settings.MaxInstalmentMonths) > facts.AffordableInstalment
                : Payment(n) <= facts.AffordableInstalment && (n == 1 || Payment(n - 1) > facts.AffordableInstalment);
        });

    [Property(MaxTest = 300)]
    public Property Money_facts_carry_the_currency_scale_and_ratios_four_places() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;
            return new[] { facts.TotalOwed, facts.AffordableInstalment, facts.DisposableIncome, facts.Savings, facts.CostOfWaiting30Days }.All(m => Scale(m) == 2)
                && new[] { facts.OnTimeRatio, facts.DebtServiceRatio, facts.FeesAndPenaltiesShare }.All(r => decimal.Round(r, 4) == r);
        });
}
