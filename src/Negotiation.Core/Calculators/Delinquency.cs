using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>How far behind an account is, in the 30-day bands collectors use.</summary>
public enum DelinquencyBucket
{
    /// <summary>Not past due (0 days).</summary>
    Current,

    /// <summary>1–30 days past due.</summary>
    M1,

    /// <summary>31–60 days past due.</summary>
    M2,

    /// <summary>61–90 days past due.</summary>
    M3,

    /// <summary>91–120 days past due.</summary>
    M4,

    /// <summary>121–150 days past due.</summary>
    M5,

    /// <summary>151–180 days past due.</summary>
    M6,

    /// <summary>More than 180 days past due.</summary>
    M6Plus,
}

/// <summary>The regulatory asset tier (五级分类) of an overdue loan.</summary>
public enum AssetTier
{
    /// <summary>正常: not overdue.</summary>
    Normal,

    /// <summary>关注: special mention.</summary>
    SpecialMention,

    /// <summary>次级: substandard (non-performing from here).</summary>
    Substandard,

    /// <summary>可疑: doubtful.</summary>
    Doubtful,

    /// <summary>损失: loss.</summary>
    Loss,
}

/// <summary>How a repayment is applied to what is owed.</summary>
public enum AllocationOrder
{
    /// <summary>Fees, then penalty interest, then interest, then principal (overdue up to 90 days).</summary>
    FeesAndInterestFirst,

    /// <summary>Principal, then interest, then penalty interest, then fees (overdue 91 days or more).</summary>
    PrincipalFirst,
}

/// <summary>A band of days past due that maps to an <see cref="AssetTier"/>.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="FromDays">The first day past due in the band.</param>
/// <param name="ToDays">The last day past due in the band, or null for no upper end.</param>
public sealed record AssetTierBand(AssetTier Tier, int FromDays, int? ToDays);

/// <summary>The result of applying a repayment to an account, part by part.</summary>
/// <param name="Fees">The part that pays fees.</param>
/// <param name="PenaltyInterest">The part that pays penalty interest.</param>
/// <param name="Interest">The part that pays contract interest.</param>
/// <param name="Principal">The part that pays principal.</param>
/// <param name="Unapplied">What is left over after everything owed is paid.</param>
public sealed record RepaymentAllocation(decimal Fees, decimal PenaltyInterest, decimal Interest, decimal Principal, decimal Unapplied);

/// <summary>
/// Delinquency facts: days past due, grace, bucket, asset tier, the repayment record's first overdue and
/// on-time ratio, and the order in which a repayment is applied.
/// </summary>
/// <remarks>Pure and thread-safe. "Today" is always a parameter (<c>asOf</c>): there is no clock.</remarks>
public static class Delinquency
{
    /// <summary>Gets the days past due on <paramref name="asOf"/>: <c>Period.DaysBetween(dueDate, asOf)</c>, or 0 when not yet past due.</summary>
    /// <param name="dueDate">The day the payment fell due.</param>
    /// <param name="asOf">The day to measure on.</param>
    /// <returns>0 on or before the due date; 1 the day after; one more each day.</returns>
    public static int DaysPastDue(LocalDate dueDate, LocalDate asOf) => Math.Max(0, Period.DaysBetween(dueDate, asOf));

    /// <summary>Gets whether the account is past due but still inside the grace period (which counts as on time).</summary>
    /// <param name="dueDate">The day the payment fell due.</param>
    /// <param name="asOf">The day to measure on.</param>
    /// <param name="graceDays">Days after the due date that still count as on time, 0 to 90 (bank cards: at least 3).</param>
    /// <returns>True when 1 ≤ days past due ≤ <paramref name="graceDays"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="graceDays"/> is outside [0-90].</exception>
    public static bool IsInGracePeriod(LocalDate dueDate, LocalDate asOf, int graceDays)
    {
        Guard.InRange(graceDays, 0, 90, nameof(graceDays));
        var days = DaysPastDue(dueDate, asOf);
        return days >= 1 && days <= graceDays;
    }

