using NodaTime;

namespace Negotiation.Core.Cases;

/// <summary>The lender the borrower owes.</summary>
public sealed record Lender
{
    /// <summary>Gets the lender's or product's name, if given.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the kind of lender; defaults to <see cref="LenderKind.Other"/>.</summary>
    public LenderKind Kind { get; init; } = LenderKind.Other;
}

/// <summary>One due payment in the repayment record, paid or not.</summary>
public sealed record RepaymentRecord
{
    /// <summary>Gets the date the payment fell due. Required.</summary>
    public LocalDate DueDate { get; init; }

    /// <summary>Gets the amount that fell due. Required.</summary>
    public decimal AmountDue { get; init; }

    /// <summary>Gets the day it was paid, or null if it has not been paid.</summary>
    public LocalDate? PaidOn { get; init; }

    /// <summary>Gets the amount paid, or null if nothing was paid; given together with <see cref="PaidOn"/>.</summary>
    public decimal? AmountPaid { get; init; }
}

/// <summary>The borrower's reason for falling behind.</summary>
public sealed record Hardship
{
    /// <summary>Gets the cause; defaults to <see cref="HardshipCause.None"/>.</summary>
    public HardshipCause Cause { get; init; } = HardshipCause.None;

    /// <summary>Gets the day the hardship began, if known.</summary>
    public LocalDate? Since { get; init; }

    /// <summary>
    /// Gets how many more months the hardship is expected to last, counted as the pays still to come at the income in
    /// <see cref="BorrowerCase.Finances"/>: 0 when it is over (the next pay is the usual one again), null when nobody can say.
    /// </summary>
    public int? ExpectedMonths { get; init; }

    /// <summary>
    /// Gets the monthly income expected once the hardship is over (full pay again, a new job's salary), if known: the months
    /// after <see cref="ExpectedMonths"/> are budgeted on it, the expenses staying as given. Needs <see cref="ExpectedMonths"/>
    /// of 1 or more and <see cref="BorrowerCase.Finances"/>.
    /// </summary>
    public decimal? IncomeAfter { get; init; }

    /// <summary>
    /// Gets whose hardship it is: the borrower's own (the default), or a family member's that falls on the borrower's budget
    /// (a partner's job loss, a parent's or child's illness the borrower pays for or cares for).
    /// </summary>
    public HardshipAffects Affects { get; init; }
}

/// <summary>How the borrower has behaved towards the lender.</summary>
public sealed record Conduct
{
    /// <summary>Gets whether the lender suspects malicious overdraft (spending with no intent to repay).</summary>
    public bool SuspectedMaliciousOverdraft { get; init; }

    /// <summary>Gets how many repayment promises the borrower has broken.</summary>
    public int BrokenPromises { get; init; }

    /// <summary>Gets whether the lender can reach the borrower; defaults to true.</summary>
    public bool Contactable { get; init; } = true;
}

/// <summary>A charge the borrower disputes.</summary>
public sealed record DisputedCharge
{
    /// <summary>Gets what the charge is. Required.</summary>
    public string Description { get; init; } = "";

    /// <summary>Gets the amount disputed. Required.</summary>
    public decimal Amount { get; init; }
}
