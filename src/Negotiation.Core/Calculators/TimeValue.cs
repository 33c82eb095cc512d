namespace Negotiation.Core.Calculators;

/// <summary>When in each period a payment is made (Excel's <c>type</c> argument).</summary>
public enum PaymentTiming
{
    /// <summary>At the end of each period (Excel type 0; loans and instalment plans).</summary>
    EndOfPeriod = 0,

    /// <summary>At the beginning of each period (Excel type 1; rents, leases).</summary>
    BeginningOfPeriod = 1,
}

/// <summary>
/// Excel-compatible time-value-of-money functions: <c>PMT</c>, <c>IPMT</c>, <c>PPMT</c>, <c>NPER</c>,
/// <c>RATE</c>, <c>FV</c> and <c>PV</c>, with Excel's argument order and sign convention (money paid
/// out is negative, money received positive).
/// </summary>
/// <remarks>
/// <para>These work in <see cref="double"/>, like Excel, because they accept fractional periods and
/// negative rates, where powers are irrational; they agree with Excel 2010 to 1e-6 on the
/// ExcelFinancialFunctions test vectors. For money that must add up to the cent use
/// <see cref="Schedules"/>, which is exact in <see cref="decimal"/>.</para>
/// <para>No function returns NaN or an infinity: where Excel shows <c>#NUM!</c> or <c>#DIV/0!</c> these
/// throw <see cref="ArgumentException"/>. Pure and thread-safe.</para>
/// </remarks>
public static class TimeValue
{
    /// <summary>Gets the payment per period of a loan or annuity (Excel <c>PMT</c>).</summary>
    /// <param name="rate">The interest rate per period (0.01 is 1 % a period).</param>
    /// <param name="nper">The number of periods; not 0.</param>
    /// <param name="pv">The present value (the loan amount, positive when received).</param>
    /// <param name="fv">The value left after the last payment; 0 for a loan paid off.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <returns>The payment per period, negative when <paramref name="pv"/> is positive.</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or no finite payment exists (e.g. <paramref name="nper"/> is 0).</exception>
    public static double Pmt(double rate, double nper, double pv, double fv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckFinite(rate, nper, pv, fv);
        return Result(PmtCore(rate, nper, pv, fv, timing), "PMT");
    }

    /// <summary>Gets the interest part of payment number <paramref name="per"/> (Excel <c>IPMT</c>).</summary>
    /// <param name="rate">The interest rate per period.</param>
    /// <param name="per">The period, from 1 to <paramref name="nper"/>.</param>
    /// <param name="nper">The number of periods.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value left after the last payment.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <returns>The interest part of that payment (negative for a borrower who pays).</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or no finite value exists.</exception>
    public static double IPmt(double rate, double per, double nper, double pv, double fv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckFinite(rate, nper, pv, fv);
        Guard.Finite(per, nameof(per));
        return Result(IPmtCore(rate, per, nper, pv, fv, timing), "IPMT");
    }

    /// <summary>Gets the principal part of payment number <paramref name="per"/> (Excel <c>PPMT</c>): PMT − IPMT.</summary>
    /// <param name="rate">The interest rate per period.</param>
    /// <param name="per">The period, from 1 to <paramref name="nper"/>.</param>
    /// <param name="nper">The number of periods.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value left after the last payment.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <returns>The principal part of that payment.</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or no finite value exists.</exception>
    public static double PPmt(double rate, double per, double nper, double pv, double fv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckFinite(rate, nper, pv, fv);
        Guard.Finite(per, nameof(per));
        return Result(PmtCore(rate, nper, pv, fv, timing) - IPmtCore(rate, per, nper, pv, fv, timing), "PPMT");
    }

    /// <summary>Gets the future value of a loan or an investment (Excel <c>FV</c>).</summary>
    /// <param name="rate">The interest rate per period.</param>
    /// <param name="nper">The number of periods.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <returns>The value after <paramref name="nper"/> periods.</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or no finite value exists.</exception>
    public static double Fv(double rate, double nper, double pmt, double pv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckFinite(rate, nper, pmt, pv);
        if (rate == 0)
        {
            return Result(-(pv + (pmt * nper)), "FV");
        }

        var growth = Math.Pow(1 + rate, nper);
        return Result(-((pv * growth) + (pmt * (1 + (rate * (int)timing)) * (growth - 1) / rate)), "FV");
    }

    /// <summary>Gets the present value of a series of payments (Excel <c>PV</c>).</summary>
    /// <param name="rate">The interest rate per period.</param>
    /// <param name="nper">The number of periods.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="fv">The value left after the last payment.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <returns>The present value.</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or no finite value exists.</exception>
    public static double Pv(double rate, double nper, double pmt, double fv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckFinite(rate, nper, pmt, fv);
        if (rate == 0)
        {
            return Result(-(fv + (pmt * nper)), "PV");
        }

        var growth = Math.Pow(1 + rate, nper);
        return Result(-(fv + (pmt * (1 + (rate * (int)timing)) * (growth - 1) / rate)) / growth, "PV");
    }

