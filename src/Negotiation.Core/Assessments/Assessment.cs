using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Assessments;

/// <summary>
/// The facts the rules decide on, derived from a <see cref="BorrowerCase"/> by the calculators: how late
/// the payment is, what is owed, what the borrower can afford, what has been tried, what looks like a scam.
/// Rule expressions read them as <c>facts.name</c> (camelCase) and messages as <c>{name}</c>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Kinds and categories are the case's kebab-case strings (<c>"bank-card"</c>,
/// <c>"job-loss"</c>) so that rules compare them exactly as the case file spells them. Amounts are in the
/// case's currency; ratios are fractions (0.18 = 18 %).
/// </remarks>
public sealed record Assessment
{
    /// <summary>Made by the library only: an assessment is computed from a case, never filled in by hand.</summary>
    internal Assessment()
    {
    }

    // ---- the account and how late it is ----

    /// <summary>Gets the day the case describes.</summary>
    [FactField(FactFormat.Date)] public LocalDate AsOf { get; internal init; }

    /// <summary>Gets the ISO 4217 code of the case's currency.</summary>
    [FactField] public string Currency { get; internal init; } = "";

    /// <summary>
    /// Gets the due date of the oldest payment still unpaid: the account's due date, or an earlier one when the repayment
    /// record shows an earlier instalment unpaid or part paid.
    /// </summary>
    [FactField(FactFormat.Date)] public LocalDate DueDate { get; internal init; }

    /// <summary>Gets the days from the due date (of the oldest unpaid payment) to <see cref="AsOf"/>; 0 when not yet due.</summary>
    [FactField(FactFormat.Days)] public int DaysPastDue { get; internal init; }

    /// <summary>Gets the grace days that apply: the case's own, else the rule set's default.</summary>
    [FactField(FactFormat.Days)] public int GracePeriodDays { get; internal init; }

    /// <summary>Gets the last day of grace: the due date plus the grace days.</summary>
    [FactField(FactFormat.Date)] public LocalDate GraceEndsOn { get; internal init; }

    /// <summary>Gets whether the payment is late but still within the grace period.</summary>
    [FactField] public bool InGracePeriod { get; internal init; }

    /// <summary>Gets whether <see cref="AsOf"/> is the last day of grace.</summary>
    [FactField] public bool IsLastDayOfGrace { get; internal init; }

    /// <summary>Gets whether the due date has passed (<see cref="DaysPastDue"/> &gt; 0).</summary>
    [FactField] public bool IsOverdue { get; internal init; }

    /// <summary>Gets whether the payment is late beyond the grace period.</summary>
    [FactField] public bool IsBeyondGrace { get; internal init; }

    /// <summary>Gets the delinquency bucket: <c>current</c>, <c>m1</c> … <c>m6</c>, <c>m6-plus</c>.</summary>
    [FactField] public string DelinquencyBucket { get; internal init; } = "";

    /// <summary>
    /// Gets the asset tier from the rule set's bands for the lender's kind: <c>normal</c>, <c>special-mention</c>,
    /// <c>substandard</c>, <c>doubtful</c>, <c>loss</c>; empty when the rule set defines no bands.
    /// </summary>
    [FactField] public string AssetTier { get; internal init; } = "";

    /// <summary>
    /// Gets, while the account is overdue, the asset tier the oldest unpaid instalment reaches next by the rule set's bands
    /// (<c>substandard</c> …), or empty when there is none.
    /// </summary>
    [FactField] public string NextAssetTier { get; internal init; } = "";

    /// <summary>Gets the day the oldest unpaid instalment reaches <see cref="NextAssetTier"/> (<see cref="AsOf"/> when there is none).</summary>
    [FactField(FactFormat.Date)] public LocalDate NextAssetTierOn { get; internal init; }

    /// <summary>
    /// Gets the order a payment is applied in: <c>fees-and-interest-first</c> up to the rule set's <c>feesFirstUpToDays</c>,
    /// <c>principal-first</c> after; empty when the rule set sets no such parameter.
    /// </summary>
    [FactField] public string AllocationOrder { get; internal init; } = "";

    /// <summary>Gets whether the repayment record holds any instalment due before this one: without it, the record is unknown, neither good nor bad.</summary>
    [FactField] public bool HasRecord { get; internal init; }

    /// <summary>Gets whether this is the first late payment in a known record (false when <see cref="HasRecord"/> is false).</summary>
    [FactField] public bool IsFirstOverdue { get; internal init; }

    /// <summary>Gets the share of past instalments paid in full within grace (0 when there is no record; see <see cref="HasRecord"/>).</summary>
    [FactField(FactFormat.Percent)] public decimal OnTimeRatio { get; internal init; }

    /// <summary>Gets how many instalments the repayment record holds.</summary>
    [FactField] public int HistoryCount { get; internal init; }

    /// <summary>Gets how many past instalments were paid late or not in full, this one excluded.</summary>
    [FactField] public int EarlierLatePayments { get; internal init; }

    /// <summary>
    /// Gets the days since the latest payment in the repayment record, part payments included; when the record shows none, the
    /// days past due. Paying what one can is keeping in touch too: long arrears with recent payments are not silence.
    /// </summary>
    [FactField(FactFormat.Days)] public int DaysSinceLastPayment { get; internal init; }

    /// <summary>Gets the whole years since the last payment, by the calendar (as <see cref="DaysSinceLastPayment"/> counts from).</summary>
    [FactField] public int YearsSinceLastPayment { get; internal init; }

    // ---- what is owed ----

    /// <summary>Gets the principal still owed.</summary>
    [FactField(FactFormat.Money)] public decimal Principal { get; internal init; }

    /// <summary>Gets the contractual interest accrued and unpaid.</summary>
    [FactField(FactFormat.Money)] public decimal Interest { get; internal init; }

    /// <summary>Gets the fees charged and unpaid.</summary>
    [FactField(FactFormat.Money)] public decimal Fees { get; internal init; }

    /// <summary>Gets the penalty interest accrued and unpaid.</summary>
    [FactField(FactFormat.Money)] public decimal PenaltyInterest { get; internal init; }

    /// <summary>Gets fees plus penalty interest: what a waiver can remove.</summary>
    [FactField(FactFormat.Money)] public decimal FeesAndPenalties { get; internal init; }

    /// <summary>Gets fees and penalties as a share of everything owed (0 when nothing is owed).</summary>
    [FactField(FactFormat.Percent)] public decimal FeesAndPenaltiesShare { get; internal init; }

    /// <summary>Gets everything owed: principal, interest, fees and penalty interest.</summary>
    [FactField(FactFormat.Money)] public decimal TotalOwed { get; internal init; }

    /// <summary>
    /// Gets what it takes to bring the account up to date: the payment due on the account's due date (less what the record
    /// shows paid towards it) plus the unpaid part of every other instalment in the repayment record that fell due by
    /// <c>asOf</c>, before or after that date (never more than everything owed). Where the account's amount is more than
    /// the record's instalment for its date and the record shows other instalments unpaid, it is taken to hold them already
    /// (what is due is then the larger of the account's amount and the record's arrears, never their sum).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal AmountDue { get; internal init; }

    /// <summary>
    /// Gets the payment due on the account's due date alone: the regular instalment a monthly capacity is set against. Where the
    /// record shows other instalments unpaid and the account's amount is more than its instalment for that date (it holds them),
    /// the record's instalment.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal CurrentInstalment { get; internal init; }

    /// <summary>
    /// Gets how many regular instalments (<see cref="CurrentInstalment"/>) what is owed holds beyond what is due, with their
    /// interest at the contract rate: 0 when less than half an instalment is left beyond it (what is due is the last of the
    /// loan, or all that is left of it), so that there is no "next payment". At most 9,999.
    /// </summary>
    [FactField] public int LaterInstalments { get; internal init; }

    /// <summary>
    /// Gets the contract interest a month on the principal (principal × annual rate ÷ 12; 0 when the rate is not known): a
    /// payment below it leaves the balance growing while interest runs.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal MonthlyInterest { get; internal init; }

