using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>What moving a due date costs, split into contract interest and penalty interest.</summary>
/// <param name="Days">The days added to the term.</param>
/// <param name="ContractInterest">Contract interest over the added days: principal × annual rate / days in the year × days.</param>
/// <param name="PenaltyInterest">Penalty interest over the same days, if the lender keeps charging it: principal × penalty daily rate × days.</param>
public sealed record ExtensionCost(int Days, decimal ContractInterest, decimal PenaltyInterest)
{
    /// <summary>Gets the cost when the extension is granted and penalty interest stops: contract interest only.</summary>
    public decimal WithoutPenalty => ContractInterest;

    /// <summary>Gets the cost when penalty interest keeps running on top of contract interest.</summary>
    public decimal WithPenalty => ContractInterest + PenaltyInterest;
}

/// <summary>Extensions (展期): moving a due date, and what the added days cost.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class Extension
{
    /// <summary>The longest extension accepted, in days (10 years).</summary>
    public const int MaxDays = 3660;

    /// <summary>Gets the due date moved by a number of days.</summary>
    /// <param name="dueDate">The current due date.</param>
    /// <param name="days">Days to add, 0 to 3660.</param>
    /// <returns>The new due date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside [0-3660].</exception>
    public static LocalDate ByDays(LocalDate dueDate, int days)
    {
        Guard.InRange(days, 0, MaxDays, nameof(days));
        return dueDate.PlusDays(days);
    }

    /// <summary>Gets the due date moved by a number of months (<c>PlusMonths</c>: 01-31 plus one month is 02-28 or 02-29).</summary>
    /// <param name="dueDate">The current due date.</param>
    /// <param name="months">Months to add, 0 to 120.</param>
    /// <returns>The new due date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is outside [0-120].</exception>
    public static LocalDate ByMonths(LocalDate dueDate, int months)
    {
        Guard.InRange(months, 0, 120, nameof(months));
        return dueDate.PlusMonths(months);
    }

    /// <summary>Gets what an extension of <paramref name="days"/> days costs on a principal.</summary>
    /// <param name="principal">The principal that keeps accruing; 0 or more.</param>
    /// <param name="annualRate">The contract annual rate as a fraction, 0 to 100.</param>
    /// <param name="days">The days added, 0 to 3660.</param>
    /// <param name="penaltyDailyRate">The penalty daily rate as a fraction (0 to 0.1), or null when there is none.</param>
    /// <param name="basis">The day count for the annual rate; Actual/365 by default.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The cost with and without penalty interest. Neither ever falls as <paramref name="days"/> grows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static ExtensionCost Cost(decimal principal, decimal annualRate, int days, decimal? penaltyDailyRate = null, DayCount basis = DayCount.Actual365, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        Guard.InRange(annualRate, 0m, Schedules.MaxAnnualRate, nameof(annualRate));
        Guard.InRange(days, 0, MaxDays, nameof(days));
        var contract = Charges.SimpleInterest(principal, DayCounts.DailyRate(annualRate, basis), days, decimals, rounding);
        var penalty = penaltyDailyRate is { } daily ? Charges.SimpleInterest(principal, daily, days, decimals, rounding) : 0m;
        return new ExtensionCost(days, contract, penalty);
    }

    /// <summary>Gets what moving a due date to a later one costs on a principal (the days between them).</summary>
    /// <param name="principal">The principal that keeps accruing; 0 or more.</param>
    /// <param name="annualRate">The contract annual rate as a fraction, 0 to 100.</param>
    /// <param name="dueDate">The current due date.</param>
    /// <param name="newDueDate">The new due date, on or after <paramref name="dueDate"/> and at most 3660 days later.</param>
    /// <param name="penaltyDailyRate">The penalty daily rate as a fraction, or null when there is none.</param>
    /// <param name="basis">The day count for the annual rate; Actual/365 by default.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The cost with and without penalty interest.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or the new due date is earlier.</exception>
    public static ExtensionCost Cost(decimal principal, decimal annualRate, LocalDate dueDate, LocalDate newDueDate, decimal? penaltyDailyRate = null, DayCount basis = DayCount.Actual365, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        var days = Period.DaysBetween(dueDate, newDueDate);
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(newDueDate), newDueDate, "Value should be on or after dueDate.");
        }

        return Cost(principal, annualRate, days, penaltyDailyRate, basis, decimals, rounding);
    }
}
