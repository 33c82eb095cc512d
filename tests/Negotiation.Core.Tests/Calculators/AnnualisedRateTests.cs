using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.VisualBasic;
using Negotiation.Core.Calculators;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

public sealed class AnnualisedRateTests
{
    [Fact]
    public void Irr_reports_monthly_nominal_and_effective_rates_labelled()
    {
        double[] flows = [-12_000, .. Enumerable.Repeat(1_072.0, 12)];

        var rate = AnnualisedRate.Irr(flows);

        Assert.True(rate.Converged);
        Assert.Equal(0.010862, rate.MonthlyRate, 6);
        Assert.Equal(rate.MonthlyRate * 12, rate.Nominal, 15);
        Assert.Equal(Math.Pow(1 + rate.MonthlyRate, 12) - 1, rate.Effective, 15);
        Assert.StartsWith("monthly 1.086", rate.ToString(), StringComparison.Ordinal);
        Assert.Contains("nominal (×12) 13.03", rate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { -100 })]
    [InlineData(new double[] { 100, 10, 10 })]
    [InlineData(new double[] { -100, -10 })]
    [InlineData(new double[] { 0, 0, 0 })]
    public void Flows_without_a_rate_give_a_result_that_did_not_converge_and_no_nan(double[] flows)
    {
        var rate = AnnualisedRate.Irr(flows);

        Assert.False(rate.Converged);
        Assert.Equal(0, rate.MonthlyRate);
        Assert.Equal(0, rate.Nominal);
        Assert.Equal(0, rate.Effective);
        Assert.Equal("not converged", rate.ToString());
    }

    [Fact]
    public void A_guess_of_minus_one_or_less_is_refused()
    {
        Assert.Equal("guess", Assert.Throws<ArgumentOutOfRangeException>(() => AnnualisedRate.Irr([-1.0, 2.0], -1)).ParamName);
    }

    [Fact]
    public void A_non_finite_flow_is_refused()
    {
        Assert.Equal("monthlyFlows", Assert.Throws<ArgumentOutOfRangeException>(() => AnnualisedRate.Irr([-1.0, double.NaN])).ParamName);
    }