    /// <summary>Gets the unpaid part of the instalments due before the account's due date (0 when the record shows none).</summary>
    [FactField(FactFormat.Money)] public decimal EarlierArrears { get; internal init; }

    /// <summary>Gets how many instalments are unpaid or part paid, the account's own included (1 when only it is).</summary>
    [FactField] public int UnpaidInstalments { get; internal init; }

    /// <summary>Gets how many of the <see cref="UnpaidInstalments"/> were paid in part: something was paid, not all of it.</summary>
    [FactField] public int PartPaidInstalments { get; internal init; }

    /// <summary>
    /// Gets what the borrower paid towards the latest instalment fallen due, where that was a part payment the budget carries
    /// and more instalments are to come: the amount to keep paying meanwhile. 0 otherwise.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal PartPaymentToKeep { get; internal init; }

    /// <summary>Gets the date the next regular instalment falls due after asOf, or asOf when none is to come (<see cref="LaterInstalments"/> is 0).</summary>
    [FactField(FactFormat.Date)] public LocalDate NextInstalmentDue { get; internal init; }

    /// <summary>Gets whether the case states the contractual rate, or that interest has stopped (<see cref="InterestStopped"/>).</summary>
    [FactField] public bool RateKnown { get; internal init; }

    /// <summary>
    /// Gets the annual rate the account runs at from today: the contractual rate (0 when not known; see <see cref="RateKnown"/>),
    /// or 0 once the lender has stopped interest (<see cref="InterestStopped"/>).
    /// </summary>
    [FactField(FactFormat.Percent)] public decimal AnnualRate { get; internal init; }

    /// <summary>
    /// Gets whether the lender adds no more interest, penalty interest or charges (the case's <c>account.interestStoppedOn</c>):
    /// every figure from today then counts none (<see cref="AnnualRate"/>, <see cref="PenaltyDailyRate"/>,
    /// <see cref="MonthlyInterest"/> and the cost of waiting are 0, plans bear no interest) and interest relief is not asked.
    /// </summary>
    [FactField] public bool InterestStopped { get; internal init; }

    /// <summary>Gets the day the lender stopped adding interest and charges (see <see cref="InterestStopped"/>; equal to <see cref="AsOf"/> when it has not).</summary>
    [FactField(FactFormat.Date)] public LocalDate InterestStoppedOn { get; internal init; }

    /// <summary>Gets the penalty rate per day (0 when not known).</summary>
    [FactField(FactFormat.Percent)] public decimal PenaltyDailyRate { get; internal init; }

    /// <summary>
    /// Gets the part of what is due that penalty interest runs on: the overdue principal and interest, without the fees and
    /// penalty interest already charged (no interest is charged on those). It is never less than the unpaid instalments' own
    /// amounts, for a case whose <see cref="AmountDue"/> leaves the charges out, nor more than <see cref="AmountDue"/>.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal OverduePrincipalAndInterest { get; internal init; }

    /// <summary>
    /// Gets what 30 more days of waiting would add: simple interest on <see cref="OverduePrincipalAndInterest"/> at the
    /// penalty rate, or at the contract rate when the case gives no penalty rate (<see cref="PenaltyDailyRate"/> is then 0).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal CostOfWaiting30Days { get; internal init; }

    // ---- the budget ----

    /// <summary>Gets whether the case gives the borrower's budget.</summary>
    [FactField] public bool HasFinances { get; internal init; }

    /// <summary>Gets all monthly income, stable or not.</summary>
    [FactField(FactFormat.Money)] public decimal MonthlyIncome { get; internal init; }

    /// <summary>Gets the monthly income that can be counted on.</summary>
    [FactField(FactFormat.Money)] public decimal StableIncome { get; internal init; }

    /// <summary>Gets the monthly income that cannot be counted on every month (gig work, commissions, help from family).</summary>
    [FactField(FactFormat.Money)] public decimal UnstableIncome { get; internal init; }

    /// <summary>Gets the essential monthly expenses.</summary>
    [FactField(FactFormat.Money)] public decimal EssentialExpenses { get; internal init; }

    /// <summary>Gets the flexible monthly expenses.</summary>
    [FactField(FactFormat.Money)] public decimal FlexibleExpenses { get; internal init; }

    /// <summary>Gets the monthly payments on other debts.</summary>
    [FactField(FactFormat.Money)] public decimal OtherDebtPayments { get; internal init; }

    /// <summary>Gets income less all expenses and other debt payments; negative when the budget does not balance.</summary>
    [FactField(FactFormat.Money)] public decimal DisposableIncome { get; internal init; }

    /// <summary>Gets the savings the borrower can draw on: those held less any already spoken for (0 when not stated).</summary>
    [FactField(FactFormat.Money)] public decimal Savings { get; internal init; }

    /// <summary>Gets whether there is any income.</summary>
    [FactField] public bool HasIncome { get; internal init; }

    /// <summary>Gets debt payments (this one's regular instalment, <see cref="CurrentInstalment"/>, plus other debts) over income (0 when there is no income).</summary>
    [FactField(FactFormat.Percent)] public decimal DebtServiceRatio { get; internal init; }

    /// <summary>
    /// Gets the sustainable monthly capacity, the one figure every instalment is measured against:
    /// <c>params.affordableShare</c> × (stable income + <c>params.unstableIncomeShare</c> × unstable income − essential
    /// expenses − other debt payments), never below 0 and never above <see cref="DisposableIncome"/> (what is left after all of this
    /// month's spending), rounded down to the minor unit.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal AffordableInstalment { get; internal init; }

    /// <summary>
    /// Gets the cash available now: savings, plus this month's surplus (<see cref="DisposableIncome"/>, when positive) when the
    /// case gives no cause (or only a disputed charge). Any stated cause, an oversight included, means the money was not there
    /// on the due date; it comes with the next income (see <see cref="CashByExtensionEnd"/>).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal CashAvailable { get; internal init; }

    /// <summary>
    /// Gets the cash by the due date: <see cref="CashAvailable"/>, and, for a payment not yet due, a confirmed one-off sum
    /// arriving by its due date and, where a cause is given (so that the month's surplus is not in the cash now), the surplus
    /// of a pay landing by then (<see cref="PayBeforeDueOn"/>); equal to <see cref="CashAvailable"/> otherwise.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal CashByDueDate { get; internal init; }

    /// <summary>
    /// Gets whether the cash available now (<see cref="CashAvailable"/>) covers the amount due, after what a budget in deficit
    /// (<see cref="DisposableIncome"/> below 0) will take from it each month until a hardship of known length ends; for a
    /// payment not yet due, whether it is covered on its due date, a confirmed one-off sum arriving by then counting
    /// (<see cref="AmountDueFromLumpSum"/>), or the surplus of a pay landing by then (<see cref="AmountDueFromPay"/>).
    /// </summary>
    [FactField] public bool CanPayAmountDueNow { get; internal init; }

    /// <summary>
    /// Gets whether the cash available now (<see cref="CashAvailable"/>) would cover the amount due but is needed for the budget's
    /// deficit until a hardship of known length ends, so that <see cref="CanPayAmountDueNow"/> is false all the same.
    /// </summary>
    [FactField] public bool SavingsNeededMeanwhile { get; internal init; }

    /// <summary>
    /// Gets whether a payment not yet due is met on its date only thanks to a confirmed one-off sum (<see cref="LumpSumOn"/>)
    /// arriving by then: the cash now falls short of it, the cash on the sum's day does not.
    /// </summary>
    [FactField] public bool AmountDueFromLumpSum { get; internal init; }

    /// <summary>
    /// Gets whether a payment not yet due is met on its date only thanks to the pay landing before it (<see cref="PayBeforeDueOn"/>):
    /// a cause is given, the cash now falls short, and with the month's surplus after all spending (<see cref="DisposableIncome"/>)
    /// it does not. Never together with <see cref="AmountDueFromLumpSum"/>.
    /// </summary>
    [FactField] public bool AmountDueFromPay { get; internal init; }

