using System.Buffers;
using System.Globalization;
using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>
/// The rate of return of a series of cash flows (an IRR or an XIRR), stated three ways: per month,
/// nominal a year (the monthly rate × 12, as simple-rate disclosures show it) and effective a year
/// (compounded: (1 + monthly)^12 − 1, as the PBoC's IRR method gives it).
/// </summary>
/// <remarks>
/// When the search did not converge, <see cref="Converged"/> is false and every rate is 0: check it
/// before using a rate. No member is ever NaN or an infinity. Immutable and thread-safe.
/// </remarks>
public readonly record struct RateOfReturn
{
    private RateOfReturn(bool converged, double monthlyRate, double effective, int iterations)
    {
        Converged = converged;
        MonthlyRate = monthlyRate;
        Effective = effective;
        Iterations = iterations;
    }

    /// <summary>Gets whether a rate was found. When false, every rate is 0.</summary>
    public bool Converged { get; }

    /// <summary>Gets the rate per month as a fraction (0.010862 is 1.0862 % a month).</summary>
    public double MonthlyRate { get; }

    /// <summary>Gets the nominal annual rate: <see cref="MonthlyRate"/> × 12, not compounded.</summary>
    public double Nominal => MonthlyRate * 12;

    /// <summary>Gets the effective annual rate: (1 + <see cref="MonthlyRate"/>)^12 − 1, compounded monthly.</summary>
    public double Effective { get; }

    /// <summary>Gets how many times the cash-flow equation was evaluated; useful only for diagnostics.</summary>
    public int Iterations { get; }

    /// <summary>Gets the result of a search that found no rate.</summary>
    /// <param name="iterations">How many evaluations were spent.</param>
    internal static RateOfReturn NotFound(int iterations) => new(false, 0, 0, iterations);

    internal static RateOfReturn FromMonthly(double monthly, int iterations)
    {
        var effective = Math.Pow(1 + monthly, 12) - 1;
        return double.IsFinite(monthly) && double.IsFinite(effective) ? new(true, monthly, effective, iterations) : NotFound(iterations);
    }

    internal static RateOfReturn FromEffective(double effective, int iterations)
    {
        var monthly = Math.Pow(1 + effective, 1.0 / 12) - 1;
        return double.IsFinite(monthly) && double.IsFinite(effective) ? new(true, monthly, effective, iterations) : NotFound(iterations);
    }

    /// <summary>Returns the rates labelled, e.g. "monthly 1.0862 %, nominal (×12) 13.0344 %, effective (compounded) 13.8580 %".</summary>
    public override string ToString() => Converged
        ? string.Create(CultureInfo.InvariantCulture, $"monthly {MonthlyRate * 100:0.0000} %, nominal (×12) {Nominal * 100:0.0000} %, effective (compounded) {Effective * 100:0.0000} %")
        : "not converged";
}

/// <summary>
/// Annualised rates of cash flows: the IRR of monthly flows and the XIRR of dated flows (Excel's
/// <c>IRR</c> and <c>XIRR</c>), each reported per month, nominal (× 12) and effective (compounded).
/// </summary>
/// <remarks>
/// <para>Both use Newton's method from the guess and fall back to a sign-change search with a
/// safeguarded Newton–bisection, so they converge on every ordinary loan (1–360 months, 0–5 % a month)
/// where <c>Microsoft.VisualBasic.Financial.IRR</c> throws. Where several rates solve the flows (they
/// change sign more than once) the guess chooses: Newton's method goes to a root near it, and the
/// fallback takes the sign change nearest it.</para>
/// <para>They never throw for ordinary input and never return NaN: flows without a rate (all of one
/// sign, fewer than two) give a result whose <see cref="RateOfReturn.Converged"/> is false. They work in
/// <see cref="double"/>: a rate is a measurement, not money. Pure, thread-safe, allocation-free for up to
/// 512 decimal flows.</para>
/// </remarks>
public static class AnnualisedRate
{
    // Sign-change search points, as rates per period; IRR searches x = 1/(1+r), XIRR y = ln(1+r).
    private static readonly double[] SearchRates =
        [-0.999, -0.99, -0.95, -0.9, -0.8, -0.6, -0.4, -0.3, -0.2, -0.1, -0.05, -0.02, -0.01, 0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1000];

