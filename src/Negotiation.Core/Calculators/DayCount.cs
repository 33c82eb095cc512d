namespace Negotiation.Core.Calculators;

/// <summary>How many days a year has when an annual rate is turned into a daily one.</summary>
public enum DayCount
{
    /// <summary>Actual days over a 365-day year (the PRC convention for daily interest; the default).</summary>
    Actual365,

    /// <summary>Actual days over a 360-day year (the usual convention for card daily rates in some markets).</summary>
    Actual360,
}

/// <summary>Helpers for <see cref="DayCount"/>.</summary>
public static class DayCounts
{
    /// <summary>Gets the number of days in the year of <paramref name="basis"/>: 365 or 360.</summary>
    /// <param name="basis">The day count.</param>
    /// <returns>365 for <see cref="DayCount.Actual365"/>, 360 for <see cref="DayCount.Actual360"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not defined.</exception>
    public static int DaysInYear(this DayCount basis) => basis switch
    {
        DayCount.Actual365 => 365,
        DayCount.Actual360 => 360,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Value should be Actual365 or Actual360."),
    };

    /// <summary>Gets the simple daily rate for an annual rate: annual / days in the year (not compounded).</summary>
    /// <param name="annualRate">The annual rate as a fraction (0.18 is 18 %); 0 or more.</param>
    /// <param name="basis">The day count; Actual/365 by default.</param>
    /// <returns>The daily rate as a fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualRate"/> is negative or <paramref name="basis"/> is not defined.</exception>
    public static decimal DailyRate(decimal annualRate, DayCount basis = DayCount.Actual365)
    {
        Guard.NonNegative(annualRate, nameof(annualRate));
        return annualRate / basis.DaysInYear();
    }
}
