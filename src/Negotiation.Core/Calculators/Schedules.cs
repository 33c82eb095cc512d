using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>
/// Repayment schedules, exact to the minor unit: equal instalment (等额本息), equal principal (等额本金)
/// and fee instalment (principal / n plus a monthly fee on the original principal).
/// </summary>
/// <remarks>
/// <para>Conventions (they reproduce Apache Fineract's published schedules to the cent): the monthly
/// rate is the annual rate / 12; each month's interest is the balance × the monthly rate, rounded to
/// <c>decimals</c> places with the stated <see cref="MidpointRounding"/>; the equal-instalment payment is
/// P·r / (1 − (1 + r)^−n), rounded the same way; the last instalment repays whatever principal is left
/// (it absorbs the rounding residue), so the principal parts add up to the principal exactly and the
/// balance ends at 0. Instalment k falls due on <c>start.PlusMonths(k)</c>, never on a chained date.</para>
/// <para>Payments (equal instalment) and principal parts (equal principal, fee instalment) are equal in every
/// month but the last, except in one degenerate case: when rounding the level amount up repays the
/// principal before the last month (a principal smaller than months² / 200 minor units, or a tiny principal
/// over a long term at a high rate, where the rounding compounds), the balance stops at 0 and the remaining
/// instalments repay no principal. The balance never goes negative.</para>
/// <para>Every figure equals the one computed in <see cref="decimal"/> arithmetic. For speed, a figure is
/// first computed in <see cref="double"/> and kept only when its distance from the nearest rounding midpoint
/// exceeds a margin several times larger than its worst-case error; otherwise it is recomputed in
/// <see cref="decimal"/>. Balances are whole minor units in 64-bit integers. Principals above 10^15 minor
/// units, and midpoint rules other than AwayFromZero and ToEven, use decimal throughout. Pure and
/// thread-safe.</para>
/// </remarks>
public static class Schedules
{
    /// <summary>The most instalments a schedule may have (100 years of months).</summary>
    public const int MaxMonths = 1200;

    /// <summary>The highest annual rate accepted, as a fraction (100 is 10 000 % a year).</summary>
    public const decimal MaxAnnualRate = 100m;

    // Principals up to this many minor units run on exact 64-bit integers; larger ones in decimal only.
    private const long MaxFastUnits = 1_000_000_000_000_000;

    private static readonly decimal[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000];

    private static readonly double[] DoublePowersOfTen = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

    // Below this many units a double holds principal × 10^decimals to within 0.1 (its ulp is 1/64 here).
    private const double MaxFastDoubleUnits = 1e14;

    // The largest amount, per number of decimals, that still fits the fast path's integer units.
    private static readonly decimal[] MaxFastAmount = PowersOfTen.Select(p => MaxFastUnits / p).ToArray();

    /// <summary>Gets the equal-instalment (等额本息) monthly payment, rounded to the minor unit.</summary>
    /// <param name="principal">The amount borrowed; 0 or more, with at most <paramref name="decimals"/> places.</param>
    /// <param name="annualRate">The annual rate as a fraction (0.07 is 7 %), 0 to 100; the monthly rate is a twelfth of it.</param>
    /// <param name="months">The number of instalments, 1 to 1200.</param>
    /// <param name="decimals">Decimal places of the currency's minor unit, 0 to 10; 2 by default.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>P·r / (1 − (1 + r)^−n) rounded (P / n when the rate is 0). The last instalment of a schedule may differ from it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (the message names it and the range).</exception>
    public static decimal InstalmentAmount(decimal principal, decimal annualRate, int months, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        // Hot path: ordinary arguments are recognised with integer and sign tests only; anything unusual
        // (and every bad argument) takes the fully checked path below.
        if (decimals is >= 0 and <= Guard.MaxDecimals && months is >= 1 and <= MaxMonths && principal.Scale <= decimals
            && !decimal.IsNegative(principal) && !decimal.IsNegative(annualRate) && IsMidpointRule(rounding))
        {
            var annual = (double)annualRate;

            // principal has at most `decimals` places, so principal × 10^decimals is a whole number, and below
            // 1e14 the double product is within 0.1 of it: rounding recovers it exactly.
            var units = Math.Round((double)principal * DoublePowersOfTen[decimals]);
            if (annual < (double)MaxAnnualRate && units < MaxFastDoubleUnits)
            {
                if (TryInstalmentUnits((long)units, annual, months, rounding, out var payment))
                {
                    return FromUnits(payment, decimals);
                }
            }
        }

        return InstalmentAmountChecked(principal, annualRate, months, decimals, rounding);
    }