    [Fact]
    public void Irr_converges_on_every_loan_of_1_to_360_months_at_0_to_5_percent_a_month()
    {
        var failures = 0;
        for (var months = 1; months <= 360; months++)
        {
            for (var bp = 0; bp <= 500; bp += 25)
            {
                var rate = bp / 10_000.0;
                var flows = LoanFlows(10_000, rate, months);
                var irr = AnnualisedRate.Irr(flows);
                if (!irr.Converged || Math.Abs(irr.MonthlyRate - rate) > 1e-8)
                {
                    failures++;
                }
            }
        }

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Vb_financial_irr_throws_on_a_48_month_loan_with_its_default_guess_where_ours_answers()
    {
        var flows = LoanFlows(10_000, 0.01, 48);

        Assert.Throws<ArgumentException>(() => Financial.IRR(ref flows));
        Assert.Equal(0.01, AnnualisedRate.Irr(flows).MonthlyRate, 10);
    }

    [Property(MaxTest = 300)]
    public Property Irr_agrees_with_vb_financial_where_it_converges() =>
        Prop.ForAll(Gen.Choose(1, 360).Arb(), Gen.Choose(0, 500).Arb(), Gen.Choose(0, 2_000).Arb(), (months, bp, feeBp) =>
        {
            var rate = bp / 10_000.0;
            var flows = LoanFlows(10_000, rate, months);
            for (var i = 1; i < flows.Length; i++)
            {
                flows[i] += 10_000 * feeBp / 1_000_000.0; // a monthly fee on top
            }

            double vb;
            try
            {
                vb = Financial.IRR(ref flows, 0);
            }
            catch (ArgumentException)
            {
                return true; // VB found nothing; ours is checked by the other tests
            }

            var ours = AnnualisedRate.Irr(flows, 0);
            return ours.Converged && Math.Abs(ours.MonthlyRate - vb) <= 1e-7;
        });

    [Fact]
    public void Decimal_flows_give_the_same_rate_as_double_flows()
    {
        decimal[] money = [-12_000m, .. Enumerable.Repeat(1_072m, 12)];
        double[] numbers = [-12_000, .. Enumerable.Repeat(1_072.0, 12)];

        Assert.Equal(AnnualisedRate.Irr(numbers), AnnualisedRate.Irr(money));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(600)] // beyond the stack buffer: the pooled-array path
    public void Decimal_and_double_flows_agree_for_irr_and_xirr(int months)
    {
        var start = new LocalDate(2025, 1, 31);
        var dates = Enumerable.Range(0, months + 1).Select(k => start.PlusMonths(k)).ToArray();
        decimal[] money = [-12_000m, .. Enumerable.Repeat(Math.Round(12_000m / months, 2) + 72m, months)];
        var numbers = money.Select(m => (double)m).ToArray();

        Assert.Equal(AnnualisedRate.Irr(numbers), AnnualisedRate.Irr(money));
        Assert.Equal(AnnualisedRate.Xirr(numbers, dates), AnnualisedRate.Xirr(money, dates));
        Assert.True(AnnualisedRate.Xirr(money, dates).Converged);
    }

    [Fact]
    public void Xirr_of_monthly_flows_is_the_effective_rate_of_the_loan()
    {
        var start = new LocalDate(2025, 1, 1);
        var dates = Enumerable.Range(0, 13).Select(k => start.PlusMonths(k)).ToArray();
        double[] amounts = [-12_000, .. Enumerable.Repeat(1_072.0, 12)];

        var xirr = AnnualisedRate.Xirr(amounts, dates);
        var irr = AnnualisedRate.Irr(amounts);

        Assert.True(xirr.Converged);
        Assert.Equal(irr.Effective, xirr.Effective, 2); // actual days vs equal months
        Assert.Equal(Math.Pow(1 + xirr.Effective, 1.0 / 12) - 1, xirr.MonthlyRate, 12);
    }

    [Fact]
    public void Xirr_refuses_mismatched_spans_and_dates_before_the_first()
    {
        var d = new LocalDate(2025, 1, 1);

        Assert.Equal("dates", Assert.Throws<ArgumentException>(() => AnnualisedRate.Xirr([-1.0, 2.0], [d])).ParamName);
        Assert.Equal("dates", Assert.Throws<ArgumentException>(() => AnnualisedRate.Xirr([-1.0, 2.0], [d, d.PlusDays(-1)])).ParamName);
    }

    [Property(MaxTest = 200)]
    public Property Xirr_returns_the_rate_the_flows_were_built_at() =>
        Prop.ForAll(Gen.Choose(1, 120).Arb(), Gen.Choose(-50, 2_000).Arb(), Generators.Date.Arb(), (months, permille, start) =>
        {
            var annual = permille / 1_000.0; // −5 % to 200 % a year
            var dates = Enumerable.Range(0, months + 1).Select(k => start.PlusMonths(k)).ToArray();
            var amounts = new double[months + 1];
            amounts[0] = -1_000;
            for (var k = 1; k <= months; k++)
            {
                amounts[k] = 0;
            }

            // One payment at the end that returns the principal at exactly that annual rate.
            var years = Period.DaysBetween(start, dates[^1]) / 365.0;
            amounts[^1] = 1_000 * Math.Pow(1 + annual, years);
            var xirr = AnnualisedRate.Xirr(amounts, dates);
            return xirr.Converged && Math.Abs(xirr.Effective - annual) <= 1e-7;
        });

    private static double[] LoanFlows(double principal, double monthlyRate, int months)
    {
        var payment = -TimeValue.Pmt(monthlyRate, months, principal);
        var flows = new double[months + 1];
        flows[0] = -principal;
        Array.Fill(flows, payment, 1, months);
        return flows;
    }
}