    /// <summary>
    /// Gets the first payday after <see cref="AsOf"/>, where it falls on or before the due date of a payment not yet due;
    /// <see cref="AsOf"/> when there is none (overdue, no payday given, or the due date comes first).
    /// </summary>
    [FactField(FactFormat.Date)] public LocalDate PayBeforeDueOn { get; internal init; }

    /// <summary>
    /// Gets the cash the borrower will have when the extension ends (<see cref="ExtensionEndsOn"/>):
    /// <see cref="CashAvailable"/> plus the month's surplus (or, during a hardship of known length, its deficit) for each pay
    /// received by then (each whole month, at least one, when the case gives no payday), and a confirmed one-off sum arriving by
    /// then, less the regular instalments (<see cref="CurrentInstalment"/>) that the extension does not move falling due
    /// meanwhile or, with a payday known, before the next pay after it; never below 0.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal CashByExtensionEnd { get; internal init; }

    /// <summary>
    /// Gets <see cref="CashByExtensionEnd"/> less what the extension asks to be paid in now from savings (<see cref="PartPaymentNow"/>,
    /// where it moves no instalment): the cash there will be to pay <see cref="DueLeftAtExtensionEnd"/> with.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal CashLeftAtExtensionEnd { get; internal init; }

    /// <summary>
    /// Gets what will still be due when the extension ends: <see cref="AmountDue"/> less what is paid in now from savings, with
    /// the instalments an extension to a confirmed sum's day moves (<see cref="ExtensionToLumpSum"/>).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal DueLeftAtExtensionEnd { get; internal init; }

    /// <summary>
    /// Gets whether a total cost cap limits what this account may be charged: high-cost short-term credit, under a rule set
    /// that sets <c>params.hcstcTotalCostCap</c>, with the amount borrowed known (<c>account.amountBorrowed</c>, or a principal
    /// still owed). Plans, extensions and interest relief then count interest only up to the cap.
    /// </summary>
    [FactField] public bool TotalCostCapApplies { get; internal init; }

    /// <summary>
    /// Gets the most that interest and charges may come to in all under the total cost cap: <c>params.hcstcTotalCostCap</c>
    /// times the amount borrowed (the case's <c>account.amountBorrowed</c>, or the principal still owed when it is not given);
    /// 0 when no cap applies.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal TotalCostCap { get; internal init; }

    /// <summary>
    /// Gets what interest and charges may still add under the total cost cap: <see cref="TotalCostCap"/> less the interest,
    /// fees and penalty interest unpaid now and the charges already paid (the case's <c>account.chargesPaid</c>); 0 when the cap is
    /// reached, or none applies. Without the paid charges, the lender may lawfully add less than this, never more.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal ChargesLeftUnderCap { get; internal init; }

    /// <summary>
    /// Gets how far the interest, fees and penalty interest unpaid now, with the charges already paid, exceed
    /// <see cref="TotalCostCap"/> (0 when within it, or no cap applies).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal ChargesOverCap { get; internal init; }

    /// <summary>
    /// Gets what is owed once the charges above <see cref="TotalCostCap"/> are taken off: <see cref="TotalOwed"/> less
    /// <see cref="ChargesOverCap"/> (charges already paid above the cap are credited against it); <see cref="TotalOwed"/> when
    /// no cap applies or it is not exceeded.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal OwedWithinCap { get; internal init; }

    /// <summary>
    /// Gets whether savings cover everything owed, less what a budget in deficit lives on until a hardship of known length ends.
    /// </summary>
    [FactField] public bool CanPayAllNow { get; internal init; }

    /// <summary>Gets the months to clear the debt paying <see cref="AffordableInstalment"/> at the contract rate; 0 when it never clears.</summary>
    [FactField(FactFormat.Months)] public int MonthsToClear { get; internal init; }

    /// <summary>
    /// Gets the shortest plan term, from 2 months up to the rule set's maximum, whose instalment at the contract rate (0 % when
    /// the rate is not known) fits <see cref="AffordableInstalment"/>; 0 when none does.
    /// </summary>
    [FactField(FactFormat.Months)] public int AffordablePlanMonths { get; internal init; }

    /// <summary>
    /// Gets the due date an extension asks for: <c>params.maxExtensionDays</c> from <c>asOf</c>, or from <see cref="DueDate"/>
    /// while it is still ahead; for a short-term hardship of known length that lasts longer (at most the rule set's optional
    /// <c>params.maxBridgeMonths</c>) and while the budget cannot meet the regular instalment (<see cref="AffordableInstalment"/>
    /// below <see cref="CurrentInstalment"/>), the hardship's end. When the usual extension leaves the cash short of what is
    /// due (<see cref="CashByExtensionEnd"/>), the first whole month, up to the optional <c>params.maxDeferralMonths</c>, by which it covers it.
    /// </summary>
    [FactField(FactFormat.Date)] public LocalDate ExtensionEndsOn { get; internal init; }

    /// <summary>Gets the days an extension adds: from <c>asOf</c>, or from <see cref="DueDate"/> while it is still ahead, to <see cref="ExtensionEndsOn"/>.</summary>
    [FactField(FactFormat.Days)] public int ExtensionDays { get; internal init; }

    /// <summary>
    /// Gets whether the extension runs to the day a confirmed one-off sum arrives (<see cref="LumpSumOn"/>): the sum pays what
    /// is due, and the regular instalments falling due before it that the cash cannot meet on their dates
    /// (<see cref="InstalmentsMovedByExtension"/>), nothing being paid on them meanwhile.
    /// </summary>
    [FactField] public bool ExtensionToLumpSum { get; internal init; }

    /// <summary>
    /// Gets how many regular instalments, falling due after <c>asOf</c> and by <see cref="ExtensionEndsOn"/>, an extension that
    /// runs to a hardship's end moves with what is due; 0 when the extension is the usual one.
    /// </summary>
    [FactField] public int InstalmentsMovedByExtension { get; internal init; }

    /// <summary>
    /// Gets how many regular instalments fall due after <c>asOf</c> and by <see cref="ExtensionEndsOn"/> that the extension
    /// does not move: those the borrower keeps paying on their dates meanwhile (0: none falls due before it ends).
    /// </summary>
    [FactField] public int InstalmentsDuringExtension { get; internal init; }

    /// <summary>
    /// Gets the regular instalments left after those the extension moves (0 when it moves the last of them): a catch-up
    /// after it rides on them where there are any, and takes the whole budget where there are none.
    /// </summary>
    [FactField] public int InstalmentsLeftAfterExtension { get; internal init; }

    /// <summary>
    /// Gets what of a deferral to a hardship's end the cash on that day will not cover (what is due, and the unpaid part of
    /// each instalment moved, less <see cref="CashByExtensionEnd"/>); 0 when it covers it, or nothing is moved.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal DeferralShortfall { get; internal init; }

    /// <summary>
    /// Gets the months the budget after the hardship (<see cref="AffordableAfterHardship"/>) catches up
    /// <see cref="DeferralShortfall"/> in, on top of the regular instalment; 0 when there is none, or that budget is not known
    /// or leaves nothing beyond the instalment.
    /// </summary>
    [FactField(FactFormat.Months)] public int DeferralCatchUpMonths { get; internal init; }

    /// <summary>Gets what is paid each of those months on top of the regular instalment (0 when there are none).</summary>
    [FactField(FactFormat.Money)] public decimal DeferralCatchUpMonthly { get; internal init; }

    /// <summary>
    /// Gets whether the catch-up runs over more than one month (<see cref="DeferralCatchUpMonths"/> above 1): a message then
    /// speaks of so much a month for so many months, and otherwise of one payment on top of the next instalment.
    /// </summary>
    [FactField] public bool DeferralCatchUpOverMonths { get; internal init; }

    /// <summary>
    /// Gets whether the agreement's regular instalments are taken to run on: the lender has not ended it, no default notice's
    /// date has passed, and nothing is overdue beyond the rule set's <c>params.catchUpUpToDays</c>. While they run, a plan that
    /// re-spreads the whole debt at no less than <see cref="CurrentInstalment"/> a month would only repay faster than the
    /// contract.
    /// </summary>
    [FactField] public bool InstalmentsRun { get; internal init; }

