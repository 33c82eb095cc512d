using Negotiation.Core.Calculators;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

public sealed class SchedulesTests
{
    [Fact]
    public void Equal_instalment_reproduces_fineract_100_at_7_percent_over_6_months()
    {
        var schedule = Schedules.EqualInstalment(100m, 0.07m, 6);

        Assert.Equal([17.01m, 17.01m, 17.01m, 17.01m, 17.01m, 17.00m], schedule.Instalments.Select(i => i.Payment));
        Assert.Equal([0.58m, 0.49m, 0.39m, 0.29m, 0.20m, 0.10m], schedule.Instalments.Select(i => i.Interest));
        Assert.Equal([16.43m, 16.52m, 16.62m, 16.72m, 16.81m, 16.90m], schedule.Instalments.Select(i => i.Principal));
        Assert.Equal([83.57m, 67.05m, 50.43m, 33.71m, 16.90m, 0m], schedule.Instalments.Select(i => i.Balance));
        Assert.Equal(102.05m, schedule.TotalPayment);
        Assert.Equal(2.05m, schedule.TotalInterest);
        Assert.Equal(0m, schedule.TotalFees);
    }

    [Fact]
    public void Instalment_amount_is_the_rounded_annuity_payment()
    {
        Assert.Equal(17.01m, Schedules.InstalmentAmount(100m, 0.07m, 6));
        Assert.Equal(8.33m, Schedules.InstalmentAmount(100m, 0m, 12));
        Assert.Equal(103m, Schedules.InstalmentAmount(10_000m, 0.12m, 360, decimals: 0)); // 102.861…
    }

    [Fact]
    public void Instalment_amount_honours_the_midpoint_rule()
    {
        // 100.10 over 4 months at 0 % is 25.025 a month exactly: a true midpoint.
        Assert.Equal(25.03m, Schedules.InstalmentAmount(100.10m, 0m, 4));
        Assert.Equal(25.02m, Schedules.InstalmentAmount(100.10m, 0m, 4, rounding: MidpointRounding.ToEven));
    }

    [Fact]
    public void Interest_at_an_exact_half_cent_rounds_by_the_midpoint_rule()
    {
        // 1.00 at 6 % a year is 0.005 interest in the first month: exactly half a cent.
        var away = Schedules.EqualPrincipal(1.00m, 0.06m, 2);
        var even = Schedules.EqualPrincipal(1.00m, 0.06m, 2, rounding: MidpointRounding.ToEven);

        Assert.Equal(0.01m, away.Instalments[0].Interest);
        Assert.Equal(0.00m, even.Instalments[0].Interest);
    }

    [Fact]
    public void Equal_principal_repays_the_same_principal_and_interest_on_the_balance()
    {
        var schedule = Schedules.EqualPrincipal(1200m, 0.12m, 12);

        Assert.All(schedule.Instalments, i => Assert.Equal(100m, i.Principal));
        Assert.Equal(12.00m, schedule.Instalments[0].Interest);
        Assert.Equal(11.00m, schedule.Instalments[1].Interest);
        Assert.Equal(1.00m, schedule.Instalments[11].Interest);
        Assert.Equal(78.00m, schedule.TotalInterest);
    }

    [Fact]
    public void Equal_principal_gives_the_rounding_residue_to_the_last_instalment()
    {
        var schedule = Schedules.EqualPrincipal(100m, 0m, 3);

        Assert.Equal([33.33m, 33.33m, 33.34m], schedule.Instalments.Select(i => i.Principal));
    }

    [Fact]
    public void Fee_instalment_charges_the_fee_on_the_original_principal_every_month()
    {
        var schedule = Schedules.FeeInstalment(12_000m, 0.006m, 12);

        Assert.All(schedule.Instalments, i => Assert.Equal(1_072m, i.Payment));
        Assert.All(schedule.Instalments, i => Assert.Equal(72m, i.Fee));
        Assert.Equal(864m, schedule.TotalFees);
        Assert.Equal(0m, schedule.TotalInterest);
    }

    [Fact]
    public void A_12_month_fee_plan_at_0_6_percent_a_month_costs_about_1_0862_percent_a_month()
    {
        var rate = Schedules.FeeInstalment(12_000m, 0.006m, 12).AnnualisedRate();

        Assert.True(rate.Converged);
        Assert.Equal(0.010862, rate.MonthlyRate, 6);
        Assert.Equal(0.1303, rate.Nominal, 4);
        Assert.Equal(Math.Pow(1 + rate.MonthlyRate, 12) - 1, rate.Effective, 12);
    }

    [Fact]
    public void Due_dates_come_from_the_start_date_never_chained()
    {
        var schedule = Schedules.EqualInstalment(300m, 0.1m, 3, new LocalDate(2025, 1, 31));

        Assert.Equal(
            [new LocalDate(2025, 2, 28), new LocalDate(2025, 3, 31), new LocalDate(2025, 4, 30)],
            schedule.Instalments.Select(i => i.DueDate!.Value));
    }

    [Fact]
    public void Without_a_start_date_there_are_no_due_dates()
    {
        var schedule = Schedules.EqualInstalment(300m, 0.1m, 3);

        Assert.All(schedule.Instalments, i => Assert.Null(i.DueDate));
        Assert.Null(schedule.Start);
    }

    [Fact]
    public void Whole_currency_units_work_with_zero_decimals()
    {
        var schedule = Schedules.EqualPrincipal(1000m, 0m, 3, decimals: 0);

        Assert.Equal([333m, 333m, 334m], schedule.Instalments.Select(i => i.Principal));
    }

    [Fact]
    public void A_zero_principal_gives_a_schedule_of_zeros()
    {
        var schedule = Schedules.EqualInstalment(0m, 0.1m, 3);

        Assert.All(schedule.Instalments, i => Assert.Equal(0m, i.Payment));
    }

    [Fact]
    public void A_principal_beyond_the_fast_range_is_computed_in_decimal()
    {
        var schedule = Schedules.EqualInstalment(100_000_000_000_000_000m, 0.07m, 6);

        Assert.Equal(100_000_000_000_000_000m, schedule.Instalments.Sum(i => i.Principal));
        Assert.Equal(17_008_593_732_263_779.22m, schedule.Instalments[0].Payment);
    }

    [Theory]
    [InlineData(-1, 0.1, 12, "principal")]
    [InlineData(100, -0.1, 12, "annualRate")]
    [InlineData(100, 101, 12, "annualRate")]
    [InlineData(100, 0.1, 0, "months")]
    [InlineData(100, 0.1, 1201, "months")]
    [InlineData(100.001, 0.1, 12, "principal")]
    public void Bad_terms_are_refused_naming_the_parameter_and_its_range(double principal, double rate, int months, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.EqualInstalment((decimal)principal, (decimal)rate, months));

        Assert.Equal(parameter, e.ParamName);
        Assert.Contains("should", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fee_is_refused_for_a_method_without_fees()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Build(ScheduleMethod.EqualInstalment, 100m, 0.1m, 12, monthlyFeeRate: 0.01m));

        Assert.Equal("monthlyFeeRate", e.ParamName);
    }

    [Fact]
    public void Months_are_limited_to_1200_and_decimals_to_10()
    {
        Assert.Equal("months", Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.InstalmentAmount(1m, 0m, 1201)).ParamName);
        Assert.Equal("decimals", Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.InstalmentAmount(1m, 0m, 12, decimals: 11)).ParamName);
        Assert.Contains("[1-1200]", Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.InstalmentAmount(1m, 0m, 0)).Message, StringComparison.Ordinal);
    }
}