    /// <summary>Gets the delinquency bucket for a number of days past due: Current, M1 (1–30) … M6 (151–180), M6+ (over 180).</summary>
    /// <param name="daysPastDue">Days past due; 0 or more.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPastDue"/> is negative.</exception>
    public static DelinquencyBucket Bucket(int daysPastDue)
    {
        Guard.AtLeast(daysPastDue, 0, nameof(daysPastDue));
        return daysPastDue == 0 ? DelinquencyBucket.Current
            : daysPastDue > 180 ? DelinquencyBucket.M6Plus
            : (DelinquencyBucket)(((daysPastDue - 1) / 30) + 1);
    }

    /// <summary>Gets the asset tier for a number of days past due, from bands given as data.</summary>
    /// <param name="daysPastDue">Days past due; 0 or more.</param>
    /// <param name="bands">The bands, as a rule set gives them. Days in no band are <see cref="AssetTier.Normal"/>.</param>
    /// <returns>The tier of the first band that holds <paramref name="daysPastDue"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPastDue"/> is negative.</exception>
    public static AssetTier Tier(int daysPastDue, IReadOnlyList<AssetTierBand> bands)
    {
        Guard.AtLeast(daysPastDue, 0, nameof(daysPastDue));
        ArgumentNullException.ThrowIfNull(bands);
        foreach (var band in bands)
        {
            if (daysPastDue >= band.FromDays && (band.ToDays is null || daysPastDue <= band.ToDays))
            {
                return band.Tier;
            }
        }

        return AssetTier.Normal;
    }

    /// <summary>Gets the order in which a repayment is applied at a number of days past due, under a rule that changes the order after a set day.</summary>
    /// <param name="daysPastDue">Days past due; 0 or more.</param>
    /// <param name="feesFirstUpToDays">The last day past due on which fees and interest are still paid first, as a rule set gives it (e.g. 90); 0 or more.</param>
    /// <returns>Fees and interest first up to <paramref name="feesFirstUpToDays"/>; principal first after.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPastDue"/> or <paramref name="feesFirstUpToDays"/> is negative.</exception>
    public static AllocationOrder Allocation(int daysPastDue, int feesFirstUpToDays)
    {
        Guard.AtLeast(daysPastDue, 0, nameof(daysPastDue));
        Guard.AtLeast(feesFirstUpToDays, 0, nameof(feesFirstUpToDays));
        return daysPastDue <= feesFirstUpToDays ? AllocationOrder.FeesAndInterestFirst : AllocationOrder.PrincipalFirst;
    }

    /// <summary>Splits a repayment over what the account owes, in the order that applies at its days past due.</summary>
    /// <param name="payment">The amount paid; 0 or more.</param>
    /// <param name="account">What is owed: its principal, interest, fees and penalty interest.</param>
    /// <param name="daysPastDue">Days past due when the payment is made; 0 or more.</param>
    /// <param name="feesFirstUpToDays">The last day past due on which fees and interest are still paid first (see <see cref="Allocation"/>).</param>
    /// <returns>The parts; they add up to <paramref name="payment"/> exactly.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payment"/> or an amount owed is negative, or <paramref name="daysPastDue"/> is negative.</exception>
    public static RepaymentAllocation Allocate(decimal payment, Account account, int daysPastDue, int feesFirstUpToDays)
    {
        ArgumentNullException.ThrowIfNull(account);
        Guard.NonNegative(payment, nameof(payment));
        Guard.NonNegative(account.Principal, "account.Principal");
        Guard.NonNegative(account.Interest, "account.Interest");
        Guard.NonNegative(account.Fees, "account.Fees");
        Guard.NonNegative(account.PenaltyInterest, "account.PenaltyInterest");
        var left = payment;
        decimal Take(decimal owed)
        {
            var part = Math.Min(left, owed);
            left -= part;
            return part;
        }

        if (Allocation(daysPastDue, feesFirstUpToDays) == AllocationOrder.FeesAndInterestFirst)
        {
            var fees = Take(account.Fees);
            var penalty = Take(account.PenaltyInterest);
            var interest = Take(account.Interest);
            var principal = Take(account.Principal);
            return new RepaymentAllocation(fees, penalty, interest, principal, left);
        }
        else
        {
            var principal = Take(account.Principal);
            var interest = Take(account.Interest);
            var penalty = Take(account.PenaltyInterest);
            var fees = Take(account.Fees);
            return new RepaymentAllocation(fees, penalty, interest, principal, left);
        }
    }

