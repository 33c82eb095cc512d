using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.VisualBasic;
using Negotiation.Core.Calculators;

namespace Negotiation.Core.Tests.Calculators;

/// <summary>Cross-checks with Microsoft.VisualBasic.Financial (in the box on net10.0) on generated loans.</summary>
public sealed class TimeValueTests
{
    private static Gen<(double Rate, int Months, double Principal, double Future, PaymentTiming Timing)> Loans =>
        from bp in Gen.Choose(0, 500)
        from months in Gen.Choose(1, 360)
        from principal in Gen.Choose(1, 10_000_000)
        from future in Gen.Choose(-1_000, 1_000)
        from timing in Gen.Elements(PaymentTiming.EndOfPeriod, PaymentTiming.BeginningOfPeriod)
        select (bp / 10_000.0, months, (double)principal, (double)future, timing);

    private static DueDate Due(PaymentTiming timing) => timing == PaymentTiming.EndOfPeriod ? DueDate.EndOfPeriod : DueDate.BegOfPeriod;

    // Both sides subtract terms as large as principal × (1 + r)^n, so that sets the scale of their rounding.
    private static bool Close(double a, double b, (double Rate, int Months, double Principal, double Future, PaymentTiming Timing) l) =>
        Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(b), l.Principal * Math.Pow(1 + l.Rate, l.Months));

    [Property(MaxTest = 500)]
    public Property Pmt_fv_and_pv_agree_with_vb_financial() =>
        Prop.ForAll(Loans.Arb(), l =>
        {
            var pmt = TimeValue.Pmt(l.Rate, l.Months, l.Principal, l.Future, l.Timing);
            return Close(pmt, Financial.Pmt(l.Rate, l.Months, l.Principal, l.Future, Due(l.Timing)), l)
                && Close(TimeValue.Fv(l.Rate, l.Months, pmt, l.Principal, l.Timing), Financial.FV(l.Rate, l.Months, pmt, l.Principal, Due(l.Timing)), l)
                && Close(TimeValue.Pv(l.Rate, l.Months, pmt, l.Future, l.Timing), Financial.PV(l.Rate, l.Months, pmt, l.Future, Due(l.Timing)), l);
        });

    [Property(MaxTest = 500)]
    public Property Ipmt_and_ppmt_agree_with_vb_financial_in_every_period() =>
        Prop.ForAll(Loans.Arb(), Gen.Choose(1, 360).Arb(), (l, p) =>
        {
            var per = Math.Min(p, l.Months);
            return Close(TimeValue.IPmt(l.Rate, per, l.Months, l.Principal, l.Future, l.Timing), Financial.IPmt(l.Rate, per, l.Months, l.Principal, l.Future, Due(l.Timing)), l)
                && Close(TimeValue.PPmt(l.Rate, per, l.Months, l.Principal, l.Future, l.Timing), Financial.PPmt(l.Rate, per, l.Months, l.Principal, l.Future, Due(l.Timing)), l);
        });

    [Property(MaxTest = 500)]
    public Property Nper_and_rate_invert_pmt_as_vb_financial_does() =>
        // One payment in advance repays the loan before any interest runs: every rate fits, so it is left out.
        Prop.ForAll(Loans.Where(l => l.Rate > 0 && !(l.Months == 1 && l.Timing == PaymentTiming.BeginningOfPeriod)).Arb(), l =>
        {
            var pmt = TimeValue.Pmt(l.Rate, l.Months, l.Principal, 0, l.Timing);
            var nper = TimeValue.Nper(l.Rate, pmt, l.Principal, 0, l.Timing);
            var rate = TimeValue.Rate(l.Months, pmt, l.Principal, 0, l.Timing);
            return Math.Abs(nper - l.Months) <= 1e-6 && Math.Abs(nper - Financial.NPer(l.Rate, pmt, l.Principal, 0, Due(l.Timing))) <= 1e-6
                && Math.Abs(rate - l.Rate) <= 1e-9;
        });

    [Fact]
    public void Where_excel_shows_an_error_a_documented_exception_is_thrown_never_nan()
    {
        Assert.Throws<ArgumentException>(() => TimeValue.Pmt(0.01, 0, 100));
        Assert.Throws<ArgumentException>(() => TimeValue.Nper(0.1, -1, 100)); // paying 1 a period never covers 10 of interest
        Assert.Throws<ArgumentException>(() => TimeValue.Pmt(double.NaN, 12, 100));
        Assert.False(TimeValue.TryRate(12, 10, 100, 0, PaymentTiming.EndOfPeriod, 0.1, out var rate));
        Assert.Equal(0, rate);
    }

    [Fact]
    public void Pmt_at_a_zero_rate_splits_the_principal_evenly()
    {
        Assert.Equal(-100, TimeValue.Pmt(0, 12, 1_200));
    }
}