    /// <summary>
    /// Gets the days from the account's due date to the first payday after it (1 to 31), or 0 when the case gives no
    /// payday: a due date a few days before pay leaves the account to be paid from what is left of the last one.
    /// </summary>
    [FactField(FactFormat.Days)] public int DaysFromDueDateToPayday { get; internal init; }

    /// <summary>
    /// Gets whether the extension also asks for the regular due date to move to just after payday: what is due is paid from a
    /// pay, and the next instalment, falling due <see cref="DaysFromDueDateToPayday"/> before the following pay (within the
    /// rule set's <c>dueBeforePaydayDays</c>), could not be met on its date from what that pay leaves, while the budget meets an
    /// instalment a month. <see cref="CashByExtensionEnd"/> then counts the next instalment as paid from the next pay.
    /// </summary>
    [FactField] public bool ExtensionMovesDueDate { get; internal init; }

    /// <summary>Gets whether a confirmed one-off sum is expected after <see cref="AsOf"/> (the case's <c>finances.lumpSums</c>).</summary>
    [FactField] public bool HasLumpSum { get; internal init; }

    /// <summary>Gets the first confirmed one-off sum ahead (those confirmed for the same day together); 0 when there is none.</summary>
    [FactField(FactFormat.Money)] public decimal LumpSumAmount { get; internal init; }

    /// <summary>Gets the day it is expected (<see cref="AsOf"/> when there is none). An extension covered by it runs to that day.</summary>
    [FactField(FactFormat.Date)] public LocalDate LumpSumOn { get; internal init; }

    /// <summary>Gets the days from <see cref="AsOf"/> to <see cref="LumpSumOn"/> (0 when there is none).</summary>
    [FactField(FactFormat.Days)] public int DaysToLumpSum { get; internal init; }

    /// <summary>Gets whether the case lists a one-off sum that is only hoped for (not confirmed): nothing is planned on it.</summary>
    [FactField] public bool LumpSumHoped { get; internal init; }

    /// <summary>
    /// Gets whether the cash on <see cref="LumpSumOn"/> (the cash now, the surplus of the whole months until then and the sum,
    /// less the regular instalments falling due meanwhile) covers <see cref="AmountDue"/>; false without a confirmed sum.
    /// </summary>
    [FactField] public bool LumpSumCoversDue { get; internal init; }

    /// <summary>
    /// Gets whether the savings that can be spared (as for <see cref="CanPayAllNow"/>) and the sum together cover everything
    /// owed; false without a confirmed sum.
    /// </summary>
    [FactField] public bool LumpSumCoversAll { get; internal init; }

    /// <summary>
    /// Gets the fewest months, two at least, over which <see cref="AmountDue"/> can be caught up on top of
    /// <see cref="CurrentInstalment"/> within <see cref="AffordableInstalment"/> while the regular instalments still run that
    /// long; 0 when it cannot, or when the contract is not taken to run on (nothing overdue yet, arrears older than the rule
    /// set's <c>params.catchUpUpToDays</c>, a termination notice, a default deadline passed). When it can, an instalment plan
    /// asks for this, not for the whole debt to be re-spread.
    /// </summary>
    [FactField(FactFormat.Months)] public int CatchUpMonths { get; internal init; }

    /// <summary>
    /// Gets what the borrower's savings pay now towards what is overdue when they do not cover it (all of them; 0 when they
    /// cover it, when there are none, or when nothing is overdue yet). An extension that moves nothing else moves the rest
    /// (<see cref="RequestTerms.AmountMoved"/>), a plan for the arrears (<see cref="CatchUpMonths"/>) catches it up, or a
    /// whole-debt plan repays what is left of the debt after it (see <see cref="PlanPaidNow"/>).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal PartPaymentNow { get; internal init; }

    /// <summary>
    /// Gets what the borrower's savings pay now before a whole-debt plan (its terms' <c>paidNow</c>): what is overdue, or all
    /// of them when they cover less (<see cref="PartPaymentNow"/>); what they hold beyond what is overdue stays in hand. 0
    /// when nothing is overdue yet or there are none.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal PlanPaidNow { get; internal init; }

    /// <summary>Gets whether even a 0 % plan over the maximum term would not fit <see cref="AffordableInstalment"/> (always false when the budget is not known).</summary>
    [FactField] public bool BeyondAnyPlan { get; internal init; }

    // ---- what each request would do: the gap and what closes it ----

    /// <summary>
    /// Gets whether an extension closes the gap: the hardship is not long-term, and either it is short-term (it passes, and the
    /// usual budget returns: one instalment behind, an extension that outlasts it, and no budget after it that falls short, see
    /// <see cref="BudgetShortAfterHardship"/>), or <see cref="CashByExtensionEnd"/> covers the amount due, or, for a deferral
    /// to the hardship's end, what it leaves owing then is caught up within the rule set's <c>shortTermMonths</c> from what
    /// <see cref="AffordableAfterHardship"/> leaves beyond the regular instalment; taken as true when the budget is not known.
    /// </summary>
    [FactField] public bool ExtensionClosesGap { get; internal init; }

    /// <summary>
    /// Gets whether the disputed charges alone are the gap: a charge is disputed and, with the disputed sum off, the cash
    /// available now (less what a deficit budget needs until a hardship of known length ends) covers what is due, or the
    /// budget is not known. A small dispute beside a cash shortfall is not: taking it off narrows the gap without closing it.
    /// </summary>
    [FactField] public bool DisputeClosesGap { get; internal init; }

    /// <summary>
    /// Gets whether a fee waiver closes the gap: the disputed charges do (<see cref="DisputeClosesGap"/>); or, once the fees and penalty
    /// interest are removed, the cash available now clears the whole debt, or covers what is due while the hardship is not
    /// long-term (or the sustainable capacity covers the instalment), so that the next instalments hold too.
    /// </summary>
    [FactField] public bool FeeWaiverClosesGap { get; internal init; }

    /// <summary>Gets whether an instalment plan at the contract rate fits the sustainable capacity (<see cref="AffordablePlanMonths"/> &gt; 0).</summary>
    [FactField] public bool PlanClosesGap { get; internal init; }

    /// <summary>
    /// Gets the annual rate interest relief asks for: <c>params.reliefAnnualRate</c>, or 0 % (interest stopped) when the hardship is
    /// long-term and no plan at that rate fits; equal to <see cref="AnnualRate"/> when no relief below the contract rate exists.
    /// </summary>
    [FactField(FactFormat.Percent)] public decimal ReliefRate { get; internal init; }

    /// <summary>Gets whether interest relief is possible: the contract rate is known and above <see cref="ReliefRate"/>.</summary>
    [FactField] public bool InterestReliefPossible { get; internal init; }

    /// <summary>Gets the shortest plan term, from 2 months up to the maximum, whose instalment at <see cref="ReliefRate"/> fits the capacity; 0 when none does.</summary>
    [FactField(FactFormat.Months)] public int ReliefPlanMonths { get; internal init; }

    /// <summary>Gets whether interest relief makes a plan fit that does not fit at the contract rate (or fits anyway): <see cref="InterestReliefPossible"/> and <see cref="ReliefPlanMonths"/> &gt; 0.</summary>
    [FactField] public bool ReliefClosesGap { get; internal init; }

    /// <summary>Gets the flexible category the borrower spends most on (empty when none).</summary>
    [FactField] public string LargestFlexibleCategory { get; internal init; } = "";

    /// <summary>Gets the monthly amount of <see cref="LargestFlexibleCategory"/>.</summary>
    [FactField(FactFormat.Money)] public decimal LargestFlexibleAmount { get; internal init; }

    // ---- the borrower, the lender, the goal ----

    /// <summary>Gets the lender's kind: <c>bank-card</c>, <c>consumer-finance</c>, <c>online-lender</c>, <c>bnpl</c>, <c>bank-loan</c>, <c>other</c>.</summary>
    [FactField] public string LenderKind { get; internal init; } = "";