    private static decimal InstalmentAmountChecked(decimal principal, decimal annualRate, int months, int decimals, MidpointRounding rounding)
    {
        CheckTerms(principal, annualRate, months, 0, decimals, rounding);
        var units = ToUnits(principal, decimals);
        if (units <= MaxFastUnits && IsMidpointRule(rounding) && TryInstalmentUnits(units, (double)annualRate, months, rounding, out var payment))
        {
            return FromUnits(payment, decimals);
        }

        return decimal.Round(InstalmentAmountInDecimal(principal, annualRate / 12, months), decimals, rounding);
    }

    private static bool TryInstalmentUnits(long units, double annualRate, int months, MidpointRounding rounding, out long payment)
    {
        if (annualRate == 0)
        {
            payment = DivideRounded(units, months, rounding);
            return true;
        }

        // annualRate / 12 in double is within an ulp of the decimal twelfth: well inside the margin.
        var r = annualRate / 12;
        var discount = PowerOf(1 / (1 + r), months);
        var exact = units * r / (1 - discount);

        // v = (1 + r)^−n carries about 2n roundings of 1.1e-16 each; 1 − v magnifies that by v / (1 − v)
        // when v nears 1 (a low rate or a short term). The margin is several times that bound.
        return TryRound(exact, 1e-12 + ((months + 64) * 1e-15 / (1 - discount)), out payment);
    }

    /// <summary>Builds an equal-instalment (等额本息) schedule: the same payment every month but the last.</summary>
    /// <param name="principal">The amount borrowed; 0 or more, with at most <paramref name="decimals"/> places.</param>
    /// <param name="annualRate">The annual rate as a fraction, 0 to 100; the monthly rate is a twelfth of it.</param>
    /// <param name="months">The number of instalments, 1 to 1200.</param>
    /// <param name="start">The day the plan starts (instalment k falls due on <c>start.PlusMonths(k)</c>), or null for no dates.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10; 2 by default.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Schedule EqualInstalment(decimal principal, decimal annualRate, int months, LocalDate? start = null, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding) =>
        Build(ScheduleMethod.EqualInstalment, principal, annualRate, months, 0, start, decimals, rounding);

    /// <summary>Builds an equal-principal (等额本金) schedule: the same principal every month but the last, interest on the balance.</summary>
    /// <param name="principal">The amount borrowed; 0 or more, with at most <paramref name="decimals"/> places.</param>
    /// <param name="annualRate">The annual rate as a fraction, 0 to 100.</param>
    /// <param name="months">The number of instalments, 1 to 1200.</param>
    /// <param name="start">The day the plan starts, or null for no dates.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Schedule EqualPrincipal(decimal principal, decimal annualRate, int months, LocalDate? start = null, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding) =>
        Build(ScheduleMethod.EqualPrincipal, principal, annualRate, months, 0, start, decimals, rounding);