    /// <summary>Gets the number of periods needed to go from <paramref name="pv"/> to <paramref name="fv"/> (Excel <c>NPER</c>).</summary>
    /// <param name="rate">The interest rate per period.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value to reach.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <returns>The number of periods, possibly fractional or negative as in Excel.</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or the target is never reached (Excel <c>#NUM!</c>).</exception>
    public static double Nper(double rate, double pmt, double pv, double fv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckFinite(rate, pmt, pv, fv);
        if (rate == 0)
        {
            return Result(-(pv + fv) / pmt, "NPER");
        }

        var adjusted = pmt * (1 + (rate * (int)timing));
        return Result(Math.Log(((adjusted - (fv * rate)) / (adjusted + (pv * rate)))) / Math.Log(1 + rate), "NPER");
    }

    /// <summary>Gets the interest rate per period of an annuity (Excel <c>RATE</c>), found by Newton's method from <paramref name="guess"/>.</summary>
    /// <param name="nper">The number of periods.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value left after the last payment.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <param name="guess">Where the search starts; Excel's default is 0.1.</param>
    /// <returns>The rate per period.</returns>
    /// <exception cref="ArgumentException">An argument is not finite, or no rate was found (Excel <c>#NUM!</c>); see <see cref="TryRate"/> to avoid it.</exception>
    public static double Rate(double nper, double pmt, double pv, double fv = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod, double guess = 0.1)
    {
        CheckFinite(nper, pmt, pv, fv);
        Guard.Finite(guess, nameof(guess));
        return TryRate(nper, pmt, pv, fv, timing, guess, out var rate)
            ? rate
            : throw new ArgumentException("RATE found no rate for these arguments (Excel shows #NUM!).");
    }

    /// <summary>Tries to find the interest rate per period of an annuity (Excel <c>RATE</c>) without throwing.</summary>
    /// <param name="nper">The number of periods.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value left after the last payment.</param>
    /// <param name="timing">Whether payments are made at the end or the beginning of each period.</param>
    /// <param name="guess">Where the search starts; Excel's default is 0.1.</param>
    /// <param name="rate">The rate found, or 0 when none was found.</param>
    /// <returns>Whether a rate was found.</returns>
    public static bool TryRate(double nper, double pmt, double pv, double fv, PaymentTiming timing, double guess, out double rate)
    {
        rate = 0;
        if (!double.IsFinite(nper) || !double.IsFinite(pmt) || !double.IsFinite(pv) || !double.IsFinite(fv) || !double.IsFinite(guess))
        {
            return false;
        }

        var r = guess;
        for (var i = 0; i < 200; i++)
        {
            var f = RateEquation(r, nper, pmt, pv, fv, timing);
            var h = 1e-7 * Math.Max(1, Math.Abs(r));
            var slope = (RateEquation(r + h, nper, pmt, pv, fv, timing) - RateEquation(r - h, nper, pmt, pv, fv, timing)) / (2 * h);
            if (!double.IsFinite(f) || !double.IsFinite(slope) || slope == 0)
            {
                return false;
            }

            var next = r - (f / slope);
            if (!double.IsFinite(next))
            {
                return false;
            }

            // Rates at or below -100 % make (1 + r)^n meaningless; step half-way towards -1 instead.
            if (next <= -1)
            {
                next = (r - 1) / 2;
            }

            if (Math.Abs(next - r) <= 1e-12 * Math.Max(1, Math.Abs(next)))
            {
                rate = next;
                return true;
            }

            r = next;
        }

        return false;
    }

    // pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv, continuous through r = 0.
    private static double RateEquation(double r, double nper, double pmt, double pv, double fv, PaymentTiming timing)
    {
        if (r == 0)
        {
            return pv + (pmt * nper) + fv;
        }

        var logGrowth = nper * Math.Log(1 + r);
        var growth = Math.Exp(logGrowth);
        // Near r = 0, (growth − 1)/r loses its digits to cancellation; its series is n + n(n−1)r/2.
        var annuity = Math.Abs(r) < 1e-8 ? nper * (1 + ((nper - 1) * r / 2)) : (growth - 1) / r;
        return (pv * growth) + (pmt * (1 + (r * (int)timing)) * annuity) + fv;
    }

    internal static double PmtCore(double rate, double nper, double pv, double fv, PaymentTiming timing)
    {
        if (rate == 0)
        {
            return -(pv + fv) / nper;
        }

        var growth = Math.Pow(1 + rate, nper);
        return -((pv * growth) + fv) * rate / ((1 + (rate * (int)timing)) * (growth - 1));
    }

    private static double IPmtCore(double rate, double per, double nper, double pv, double fv, PaymentTiming timing)
    {
        if (per == 1 && timing == PaymentTiming.BeginningOfPeriod)
        {
            return 0;
        }

        // Interest on the balance left after per − 1 end-of-period payments; for payments in advance the
        // interest is one period's discount earlier.
        var growth = Math.Pow(1 + rate, per - 1);
        var pmt = PmtCore(rate, nper, pv, fv, PaymentTiming.EndOfPeriod);
        var interest = -((pv * growth * rate) + (pmt * (growth - 1)));
        return timing == PaymentTiming.EndOfPeriod ? interest : interest / (1 + rate);
    }

    private static void CheckFinite(double a, double b, double c, double d)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || !double.IsFinite(d))
        {
            throw new ArgumentException("Every argument should be a finite number.");
        }
    }

    private static double Result(double value, string function) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"{function} has no finite value for these arguments (Excel shows #NUM! or #DIV/0!).");
}