    /// <summary>Gets whether the lender is a bank (<c>bank-card</c> or <c>bank-loan</c>), so that rules binding banks bind it.</summary>
    [FactField] public bool LenderIsBank { get; internal init; }

    /// <summary>Gets whether the account is a bank's card (<c>bank-card</c>), so that the bank-card rules bind it; a bank's loan is not.</summary>
    [FactField] public bool LenderIsBankCard { get; internal init; }

    /// <summary>
    /// Gets whether the account is a card: a <c>credit-card</c> or <c>store-card</c>, or a <c>bank-card</c> lender's account
    /// whose product is not given. What falls due each month on a card is a minimum payment, not an instalment.
    /// </summary>
    [FactField] public bool IsCard { get; internal init; }

    /// <summary>Gets the lender's or product's name (empty when not given).</summary>
    [FactField] public string LenderName { get; internal init; } = "";

    /// <summary>Gets the hardship's cause, e.g. <c>oversight</c>, <c>job-loss</c>, <c>none</c>.</summary>
    [FactField] public string HardshipCause { get; internal init; } = "";

    /// <summary>
    /// Gets whether the case names a hardship behind the trouble: a cause other than <c>none</c>, <c>oversight</c> and
    /// <c>disputed-charge</c>, so that a message can say "because of …" in its words.
    /// </summary>
    [FactField] public bool HardshipNamed { get; internal init; }

    /// <summary>Gets whether the hardship is a family member's that falls on the borrower (<c>hardship.affects</c> is <c>family</c>).</summary>
    [FactField] public bool HardshipInFamily { get; internal init; }

    /// <summary>
    /// Gets the hardship's cause as messages name it: <see cref="HardshipCause"/>, or, for a family member's illness, job loss,
    /// drop in income or business failure (<see cref="HardshipInFamily"/>), its family form (<c>family-illness</c>: "illness in
    /// the family", 家人生病), so that a plan does not sound as if the borrower is the one who is ill or out of work.
    /// </summary>
    [FactField] public string HardshipWords { get; internal init; } = "";

    /// <summary>
    /// Gets whether the hardship is short-term: expected to last at most <c>params.shortTermMonths</c> more months, or at most
    /// <c>params.maxBridgeMonths</c> when the case gives the income after it and the budget then meets the regular instalment (a dip
    /// with a known end and a known recovery); or, when the case gives no months, a cause that passes by nature (oversight, a
    /// temporary shortfall, an unexpected expense, a family emergency) unless, an oversight apart, it began more than
    /// <c>params.shortTermMonths</c> whole months ago and the budget no longer meets the regular instalment.
    /// </summary>
    [FactField] public bool HardshipIsShortTerm { get; internal init; }

    /// <summary>
    /// Gets whether the hardship is long-term: a named cause that is not short-term (see <see cref="HardshipIsShortTerm"/>): expected
    /// to last more than <c>params.shortTermMonths</c> months without a recovery the case shows within the bridge, or, when the case
    /// gives no months, a cause that lasts by nature (income drop, job loss, illness, business failure) or one that passes by nature
    /// but has already run longer than the short term and left the budget short of the instalment. A disputed charge or no cause is neither,
    /// and so is a lasting cause whose budget still meets the instalment (<see cref="HardshipLastsWithinBudget"/>).
    /// </summary>
    [FactField] public bool HardshipIsLongTerm { get; internal init; }

    /// <summary>
    /// Gets whether the cause would be long-term but the budget (<see cref="AffordableInstalment"/>) still meets the regular
    /// instalment, and no budget the case expects later falls short of it: the income has fallen for good, yet what is short
    /// is cash on the day, not the budget, so the hardship is neither short- nor long-term for this debt and a short delay or
    /// catch-up fits, not relief or a re-spread.
    /// </summary>
    [FactField] public bool HardshipLastsWithinBudget { get; internal init; }

    /// <summary>Gets whether the case says how long the hardship will last (<c>hardship.expectedMonths</c> given, 0 included).</summary>
    [FactField] public bool HardshipMonthsKnown { get; internal init; }

    /// <summary>
    /// Gets whether a hardship the case names is over (<c>hardship.expectedMonths</c> is 0): short-term, and the budget the case
    /// gives is already the usual one, so no recovery is waited for.
    /// </summary>
    [FactField] public bool HardshipIsOver { get; internal init; }

    /// <summary>Gets how many more months the hardship is expected to last (0 when it is over or not given; see <see cref="HardshipMonthsKnown"/>).</summary>
    [FactField(FactFormat.Months)] public int HardshipExpectedMonths { get; internal init; }

    /// <summary>Gets whether the case says when the hardship began (<c>hardship.since</c>); see <see cref="HardshipMonthsSoFar"/>.</summary>
    [FactField] public bool HardshipSinceKnown { get; internal init; }

    /// <summary>
    /// Gets the whole months the hardship has run by <see cref="AsOf"/>, from <c>hardship.since</c> (0 when the case does not say
    /// when it began, or it began less than a month ago; see <see cref="HardshipSinceKnown"/>). A hardship of unknown end that
    /// began weeks ago is too new to show it will last.
    /// </summary>
    [FactField(FactFormat.Months)] public int HardshipMonthsSoFar { get; internal init; }

    /// <summary>Gets whether the case says what the monthly income will be once the hardship is over (<c>hardship.incomeAfter</c>, with months and a budget).</summary>
    [FactField] public bool IncomeAfterKnown { get; internal init; }

    /// <summary>
    /// Gets the monthly income the case expects once the hardship is over (<c>hardship.incomeAfter</c>; 0 when not given, see
    /// <see cref="IncomeAfterKnown"/>): a deferral's months after <see cref="HardshipExpectedMonths"/> count the surplus it leaves
    /// against the same expenses, and one whose surplus falls short of the regular instalment means the usual budget is not coming back.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal IncomeAfterHardship { get; internal init; }

    /// <summary>
    /// Gets the instalment sustainable on the budget after a short hardship (<see cref="IncomeAfterHardship"/>, taken as stable,
    /// against the same expenses; 0 when not known): whole-debt plans and interest relief are sized on it instead of
    /// <see cref="AffordableInstalment"/>, since they run mostly after the hardship.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal AffordableAfterHardship { get; internal init; }

    /// <summary>
    /// Gets the monthly payments of other debts whose balance the case shows repaid (balance ÷ monthly payment, rounded up)
    /// within a hardship of known length: the cash a deferral to the hardship's end counts has them from then on (a car loan
    /// ending in two months frees its payment); 0 when none ends by then. Plans are still sized on the budget with them.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal FreedDebtPayments { get; internal init; }

    /// <summary>
    /// Gets whether the case says the budget after the hardship cannot meet the regular instalment: <see cref="AffordableAfterHardship"/>
    /// is below <see cref="CurrentInstalment"/> (false when the income after is not given). Then the usual budget is not coming
    /// back: a deferral to the hardship's end bridges nothing, and a plan must fit the budget after.
    /// </summary>
    [FactField] public bool BudgetShortAfterHardship { get; internal init; }

    /// <summary>
    /// Gets the monthly payment whole-debt plans, interest relief and a write-off's reckoning are sized on: <see cref="AffordableAfterHardship"/>
    /// after a hardship whose length and income after are known (short or lasting), else <see cref="AffordableInstalment"/>.
    /// Such a plan has a low start first (<see cref="PlanLowStartMonths"/>).
    /// </summary>
    [FactField(FactFormat.Money)] public decimal PlanAffordable { get; internal init; }

    /// <summary>
    /// Gets the day a whole-debt plan's first period begins, its first instalment falling due a month later (on the payday, if
    /// the case gives one). With a payday the first instalment falls on the first payday at least the rule set's
    /// <c>planLeadDays</c> away (left out: a month or more away), so this day may be before <see cref="AsOf"/>; for a plan sized
    /// on the budget after a hardship (see <see cref="PlanAffordable"/>) it is <see cref="PlanLowStartMonths"/> later, the low
    /// start paying on the paydays before. Without a payday: <see cref="AsOf"/>, or the day the hardship's months end. The
    /// contract interest until this day is repaid with what has accrued (on a card, whose interest owed runs to today, the
    /// interest of days before today comes off it).
    /// </summary>
    [FactField(FactFormat.Date)] public LocalDate PlanStartsOn { get; internal init; }