    /// <summary>
    /// Builds a fee-instalment schedule, as card and consumer-finance instalment plans charge: principal / n
    /// each month plus a fee of <paramref name="monthlyFeeRate"/> × the original principal, every month.
    /// </summary>
    /// <param name="principal">The amount put into the plan; 0 or more, with at most <paramref name="decimals"/> places.</param>
    /// <param name="monthlyFeeRate">The monthly fee as a fraction of the original principal (0.006 is 0.6 % a month), 0 to 1.</param>
    /// <param name="months">The number of instalments, 1 to 1200.</param>
    /// <param name="start">The day the plan starts, or null for no dates.</param>
    /// <param name="annualRate">Interest on the declining balance, as for equal principal; usually 0 for fee plans.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The schedule. Its <see cref="Schedule.AnnualisedRate"/> shows the real cost: 0.6 % a month over 12 months is about 13 % a year nominal.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Schedule FeeInstalment(decimal principal, decimal monthlyFeeRate, int months, LocalDate? start = null, decimal annualRate = 0, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding) =>
        Build(ScheduleMethod.FeeInstalment, principal, annualRate, months, monthlyFeeRate, start, decimals, rounding);

    /// <summary>Builds a schedule by the given method.</summary>
    /// <param name="method">How the debt is split.</param>
    /// <param name="principal">The amount borrowed; 0 or more, with at most <paramref name="decimals"/> places.</param>
    /// <param name="annualRate">The annual rate as a fraction, 0 to 100; the monthly rate is a twelfth of it.</param>
    /// <param name="months">The number of instalments, 1 to 1200.</param>
    /// <param name="monthlyFeeRate">The monthly fee on the original principal, 0 to 1; only <see cref="ScheduleMethod.FeeInstalment"/> may have one.</param>
    /// <param name="start">The day the plan starts (instalment k falls due on <c>start.PlusMonths(k)</c>), or null for no dates.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10; 2 by default.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or a fee is given for a method without fees.</exception>
    public static Schedule Build(ScheduleMethod method, decimal principal, decimal annualRate, int months, decimal monthlyFeeRate = 0, LocalDate? start = null, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        Guard.Defined(method, nameof(method));
        CheckTerms(principal, annualRate, months, monthlyFeeRate, decimals, rounding);
        if (method != ScheduleMethod.FeeInstalment && monthlyFeeRate != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyFeeRate), monthlyFeeRate, "Value should be 0 unless the method is FeeInstalment.");
        }

        var units = ToUnits(principal, decimals);
        if (units <= MaxFastUnits && IsMidpointRule(rounding))
        {
            // The totals are summed in whole units: the same decimals, bit for bit, as adding the instalments' figures.
            var instalments = BuildInUnits(method, units, annualRate, months, monthlyFeeRate, start, decimals, rounding, keepRows: true, out var payments, out var interest, out var fees);
            return new Schedule(method, principal, annualRate, monthlyFeeRate, start, instalments!, FromUnits(payments, decimals), FromUnits(interest, decimals), FromUnits(fees, decimals));
        }

        return new Schedule(method, principal, annualRate, monthlyFeeRate, start, BuildInDecimal(method, principal, annualRate, months, monthlyFeeRate, start, decimals, rounding));
    }

    /// <summary>
    /// The rows of <see cref="EqualInstalment"/>'s schedule in an array the caller owns (to amend in place), the arguments
    /// checked as <see cref="Build"/> checks them.
    /// </summary>
    internal static Instalment[] EqualInstalmentRows(decimal principal, decimal annualRate, int months, LocalDate start, int decimals)
    {
        CheckTerms(principal, annualRate, months, 0, decimals, Money.DefaultRounding);
        var units = ToUnits(principal, decimals);
        return units <= MaxFastUnits
            ? BuildInUnits(ScheduleMethod.EqualInstalment, units, annualRate, months, 0, start, decimals, Money.DefaultRounding, keepRows: true, out _, out _, out _)!
            : BuildInDecimal(ScheduleMethod.EqualInstalment, principal, annualRate, months, 0, start, decimals, Money.DefaultRounding);
    }

    /// <summary>
    /// The total interest of <see cref="EqualInstalment"/>'s schedule, the same decimal bit for bit, without keeping its rows
    /// (for a comparison that reads only the total). The arguments are checked as <see cref="Build"/> checks them.
    /// </summary>
    internal static decimal EqualInstalmentInterest(decimal principal, decimal annualRate, int months, int decimals)
    {
        CheckTerms(principal, annualRate, months, 0, decimals, Money.DefaultRounding);
        var units = ToUnits(principal, decimals);
        if (units > MaxFastUnits)
        {
            return EqualInstalment(principal, annualRate, months, decimals: decimals).TotalInterest;
        }

        BuildInUnits(ScheduleMethod.EqualInstalment, units, annualRate, months, 0, null, decimals, Money.DefaultRounding, keepRows: false, out _, out var interest, out _);
        return FromUnits(interest, decimals);
    }

    /// <summary>The same schedule computed in <see cref="decimal"/> only: the reference the fast path must equal.</summary>
    internal static Instalment[] BuildInDecimal(ScheduleMethod method, decimal principal, decimal annualRate, int months, decimal monthlyFeeRate, LocalDate? start, int decimals, MidpointRounding rounding)
    {
        var monthlyRate = annualRate / 12;
        var level = method switch
        {
            ScheduleMethod.EqualInstalment => decimal.Round(InstalmentAmountInDecimal(principal, monthlyRate, months), decimals, rounding),
            _ => decimal.Round(principal / months, decimals, rounding),
        };
        var fee = decimal.Round(principal * monthlyFeeRate, decimals, rounding);
        var result = new Instalment[months];
        var balance = principal;
        for (var k = 1; k <= months; k++)
        {
            var interest = decimal.Round(balance * monthlyRate, decimals, rounding);
            var part = method == ScheduleMethod.EqualInstalment ? level - interest : level;
            part = k == months ? balance : Math.Clamp(part, 0, balance);
            balance -= part;
            result[k - 1] = new Instalment(k, start?.PlusMonths(k), part + interest + fee, part, interest, fee, balance);
        }

        return result;
    }

    // Balances in exact 64-bit minor units; interest and the level payment from double when safely away
    // from a rounding boundary, from decimal otherwise (see the class remarks). Without keepRows only the totals are kept.
    private static Instalment[]? BuildInUnits(
        ScheduleMethod method, long principalUnits, decimal annualRate, int months, decimal monthlyFeeRate, LocalDate? start, int decimals, MidpointRounding rounding,
        bool keepRows, out Int128 totalPayments, out Int128 totalInterest, out Int128 totalFees)
    {
        Int128 payments = 0, interests = 0;
        var monthlyRate = annualRate / 12;
        var rate = (double)monthlyRate;
        var principal = FromUnits(principalUnits, decimals);
        var level = method == ScheduleMethod.EqualInstalment
            ? ToUnits(InstalmentAmount(principal, annualRate, months, decimals, rounding), decimals)
            : DivideRounded(principalUnits, months, rounding);
        var feeUnits = monthlyFeeRate == 0 ? 0 : ToUnits(decimal.Round(principal * monthlyFeeRate, decimals, rounding), decimals);
        var fee = FromUnits(feeUnits, decimals);
        var result = keepRows ? new Instalment[months] : null;
        var balance = principalUnits;
        for (var k = 1; k <= months; k++)
        {
            var interest = rate == 0 ? 0 : InterestUnits(balance, monthlyRate, rate, rounding);
            var part = method == ScheduleMethod.EqualInstalment ? level - interest : level;
            part = k == months ? balance : Math.Clamp(part, 0, balance);
            balance -= part;
            payments += part + interest + feeUnits;
            interests += interest;
            if (result is null)
            {
                continue;
            }

            result[k - 1] = new Instalment(
                k,
                start?.PlusMonths(k),
                FromUnits(part + interest + feeUnits, decimals),
                FromUnits(part, decimals),
                FromUnits(interest, decimals),
                fee,
                FromUnits(balance, decimals));
        }

        (totalPayments, totalInterest, totalFees) = (payments, interests, (Int128)feeUnits * months);
        return result;
    }

    private static long InterestUnits(long balance, decimal monthlyRate, double rate, MidpointRounding rounding)
    {
        // balance × rate carries at most two roundings of 1.1e-16 each; 1e-14 leaves a wide margin.
        if (TryRound(balance * rate, 1e-14, out var rounded))
        {
            return rounded;
        }

        return (long)decimal.Round(balance * monthlyRate, 0, rounding);
    }

    // Rounds a non-negative value to a whole unit when the nearest midpoint is farther away than its
    // possible error; the midpoint rule then does not matter.
    private static bool TryRound(double value, double relativeError, out long rounded)
    {
        rounded = 0;
        if (!(value >= 0 && value < 1e15))
        {
            return false;
        }

        var floor = Math.Floor(value);
        var fraction = value - floor;
        if (Math.Abs(fraction - 0.5) <= (value * relativeError) + 1e-9)
        {
            return false;
        }

        rounded = (long)floor + (fraction > 0.5 ? 1 : 0);
        return true;
    }

    // units / months rounded to a whole unit, in integers: a midpoint is exactly 2 × remainder = months.
    private static long DivideRounded(long units, int months, MidpointRounding rounding)
    {
        var quotient = Math.DivRem(units, months, out var remainder);
        var twice = remainder * 2;
        var up = twice > months || (twice == months && (rounding == MidpointRounding.AwayFromZero || (quotient & 1) == 1));
        return quotient + (up ? 1 : 0);
    }

    internal static decimal InstalmentAmountInDecimal(decimal principal, decimal monthlyRate, int months)
    {
        if (monthlyRate == 0)
        {
            return principal / months;
        }

        // (1 + r)^−n, which only shrinks, so that long terms at high rates cannot overflow.
        var discount = PowerOf(1 / (1 + monthlyRate), months);
        return principal * monthlyRate / (1 - discount);
    }

    private static double PowerOf(double x, int n)
    {
        var result = 1.0;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            x *= x;
            n >>= 1;
        }

        return result;
    }

    private static decimal PowerOf(decimal x, int n)
    {
        var result = 1m;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            n >>= 1;
            if (n > 0)
            {
                x *= x;
            }
        }

        return result;
    }

    private static bool IsMidpointRule(MidpointRounding rounding) => rounding is MidpointRounding.AwayFromZero or MidpointRounding.ToEven;

    // long.MaxValue stands for "too large for the fast path".
    private static long ToUnits(decimal amount, int decimals) =>
        amount <= MaxFastAmount[decimals] ? (long)(amount * PowersOfTen[decimals]) : long.MaxValue;

    // Builds the decimal from its integer and scale directly: no division, no rounding. units >= 0.
    private static decimal FromUnits(long units, int decimals) =>
        new(unchecked((int)units), unchecked((int)(units >> 32)), 0, false, (byte)decimals);

    // The same for a sum of at most 1200 amounts in units, which stays far below 2^96. units >= 0.
    private static decimal FromUnits(Int128 units, int decimals) =>
        new(unchecked((int)(ulong)units), unchecked((int)(ulong)(units >> 32)), unchecked((int)(ulong)(units >> 64)), false, (byte)decimals);

    internal static void CheckTerms(decimal principal, decimal annualRate, int months, decimal monthlyFeeRate, int decimals, MidpointRounding rounding)
    {
        Guard.Decimals(decimals);
        Guard.Rounding(rounding);
        Guard.NonNegative(principal, nameof(principal));
        Guard.WholeMinorUnits(principal, decimals, nameof(principal));
        Guard.InRange(annualRate, 0m, MaxAnnualRate, nameof(annualRate));
        Guard.InRange(months, 1, MaxMonths, nameof(months));
        Guard.InRange(monthlyFeeRate, 0m, 1m, nameof(monthlyFeeRate));
    }
}
