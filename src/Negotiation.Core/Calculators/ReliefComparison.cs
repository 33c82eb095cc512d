using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>A form of relief a borrower can ask for, as compared by <see cref="ReliefComparison"/>.</summary>
public enum ReliefOption
{
    /// <summary>No relief: penalty interest keeps running until the debt is cleared.</summary>
    AsIs,

    /// <summary>The due date moves; only contract interest accrues over the added days.</summary>
    Extension,

    /// <summary>Fees are waived; everything else as-is.</summary>
    FeesWaived,

    /// <summary>The rate on the principal is cut to a lower annual rate until the debt is cleared.</summary>
    RateCut,

    /// <summary>No more interest of any kind accrues; what has accrued stays owed.</summary>
    InterestStopped,

    /// <summary>The principal is repaid by equal instalments; what has accrued is paid alongside, without interest.</summary>
    InstalmentPlan,
}

/// <summary>What you ask to compare: the horizon and the terms of each relief; every member has a default.</summary>
public sealed record ReliefTerms
{
    /// <summary>Gets the days from <c>asOf</c> until the debt is cleared in one payment, for the as-is, fee-waiver, rate-cut and interest-stop options; 0 to 3660 (30 by default).</summary>
    public int HorizonDays { get; init; } = 30;

    /// <summary>Gets the days the due date moves by for the extension option; the debt is cleared on the new due date. 0 to 3660 (30 by default).</summary>
    public int ExtensionDays { get; init; } = 30;

    /// <summary>Gets the annual rate for the rate-cut option, as a fraction, 0 to 100 (0 by default).</summary>
    public decimal ReducedAnnualRate { get; init; }

    /// <summary>Gets the months of the instalment plan, 1 to 1200 (12 by default).</summary>
    public int InstalmentMonths { get; init; } = 12;

    /// <summary>Gets the plan's annual rate; null (the default) for the account's contract rate (0 when unknown).</summary>
    public decimal? InstalmentAnnualRate { get; init; }

    /// <summary>Gets the plan's monthly fee on the principal, 0 to 1 (0 by default); when above 0 the plan is a fee instalment.</summary>
    public decimal InstalmentMonthlyFeeRate { get; init; }
}

/// <summary>The cost of clearing the debt under one option, and its saving against doing nothing over the same days.</summary>
public sealed record ReliefCost
{
    /// <summary>Gets the option.</summary>
    public required ReliefOption Option { get; init; }

    /// <summary>Gets the days from <c>asOf</c> until the debt is cleared.</summary>
    public required int Days { get; init; }

    /// <summary>Gets everything paid from <c>asOf</c> until the debt is cleared: principal, interest, fees and penalties.</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>Gets what clearing the debt as-is would cost over the same <see cref="Days"/>.</summary>
    public required decimal AsIsCost { get; init; }

    /// <summary>Gets the instalment schedule, for <see cref="ReliefOption.InstalmentPlan"/> only.</summary>
    public Schedule? Schedule { get; init; }

    /// <summary>Gets <see cref="AsIsCost"/> − <see cref="TotalCost"/>: what this option saves; negative when it costs more.</summary>
    public decimal Savings => AsIsCost - TotalCost;
}

/// <summary>The options compared side by side.</summary>
public sealed record ReliefComparisonResult
{
    /// <summary>Gets no relief over the horizon.</summary>
    public required ReliefCost AsIs { get; init; }

    /// <summary>Gets an extension.</summary>
    public required ReliefCost Extension { get; init; }

    /// <summary>Gets fees waived over the horizon.</summary>
    public required ReliefCost FeesWaived { get; init; }

    /// <summary>Gets the rate cut over the horizon.</summary>
    public required ReliefCost RateCut { get; init; }

    /// <summary>Gets interest stopped over the horizon.</summary>
    public required ReliefCost InterestStopped { get; init; }

    /// <summary>Gets an instalment plan.</summary>
    public required ReliefCost InstalmentPlan { get; init; }

    /// <summary>Gets every option, as-is first.</summary>
    public IReadOnlyList<ReliefCost> All => [AsIs, Extension, FeesWaived, RateCut, InterestStopped, InstalmentPlan];
}

