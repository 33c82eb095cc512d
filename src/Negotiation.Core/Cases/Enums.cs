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
    /// <summary>A commercial bank's loan, not a card ("bank-loan"): bank rules bind it, the bank-card rules do not.</summary>
    BankLoan,
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
    /// <summary>Accept a token payment for a while, when nothing is left after essentials ("token-payments").</summary>
    TokenPayments,
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
    /// <summary>An ombudsman that settles complaints about financial firms, e.g. the UK's Financial Ombudsman Service.</summary>
    Ombudsman,
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

/// <summary>Whose hardship it is.</summary>
public enum HardshipAffects
{
    /// <summary>The borrower's own ("self").</summary>
    Self,
    /// <summary>A family member's that falls on the borrower: a partner's job loss, a parent's or child's illness ("family").</summary>
    Family,
}

/// <summary>What an offer proposes.</summary>
public enum OfferKind
{
    /// <summary>Not said ("unknown").</summary>
    Unknown,
    /// <summary>Pay its sum and the rest of the debt is written off ("settlement").</summary>
    Settlement,
    /// <summary>Repay in instalments; its sum is the monthly payment ("payment-plan").</summary>
    PaymentPlan,
    /// <summary>Pay a fee or the interest now and repay the loan later ("rollover").</summary>
    Rollover,
    /// <summary>Anything else ("other").</summary>
    Other,
    /// <summary>
    /// Not an offer but a demand ("demand"): pay its sum by its day, often with a threat (legal action, bailiffs, a visit) or a
    /// push to borrow. Advice answers it with an affordable offer instead of weighing it as terms.
    /// </summary>
    Demand,
}

/// <summary>The kind of credit product the account is.</summary>
public enum ProductKind
{
    /// <summary>A credit card ("credit-card").</summary>
    CreditCard,
    /// <summary>A shop's own card ("store-card").</summary>
    StoreCard,
    /// <summary>A fixed-sum personal loan ("personal-loan").</summary>
    PersonalLoan,
    /// <summary>An overdraft on a current account.</summary>
    Overdraft,
    /// <summary>A buy-now-pay-later line ("bnpl").</summary>
    Bnpl,
    /// <summary>High-cost short-term credit such as a payday loan ("high-cost-short-term").</summary>
    HighCostShortTerm,
    /// <summary>A catalogue or mail-order credit account.</summary>
    Catalogue,
    /// <summary>Car finance: hire purchase or a conditional sale ("car-finance").</summary>
    CarFinance,
    /// <summary>Any other kind.</summary>
    Other,
}

/// <summary>The kind of a formal letter the borrower received about the debt.</summary>
public enum NoticeKind
{
    /// <summary>A notice of sums in arrears.</summary>
    Arrears,
    /// <summary>A default notice: what to pay and by when before the lender may enforce.</summary>
    Default,
    /// <summary>A notice that the agreement is ended.</summary>
    Termination,
    /// <summary>A credit-card letter about persistent debt ("persistent-debt").</summary>
    PersistentDebt,
    /// <summary>The lender's final response to a complaint ("final-response").</summary>
    FinalResponse,
    /// <summary>A court claim form ("court-claim").</summary>
    CourtClaim,
    /// <summary>Any other formal letter.</summary>
    Other,
}

/// <summary>A debt whose non-payment has severe consequences (losing the home, the power, liberty), paid before others.</summary>
public enum PriorityDebtKind
{
    /// <summary>Rent arrears.</summary>
    Rent,
    /// <summary>Mortgage or secured-loan arrears.</summary>
    Mortgage,
    /// <summary>Council tax ("council-tax").</summary>
    CouncilTax,
    /// <summary>Gas or electricity.</summary>
    Energy,
    /// <summary>Water.</summary>
    Water,
    /// <summary>A TV licence ("tv-licence").</summary>
    TvLicence,
    /// <summary>Child maintenance ("child-maintenance").</summary>
    ChildMaintenance,
    /// <summary>A court fine ("court-fine").</summary>
    CourtFine,
    /// <summary>Income tax or VAT owed.</summary>
    Tax,
    /// <summary>Hire purchase of goods the borrower needs ("hire-purchase").</summary>
    HirePurchase,
    /// <summary>Any other priority debt.</summary>
    Other,
}

/// <summary>A statutory pause on creditor action and charges, started through a debt adviser.</summary>
public enum BreathingSpaceKind
{
    /// <summary>The standard moratorium.</summary>
    Standard,
    /// <summary>The moratorium during mental health crisis treatment ("mental-health-crisis").</summary>
    MentalHealthCrisis,
}

/// <summary>A circumstance that can make a borrower vulnerable, shared only where the borrower chooses.</summary>
public enum Vulnerability
{
    /// <summary>A mental health condition ("mental-health").</summary>
    MentalHealth,
    /// <summary>Possibly lacking capacity to make the financial decisions ("mental-capacity").</summary>
    MentalCapacity,
    /// <summary>A serious physical illness or disability ("physical-illness").</summary>
    PhysicalIllness,
    /// <summary>A recent bereavement.</summary>
    Bereavement,
    /// <summary>Caring for someone ("caring").</summary>
    Caring,
    /// <summary>Difficulty reading or with numbers ("low-literacy").</summary>
    LowLiteracy,
    /// <summary>Any other.</summary>
    Other,
}
