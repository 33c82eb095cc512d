using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

public sealed class DelinquencyTests
{
    private static readonly LocalDate Due = new(2025, 3, 15);

    [Theory]
    [InlineData("2025-03-10", 0)]
    [InlineData("2025-03-15", 0)]
    [InlineData("2025-03-16", 1)]
    [InlineData("2025-04-15", 31)]
    [InlineData("2026-03-15", 365)]
    public void Days_past_due_count_calendar_days_after_the_due_date(string asOf, int expected)
    {
        Assert.Equal(expected, Delinquency.DaysPastDue(Due, LocalDate.FromDateTime(DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Property(MaxTest = 300)]
    public Property Days_past_due_grow_by_one_a_day_after_the_due_date() =>
        Prop.ForAll(Generators.Date.Arb(), Gen.Choose(0, 5_000).Arb(), (due, offset) =>
        {
            var day = due.PlusDays(offset);
            return Delinquency.DaysPastDue(due, day.PlusDays(1)) == Delinquency.DaysPastDue(due, day) + 1
                && Delinquency.DaysPastDue(due, due.PlusDays(-offset)) == 0;
        });

    [Fact]
    public void The_grace_period_covers_the_first_days_after_the_due_date_only()
    {
        Assert.False(Delinquency.IsInGracePeriod(Due, Due, 3));
        Assert.True(Delinquency.IsInGracePeriod(Due, Due.PlusDays(1), 3));
        Assert.True(Delinquency.IsInGracePeriod(Due, Due.PlusDays(3), 3));
        Assert.False(Delinquency.IsInGracePeriod(Due, Due.PlusDays(4), 3));
        Assert.False(Delinquency.IsInGracePeriod(Due, Due.PlusDays(1), 0));
        Assert.Equal("graceDays", Assert.Throws<ArgumentOutOfRangeException>(() => Delinquency.IsInGracePeriod(Due, Due, -1)).ParamName);
    }

    [Theory]
    [InlineData(0, DelinquencyBucket.Current)]
    [InlineData(1, DelinquencyBucket.M1)]
    [InlineData(30, DelinquencyBucket.M1)]
    [InlineData(31, DelinquencyBucket.M2)]
    [InlineData(90, DelinquencyBucket.M3)]
    [InlineData(91, DelinquencyBucket.M4)]
    [InlineData(150, DelinquencyBucket.M5)]
    [InlineData(180, DelinquencyBucket.M6)]
    [InlineData(181, DelinquencyBucket.M6Plus)]
    [InlineData(5000, DelinquencyBucket.M6Plus)]
    public void Buckets_are_30_day_bands(int days, DelinquencyBucket expected) => Assert.Equal(expected, Delinquency.Bucket(days));

    [Theory]
    [InlineData(0, AssetTier.Normal)]
    [InlineData(1, AssetTier.SpecialMention)]
    [InlineData(90, AssetTier.SpecialMention)]
    [InlineData(91, AssetTier.Substandard)]
    [InlineData(120, AssetTier.Substandard)]
    [InlineData(121, AssetTier.Doubtful)]
    [InlineData(180, AssetTier.Doubtful)]
    [InlineData(181, AssetTier.Loss)]
    public void Tiers_follow_the_bands_given_the_first_and_last_day_of_each_included(int days, AssetTier expected) => Assert.Equal(expected, Delinquency.Tier(days, CardBands));

    private static readonly AssetTierBand[] CardBands =
        [new(AssetTier.SpecialMention, 1, 90), new(AssetTier.Substandard, 91, 120), new(AssetTier.Doubtful, 121, 180), new(AssetTier.Loss, 181, null)];

    [Fact]
    public void Tier_bands_are_data_a_rule_set_can_replace()
    {
        AssetTierBand[] strict = [new(AssetTier.Loss, 1, null)];

        Assert.Equal(AssetTier.Loss, Delinquency.Tier(1, strict));
        Assert.Equal(AssetTier.Normal, Delinquency.Tier(0, strict));
    }

    [Fact]
    public void Negative_days_are_refused()
    {
        Assert.Equal("daysPastDue", Assert.Throws<ArgumentOutOfRangeException>(() => Delinquency.Bucket(-1)).ParamName);
        Assert.Equal("daysPastDue", Assert.Throws<ArgumentOutOfRangeException>(() => Delinquency.Tier(-1, CardBands)).ParamName);
    }

    [Fact]
    public void Repayments_go_to_fees_and_interest_first_up_to_the_days_given_then_to_principal_first()
    {
        var account = new Account { Principal = 1_000m, Interest = 50m, Fees = 30m, PenaltyInterest = 20m, DueDate = Due, AmountDue = 1_000m };

        Assert.Equal(AllocationOrder.FeesAndInterestFirst, Delinquency.Allocation(90, 90));
        Assert.Equal(AllocationOrder.PrincipalFirst, Delinquency.Allocation(91, 90));
        Assert.Equal(new RepaymentAllocation(30m, 20m, 50m, 100m, 0m), Delinquency.Allocate(200m, account, 90, 90));
        Assert.Equal(new RepaymentAllocation(0m, 0m, 0m, 200m, 0m), Delinquency.Allocate(200m, account, 91, 90));
        Assert.Equal(new RepaymentAllocation(30m, 20m, 50m, 1_000m, 5m), Delinquency.Allocate(1_105m, account, 120, 90));
    }

    [Fact]
    public void A_record_paid_within_grace_is_on_time_and_one_paid_short_is_late()
    {
        var asOf = new LocalDate(2025, 6, 1);
        var onTime = new RepaymentRecord { DueDate = Due, AmountDue = 100m, PaidOn = Due.PlusDays(3), AmountPaid = 100m };
        var lateDay = onTime with { PaidOn = Due.PlusDays(4) };
        var short1 = onTime with { AmountPaid = 95m };
        var unpaid = new RepaymentRecord { DueDate = Due, AmountDue = 100m };

        Assert.False(Delinquency.IsLate(onTime, 3, asOf));
        Assert.True(Delinquency.IsLate(lateDay, 3, asOf));
        Assert.True(Delinquency.IsLate(short1, 3, asOf));
        Assert.False(Delinquency.IsLate(short1, 3, asOf, tolerance: 10m));
        Assert.True(Delinquency.IsLate(unpaid, 3, asOf));
        Assert.False(Delinquency.IsLate(unpaid, 3, Due.PlusDays(2)));
    }

    [Fact]
    public void First_overdue_looks_only_at_earlier_records()
    {
        var asOf = new LocalDate(2025, 6, 1);
        var current = new LocalDate(2025, 5, 15);
        RepaymentRecord[] clean =
        [
            new() { DueDate = new LocalDate(2025, 3, 15), AmountDue = 100m, PaidOn = new LocalDate(2025, 3, 14), AmountPaid = 100m },
            new() { DueDate = new LocalDate(2025, 4, 15), AmountDue = 100m, PaidOn = new LocalDate(2025, 4, 17), AmountPaid = 100m },
            new() { DueDate = current, AmountDue = 100m },
        ];
        RepaymentRecord[] lateBefore = [.. clean, new() { DueDate = new LocalDate(2025, 2, 15), AmountDue = 100m, PaidOn = new LocalDate(2025, 3, 1), AmountPaid = 100m }];

        Assert.True(Delinquency.IsFirstOverdue(clean, current, 3, asOf));
        Assert.False(Delinquency.IsFirstOverdue(clean, current, 0, asOf));
        Assert.False(Delinquency.IsFirstOverdue(lateBefore, current, 3, asOf));
        Assert.True(Delinquency.IsFirstOverdue([], current, 3, asOf));
    }

    [Fact]
    public void On_time_ratio_counts_decided_records_only()
    {
        var asOf = new LocalDate(2025, 5, 16);
        RepaymentRecord[] history =
        [
            new() { DueDate = new LocalDate(2025, 3, 15), AmountDue = 100m, PaidOn = new LocalDate(2025, 3, 14), AmountPaid = 100m },
            new() { DueDate = new LocalDate(2025, 4, 15), AmountDue = 100m, PaidOn = new LocalDate(2025, 4, 30), AmountPaid = 100m },
            new() { DueDate = new LocalDate(2025, 5, 15), AmountDue = 100m }, // in grace on asOf: not decided
        ];

        Assert.Equal(0.5m, Delinquency.OnTimeRatio(history, 3, asOf));
        Assert.Null(Delinquency.OnTimeRatio([], 3, asOf));
    }
}