    /// <summary>
    /// Gets the months of a plan's low start: for a plan sized on the budget after a hardship (see <see cref="PlanAffordable"/>),
    /// the hardship's months (<see cref="HardshipExpectedMonths"/>, which the case budgets on today's income), in each of
    /// which <see cref="PlanLowStartPayment"/> is paid before the plan's first instalment. The low start and the plan
    /// together keep within the rule set's <c>maxInstalmentMonths</c>, and a write-off's reckoning counts both. 0 for any other plan, and where the low start
    /// would itself repay everything owed (the plan is then sized on today's budget).
    /// </summary>
    [FactField(FactFormat.Months)] public int PlanLowStartMonths { get; internal init; }

    /// <summary>
    /// Gets what each month of a plan's low start pays (see <see cref="PlanLowStartMonths"/>): what the budget sustains now,
    /// <see cref="AffordableInstalment"/>, never more than <see cref="CurrentInstalment"/>; 0 when there is no low start.
    /// It goes to interest and charges first, as lenders apply payments.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal PlanLowStartPayment { get; internal init; }

    /// <summary>
    /// Gets what the longest plan (the rule set's <c>maxInstalmentMonths</c>) repays from income with no interest: its low start
    /// (<see cref="PlanLowStartMonths"/> × <see cref="PlanLowStartPayment"/>), then <see cref="PlanAffordable"/> for each month
    /// left. Savings are not counted: a lump sum from them is weighed against it. Below <see cref="TotalOwed"/>, what is missing is what a write-off would ask for.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal LongestPlanRepays { get; internal init; }

    /// <summary>Gets what the borrower wants, e.g. <c>auto</c>, <c>extension</c>.</summary>
    [FactField] public string Goal { get; internal init; } = "";

    /// <summary>Gets whether the lender suspects malicious overdraft.</summary>
    [FactField] public bool SuspectedMaliciousOverdraft { get; internal init; }

    /// <summary>Gets how many repayment promises the borrower has broken.</summary>
    [FactField] public int BrokenPromises { get; internal init; }

    /// <summary>Gets whether the lender can reach the borrower.</summary>
    [FactField] public bool Contactable { get; internal init; }

    /// <summary>Gets whether any charge is disputed.</summary>
    [FactField] public bool HasDisputedCharges { get; internal init; }

    /// <summary>Gets the total amount disputed.</summary>
    [FactField(FactFormat.Money)] public decimal DisputedAmount { get; internal init; }

    /// <summary>
    /// Gets the disputed sum a plan leaves out (the disputed amount, at most what is owed), from the interest and charges where
    /// they can hold it, else from the balance (a purchase or an uncredited refund): a plan repays what is owed, and the dispute
    /// settles the rest.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal DisputedLeftOut { get; internal init; }

    /// <summary>Gets the documents the borrower holds, as kebab-case kinds (<c>id</c>, <c>income-proof</c> …).</summary>
    public ValueList<string> Documents { get; internal init; } = ValueList<string>.Empty;

    // ---- what has been tried ----

    /// <summary>Gets how many contacts with the lender the case records.</summary>
    [FactField] public int AttemptCount { get; internal init; }

    /// <summary>Gets how many of them were rejected or not answered.</summary>
    [FactField] public int FailedAttempts { get; internal init; }

    /// <summary>
    /// Gets the outcome of the latest contact (<c>none</c> when there was none); a refusal that names a monthly payment is a
    /// counter-offer, <c>partially-accepted</c>.
    /// </summary>
    [FactField] public string LastAttemptOutcome { get; internal init; } = "";

    /// <summary>Gets whether the latest contact's answer is in writing (a message, an email, a letter, a kept chat), so that it can be shown later.</summary>
    [FactField] public bool LastAttemptInWriting { get; internal init; }

    /// <summary>Gets the day of the latest contact (equal to <see cref="AsOf"/> when there was none).</summary>
    [FactField(FactFormat.Date)] public LocalDate LastAttemptOn { get; internal init; }

    /// <summary>
    /// Gets the reference the lender gave the latest contact (a ticket or complaint number), or empty when it gave none: the
    /// contact's note when it is one short code, else the codes in it (letters with digits, "ARR-58213"), not the rest of it.
    /// </summary>
    [FactField] public string LastAttemptReference { get; internal init; } = "";

    /// <summary>Gets the days since the latest contact (0 when there was none).</summary>
    [FactField(FactFormat.Days)] public int DaysSinceLastAttempt { get; internal init; }

    /// <summary>Gets whether a formal complaint was made to the lender.</summary>
    [FactField] public bool HasComplained { get; internal init; }

    /// <summary>Gets the days since the first complaint to the lender (0 when none).</summary>
    [FactField(FactFormat.Days)] public int DaysSinceComplaint { get; internal init; }

    /// <summary>Gets whether a regulator was contacted.</summary>
    [FactField] public bool HasContactedRegulator { get; internal init; }

    /// <summary>Gets whether mediation was tried.</summary>
    [FactField] public bool HasTriedMediation { get; internal init; }

    /// <summary>Gets whether any agreed outcome was confirmed in writing.</summary>
    [FactField] public bool HasWrittenConfirmation { get; internal init; }

    /// <summary>
    /// Gets whether the lender's latest answer to a request accepted it only in part, at a monthly payment above what the
    /// budget sustains (<see cref="AffordableInstalment"/>): a counter-offer the borrower cannot keep.
    /// </summary>
    [FactField] public bool HasUnaffordableCounterOffer { get; internal init; }

    /// <summary>Gets the monthly payment of that counter-offer (the largest, if several), or 0 when there is none.</summary>
    [FactField(FactFormat.Money)] public decimal CounterOfferMonthly { get; internal init; }

    /// <summary>Gets the request types an earlier contact already agreed (accepted or partly accepted): never asked for again.</summary>
    public ValueList<string> AgreedRequests { get; internal init; } = ValueList<string>.Empty;

    /// <summary>
    /// Gets the reference of the agreement the plan names: the latest agreed contact (the latest answer of its request type,
    /// accepted or partly accepted within the budget) that gives a reference or a monthly payment; empty when none gives one.
    /// Like <see cref="LastAttemptReference"/>, it is the code in the contact's note, not the whole note.
    /// </summary>
    [FactField] public string AgreedReference { get; internal init; } = "";

    /// <summary>Gets the monthly payment of that agreement (see <see cref="AgreedReference"/>); 0 when it gives none.</summary>
    [FactField(FactFormat.Money)] public decimal AgreedMonthlyPayment { get; internal init; }

    /// <summary>Gets the request types the lender refused at least twice: not repeated unchanged.</summary>
    public ValueList<string> RepeatedlyRefusedRequests { get; internal init; } = ValueList<string>.Empty;

    /// <summary>
    /// Gets whether the lender's latest answer to a request to waive fees and penalty interest was a refusal: the plan does
    /// not suggest asking again as a matter of course.
    /// </summary>
    [FactField] public bool FeeWaiverRefused { get; internal init; }

    /// <summary>Gets whether a lawsuit or court-led mediation is under way: a contact went through a court, or a court claim was received.</summary>
    [FactField] public bool HasCourtCase { get; internal init; }

    /// <summary>Gets whether a promise from a contact falls due on or after <see cref="AsOf"/>.</summary>
    [FactField] public bool HasPendingPromise { get; internal init; }

    /// <summary>
    /// Gets whether an instalment plan was just agreed: the latest contact was accepted, agreeing an instalment plan, after the
    /// arrears began (fewer days ago than <see cref="DaysPastDue"/>), and a promise under it is still to come
    /// (<see cref="HasPendingPromise"/>); or the lender offered one the budget can carry and the borrower has yet to take it
    /// up (<see cref="PlanOfferToAccept"/>). Asking anything new then reopens what was settled.
    /// </summary>
    [FactField] public bool PlanJustAgreed { get; internal init; }