    /// <summary>
    /// Gets whether a repayment record was late: not paid in full by the due date plus the grace days
    /// (paid late, paid short, or still unpaid after the grace period on <paramref name="asOf"/>).
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="graceDays">Days after the due date that still count as on time, 0 to 90.</param>
    /// <param name="asOf">The day to judge on: an unpaid record is late only once its grace period has passed.</param>
    /// <param name="tolerance">A remainder this small still counts as paid in full (bank cards: ¥10 is common); 0 or more.</param>
    /// <returns>True when the record was late; false when on time or not yet late.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="graceDays"/> or <paramref name="tolerance"/> is out of range.</exception>
    public static bool IsLate(RepaymentRecord record, int graceDays, LocalDate asOf, decimal tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(record);
        Guard.InRange(graceDays, 0, 90, nameof(graceDays));
        Guard.NonNegative(tolerance, nameof(tolerance));
        var lastOnTimeDay = record.DueDate.PlusDays(graceDays);
        var paidInFull = record.PaidOn is not null && (record.AmountPaid ?? 0) >= record.AmountDue - tolerance;
        return paidInFull ? record.PaidOn > lastOnTimeDay : asOf > lastOnTimeDay;
    }

    /// <summary>Gets whether the current overdue is the borrower's first: no earlier record in the history was late.</summary>
    /// <param name="history">The repayment record, in any order.</param>
    /// <param name="currentDueDate">The due date of the payment now overdue; records due on or after it are not counted.</param>
    /// <param name="graceDays">Days after a due date that still count as on time, 0 to 90.</param>
    /// <param name="asOf">The day to judge on.</param>
    /// <param name="tolerance">A remainder this small still counts as paid in full; 0 or more.</param>
    /// <returns>True when every earlier record was paid in full within its grace period (or there are none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="graceDays"/> or <paramref name="tolerance"/> is out of range.</exception>
    public static bool IsFirstOverdue(IEnumerable<RepaymentRecord> history, LocalDate currentDueDate, int graceDays, LocalDate asOf, decimal tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        Guard.InRange(graceDays, 0, 90, nameof(graceDays));
        return !history.Any(r => r.DueDate < currentDueDate && IsLate(r, graceDays, asOf, tolerance));
    }

    /// <summary>
    /// Gets the share of records that were paid on time, among the records that have fallen due and are
    /// decided on <paramref name="asOf"/> (paid, or unpaid past their grace period).
    /// </summary>
    /// <param name="history">The repayment record, in any order.</param>
    /// <param name="graceDays">Days after a due date that still count as on time, 0 to 90.</param>
    /// <param name="asOf">The day to judge on.</param>
    /// <param name="tolerance">A remainder this small still counts as paid in full; 0 or more.</param>
    /// <returns>A fraction from 0 to 1, or null when no record is decided yet (an empty history has no ratio).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="graceDays"/> or <paramref name="tolerance"/> is out of range.</exception>
    public static decimal? OnTimeRatio(IEnumerable<RepaymentRecord> history, int graceDays, LocalDate asOf, decimal tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        Guard.InRange(graceDays, 0, 90, nameof(graceDays));
        int decided = 0, onTime = 0;
        foreach (var record in history)
        {
            var late = IsLate(record, graceDays, asOf, tolerance);
            var paid = record.PaidOn is not null && (record.AmountPaid ?? 0) >= record.AmountDue - tolerance;
            if (late || paid)
            {
                decided++;
                onTime += late ? 0 : 1;
            }
        }

        return decided == 0 ? null : (decimal)onTime / decided;
    }
}
