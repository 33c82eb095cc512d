using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Calculators;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

public sealed class SchedulePropertiesTests
{
    [Property(MaxTest = 500)]
    public Property Principal_parts_sum_to_the_principal_exactly() =>
        Prop.ForAll(Generators.Loan.Arb(), loan => loan.Build().Instalments.Sum(i => i.Principal) == loan.Principal);

    [Property(MaxTest = 500)]
    public Property Balances_never_rise_never_go_negative_and_end_at_zero() =>
        Prop.ForAll(Generators.Loan.Arb(), loan =>
        {
            var balances = loan.Build().Instalments.Select(i => i.Balance).Prepend(loan.Principal).ToArray();
            return balances.Zip(balances.Skip(1)).All(p => p.Second <= p.First && p.Second >= 0) && balances[^1] == 0;
        });

    [Property(MaxTest = 500)]
    public Property Equal_instalment_payments_are_equal_but_the_last() =>
        Prop.ForAll(Generators.OrdinaryLoan.Where(l => l.Method == ScheduleMethod.EqualInstalment).Arb(), loan =>
        {
            var amount = Schedules.InstalmentAmount(loan.Principal, loan.AnnualRate, loan.Months, 2, loan.Rounding);
            return loan.Build().Instalments.SkipLast(1).All(i => i.Payment == amount);
        });

    [Property(MaxTest = 500)]
    public Property Equal_principal_parts_are_equal_but_the_last() =>
        Prop.ForAll(Generators.OrdinaryLoan.Where(l => l.Method != ScheduleMethod.EqualInstalment).Arb(), loan =>
        {
            var parts = loan.Build().Instalments.SkipLast(1).Select(i => i.Principal).Distinct().Count();
            return parts <= 1;
        });

    [Property(MaxTest = 500)]
    public Property Every_payment_is_its_principal_interest_and_fee() =>
        Prop.ForAll(Generators.Loan.Arb(), loan =>
            loan.Build().Instalments.All(i => i.Payment == i.Principal + i.Interest + i.Fee && i.Interest >= 0 && decimal.Round(i.Interest, 2) == i.Interest));

    [Property(MaxTest = 300)]
    public Property The_fast_path_equals_the_decimal_reference() =>
        Prop.ForAll(Generators.Loan.Arb(), loan =>
        {
            var start = new LocalDate(2025, 1, 31);
            var reference = Schedules.BuildInDecimal(loan.Method, loan.Principal, loan.AnnualRate, loan.Months, loan.FeeRate, start, 2, loan.Rounding);
            return loan.Build(start).Instalments.SequenceEqual(reference);
        });