/// <summary>
/// Compares what clearing an overdue debt costs as-is and under each form of relief a lender can grant
/// (2023 risk-classification measures, Art. 19: extension, lower rate, waived fees, eased schedule).
/// </summary>
/// <remarks>
/// <para>Definitions. Owed = principal + interest + fees + penalty interest on the account today.
/// As-is over D days = owed + principal × overdue daily rate × D (penalty interest, or the contract rate
/// when no penalty rate is known: see <see cref="Charges.OverdueDailyRate"/>), cleared in one payment on
/// day D. Extension of E days = owed + principal × contract daily rate × E, cleared on the new due date,
/// against as-is over E days. Fees waived = as-is − fees (penalty interest already accrued stays).
/// Rate cut to r = owed + principal × r / days-in-year × D. Interest stopped = owed. Instalment plan of n
/// months = interest + fees + penalty interest (paid alongside, never charged interest) + the total of a
/// schedule on the principal, against as-is over the days from asOf to asOf.PlusMonths(n).</para>
/// <para>Interest is simple (never on fees or on interest) and rounded once per figure. Pure and thread-safe.</para>
/// </remarks>
public static class ReliefComparison
{
    /// <summary>Compares the options for an account.</summary>
    /// <param name="account">The overdue account.</param>
    /// <param name="asOf">Today, from the case.</param>
    /// <param name="terms">The horizon and the terms of each option; defaults when null.</param>
    /// <param name="basis">The day count for annual rates; Actual/365 by default.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <param name="rounding">The midpoint rule; half away from zero by default.</param>
    /// <returns>Every option's cost and saving.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount on the account is negative, or a term is outside its range.</exception>
    public static ReliefComparisonResult Compare(Account account, LocalDate asOf, ReliefTerms? terms = null, DayCount basis = DayCount.Actual365, int decimals = 2, MidpointRounding rounding = Money.DefaultRounding)
    {
        terms ??= new ReliefTerms();
        var (asIs, extension, feesWaived, rateCut, stopped) = CompareWithoutPlan(account, terms, basis, decimals, rounding, out var overdueDaily);
        var principal = account.Principal;

        var planRate = terms.InstalmentAnnualRate ?? account.AnnualRate ?? 0m;
        var method = terms.InstalmentMonthlyFeeRate > 0 ? ScheduleMethod.FeeInstalment : ScheduleMethod.EqualInstalment;
        var schedule = Schedules.Build(method, Money.Round(principal, decimals, rounding), planRate, terms.InstalmentMonths, terms.InstalmentMonthlyFeeRate, asOf, decimals, rounding);
        var planDays = Period.DaysBetween(asOf, asOf.PlusMonths(terms.InstalmentMonths));
        var planCost = account.Interest + account.Fees + account.PenaltyInterest + schedule.TotalPayment;
        var plan = new ReliefCost { Option = ReliefOption.InstalmentPlan, Days = planDays, TotalCost = planCost, AsIsCost = AsIs(account, overdueDaily, planDays, decimals, rounding), Schedule = schedule };

        return new ReliefComparisonResult { AsIs = asIs, Extension = extension, FeesWaived = feesWaived, RateCut = rateCut, InterestStopped = stopped, InstalmentPlan = plan };
    }

    /// <summary>
    /// Every option of <see cref="Compare"/> but the instalment plan, with the same checks and the same figures, for a
    /// caller that reads none of the plan's (its schedule is the costly part).
    /// </summary>
    internal static (ReliefCost AsIs, ReliefCost Extension, ReliefCost FeesWaived, ReliefCost RateCut, ReliefCost InterestStopped) CompareWithoutPlan(
        Account account, ReliefTerms terms, DayCount basis, int decimals, MidpointRounding rounding, out decimal overdueDaily)
    {
        ArgumentNullException.ThrowIfNull(account);
        Guard.NonNegative(account.Principal, "account.Principal");
        Guard.NonNegative(account.Interest, "account.Interest");
        Guard.NonNegative(account.Fees, "account.Fees");
        Guard.NonNegative(account.PenaltyInterest, "account.PenaltyInterest");
        Guard.InRange(terms.HorizonDays, 0, Extension.MaxDays, "terms.HorizonDays");
        Guard.InRange(terms.ExtensionDays, 0, Extension.MaxDays, "terms.ExtensionDays");
        Guard.InRange(terms.ReducedAnnualRate, 0m, Schedules.MaxAnnualRate, "terms.ReducedAnnualRate");
        Guard.InRange(terms.InstalmentMonths, 1, Schedules.MaxMonths, "terms.InstalmentMonths");

        var owed = account.TotalOwed;
        overdueDaily = Charges.OverdueDailyRate(account, basis);
        var contractDaily = Charges.ContractDailyRate(account, basis);

        var horizon = terms.HorizonDays;
        var asIs = AsIs(account, overdueDaily, horizon, decimals, rounding);
        var extension = new ReliefCost { Option = ReliefOption.Extension, Days = terms.ExtensionDays, TotalCost = owed + Accrued(account, contractDaily, terms.ExtensionDays, decimals, rounding), AsIsCost = AsIs(account, overdueDaily, terms.ExtensionDays, decimals, rounding) };
        var feesWaived = new ReliefCost { Option = ReliefOption.FeesWaived, Days = horizon, TotalCost = asIs - account.Fees, AsIsCost = asIs };
        var rateCut = new ReliefCost { Option = ReliefOption.RateCut, Days = horizon, TotalCost = owed + Accrued(account, DayCounts.DailyRate(terms.ReducedAnnualRate, basis), horizon, decimals, rounding), AsIsCost = asIs };
        var stopped = new ReliefCost { Option = ReliefOption.InterestStopped, Days = horizon, TotalCost = owed, AsIsCost = asIs };
        return (new ReliefCost { Option = ReliefOption.AsIs, Days = horizon, TotalCost = asIs, AsIsCost = asIs }, extension, feesWaived, rateCut, stopped);
    }

    private static decimal Accrued(Account account, decimal dailyRate, int days, int decimals, MidpointRounding rounding) =>
        Charges.SimpleInterest(account.Principal, dailyRate, days, decimals, rounding);

    private static decimal AsIs(Account account, decimal overdueDaily, int days, int decimals, MidpointRounding rounding) =>
        account.TotalOwed + Accrued(account, overdueDaily, days, decimals, rounding);
}
