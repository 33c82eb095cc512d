using NodaTime;

namespace Negotiation.Core.Cases;

/// <summary>The credit account that has fallen behind: what is owed and when it fell due.</summary>
/// <remarks>Immutable and thread-safe. Rates are fractions: 0.18 is 18 %.</remarks>
public sealed record Account
{
    /// <summary>Gets the principal still owed. Required.</summary>
    public decimal Principal { get; init; }

    /// <summary>Gets the contractual interest accrued and unpaid.</summary>
    public decimal Interest { get; init; }

    /// <summary>Gets the fees charged and unpaid (late fees, liquidated damages, service fees).</summary>
    public decimal Fees { get; init; }

    /// <summary>Gets the penalty interest accrued and unpaid.</summary>
    public decimal PenaltyInterest { get; init; }

    /// <summary>Gets the contractual annual interest rate as a fraction, or null when it is not known.</summary>
    public decimal? AnnualRate { get; init; }

    /// <summary>Gets the penalty interest rate per day as a fraction (0.0005 is 0.05 % a day), or null when not known.</summary>
    public decimal? PenaltyDailyRate { get; init; }

    /// <summary>Gets the due date of the payment that is (or will be) missed. Required.</summary>
    public LocalDate DueDate { get; init; }

    /// <summary>Gets the amount that fell due on <see cref="DueDate"/>. Required.</summary>
    public decimal AmountDue { get; init; }

    /// <summary>Gets the grace period in days after the due date, or null to use the rule set's default.</summary>
    public int? GracePeriodDays { get; init; }

    /// <summary>Gets the kind of credit the account is, or null when the case does not say.</summary>
    public ProductKind? Product { get; init; }

    /// <summary>Gets the day of the last payment of any amount, for when it is older than the repayment record shows; null when not given.</summary>
    public LocalDate? LastPaymentOn { get; init; }

    /// <summary>
    /// Gets the credit first advanced, or null when the case does not say. The total cost cap of high-cost short-term credit
    /// is counted on it; the principal still owed stands in for it when it is not given.
    /// </summary>
    public decimal? AmountBorrowed { get; init; }

    /// <summary>
    /// Gets the interest and charges already paid on the account, or null when the case does not say. The total cost cap of
    /// high-cost short-term credit counts them with those still unpaid.
    /// </summary>
    public decimal? ChargesPaid { get; init; }

    /// <summary>
    /// Gets the day from which the lender adds no more interest, penalty interest or charges to the account (an agreement
    /// terminated with interest frozen, a written freeze, a debt sold at a fixed sum), or null while they still run. On or
    /// before <see cref="BorrowerCase.AsOf"/>.
    /// </summary>
    public LocalDate? InterestStoppedOn { get; init; }

    /// <summary>Gets everything owed on the account: principal, interest, fees and penalty interest.</summary>
    public decimal TotalOwed => Principal + Interest + Fees + PenaltyInterest;
}