    [Property(MaxTest = 1000)]
    public Property The_instalment_amount_equals_the_decimal_computation_even_at_tiny_rates_and_long_terms() =>
        Prop.ForAll(
            Gen.OneOf(Generators.Money, Gen.Choose(1, int.MaxValue).Select(c => c * 10_000m + 0.01m)).Arb(),
            Gen.OneOf(Generators.AnnualRate, Gen.Choose(1, 10_000).Select(x => x / 1_000_000_000m)).Arb(),
            Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(1, Schedules.MaxMonths)).Arb(),
            (principal, rate, months) =>
                Schedules.InstalmentAmount(principal, rate, months) == decimal.Round(Schedules.InstalmentAmountInDecimal(principal, rate / 12, months), 2, MidpointRounding.AwayFromZero));

    [Property(MaxTest = 300)]
    public Property Due_dates_are_the_start_plus_k_months() =>
        Prop.ForAll(Generators.Loan.Arb(), Generators.Date.Arb(), (loan, start) =>
            loan.Build(start).Instalments.All(i => i.DueDate == start.PlusMonths(i.Period)));

    [Property(MaxTest = 300)]
    public Property The_level_payment_is_the_annuity_payment_rounded() =>
        Prop.ForAll(Generators.Loan.Where(l => l.Method == ScheduleMethod.EqualInstalment && l.AnnualRate > 0).Arb(), loan =>
        {
            var exact = -TimeValue.Pmt((double)(loan.AnnualRate / 12), loan.Months, (double)loan.Principal);
            var amount = Schedules.InstalmentAmount(loan.Principal, loan.AnnualRate, loan.Months, 2, loan.Rounding);
            return Math.Abs((double)amount - exact) <= 0.005 + (exact * 1e-12);
        });

    [Property(MaxTest = 300)]
    public Property The_irr_of_a_schedule_built_at_rate_r_is_r_before_rounding() =>
        Prop.ForAll(Gen.Choose(1, 360).Arb(), Gen.Choose(0, 50_000).Arb(), Gen.Choose(1, 100_000_000).Arb(), (months, basisPoints, principal) =>
        {
            var rate = basisPoints / 1_000_000.0; // 0–5 % a month
            var payment = -TimeValue.Pmt(rate, months, principal);
            var flows = new double[months + 1];
            flows[0] = -principal;
            Array.Fill(flows, payment, 1, months);
            var irr = AnnualisedRate.Irr(flows);
            return irr.Converged && Math.Abs(irr.MonthlyRate - rate) <= 1e-6;
        });

    [Fact]
    public void A_level_payment_that_repays_early_leaves_zero_instalments_rather_than_a_negative_balance()
    {
        // 0.10 over 12 months rounds to 0.01 a month and is repaid after 10: the 11th and 12th repay nothing.
        var schedule = Schedules.EqualPrincipal(0.10m, 0m, 12);

        Assert.Equal(0.01m, schedule.Instalments[9].Principal);
        Assert.Equal(0m, schedule.Instalments[10].Principal);
        Assert.Equal(0m, schedule.Instalments[11].Principal);
        Assert.All(schedule.Instalments, i => Assert.True(i.Balance >= 0));
    }

    [Fact]
    public void At_high_rates_over_long_terms_a_rounded_up_payment_compounds_into_an_early_payoff()
    {
        // 10.4964… rounds up to 10.50; the 0.0036 overpaid each month compounds at 2 % a month for 25 years.
        var schedule = Schedules.EqualInstalment(507.49m, 0.24771m, 305);

        Assert.Equal(0m, schedule.Instalments[^1].Payment);
        Assert.Equal(507.49m, schedule.Instalments.Sum(i => i.Principal));
    }

    [Property(MaxTest = 500)]
    public Property The_interest_total_without_rows_is_the_schedules_bit_for_bit() =>
        Prop.ForAll(Generators.Loan.Arb(), Gen.Choose(0, 4).Arb(), (loan, decimals) =>
        {
            var principal = decimal.Round(loan.Principal, decimals, MidpointRounding.ToZero);
            var total = Schedules.EqualInstalment(principal, loan.AnnualRate, loan.Months, decimals: decimals).TotalInterest;
            return decimal.GetBits(Schedules.EqualInstalmentInterest(principal, loan.AnnualRate, loan.Months, decimals)).SequenceEqual(decimal.GetBits(total));
        });

    [Property(MaxTest = 500)]
    public Property Totals_are_the_sums_of_the_instalments_bit_for_bit() =>
        Prop.ForAll(Generators.Loan.Arb(), Gen.Choose(0, 4).Arb(), (loan, decimals) =>
        {
            var principal = decimal.Round(loan.Principal, decimals, MidpointRounding.ToZero);
            var schedule = Schedules.Build(loan.Method, principal, loan.AnnualRate, loan.Months, loan.FeeRate, new LocalDate(2025, 1, 31), decimals, loan.Rounding);
            decimal payments = 0, interest = 0, fees = 0;
            foreach (var i in schedule.Instalments)
            {
                payments += i.Payment;
                interest += i.Interest;
                fees += i.Fee;
            }

            static bool Same(decimal a, decimal b) => decimal.GetBits(a).SequenceEqual(decimal.GetBits(b));
            return Same(schedule.TotalPayment, payments) && Same(schedule.TotalInterest, interest) && Same(schedule.TotalFees, fees);
        });
}
