using NodaTime;

namespace Negotiation.Core.Cases;

/// <summary>
/// A borrower's situation on one day: the account in arrears, the repayment record, the budget, the
/// hardship, what the borrower wants, and the contacts and offers so far.
/// </summary>
/// <remarks>
/// Read a case with <see cref="FromJson(string)"/>, which checks it whole. Instances are immutable and
/// thread-safe, and compare by value. The case carries its own "today" (<see cref="AsOf"/>): nothing in
/// the library reads a clock.
/// </remarks>
public sealed partial record BorrowerCase
{
    /// <summary>Gets the day the case describes; every "how long ago" is counted to this day. Required.</summary>
    public LocalDate AsOf { get; init; }

    /// <summary>Gets the ISO 4217 code of the currency every amount is in (e.g. <c>CNY</c>). Required.</summary>
    public string Currency { get; init; } = "";

    /// <summary>Gets the lender; defaults to an unnamed lender of kind <see cref="LenderKind.Other"/>.</summary>
    public Lender Lender { get; init; } = new();

    /// <summary>Gets the account in arrears. Required.</summary>
    public Account Account { get; init; } = new();

    /// <summary>Gets the repayment record, in any order.</summary>
    public ValueList<RepaymentRecord> History { get; init; } = ValueList<RepaymentRecord>.Empty;

    /// <summary>Gets the borrower's budget, or null when it was not given.</summary>
    public Finances? Finances { get; init; }

    /// <summary>Gets the hardship; defaults to none.</summary>
    public Hardship Hardship { get; init; } = new();

    /// <summary>Gets what the borrower wants; defaults to <see cref="NegotiationGoal.Auto"/>.</summary>
    public NegotiationGoal Goal { get; init; } = NegotiationGoal.Auto;

    /// <summary>Gets how the borrower has behaved towards the lender; defaults to contactable, nothing suspected.</summary>
    public Conduct Conduct { get; init; } = new();

    /// <summary>Gets the charges the borrower disputes.</summary>
    public ValueList<DisputedCharge> DisputedCharges { get; init; } = ValueList<DisputedCharge>.Empty;

    /// <summary>Gets the documents the borrower already holds.</summary>
    public ValueList<DocumentKind> Documents { get; init; } = ValueList<DocumentKind>.Empty;

    /// <summary>Gets the earlier contacts with the lender about this debt.</summary>
    public ValueList<NegotiationAttempt> Attempts { get; init; } = ValueList<NegotiationAttempt>.Empty;

    /// <summary>Gets the offers received to settle or fix the debt.</summary>
    public ValueList<ReceivedOffer> Offers { get; init; } = ValueList<ReceivedOffer>.Empty;

    /// <summary>
    /// Gets where the borrower lives, for rule sets whose law differs by region (kebab-case, e.g. <c>scotland</c>); null when
    /// not given. A rule set that lists its regions rejects any other.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>Gets the formal letters the borrower received about this debt (arrears and default notices, a final response …).</summary>
    public ValueList<Notice> Notices { get; init; } = ValueList<Notice>.Empty;

    /// <summary>Gets the borrower's priority debts other than this account: rent, council tax, energy and the like.</summary>
    public ValueList<PriorityDebt> PriorityDebts { get; init; } = ValueList<PriorityDebt>.Empty;

    /// <summary>Gets what the borrower has done about free debt advice, or null when the case does not say.</summary>
    public DebtAdvice? DebtAdvice { get; init; }

    /// <summary>Gets the circumstances the borrower chooses to share that can make them vulnerable.</summary>
    public ValueList<Vulnerability> Vulnerability { get; init; } = ValueList<Vulnerability>.Empty;
}