    private static readonly double[] IrrGrid = SearchRates.Select(r => 1 / (1 + r)).Reverse().ToArray();
    private static readonly double[] XirrGrid = SearchRates.Select(r => Math.Log(1 + r)).ToArray();

    /// <summary>Gets the internal rate of return of monthly cash flows (Excel <c>IRR</c>).</summary>
    /// <param name="monthlyFlows">The flows, one a month, the first at month 0: e.g. −principal, then each payment.</param>
    /// <param name="guess">Where the search starts, as a monthly rate; Excel's default is 0.1. Greater than −1.</param>
    /// <returns>The monthly rate with its nominal and effective annual forms; not converged when the flows have no rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is −1 or less or not finite, or a flow is not finite.</exception>
    public static RateOfReturn Irr(ReadOnlySpan<double> monthlyFlows, double guess = 0.1)
    {
        CheckGuess(guess);
        foreach (var flow in monthlyFlows)
        {
            Guard.Finite(flow, nameof(monthlyFlows));
        }

        if (!HasBothSigns(monthlyFlows))
        {
            return RateOfReturn.NotFound(0);
        }

        var equation = new PeriodicEquation(monthlyFlows);
        return RootFinder.Solve(ref equation, 1 / (1 + guess), 0, IrrGrid, out var x, out var iterations) && x > 0
            ? RateOfReturn.FromMonthly((1 / x) - 1, iterations)
            : RateOfReturn.NotFound(iterations);
    }

