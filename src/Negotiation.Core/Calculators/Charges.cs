using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>
/// Charges that run while a debt is overdue: penalty interest over a date range, the cost of waiting,
/// and how much of the debt is fees and penalties.
/// </summary>
/// <remarks>
/// Penalty interest is simple daily interest on the overdue <em>principal</em> only: the PBoC bars
/// interest on fees (银发〔2016〕111号), so no function here charges interest on fees or on interest.
/// Pure and thread-safe.
/// </remarks>
public static class Charges
{
    /// <summary>Gets the penalty interest on overdue principal from one day to another: principal × daily rate × days, rounded.</summary>
    /// <param name="overduePrincipal">The overdue principal; 0 or more.</param>
    /// <param name="dailyRate">The penalty rate per day as a fraction (0.0005 is 0.05 % a day); 0 to 0.1.</param>
    /// <param name="from">The first day that accrues (exclusive start: the due date itself does not).</param>
    /// <param name="to">The last day that accrues; no interest when it is on or before <paramref name="from"/>.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The interest, rounded once at the end (daily amounts are not rounded one by one).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static decimal PenaltyInterest(decimal overduePrincipal, decimal dailyRate, LocalDate from, LocalDate to, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding) =>
        SimpleInterest(overduePrincipal, dailyRate, Math.Max(0, Period.DaysBetween(from, to)), decimals, rounding);

    /// <summary>Gets simple interest: principal × daily rate × days, rounded once.</summary>
    /// <param name="principal">The principal; 0 or more.</param>
    /// <param name="dailyRate">The rate per day as a fraction; 0 to 0.1.</param>
    /// <param name="days">The number of days; 0 or more.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The interest.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static decimal SimpleInterest(decimal principal, decimal dailyRate, int days, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        Guard.NonNegative(principal, nameof(principal));
        Guard.InRange(dailyRate, 0m, 0.1m, nameof(dailyRate));
        Guard.AtLeast(days, 0, nameof(days));
        return Money.Round(principal * dailyRate * days, decimals, rounding);
    }

    /// <summary>
    /// Gets the daily rate that runs on an overdue account: its penalty daily rate when known, otherwise its
    /// contract annual rate spread over the year of <paramref name="basis"/>, otherwise 0.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="basis">The day count for turning the annual rate into a daily one; Actual/365 by default.</param>
    /// <returns>The daily rate as a fraction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate on the account is negative, or <paramref name="basis"/> is not defined.</exception>
    public static decimal OverdueDailyRate(Account account, DayCount basis = DayCount.Actual365)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.PenaltyDailyRate is { } penalty)
        {
            Guard.NonNegative(penalty, "account.PenaltyDailyRate");
            return penalty;
        }

        return ContractDailyRate(account, basis);
    }

    /// <summary>Gets the contract daily rate of an account: its annual rate over the year of <paramref name="basis"/>, or 0 when unknown.</summary>
    /// <param name="account">The account.</param>
    /// <param name="basis">The day count; Actual/365 by default.</param>
    /// <returns>The daily rate as a fraction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The annual rate is negative, or <paramref name="basis"/> is not defined.</exception>
    public static decimal ContractDailyRate(Account account, DayCount basis = DayCount.Actual365)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.AnnualRate is { } annual ? DayCounts.DailyRate(annual, basis) : 0m;
    }

    /// <summary>
    /// Gets what waiting <paramref name="days"/> more days before paying adds to the debt: the overdue daily
    /// rate (<see cref="OverdueDailyRate"/>) on the principal for those days. One-off fees are not included.
    /// </summary>
    /// <param name="account">The overdue account.</param>
    /// <param name="days">How many more days; 0 or more.</param>
    /// <param name="basis">The day count for an annual rate; Actual/365 by default.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>The extra cost, rounded once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static decimal CostOfWaiting(Account account, int days, DayCount basis = DayCount.Actual365, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        ArgumentNullException.ThrowIfNull(account);
        Guard.NonNegative(account.Principal, "account.Principal");
        Guard.AtLeast(days, 0, nameof(days));
        return Money.Round(account.Principal * OverdueDailyRate(account, basis) * days, decimals, rounding);
    }

    /// <summary>Gets the share of the debt that is fees and penalty interest: (fees + penalty interest) / total owed.</summary>
    /// <param name="account">The account.</param>
    /// <returns>A fraction from 0 to 1, or null when nothing is owed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount on the account is negative.</exception>
    public static decimal? FeesAndPenaltiesShare(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Guard.NonNegative(account.Principal, "account.Principal");
        Guard.NonNegative(account.Interest, "account.Interest");
        Guard.NonNegative(account.Fees, "account.Fees");
        Guard.NonNegative(account.PenaltyInterest, "account.PenaltyInterest");
        var total = account.TotalOwed;
        return total == 0 ? null : (account.Fees + account.PenaltyInterest) / total;
    }
}
