using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

public sealed class ExtensionTests
{
    [Fact]
    public void A_due_date_moves_by_days_or_calendar_months()
    {
        var due = new LocalDate(2025, 1, 31);

        Assert.Equal(new LocalDate(2025, 3, 2), Extension.ByDays(due, 30));
        Assert.Equal(new LocalDate(2025, 2, 28), Extension.ByMonths(due, 1));
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => Extension.ByDays(due, -1)).ParamName);
    }

    [Fact]
    public void The_extra_cost_is_contract_interest_with_or_without_penalty_on_top()
    {
        var cost = Extension.Cost(10_000m, 0.1825m, 30, penaltyDailyRate: 0.0005m);

        Assert.Equal(150m, cost.ContractInterest); // 10000 × 0.1825 / 365 × 30
        Assert.Equal(150m, cost.PenaltyInterest);
        Assert.Equal(150m, cost.WithoutPenalty);
        Assert.Equal(300m, cost.WithPenalty);
    }

    [Fact]
    public void The_extra_cost_between_two_dates_counts_the_days_between()
    {
        var cost = Extension.Cost(10_000m, 0.1825m, new LocalDate(2025, 1, 31), new LocalDate(2025, 2, 28));

        Assert.Equal(28, cost.Days);
        Assert.Equal("newDueDate", Assert.Throws<ArgumentOutOfRangeException>(() => Extension.Cost(1m, 0m, new LocalDate(2025, 2, 1), new LocalDate(2025, 1, 1))).ParamName);
    }

    [Property(MaxTest = 500)]
    public Property An_extension_never_lowers_the_cost_while_interest_accrues() =>
        Prop.ForAll(Generators.Money.Arb(), Generators.AnnualRate.Arb(), Gen.Two(Gen.Choose(0, 1_800)).Arb(), (principal, rate, days) =>
        {
            var (a, b) = days;
            var (shorter, longer) = a <= b ? (a, b) : (b, a);
            var one = Extension.Cost(principal, rate, shorter, 0.0005m);
            var two = Extension.Cost(principal, rate, longer, 0.0005m);
            return two.WithoutPenalty >= one.WithoutPenalty && two.WithPenalty >= one.WithPenalty && two.WithPenalty >= two.WithoutPenalty;
        });
}

public sealed class ReliefComparisonTests
{
    private static readonly LocalDate AsOf = new(2025, 6, 1);

    private static readonly Account Overdue = new()
    {
        Principal = 10_000m, Interest = 150m, Fees = 200m, PenaltyInterest = 50m,
        AnnualRate = 0.1825m, PenaltyDailyRate = 0.00075m, DueDate = new LocalDate(2025, 5, 1), AmountDue = 1_000m,
    };

    [Fact]
    public void Each_option_is_costed_against_as_is_over_the_same_days()
    {
        var result = ReliefComparison.Compare(Overdue, AsOf, new ReliefTerms { HorizonDays = 30, ExtensionDays = 60, ReducedAnnualRate = 0.073m, InstalmentMonths = 12 });

        Assert.Equal(10_625m, result.AsIs.TotalCost);              // 10400 owed + 10000 × 0.00075 × 30
        Assert.Equal(0m, result.AsIs.Savings);
        Assert.Equal(10_700m, result.Extension.TotalCost);         // 10400 + 10000 × 0.0005 × 60
        Assert.Equal(10_850m, result.Extension.AsIsCost);          // 10400 + 10000 × 0.00075 × 60
        Assert.Equal(150m, result.Extension.Savings);
        Assert.Equal(10_425m, result.FeesWaived.TotalCost);
        Assert.Equal(10_460m, result.RateCut.TotalCost);           // 10400 + 10000 × 0.0002 × 30
        Assert.Equal(10_400m, result.InterestStopped.TotalCost);
        Assert.Equal(225m, result.InterestStopped.Savings);
        Assert.Equal(365, result.InstalmentPlan.Days);             // 2025-06-01 → 2026-06-01
        Assert.Equal(400m + result.InstalmentPlan.Schedule!.TotalPayment, result.InstalmentPlan.TotalCost);
        Assert.Equal(10_400m + 2_737.50m, result.InstalmentPlan.AsIsCost);
        Assert.Equal(6, result.All.Count);
    }