    /// <summary>
    /// Gets whether the lender's latest answer, since the arrears began, offered an instalment plan in place of the one asked
    /// (a partial acceptance) at a monthly payment the budget can carry (<see cref="AgreedMonthlyPayment"/>), with no promise
    /// under it yet: the borrower's next step is to accept it and get it in writing.
    /// </summary>
    [FactField] public bool PlanOfferToAccept { get; internal init; }

    /// <summary>
    /// Gets whether an instalment plan the lender agreed at a monthly payment (<see cref="AgreedMonthlyPayment"/>), which the
    /// borrower has paid since (<see cref="PartPaymentToKeep"/> at least that), is now ignored by a demand from the lender or
    /// its collector ("no arrangement on record"): the plan asks for the agreement to be honoured and confirmed in writing, on
    /// the agreed payment, rather than for something new.
    /// </summary>
    [FactField] public bool AgreedPlanDenied { get; internal init; }

    /// <summary>
    /// Gets whether the one instalment missed under a kept written plan is made up from the next pay: an instalment plan was
    /// the latest contact's agreed outcome, confirmed in writing, no promise broken, only this instalment unpaid and overdue,
    /// the cash now short of it, and the cash on <see cref="ExtensionEndsOn"/> (the next pay) meets it before another falls due.
    /// </summary>
    [FactField] public bool MadeUpFromNextPay { get; internal init; }

    /// <summary>
    /// Gets whether, with promises broken, the repayment record shows a payment after the latest promise whose date has passed:
    /// the borrower has started paying again since, which rebuilds the trust the broken promises cost.
    /// </summary>
    [FactField] public bool PaidSincePromiseBroken { get; internal init; }

    /// <summary>Gets the earliest promise due on or after <see cref="AsOf"/> (equal to <see cref="AsOf"/> when none).</summary>
    [FactField(FactFormat.Date)] public LocalDate NextPromiseDue { get; internal init; }

    // ---- where the borrower lives, the product, letters received, priority debts, advice, vulnerability ----

    /// <summary>Gets where the borrower lives as the case spells it (<c>scotland</c> …), or <c>unknown</c> when not given.</summary>
    [FactField] public string Region { get; internal init; } = "";

    /// <summary>Gets the kind of credit (<c>credit-card</c>, <c>personal-loan</c> …), or <c>unknown</c> when not given.</summary>
    [FactField] public string Product { get; internal init; } = "";

    /// <summary>Gets whether a notice of sums in arrears was received.</summary>
    [FactField] public bool HasArrearsNotice { get; internal init; }

    /// <summary>Gets whether a default notice was received.</summary>
    [FactField] public bool HasDefaultNotice { get; internal init; }

    /// <summary>Gets whether a default notice received sets a date to put things right by.</summary>
    [FactField] public bool HasDefaultNoticeDeadline { get; internal init; }

    /// <summary>Gets the date set by the latest default notice that sets one (equal to <see cref="AsOf"/> when none does).</summary>
    [FactField(FactFormat.Date)] public LocalDate DefaultNoticeDeadline { get; internal init; }

    /// <summary>Gets the days from <see cref="AsOf"/> to <see cref="DefaultNoticeDeadline"/>: negative once it has passed, 0 when there is none.</summary>
    [FactField(FactFormat.Days)] public int DaysToDefaultDeadline { get; internal init; }

    /// <summary>Gets whether a default notice's date has passed.</summary>
    [FactField] public bool DefaultDeadlinePassed { get; internal init; }

    /// <summary>Gets whether a notice ending the agreement was received.</summary>
    [FactField] public bool HasTerminationNotice { get; internal init; }

    /// <summary>Gets whether a persistent-debt letter was received.</summary>
    [FactField] public bool HasPersistentDebtNotice { get; internal init; }

    /// <summary>Gets whether the lender sent its final response to a complaint.</summary>
    [FactField] public bool HasFinalResponse { get; internal init; }

    /// <summary>Gets the days since the latest final response (0 when there is none).</summary>
    [FactField(FactFormat.Days)] public int DaysSinceFinalResponse { get; internal init; }

    /// <summary>Gets whether a court claim form was received.</summary>
    [FactField] public bool HasCourtClaim { get; internal init; }

    /// <summary>Gets the days since the latest court claim form was received (0 when there is none).</summary>
    [FactField(FactFormat.Days)] public int DaysSinceCourtClaim { get; internal init; }

    /// <summary>Gets whether a court claim received gives a date by which to answer it or to appear (the latest such claim's).</summary>
    [FactField] public bool HasCourtDeadline { get; internal init; }

    /// <summary>Gets the date the latest court claim with a deadline gives to answer or appear by (<see cref="AsOf"/> when there is none).</summary>
    [FactField(FactFormat.Date)] public LocalDate CourtDeadline { get; internal init; }

    /// <summary>Gets the days from <see cref="AsOf"/> to <see cref="CourtDeadline"/>: negative once it has passed, 0 when there is none.</summary>
    [FactField(FactFormat.Days)] public int DaysToCourtDeadline { get; internal init; }

    /// <summary>
    /// Gets whether a letter other than a default notice or a court claim (a demand for the whole balance, a collection
    /// letter, an invitation to mediation …) sets a date, today or later, to pay or answer by.
    /// </summary>
    [FactField] public bool HasLetterDeadline { get; internal init; }

    /// <summary>Gets the soonest such date (<see cref="AsOf"/> when there is none).</summary>
    [FactField(FactFormat.Date)] public LocalDate LetterDeadline { get; internal init; }

    /// <summary>Gets the days from <see cref="AsOf"/> to <see cref="LetterDeadline"/> (0 when there is none).</summary>
    [FactField(FactFormat.Days)] public int DaysToLetterDeadline { get; internal init; }

    /// <summary>Gets the kind of the letter that sets <see cref="LetterDeadline"/> (<c>termination</c>, <c>arrears</c>, <c>other</c> …), or empty when there is none.</summary>
    [FactField] public string LetterDeadlineKind { get; internal init; } = "";

    /// <summary>Gets whether the complaint went to an ombudsman (a contact through the <c>ombudsman</c> channel).</summary>
    [FactField] public bool HasReferredToOmbudsman { get; internal init; }

    /// <summary>Gets the arrears on the borrower's priority debts, summed.</summary>
    [FactField(FactFormat.Money)] public decimal PriorityArrears { get; internal init; }

    /// <summary>Gets whether any priority debt is in arrears.</summary>
    [FactField] public bool HasPriorityArrears { get; internal init; }

    /// <summary>
    /// Gets whether every priority debt in arrears is being repaid under an arrangement agreed with its creditor (the case's
    /// <c>priorityDebts[].arrearsArranged</c>), the repayment being part of <see cref="PriorityDebtPayments"/>; false when none is in arrears.
    /// </summary>
    [FactField] public bool PriorityArrearsArranged { get; internal init; }

    /// <summary>Gets the monthly payments of the priority debts, summed; they are spent before <see cref="DisposableIncome"/>.</summary>
    [FactField(FactFormat.Money)] public decimal PriorityDebtPayments { get; internal init; }

    /// <summary>Gets how many other debts the budget lists.</summary>
    [FactField] public int OtherDebtCount { get; internal init; }

    /// <summary>Gets whether the borrower has spoken to a free debt adviser.</summary>
    [FactField] public bool SpokenToAdviser { get; internal init; }

    /// <summary>Gets whether a statutory breathing space is in force.</summary>
    [FactField] public bool InBreathingSpace { get; internal init; }

    /// <summary>Gets whether the borrower shared any circumstance that can make them vulnerable.</summary>
    [FactField] public bool IsVulnerable { get; internal init; }

    /// <summary>Gets whether the borrower may lack capacity to make the financial decisions.</summary>
    [FactField] public bool MentalCapacityConcern { get; internal init; }

