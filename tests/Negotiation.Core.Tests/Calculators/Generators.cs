using FsCheck;
using FsCheck.Fluent;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

/// <summary>A loan's terms as the property tests generate them.</summary>
public sealed record Loan(ScheduleMethod Method, decimal Principal, decimal AnnualRate, int Months, decimal FeeRate, MidpointRounding Rounding)
{
    public Schedule Build(LocalDate? start = null) => Schedules.Build(Method, Principal, AnnualRate, Months, FeeRate, start, 2, Rounding);

    public override string ToString() => $"{Method} {Principal} at {AnnualRate} over {Months} months, fee {FeeRate}, {Rounding}";
}

/// <summary>Generators of valid calculator inputs.</summary>
internal static class Generators
{
    // Cents: often small, often large, up to about 21 million.
    public static Gen<decimal> Money =>
        Gen.OneOf(Gen.Choose(0, 100_000), Gen.Choose(0, int.MaxValue)).Select(cents => cents / 100m);

    public static Gen<decimal> PositiveMoney => Money.Where(m => m > 0);

    // 0–60 % a year (0–5 % a month), with round-number rates mixed in because they hit exact half cents.
    public static Gen<decimal> AnnualRate =>
        Gen.OneOf(
            Gen.Choose(0, 600_000).Select(ppm => ppm / 1_000_000m),
            Gen.Elements(0m, 0.06m, 0.07m, 0.12m, 0.18m, 0.24m, 0.36m, 0.6m));

    public static Gen<decimal> FeeRate => Gen.Choose(0, 2_000).Select(x => x / 100_000m); // 0–2 % a month

    public static Gen<MidpointRounding> Rounding => Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven);

    public static Gen<Loan> Loan =>
        from method in Gen.Elements(ScheduleMethod.EqualInstalment, ScheduleMethod.EqualPrincipal, ScheduleMethod.FeeInstalment)
        from principal in Money
        from rate in AnnualRate
        from months in Gen.Choose(1, 360)
        from fee in FeeRate
        from rounding in Rounding
        select new Loan(method, principal, method == ScheduleMethod.FeeInstalment ? rate / 10 : rate, months, method == ScheduleMethod.FeeInstalment ? fee : 0m, rounding);

    /// <summary>
    /// Loans whose rounding cannot repay the principal before the last month, the ones for which "equal but
    /// the last" is promised: each month's rounding moves at most 0.01 of principal, which compounds at the
    /// monthly rate into 0.01 × ((1 + r)^n − 1) / r by the end; that must stay below one payment.
    /// </summary>
    public static Gen<Loan> OrdinaryLoan => Loan.Where(IsOrdinary);

    public static bool IsOrdinary(Loan loan)
    {
        var r = (double)loan.AnnualRate / 12;
        var n = loan.Months;
        var growth = r == 0 ? n : (Math.Pow(1 + r, n) - 1) / r;
        var payment = r == 0 ? (double)loan.Principal / n : (double)loan.Principal * r / (1 - Math.Pow(1 + r, -n));
        return 0.01 * growth < payment;
    }

    public static Gen<LocalDate> Date => Gen.Choose(0, 40_000).Select(d => new LocalDate(1990, 1, 1).PlusDays(d));

    public static Gen<Account> Account =>
        from principal in Money
        from interest in Money
        from fees in Money
        from penalty in Money
        from rate in Gen.OneOf(AnnualRate.Select(r => (decimal?)r), Gen.Constant((decimal?)null))
        from daily in Gen.OneOf(Gen.Choose(0, 1_000).Select(x => (decimal?)(x / 1_000_000m)), Gen.Constant((decimal?)null))
        select new Account { Principal = principal, Interest = interest, Fees = fees, PenaltyInterest = penalty, AnnualRate = rate, PenaltyDailyRate = daily, DueDate = new LocalDate(2025, 1, 1), AmountDue = principal };

    public static Arbitrary<T> Arb<T>(this Gen<T> gen) => FsCheck.Fluent.Arb.From(gen);
}