    [Fact]
    public void A_monthly_fee_makes_the_plan_a_fee_instalment()
    {
        var result = ReliefComparison.Compare(Overdue, AsOf, new ReliefTerms { InstalmentMonths = 12, InstalmentMonthlyFeeRate = 0.006m, InstalmentAnnualRate = 0m });

        Assert.Equal(ScheduleMethod.FeeInstalment, result.InstalmentPlan.Schedule!.Method);
        Assert.Equal(400m + 10_000m + 720m, result.InstalmentPlan.TotalCost);
    }

    [Property(MaxTest = 500)]
    public Property Waiving_fees_lowers_the_cost_by_exactly_the_fees() =>
        Prop.ForAll(Generators.Account.Arb(), Gen.Choose(0, 3_000).Arb(), (account, days) =>
        {
            var result = ReliefComparison.Compare(account, AsOf, new ReliefTerms { HorizonDays = days });
            return result.AsIs.TotalCost - result.FeesWaived.TotalCost == account.Fees && result.FeesWaived.Savings == account.Fees;
        });

    [Property(MaxTest = 300)]
    public Property Stopping_interest_never_costs_more_than_any_lump_sum_option() =>
        Prop.ForAll(Generators.Account.Arb(), Gen.Choose(0, 3_000).Arb(), (account, days) =>
        {
            var result = ReliefComparison.Compare(account, AsOf, new ReliefTerms { HorizonDays = days, ExtensionDays = days });
            return result.InterestStopped.TotalCost <= result.AsIs.TotalCost
                && result.InterestStopped.TotalCost <= result.RateCut.TotalCost
                && result.InterestStopped.TotalCost <= result.Extension.TotalCost
                && result.InterestStopped.TotalCost == account.TotalOwed;
        });

    [Fact]
    public void Bad_terms_are_refused_naming_the_term()
    {
        Assert.Equal("terms.InstalmentMonths", Assert.Throws<ArgumentOutOfRangeException>(() => ReliefComparison.Compare(Overdue, AsOf, new ReliefTerms { InstalmentMonths = 0 })).ParamName);
        Assert.Equal("account.Fees", Assert.Throws<ArgumentOutOfRangeException>(() => ReliefComparison.Compare(Overdue with { Fees = -1 }, AsOf)).ParamName);
    }

    [Property(MaxTest = 500)]
    public Property The_options_without_the_plan_are_the_full_comparisons_bit_for_bit() =>
        Prop.ForAll(Generators.Account.Arb(), Gen.Choose(0, 400).Arb(), Gen.Choose(0, 60).Arb(), (account, days, ratePercent) =>
        {
            var terms = new ReliefTerms { HorizonDays = days, ExtensionDays = 400 - days, ReducedAnnualRate = ratePercent / 100m, InstalmentMonths = 1 + (days % 24) };
            var full = ReliefComparison.Compare(account, new LocalDate(2025, 3, 1), terms);
            var (asIs, extension, feesWaived, rateCut, stopped) = ReliefComparison.CompareWithoutPlan(account, terms, DayCount.Actual365, 2, Money.DefaultRounding, out _);
            static bool Same(ReliefCost a, ReliefCost b) =>
                a.Option == b.Option && a.Days == b.Days && a.Schedule == b.Schedule
                && decimal.GetBits(a.TotalCost).SequenceEqual(decimal.GetBits(b.TotalCost)) && decimal.GetBits(a.AsIsCost).SequenceEqual(decimal.GetBits(b.AsIsCost));
            return Same(full.AsIs, asIs) && Same(full.Extension, extension) && Same(full.FeesWaived, feesWaived) && Same(full.RateCut, rateCut) && Same(full.InterestStopped, stopped);
        });
}

public sealed class CreditRecordTests
{
    [Fact]
    public void A_negative_record_clears_five_years_after_the_overdue_ends()
    {
        Assert.Equal(new LocalDate(2030, 7, 1), CreditRecord.ExpectedClearDate(new LocalDate(2025, 7, 1)));
        Assert.Equal(new LocalDate(2029, 2, 28), CreditRecord.ExpectedClearDate(new LocalDate(2024, 2, 29)));
        Assert.Equal(new LocalDate(2028, 7, 1), CreditRecord.ExpectedClearDate(new LocalDate(2025, 7, 1), retentionYears: 3));
    }

    [Fact]
    public void An_overdue_not_yet_ended_has_no_clear_date()
    {
        Assert.Null(CreditRecord.ExpectedClearDate((LocalDate?)null));
        Assert.Equal("retentionYears", Assert.Throws<ArgumentOutOfRangeException>(() => CreditRecord.ExpectedClearDate(new LocalDate(2025, 1, 1), 0)).ParamName);
    }
}
