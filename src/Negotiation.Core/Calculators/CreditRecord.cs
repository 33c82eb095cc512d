using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>When a negative credit record is expected to stop being shown.</summary>
/// <remarks>
/// PRC: 《征信业管理条例》 Art. 16 keeps negative information for 5 years from the day the overdue ends
/// (the day it is repaid in full), then deletes it. A negotiated plan does not erase past records.
/// Pure and thread-safe.
/// </remarks>
public static class CreditRecord
{
    /// <summary>The PRC retention period for negative records, in years.</summary>
    public const int PrcRetentionYears = 5;

    /// <summary>Gets the day a negative record is expected to clear: the day the overdue ended plus the retention years.</summary>
    /// <param name="overdueEndedOn">The day the overdue ended (repaid in full).</param>
    /// <param name="retentionYears">The rule set's retention period, 1 to 50 years; 5 in the PRC.</param>
    /// <returns><c>overdueEndedOn.PlusYears(retentionYears)</c> (29 February moves to 28 February).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retentionYears"/> is outside [1-50].</exception>
    public static LocalDate ExpectedClearDate(LocalDate overdueEndedOn, int retentionYears = PrcRetentionYears)
    {
        Guard.InRange(retentionYears, 1, 50, nameof(retentionYears));
        return overdueEndedOn.PlusYears(retentionYears);
    }

    /// <summary>Gets the day a negative record is expected to clear, or null while the overdue has not ended (the clock has not started).</summary>
    /// <param name="overdueEndedOn">The day the overdue ended, or null while it is still unpaid.</param>
    /// <param name="retentionYears">The retention period, 1 to 50 years; 5 in the PRC.</param>
    /// <returns>The expected clear date, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retentionYears"/> is outside [1-50].</exception>
    public static LocalDate? ExpectedClearDate(LocalDate? overdueEndedOn, int retentionYears = PrcRetentionYears)
    {
        Guard.InRange(retentionYears, 1, 50, nameof(retentionYears));
        return overdueEndedOn?.PlusYears(retentionYears);
    }
}