    /// <summary>Gets whether the borrower shared a mental health condition.</summary>
    [FactField] public bool MentalHealthConcern { get; internal init; }

    // ---- offers and scam signals ----

    /// <summary>Gets how many offers the case records.</summary>
    [FactField] public int OfferCount { get; internal init; }

    /// <summary>Gets whether an offer came from a third party or an unknown source.</summary>
    [FactField] public bool HasThirdPartyOffer { get; internal init; }

    /// <summary>Gets whether an offer came from the lender itself or its collection agency (a settlement, a plan it proposes).</summary>
    [FactField] public bool HasLenderOffer { get; internal init; }

    /// <summary>
    /// Gets the sum the lender's offer asks to be paid (of its offers that give a sum or a date, the last in the case), or 0
    /// when none names one.
    /// </summary>
    [FactField(FactFormat.Money)] public decimal LenderOfferAmount { get; internal init; }

    /// <summary>
    /// Gets whether the lender's answer to the latest contact asks for a reply, today or later, to what it offered (a plan to
    /// accept, a counter-offer to take or decline): the case's <c>answerBy</c>.
    /// </summary>
    [FactField] public bool HasAnswerBy { get; internal init; }

    /// <summary>Gets that day (<see cref="AsOf"/> when there is none).</summary>
    [FactField(FactFormat.Date)] public LocalDate AnswerBy { get; internal init; }

    /// <summary>Gets whether that offer sets a day, today or later, by which to take it up.</summary>
    [FactField] public bool HasLenderOfferDeadline { get; internal init; }

    /// <summary>Gets that day (<see cref="AsOf"/> when there is none).</summary>
    [FactField(FactFormat.Date)] public LocalDate LenderOfferDeadline { get; internal init; }

    /// <summary>Gets the days from <see cref="AsOf"/> to <see cref="LenderOfferDeadline"/> (0 when there is none).</summary>
    [FactField(FactFormat.Days)] public int DaysToLenderOfferDeadline { get; internal init; }

    /// <summary>Gets what that offer proposes (<c>settlement</c>, <c>payment-plan</c>, <c>rollover</c>, <c>other</c>, <c>unknown</c>), or <c>demand</c> for a demand to pay; empty when there is none.</summary>
    [FactField] public string LenderOfferKind { get; internal init; } = "";

    /// <summary>Gets whether that offer was made in writing (a letter, an email, a message in the lender's app); false when there is none.</summary>
    [FactField] public bool LenderOfferInWriting { get; internal init; }

    /// <summary>Gets whether that offer came from a collection agency acting for the lender rather than the lender itself; false when there is none.</summary>
    [FactField] public bool LenderOfferFromCollector { get; internal init; }

    /// <summary>
    /// Gets whether that offer is a settlement in writing and still open: a sum (<see cref="LenderOfferAmount"/>) below
    /// everything owed that clears the debt, the rest written off, whose day to take it up by (if any) has not passed. One
    /// made only by phone is not: it has to be put in writing first; nor is one showing a sign of a scam (a fee first, a
    /// password or code, payment to a personal account, a promise to wipe the credit record).
    /// </summary>
    [FactField] public bool SettlementOffered { get; internal init; }

    /// <summary>Gets what the settlement writes off: everything owed less its sum (0 without one).</summary>
    [FactField(FactFormat.Money)] public decimal SettlementSaves { get; internal init; }

    /// <summary>
    /// Gets whether the settlement can be paid in one sum: from savings now, less what a budget in deficit lives on until a
    /// hardship of known length ends (as for <see cref="CanPayAllNow"/>), or with a confirmed one-off sum arriving by the
    /// offer's deadline (<see cref="LumpSumOn"/>), the cash on its day covering it.
    /// </summary>
    [FactField] public bool CanPaySettlementNow { get; internal init; }

    /// <summary>
    /// Gets whether the settlement is paid in one sum only thanks to a confirmed one-off sum arriving by the offer's deadline
    /// (<see cref="LumpSumAmount"/> on <see cref="LumpSumOn"/>): savings alone fall short of it.
    /// </summary>
    [FactField] public bool SettlementFromLumpSum { get; internal init; }

    /// <summary>Gets what savings pay towards the settlement now: its sum, or all they can spare when that is less (0 without one).</summary>
    [FactField(FactFormat.Money)] public decimal SettlementPaidNow { get; internal init; }

    /// <summary>
    /// Gets the months (two at least: a plan, not a payment) over which the budget (<see cref="PlanAffordable"/>) pays the rest
    /// of the settlement after <see cref="SettlementPaidNow"/>; 0 when savings pay it all, there is no settlement, or nothing
    /// is left each month.
    /// </summary>
    [FactField(FactFormat.Months)] public int SettlementPlanMonths { get; internal init; }

    /// <summary>Gets whether an offer asks for a fee up front.</summary>
    [FactField] public bool OfferAsksUpfrontFee { get; internal init; }

    /// <summary>Gets the largest up-front fee asked.</summary>
    [FactField(FactFormat.Money)] public decimal LargestUpfrontFee { get; internal init; }

    /// <summary>Gets whether an offer asks for a verification code.</summary>
    [FactField] public bool OfferAsksVerificationCode { get; internal init; }

    /// <summary>Gets whether an offer asks for a password.</summary>
    [FactField] public bool OfferAsksPassword { get; internal init; }

    /// <summary>Gets whether an offer asks for payment into a personal account.</summary>
    [FactField] public bool OfferAsksPersonalAccount { get; internal init; }

    /// <summary>Gets whether an offer promises to remove credit records.</summary>
    [FactField] public bool OfferPromisesRecordRemoval { get; internal init; }

    /// <summary>Gets whether an offer from someone other than the lender was not made in writing.</summary>
    [FactField] public bool HasUnwrittenOffer { get; internal init; }

    // ---- the decision so far ----

    /// <summary>
    /// Gets the outcome decided by the reasons that fired in earlier workflows (<c>pay-now</c>, <c>negotiate</c> …),
    /// so that later stages can depend on it; empty while the workflow that decides it is still running.
    /// </summary>
    [FactField] public string Outcome { get; internal init; } = "";

    /// <summary>
    /// Gets the type of the request ranked first (<c>extension</c> …), so that the stages after the requests can ask for exactly
    /// it; empty before the requests are ranked, and when the plan asks for nothing.
    /// </summary>
    [FactField] public string TopRequest { get; internal init; } = "";

    /// <summary>Gets the types of the ranked requests, in order, for the stages after the requests (empty before they are ranked).</summary>
    public ValueList<string> RankedRequests { get; internal init; } = ValueList<string>.Empty;

    // ---- dates ahead ----

    /// <summary>Gets when a negative record would clear if the overdue ended on <see cref="AsOf"/>.</summary>
    [FactField(FactFormat.Date)] public LocalDate NegativeRecordClearsOn { get; internal init; }

    /// <summary>
    /// Gets the day to follow up with the lender: <see cref="AsOf"/> plus the rule set's follow-up days, or, when that is
    /// later, three days before the earliest deadline ahead (the due date while it is ahead, a notice's deadline, the deadline of an
    /// offer from the lender or its collector), and never
    /// before tomorrow: a chase after the deadline comes too late to act on the answer.
    /// </summary>
    [FactField(FactFormat.Date)] public LocalDate NextFollowUp { get; internal init; }

    /// <summary>
    /// Gets the day a complaint to the lender must be answered by: the first one still unanswered (pending, or no response),
    /// else the first made (<see cref="AsOf"/>-based when none was made).
    /// </summary>
    [FactField(FactFormat.Date)] public LocalDate ComplaintAnswerDue { get; internal init; }

    /// <summary>Gets whether a complaint is still unanswered and <see cref="ComplaintAnswerDue"/> has passed.</summary>
    [FactField] public bool ComplaintAnswerOverdue { get; internal init; }

    /// <summary>Gets whether complaints were made and the lender answered each (accepted, in part or refused); see <see cref="HasComplained"/>.</summary>
    [FactField] public bool ComplaintAnswered { get; internal init; }
}