    /// <summary>Gets the internal rate of return of monthly cash flows given in <see cref="decimal"/> money.</summary>
    /// <param name="monthlyFlows">The flows, one a month, the first at month 0.</param>
    /// <param name="guess">Where the search starts, as a monthly rate; greater than −1.</param>
    /// <returns>The monthly rate with its nominal and effective annual forms; not converged when the flows have no rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is −1 or less or not finite.</exception>
    public static RateOfReturn Irr(ReadOnlySpan<decimal> monthlyFlows, double guess = 0.1)
    {
        double[]? rented = null;
        var flows = monthlyFlows.Length <= 512 ? stackalloc double[monthlyFlows.Length] : (rented = ArrayPool<double>.Shared.Rent(monthlyFlows.Length)).AsSpan(0, monthlyFlows.Length);
        try
        {
            for (var i = 0; i < monthlyFlows.Length; i++)
            {
                flows[i] = (double)monthlyFlows[i];
            }

            return Irr(flows, guess);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Gets the annual rate of return of dated cash flows (Excel <c>XIRR</c>: actual days / 365, compounded).</summary>
    /// <param name="amounts">The flows, e.g. −principal on the day it was lent, then each payment.</param>
    /// <param name="dates">The day of each flow; none before the first. Same length as <paramref name="amounts"/>.</param>
    /// <param name="guess">Where the search starts, as an annual rate; Excel's default is 0.1. Greater than −1.</param>
    /// <returns>
    /// The rate: <see cref="RateOfReturn.Effective"/> is Excel's XIRR, <see cref="RateOfReturn.MonthlyRate"/>
    /// its monthly equivalent ((1 + XIRR)^(1/12) − 1) and <see cref="RateOfReturn.Nominal"/> that × 12.
    /// Not converged when the flows have no rate.
    /// </returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a date is before the first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is −1 or less or not finite, or an amount is not finite.</exception>
    public static RateOfReturn Xirr(ReadOnlySpan<double> amounts, ReadOnlySpan<LocalDate> dates, double guess = 0.1)
    {
        CheckGuess(guess);
        if (amounts.Length != dates.Length)
        {
            throw new ArgumentException($"amounts and dates should have the same length; they have {amounts.Length} and {dates.Length}.", nameof(dates));
        }

        foreach (var amount in amounts)
        {
            Guard.Finite(amount, nameof(amounts));
        }

        if (!HasBothSigns(amounts))
        {
            return RateOfReturn.NotFound(0);
        }

        double[]? rented = null;
        var years = amounts.Length <= 512 ? stackalloc double[amounts.Length] : (rented = ArrayPool<double>.Shared.Rent(amounts.Length)).AsSpan(0, amounts.Length);
        try
        {
            var first = dates[0];
            for (var i = 0; i < dates.Length; i++)
            {
                var days = Period.DaysBetween(first, dates[i]);
                if (days < 0)
                {
                    throw new ArgumentException($"dates[{i}] ({dates[i]:yyyy-MM-dd}) is before the first date ({first:yyyy-MM-dd}).", nameof(dates));
                }

                years[i] = days / 365.0;
            }

            var equation = new DatedEquation(amounts, years);
            return RootFinder.Solve(ref equation, Math.Log(1 + guess), double.NegativeInfinity, XirrGrid, out var y, out var iterations)
                ? RateOfReturn.FromEffective(Math.Exp(y) - 1, iterations)
                : RateOfReturn.NotFound(iterations);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Gets the annual rate of return of dated cash flows given in <see cref="decimal"/> money (Excel <c>XIRR</c>).</summary>
    /// <param name="amounts">The flows.</param>
    /// <param name="dates">The day of each flow; none before the first.</param>
    /// <param name="guess">Where the search starts, as an annual rate; greater than −1.</param>
    /// <returns>The rate, as for the <see cref="double"/> overload.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a date is before the first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is −1 or less or not finite.</exception>
    public static RateOfReturn Xirr(ReadOnlySpan<decimal> amounts, ReadOnlySpan<LocalDate> dates, double guess = 0.1)
    {
        double[]? rented = null;
        var flows = amounts.Length <= 512 ? stackalloc double[amounts.Length] : (rented = ArrayPool<double>.Shared.Rent(amounts.Length)).AsSpan(0, amounts.Length);
        try
        {
            for (var i = 0; i < amounts.Length; i++)
            {
                flows[i] = (double)amounts[i];
            }

            return Xirr(flows, dates, guess);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private static void CheckGuess(double guess)
    {
        if (!double.IsFinite(guess) || guess <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(guess), guess, "Value should be a finite rate greater than -1.");
        }
    }

    private static bool HasBothSigns(ReadOnlySpan<double> flows)
    {
        bool positive = false, negative = false;
        foreach (var flow in flows)
        {
            positive |= flow > 0;
            negative |= flow < 0;
        }

        return positive && negative;
    }

    // Σ c_k·x^k with x = 1/(1+r): a polynomial, evaluated with its derivative by Horner's rule.
    private readonly ref struct PeriodicEquation(ReadOnlySpan<double> flows) : IRootEquation
    {
        private readonly ReadOnlySpan<double> flows = flows;

        public bool Evaluate(double x, out double value, out double slope)
        {
            var f = flows;
            double p = f[^1], dp = 0;
            // Fused multiply-adds: one rounding per step instead of two, and half the latency of the chain.
            for (var k = f.Length - 2; k >= 0; k--)
            {
                dp = Math.FusedMultiplyAdd(dp, x, p);
                p = Math.FusedMultiplyAdd(p, x, f[k]);
            }

            (value, slope) = (p, dp);
            return double.IsFinite(p) && double.IsFinite(dp);
        }
    }

    // Σ a_i·e^(−t_i·y) with y = ln(1+r), t_i in years of 365 days: defined for every y, no domain edge.
    private readonly ref struct DatedEquation(ReadOnlySpan<double> amounts, ReadOnlySpan<double> years) : IRootEquation
    {
        private readonly ReadOnlySpan<double> amounts = amounts;
        private readonly ReadOnlySpan<double> years = years;

        public bool Evaluate(double y, out double value, out double slope)
        {
            double f = 0, df = 0;
            var a = amounts;
            var t = years;
            for (var i = 0; i < a.Length; i++)
            {
                var term = a[i] * Math.Exp(-t[i] * y);
                f += term;
                df -= t[i] * term;
            }

            (value, slope) = (f, df);
            return double.IsFinite(f) && double.IsFinite(df);
        }
    }
}
