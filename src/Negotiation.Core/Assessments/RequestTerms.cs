using NodaTime;

namespace Negotiation.Core.Assessments;

/// <summary>
/// The terms of a proposed request, computed by the calculators. Each request type fills its own terms and
/// leaves the others null; request messages name them as <c>{terms.name}</c>.
/// </summary>
public sealed record RequestTerms
{
    /// <summary>Made by the library only: the terms are computed from the case, never filled in by hand.</summary>
    internal RequestTerms()
    {
    }

    /// <summary>Gets the request's type (<c>extension</c> …); a message shows it as words, e.g. "a payment extension".</summary>
    [FactField] public string? Type { get; internal init; }

    /// <summary>Gets the days asked for (extension): counted from the due date, or from today when that would already have passed.</summary>
    [FactField(FactFormat.Days)] public int? ExtensionDays { get; internal init; }

    /// <summary>Gets the due date asked for (extension).</summary>
    [FactField(FactFormat.Date)] public LocalDate? NewDueDate { get; internal init; }

    /// <summary>
    /// Gets the regular instalments falling due before <see cref="NewDueDate"/> that move with what is due (extension to a
    /// hardship's end, or to a confirmed sum's day for those the cash cannot meet on their dates); null otherwise.
    /// </summary>
    [FactField] public int? InstalmentsMoved { get; internal init; }

    /// <summary>
    /// Gets what an extension moves: what is due, less what is paid now (<see cref="PaidNow"/>), with the instalments that
    /// move with it, less what is paid on their dates (<see cref="PaidEachMonth"/>; extension to a hardship's end); null when
    /// it moves exactly what is due.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal? AmountMoved { get; internal init; }

    /// <summary>Gets the contract interest on the principal over the added days (extension); it runs with or without the extension.</summary>
    [FactField(FactFormat.Money)] public decimal? ExtraInterest { get; internal init; }

    /// <summary>Gets the penalty interest that would run on the overdue amount over the same days without the extension (0 when the case gives no penalty rate); an extension's saving.</summary>
    [FactField(FactFormat.Money)] public decimal? PenaltyAvoided { get; internal init; }

    /// <summary>
    /// Gets what a fee waiver asks to be waived or reversed: the fees and penalty interest, plus the disputed charges beyond
    /// the fees (a disputed fee is counted once), never more than is owed.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal? FeesWaived { get; internal init; }

    /// <summary>Gets the contract annual rate now (interest relief; an instalment plan that fits only at a lower rate).</summary>
    [FactField(FactFormat.Percent)] public decimal? CurrentRate { get; internal init; }

    /// <summary>
    /// Gets the annual rate asked for (interest relief; 0 means interest stopped). An instalment plan that fits the budget
    /// only at the relief rate (<c>facts.planClosesGap</c> false, <c>facts.reliefClosesGap</c> true) is computed at this
    /// rate over <c>facts.reliefPlanMonths</c> and carries it here; null for a plan at the contract rate.
    /// </summary>
    [FactField(FactFormat.Percent)] public decimal? ProposedRate { get; internal init; }

    /// <summary>Gets the interest the lower rate saves over the plan (interest relief).</summary>
    [FactField(FactFormat.Money)] public decimal? InterestSaved { get; internal init; }

    /// <summary>
    /// Gets what a plan for the arrears alone adds to each regular instalment (an instalment plan that catches up what is due,
    /// <c>facts.catchUpMonths</c> &gt; 0); null when the plan re-spreads the whole debt.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal? ArrearsPerMonth { get; internal init; }

    /// <summary>
    /// Gets what is paid now from savings (<c>facts.partPaymentNow</c>) before a plan (for the arrears or for the whole debt),
    /// or before an extension that does not run to a hardship's end; null when nothing is.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal? PaidNow { get; internal init; }

    /// <summary>
    /// Gets what is paid on each regular due date while an extension to a hardship's end runs (the sustainable instalment,
    /// <c>facts.affordableInstalment</c>, when it is more than nothing and less than the regular one); only the shortfall of
    /// each moved instalment moves. For an instalment plan with a low start (<c>facts.planLowStartMonths</c>), what is paid
    /// each month before its first instalment (<c>facts.planLowStartPayment</c>). Null otherwise.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal? PaidEachMonth { get; internal init; }

    /// <summary>Gets what a plan for the arrears catches up: what is due less what is paid now; null when the plan re-spreads the whole debt.</summary>
    [FactField(FactFormat.Money)] public decimal? ArrearsCaughtUp { get; internal init; }

    /// <summary>Gets the plan's term in months (instalment plan, interest relief).</summary>
    [FactField(FactFormat.Months)] public int? Months { get; internal init; }

    /// <summary>
    /// Gets how many months the same budget would take to clear the debt at the current rate, where the lower rate clears it
    /// sooner (interest relief); null where it does not, because no plan fits at the current rate or, under a total cost cap,
    /// both rates take as long: the saving is then over the same term.
    /// </summary>
    [FactField(FactFormat.Months)] public int? MonthsAtCurrentRate { get; internal init; }

    /// <summary>Gets the regular monthly instalment (instalment plan: for a plan for the arrears, the contract's instalment with the arrears part).</summary>
    [FactField(FactFormat.Money)] public decimal? Instalment { get; internal init; }

    /// <summary>Gets the first instalment's due date (instalment plan).</summary>
    [FactField(FactFormat.Date)] public LocalDate? FirstInstalmentDue { get; internal init; }

    /// <summary>Gets everything the plan repays over its months, its low start included, not what is paid now (<see cref="PaidNow"/>); for a settlement taken in instalments, the settlement.</summary>
    [FactField(FactFormat.Money)] public decimal? TotalRepaid { get; internal init; }

    /// <summary>Gets the part of the debt that even a 0 % plan over the maximum term, its low start included, cannot repay (principal reduction).</summary>
    [FactField(FactFormat.Money)] public decimal? ReductionAsked { get; internal init; }

    /// <summary>Gets what the borrower can repay over the maximum term (principal reduction): the months of a low start at what the budget sustains now, the rest at the budget the plan is sized on.</summary>
    [FactField(FactFormat.Money)] public decimal? Repayable { get; internal init; }
}
