using NodaTime;

namespace Negotiation.Core.Cases;

/// <summary>An earlier contact with the lender about the debt.</summary>
public sealed record NegotiationAttempt
{
    /// <summary>Gets the day of the contact. Required.</summary>
    public LocalDate On { get; init; }

    /// <summary>Gets how the contact was made. Required.</summary>
    public ContactChannel Channel { get; init; }

    /// <summary>Gets what was asked for, if anything specific.</summary>
    public RequestType? Requested { get; init; }

    /// <summary>Gets how it ended. Required.</summary>
    public AttemptOutcome Outcome { get; init; }

    /// <summary>Gets whether the outcome was confirmed in writing.</summary>
    public bool InWriting { get; init; }

    /// <summary>Gets the lender's reference number for the contact, if any.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the promises made during the contact, by either side.</summary>
    public ValueList<Promise> Promises { get; init; } = ValueList<Promise>.Empty;

    /// <summary>
    /// Gets the monthly payment the lender's answer names (what it agreed to, or offered instead of what was asked), or null
    /// when it names none.
    /// </summary>
    public decimal? MonthlyPayment { get; init; }

    /// <summary>
    /// Gets the day by which the lender asks for an answer to what its answer offered (a plan to accept, or a counter-offer
    /// to take or decline), or null when it set none.
    /// </summary>
    public LocalDate? AnswerBy { get; init; }
}

/// <summary>A promise made during a contact, with the day it is due.</summary>
public sealed record Promise
{
    /// <summary>Gets what was promised. Required.</summary>
    public string What { get; init; } = "";

    /// <summary>Gets the day by which it is due. Required.</summary>
    public LocalDate By { get; init; }
}

/// <summary>An offer the borrower received to settle or fix the debt.</summary>
public sealed record ReceivedOffer
{
    /// <summary>Gets who made the offer; defaults to <see cref="OfferSource.Unknown"/>.</summary>
    public OfferSource From { get; init; } = OfferSource.Unknown;

    /// <summary>Gets the fee asked for before anything is done.</summary>
    public decimal UpfrontFee { get; init; }

    /// <summary>Gets whether the offer asks for a one-time verification code.</summary>
    public bool AsksForVerificationCode { get; init; }

    /// <summary>Gets whether the offer asks for a password.</summary>
    public bool AsksForPassword { get; init; }

    /// <summary>Gets whether the offer asks for payment into a personal (not the lender's) account.</summary>
    public bool AsksPaymentToPersonalAccount { get; init; }

    /// <summary>Gets whether the offer promises to remove records from the credit report.</summary>
    public bool PromisesCreditRecordRemoval { get; init; }

    /// <summary>Gets whether the offer was made in writing.</summary>
    public bool InWriting { get; init; }

    /// <summary>Gets what the offer says, in the borrower's words.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the sum the offer asks the borrower to pay (a settlement figure), or null when it names none.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Gets the day by which the offer must be taken up, or null when it sets none.</summary>
    public LocalDate? Deadline { get; init; }

    /// <summary>Gets what the offer proposes (a settlement, a payment plan, a rollover), or that it is a demand; unknown when the case does not say.</summary>
    public OfferKind Kind { get; init; }
}

/// <summary>A formal letter the borrower received about the debt.</summary>
public sealed record Notice
{
    /// <summary>Gets what kind of letter it is. Required.</summary>
    public NoticeKind Kind { get; init; }

    /// <summary>Gets the day it was received. Required; not after the case's <c>asOf</c>.</summary>
    public LocalDate ReceivedOn { get; init; }

    /// <summary>Gets the date the letter sets (a default notice's date to put things right by), or null when it sets none.</summary>
    public LocalDate? Deadline { get; init; }
}

/// <summary>A priority debt other than the account in arrears.</summary>
public sealed record PriorityDebt
{
    /// <summary>Gets what the debt is for. Required.</summary>
    public PriorityDebtKind Kind { get; init; }

    /// <summary>Gets the amount in arrears on it; 0 when it is up to date. Required.</summary>
    public decimal Arrears { get; init; }

    /// <summary>Gets what it costs each month, or 0 when not given.</summary>
    public decimal MonthlyPayment { get; init; }

    /// <summary>
    /// Gets whether its arrears are being repaid under an arrangement agreed with that creditor, the repayment being part of
    /// <see cref="MonthlyPayment"/> (false when the case does not say).
    /// </summary>
    public bool ArrearsArranged { get; init; }
}

/// <summary>What the borrower has done about free debt advice.</summary>
public sealed record DebtAdvice
{
    /// <summary>Gets whether the borrower has spoken to a free debt adviser about this debt.</summary>
    public bool SpokenToAdviser { get; init; }

    /// <summary>Gets the statutory breathing space in force, or null when none is.</summary>
    public BreathingSpaceKind? BreathingSpace { get; init; }

    /// <summary>Gets the day the breathing space started, or null when not given.</summary>
    public LocalDate? BreathingSpaceSince { get; init; }
}
