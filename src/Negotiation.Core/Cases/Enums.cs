namespace Negotiation.Core.Cases;

// Enum members map to kebab-case JSON strings: BankCard <-> "bank-card".

/// <summary>What kind of institution the lender is; some PRC rules bind banks only.</summary>
public enum LenderKind
{
    /// <summary>Not stated, or none of the others.</summary>
    Other,
    /// <summary>A commercial bank's credit card ("bank-card").</summary>
    BankCard,
    /// <summary>A licensed consumer-finance company ("consumer-finance").</summary>
    ConsumerFinance,
    /// <summary>An online lending platform or micro-loan company ("online-lender").</summary>
    OnlineLender,
    /// <summary>A buy-now-pay-later line ("bnpl").</summary>
    Bnpl,
}

/// <summary>What caused the borrower's difficulty.</summary>
public enum HardshipCause
{
    /// <summary>No hardship stated.</summary>
    None,
    /// <summary>The due date was missed by mistake.</summary>
    Oversight,
    /// <summary>A short-lived lack of cash.</summary>
    TemporaryCashShortfall,
    /// <summary>Income fell and is expected to stay lower for a while.</summary>
    IncomeDrop,
    /// <summary>The borrower lost their job.</summary>
    JobLoss,
    /// <summary>Illness of the borrower.</summary>
    Illness,
    /// <summary>An emergency in the family.</summary>
    FamilyEmergency,
    /// <summary>The borrower's business failed.</summary>
    BusinessFailure,
    /// <summary>A large unexpected expense.</summary>
    UnexpectedExpense,
    /// <summary>The borrower disputes a charge on the account.</summary>
    DisputedCharge,
}

/// <summary>What the borrower wants from the negotiation.</summary>
public enum NegotiationGoal
{
    /// <summary>Let the advisor choose.</summary>
    Auto,
    /// <summary>Only a discount or a lower rate; nothing is wrong with the account.</summary>
    DiscountOrLowerRate,
    /// <summary>More time to pay.</summary>
    Extension,
    /// <summary>Fees and penalties waived.</summary>
    FeeWaiver,
    /// <summary>Interest reduced or stopped.</summary>
    InterestRelief,
    /// <summary>The debt repaid in instalments.</summary>
    InstalmentPlan,
    /// <summary>Part of the principal forgiven.</summary>
    PrincipalReduction,
}

/// <summary>A kind of request the borrower can make of the lender.</summary>
public enum RequestType
{
    /// <summary>Move the due date.</summary>
    Extension,
    /// <summary>Waive fees and penalty interest.</summary>
    FeeWaiver,
    /// <summary>Cut or stop interest.</summary>
    InterestRelief,
    /// <summary>Repay over several months.</summary>
    InstalmentPlan,
    /// <summary>Forgive part of the principal.</summary>
    PrincipalReduction,
}

/// <summary>A category of monthly expense; the first group is essential, the second flexible.</summary>
public enum ExpenseCategory
{
    /// <summary>Rent, mortgage, property fees (essential).</summary>
    Housing,
    /// <summary>Water, power, gas, heating (essential).</summary>
    Utilities,
    /// <summary>Food and housekeeping (essential).</summary>
    Food,
    /// <summary>Travel to work and school (essential).</summary>
    Transport,
    /// <summary>Medicine and care (essential).</summary>
    Health,
    /// <summary>Childcare (essential).</summary>
    Childcare,
    /// <summary>Tuition and schooling (essential).</summary>
    Education,
    /// <summary>Insurance premiums (essential).</summary>
    Insurance,
    /// <summary>Another essential cost ("other-essential").</summary>
    OtherEssential,
    /// <summary>Phone and internet (flexible).</summary>
    Communications,
    /// <summary>Clothing and personal care (flexible).</summary>
    Personal,
    /// <summary>Leisure and entertainment (flexible).</summary>
    Leisure,
    /// <summary>Any other flexible cost.</summary>
    Other,
}

/// <summary>A document the borrower holds or should prepare.</summary>
public enum DocumentKind
{
    /// <summary>Proof of identity ("id").</summary>
    Id,
    /// <summary>Account statements.</summary>
    Statements,
    /// <summary>The repayment record ("repayment-history").</summary>
    RepaymentHistory,
    /// <summary>Proof of income ("income-proof").</summary>
    IncomeProof,
    /// <summary>Proof of the hardship, e.g. a dismissal letter or medical records ("hardship-proof").</summary>
    HardshipProof,
    /// <summary>Proof of expenses ("expense-proof").</summary>
    ExpenseProof,
    /// <summary>The credit contract.</summary>
    Contract,
    /// <summary>A guarantor's documents.</summary>
    Guarantor,
    /// <summary>Evidence about a disputed charge ("dispute-evidence").</summary>
    DisputeEvidence,
    /// <summary>Records of earlier contacts with the lender ("communication-records").</summary>
    CommunicationRecords,
}

/// <summary>How an earlier negotiation contact was made.</summary>
public enum ContactChannel
{
    /// <summary>A phone call.</summary>
    Phone,
    /// <summary>Chat in the lender's app ("app-chat").</summary>
    AppChat,
    /// <summary>A web form ("online-form").</summary>
    OnlineForm,
    /// <summary>A letter.</summary>
    Letter,
    /// <summary>An email.</summary>
    Email,
    /// <summary>A visit ("in-person").</summary>
    InPerson,
    /// <summary>A formal complaint to the lender.</summary>
    Complaint,
    /// <summary>A complaint to a regulator.</summary>
    Regulator,
    /// <summary>A mediation body.</summary>
    Mediation,
    /// <summary>A court.</summary>
    Court,
}

/// <summary>How an earlier negotiation contact ended.</summary>
public enum AttemptOutcome
{
    /// <summary>Still open.</summary>
    Pending,
    /// <summary>The request was granted.</summary>
    Accepted,
    /// <summary>Part of the request was granted ("partially-accepted").</summary>
    PartiallyAccepted,
    /// <summary>The request was refused.</summary>
    Rejected,
    /// <summary>The lender did not answer ("no-response").</summary>
    NoResponse,
}

/// <summary>Who made an offer to the borrower.</summary>
public enum OfferSource
{
    /// <summary>Unknown.</summary>
    Unknown,
    /// <summary>The lender itself, through its official channels ("lender-official").</summary>
    LenderOfficial,
    /// <summary>A collection agency acting for the lender ("collection-agency").</summary>
    CollectionAgency,
    /// <summary>Someone else: a "debt relief" or "credit repair" service, an agent ("third-party").</summary>
    ThirdParty,
}
