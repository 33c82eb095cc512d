using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Assessments;

/// <summary>The rule-set parameters the assessment needs, read once per rule set.</summary>
internal sealed record AssessmentSettings(
    int GracePeriodDays,
    int MaxInstalmentMonths,
    decimal AffordableShare,
    int NegativeRecordYears,
    int FollowUpDays,
    int ComplaintResponseDays,
    decimal UnstableIncomeShare,
    int ShortTermMonths,
    int MaxExtensionDays,
    decimal ReliefAnnualRate)
{
    /// <summary>
    /// Gets the asset-tier bands by lender kind, with <see cref="DefaultTierBands"/> for the kinds not listed; none when the
    /// rule set classifies no tiers (the <c>assetTier</c> fact is then empty).
    /// </summary>
    public IReadOnlyDictionary<LenderKind, IReadOnlyList<AssetTierBand>> TierBands { get; init; } = new Dictionary<LenderKind, IReadOnlyList<AssetTierBand>>();

    /// <summary>Gets the bands for the lender kinds <see cref="TierBands"/> does not list, or null for none.</summary>
    public IReadOnlyList<AssetTierBand>? DefaultTierBands { get; init; }

    /// <summary>Gets the last day past due on which a payment goes to fees and interest first, or null when the rule set sets none.</summary>
    public int? FeesFirstUpToDays { get; init; }

    /// <summary>Gets the longest short-term hardship, in months, an extension may run to the end of (0: never beyond <see cref="MaxExtensionDays"/>).</summary>
    public int MaxBridgeMonths { get; init; }

    /// <summary>Gets the longest arrears, in days past due, that a plan may catch up on top of the regular instalments (0: never).</summary>
    public int CatchUpUpToDays { get; init; }

    /// <summary>
    /// Gets the most whole months an extension may run, the regular instalments being paid meanwhile, for the surplus to cover
    /// what is due when <see cref="MaxExtensionDays"/> leaves it short (0 or 1: never beyond <see cref="MaxExtensionDays"/>).
    /// </summary>
    public int MaxDeferralMonths { get; init; }

    /// <summary>Gets the total cost cap of high-cost short-term credit, as a share of the amount borrowed, or null for none.</summary>
    public decimal? HcstcTotalCostCap { get; init; }

    /// <summary>
    /// Gets the most days a due date may fall before payday for an extension to ask for it to move after payday (0: never);
    /// see <see cref="Assessment.ExtensionMovesDueDate"/>.
    /// </summary>
    public int DueBeforePaydayDays { get; init; }

    /// <summary>
    /// Gets the fewest days from today to a plan's first instalment, which then falls on the first payday at least that far
    /// off, or null for the first payday a month or more away; see <see cref="Assessment.PlanStartsOn"/>.
    /// </summary>
    public int? PlanLeadDays { get; init; }

    public static AssessmentSettings From(IReadOnlyDictionary<string, decimal> parameters) => new(
        (int)parameters["gracePeriodDays"],
        (int)parameters["maxInstalmentMonths"],
        parameters["affordableShare"],
        (int)parameters["negativeRecordYears"],
        (int)parameters["followUpDays"],
        (int)parameters["complaintResponseDays"],
        parameters["unstableIncomeShare"],
        (int)parameters["shortTermMonths"],
        (int)parameters["maxExtensionDays"],
        parameters["reliefAnnualRate"])
    {
        FeesFirstUpToDays = parameters.TryGetValue("feesFirstUpToDays", out var days) ? (int)days : null,
        MaxBridgeMonths = parameters.TryGetValue("maxBridgeMonths", out var bridge) ? (int)bridge : 0,
        CatchUpUpToDays = parameters.TryGetValue("catchUpUpToDays", out var catchUp) ? (int)catchUp : 0,
        MaxDeferralMonths = parameters.TryGetValue("maxDeferralMonths", out var deferral) ? (int)deferral : 0,
        HcstcTotalCostCap = parameters.TryGetValue("hcstcTotalCostCap", out var cap) ? cap : null,
        DueBeforePaydayDays = parameters.TryGetValue("dueBeforePaydayDays", out var beforePayday) ? (int)beforePayday : 0,
        PlanLeadDays = parameters.TryGetValue("planLeadDays", out var lead) ? (int)lead : null,
    };
}

/// <summary>Derives the <see cref="Assessment"/> of a case with the calculators; every figure comes from them.</summary>
internal static class Assessor
{
    private static readonly int RequestTypeCount = Enum.GetValues<RequestType>().Length;

    /// <summary>
    /// Causes that pass by nature: short-term unless the case says how long they last or, an oversight apart, they began
    /// more than the short term ago and the budget no longer meets the instalment.
    /// </summary>
    private static readonly HashSet<HardshipCause> Temporary =
        [HardshipCause.Oversight, HardshipCause.TemporaryCashShortfall, HardshipCause.UnexpectedExpense, HardshipCause.FamilyEmergency];

    /// <summary>Causes that last by nature: long-term unless the case says they end within the short-term limit.</summary>
    private static readonly HashSet<HardshipCause> Lasting =
        [HardshipCause.IncomeDrop, HardshipCause.JobLoss, HardshipCause.Illness, HardshipCause.BusinessFailure];

    /// <summary>
    /// The account as it runs from today: once the lender has stopped adding interest and charges
    /// (<see cref="Account.InterestStoppedOn"/>), at no contract or penalty rate; otherwise as the case gives it. Every figure
    /// that looks ahead (plans, extensions, the cost of waiting, relief) is worked out on it.
    /// </summary>
    internal static Account Running(Account account) =>
        account.InterestStoppedOn is null ? account : account with { AnnualRate = 0m, PenaltyDailyRate = 0m };

    public static Assessment Assess(BorrowerCase c, AssessmentSettings settings)
    {
        var account = Running(c.Account);
        var asOf = c.AsOf;
        var decimals = Currencies.TryGetMinorUnit(c.Currency, out var minor) ? minor : 2;
        var grace = account.GracePeriodDays ?? settings.GracePeriodDays;
        // One pass over each list of the case, in place of a LINQ query per fact. Earlier instalments still unpaid are in
        // arrears too: being current takes them all, less what was paid towards this one, and lateness runs from the oldest.
        var history = c.History;
        var earlierLate = 0;
        var earlier = 0;
        LocalDate? lastPayment = null;
        var instalmentOnDueDate = account.AmountDue;
        var (earlierArrears, earlierUnpaid, oldestUnpaid, paidOnCurrent, overpaid, laterUnpaid, laterArrears) = (0m, 0, account.DueDate, 0m, 0m, 0, 0m);
        // Of the unpaid instalments, how many were part paid (before and after the account's due date).
        var (earlierPartPaid, laterPartPaid) = (0, 0);
        LocalDate? firstLaterUnpaid = null;
        var dueDateRecorded = false;
        // The latest instalment fallen due by asOf, and what was paid towards it: a part payment there is what the borrower
        // has been paying meanwhile.
        (LocalDate Due, decimal Amount, decimal Paid)? latestDue = null;
        for (var i = 0; i < history.Count; i++)
        {
            var r = history[i];
            var paid = r.PaidOn is null ? 0m : r.AmountPaid ?? 0m;
            lastPayment = r is { PaidOn: { } on, AmountPaid: > 0 } && (lastPayment is null || on > lastPayment) ? on : lastPayment;
            paidOnCurrent += r.DueDate == account.DueDate ? paid : 0m;
            latestDue = r.DueDate <= asOf && (latestDue is null || r.DueDate > latestDue.Value.Due) ? (r.DueDate, r.AmountDue, paid) : latestDue;
            instalmentOnDueDate = r.DueDate == account.DueDate ? r.AmountDue : instalmentOnDueDate;
            dueDateRecorded |= r.DueDate == account.DueDate;
            // An instalment due after the account's due date, by asOf, and not paid in full is missed too (a case that names
            // its oldest missed payment as the account's): it counts among the unpaid, and what is unpaid of it is due as well.
            if (r.DueDate > account.DueDate && r.DueDate <= asOf && r.AmountDue - paid > 0)
            {
                (laterUnpaid, laterArrears) = (laterUnpaid + 1, laterArrears + (r.AmountDue - paid));
                laterPartPaid += paid > 0 ? 1 : 0;
                firstLaterUnpaid = firstLaterUnpaid is null || r.DueDate < firstLaterUnpaid ? r.DueDate : firstLaterUnpaid;
            }

            if (r.DueDate < account.DueDate)
            {
                earlier++;
                earlierLate += Delinquency.IsLate(r, grace, asOf) ? 1 : 0;
                overpaid += Math.Max(0m, paid - r.AmountDue);
                if (r.AmountDue - paid > 0)
                {
                    (earlierArrears, earlierUnpaid) = (earlierArrears + (r.AmountDue - paid), earlierUnpaid + 1);
                    earlierPartPaid += paid > 0 ? 1 : 0;
                    oldestUnpaid = r.DueDate < oldestUnpaid ? r.DueDate : oldestUnpaid;
                }
            }
        }

        // A payment above its instalment clears the arrears before it, oldest first, as lenders apply it.
        if (earlierUnpaid > 0 && (overpaid > 0 || paidOnCurrent > account.AmountDue))
        {
            (earlierArrears, earlierUnpaid, earlierPartPaid, oldestUnpaid) = ApplyOverpayments(history, account.DueDate, paidOnCurrent, account.AmountDue);
        }

        // The account's amount is the instalment due on its date; a case may instead give all the arrears there (more than the
        // record's instalment for that date, with other instalments unpaid), and then the record's other arrears are in it:
        // what is due is the larger of the two readings, never their sum.
        var holdsOthers = account.AmountDue > instalmentOnDueDate && earlierUnpaid + laterUnpaid > 0;
        var instalment = holdsOthers ? instalmentOnDueDate : account.AmountDue;
        var arrears = holdsOthers
            ? Math.Max(account.AmountDue, Math.Max(0m, instalmentOnDueDate - paidOnCurrent) + earlierArrears + laterArrears)
            : Math.Max(0m, Math.Max(account.AmountDue, instalmentOnDueDate + laterArrears) - paidOnCurrent) + earlierArrears;
        var amountDue = Math.Min(arrears, account.TotalOwed);
        // An instalment the record shows paid in full, late or not, leaves nothing overdue unless others are unpaid.
        var currentPaid = paidOnCurrent > 0 && paidOnCurrent >= instalmentOnDueDate;
        // What is due less the charges in it, but never less than what the record shows unpaid of its instalments (a case may
        // give what is due without its charges) nor more than what is due.
        var recordedArrears = earlierArrears + laterArrears + (dueDateRecorded ? Math.Max(0m, instalmentOnDueDate - paidOnCurrent) : 0m);
        var penaltyBase = Math.Max(0m, Math.Min(amountDue, Math.Max(amountDue - account.Fees - account.PenaltyInterest, recordedArrears)));
        // With that instalment paid and none before it unpaid, lateness runs from the first later one left unpaid.
        oldestUnpaid = currentPaid && earlierUnpaid == 0 && firstLaterUnpaid is { } firstLater ? firstLater : oldestUnpaid;
        var daysPastDue = amountDue > 0 ? Delinquency.DaysPastDue(oldestUnpaid, asOf) : 0;
        var graceEndsOn = oldestUnpaid.PlusDays(grace);
        var inGrace = Delinquency.IsInGracePeriod(oldestUnpaid, asOf, grace);
        var isBank = c.Lender.Kind is LenderKind.BankCard or LenderKind.BankLoan;
        lastPayment = account.LastPaymentOn is { } given && (lastPayment is null || given > lastPayment) ? given : lastPayment;
        var rate = account.AnnualRate ?? 0m;
        var tierBands = settings.TierBands.TryGetValue(c.Lender.Kind, out var bands) ? bands : settings.DefaultTierBands;

        // Priority debts (rent, council tax, energy …) are paid before this one: their monthly cost comes off what is left.
        var (priorityArrears, priorityPayments, unarranged) = (0m, 0m, 0m);
        foreach (var p in c.PriorityDebts)
        {
            (priorityArrears, priorityPayments) = (priorityArrears + p.Arrears, priorityPayments + p.MonthlyPayment);
            unarranged += p.ArrearsArranged ? 0m : p.Arrears;
        }

        // The capacity model: cash now (savings), a sustainable monthly capacity, and how long the hardship lasts.
        var budget = c.Finances is { } finances ? Affordability.Assess(finances) : null;
        var disposable = (budget?.DisposableIncome ?? 0m) - (budget is null ? 0m : priorityPayments);

        // Never more than is left after all of this month's spending: an instalment that needs cuts not yet made is a hope.
        decimal Sustainable(Budget b) =>
            Math.Min(b.AffordableInstalment(settings.AffordableShare, settings.UnstableIncomeShare, decimals), Math.Max(0m, Money.Truncate(b.DisposableIncome - priorityPayments, decimals)));
        var affordable = budget is null ? 0m : Sustainable(budget);
        // Savings already spoken for (a bill due soon, money held for someone else) are not the borrower's to offer.
        var savings = c.Finances is { } held ? Math.Max(0m, held.Savings - held.SavingsReserved) : 0m;
        var accrued = account.Interest + account.Fees + account.PenaltyInterest;
        var disputed = 0m;
        foreach (var d in c.DisputedCharges)
        {
            disputed += d.Amount;
        }

        // A plan repays what is owed, not what is disputed: what the borrower disputes is left out of it, to be settled by the
        // dispute (from the interest and charges where they can hold it, else from the balance: a purchase or an uncredited
        // refund).
        var disputedLeftOut = Math.Min(disputed, account.TotalOwed);
        var (principalDisputed, accruedDisputed) = DisputedSplit(account, c.DisputedCharges, disputedLeftOut);
        // High-cost short-term credit under a total cost cap: interest and charges never come to more than the cap's share of
        // the amount borrowed. What is unpaid and what was already paid count against it (without the paid figure, what is
        // left is at most this). A loan repaid in full, its amount borrowed not given, has no amount to cap against (b8-05).
        var capBase = account.AmountBorrowed ?? (account.Principal > 0 ? account.Principal : null);
        var costCap = settings.HcstcTotalCostCap is { } capShare && account.Product == ProductKind.HighCostShortTerm && capBase is { } borrowed
            ? Money.Round(capShare * borrowed, decimals) : (decimal?)null;
        var charged = accrued + (account.ChargesPaid ?? 0m);
        var chargesLeft = costCap is { } capTotal ? Math.Max(0m, capTotal - charged) : (decimal?)null;
        // Once a hardship of known length is over, the budget is the same but for the income the case expects then (taken as stable).
        var incomeAfter = budget is not null && c.Hardship is { IncomeAfter: { } after, ExpectedMonths: > 0 } ? after : (decimal?)null;
        var budgetAfter = incomeAfter is { } later ? budget! with { StableIncome = later, UnstableIncome = 0m } : null;
        // Other debts whose balance is repaid within a hardship of known length free their payments once it is over: the cash
        // a deferral to its end counts has them from then on (a34-02: a car loan ending in two months).
        var freedAfter = budget is not null && c.Hardship.ExpectedMonths is { } hardshipMonths and > 0 ? FreedWithin(c.Finances!.OtherDebts, hardshipMonths) : 0m;
        var afterwards = budgetAfter is null ? (decimal?)null : Sustainable(budgetAfter);
        // "How many more months": 0 says the hardship is over; only a missing figure is unknown. A hardship that lasts longer
        // than the short term, up to the longest an extension may bridge, is short all the same when the case says the budget
        // after it meets the regular instalment: a dip with a known end and a known recovery is bridged, not re-spread.
        // A cause that passes by nature but has already run longer than the short term, its end unknown, with a budget that
        // no longer meets the instalment, has shown that it does not pass: a family emergency eight months on, the carer's pay
        // cut for good, is read as lasting (a26-01). Where the budget meets the instalment, the trouble is cash on the day
        // (pay after the due date, a13-03), and that passes.
        // A stated cause (an oversight included; not a dispute alone) is money trouble, short or lasting.
        var moneyTrouble = c.Hardship.Cause is not (HardshipCause.None or HardshipCause.DisputedCharge);
        var monthsKnown = c.Hardship.ExpectedMonths is not null;
        var monthsSoFar = c.Hardship.Since is { } began && began < asOf ? WholeMonths(began, asOf) : 0;
        var shortTerm = moneyTrouble &&
                        (monthsKnown
                            ? c.Hardship.ExpectedMonths <= settings.ShortTermMonths || (c.Hardship.ExpectedMonths <= settings.MaxBridgeMonths && afterwards >= instalment)
                            : Temporary.Contains(c.Hardship.Cause) &&
                              (c.Hardship.Cause == HardshipCause.Oversight || monthsSoFar <= settings.ShortTermMonths || budget is null || affordable >= instalment));
        // A lasting cause whose budget still meets the instalment does not threaten the payments: what is short is cash on
        // the day, not the budget, so the hardship is neither short nor long for this debt (round 51: a37-01, b38-01).
        var lastsWithinBudget = moneyTrouble && !shortTerm && budget is not null && affordable >= instalment && !(afterwards < instalment);
        var longTerm = moneyTrouble && !shortTerm && !lastsWithinBudget;
        var over = shortTerm && c.Hardship.ExpectedMonths == 0;
        // Cash now is savings; this month's surplus counts too when no cause is given (or only a dispute). Any stated cause,
        // an oversight included, means the money was not there on the due date: it comes with the next income.
        var cashNow = savings + (moneyTrouble ? 0m : Math.Max(0m, disposable));
        // A budget in deficit lives on savings until a hardship of known length ends: that much of the cash is spoken for,
        // and so is the rest of this pay period's deficit where its pay already came at the hardship's income (a36-04: no pay
        // on 10 October, so the rent of 1 November comes out of savings too).
        var cashToSpend = cashNow - Currencies.ToMinorUnit(UnfundedRestOfPeriod(c, asOf, moneyTrouble, disposable), decimals);
        var cashSpare = cashToSpend - (moneyTrouble && c.Hardship.ExpectedMonths is { } m and > 0 ? m * Math.Max(0m, -disposable) : 0m);
        // The savings that can go to this debt: all of them, less what that deficit will take (paying it all, a settlement,
        // part of what is overdue).
        var spareSavings = Math.Min(savings, Math.Max(0m, cashSpare));
        // Spare savings go towards what is overdue now: before a whole-debt plan they clear it, or as much of it as they hold,
        // the rest staying in hand. Those that fall short of it are a part paid (it shows good faith and shortens what is
        // overdue): an extension moves the rest, or a plan for the arrears catches it up.
        var planPaidNow = daysPastDue > 0 ? Math.Min(spareSavings, amountDue) : 0m;
        var partPayment = planPaidNow < amountDue ? planPaidNow : 0m;
        // An extension runs to a short hardship's end only while the budget cannot meet the regular instalment meanwhile.
        var bridgeMonths = shortTerm && !over && affordable < instalment ? c.Hardship.ExpectedMonths : null;
        // Where the case tells the budget's whole course, a deficit meanwhile eats into the cash too.
        // Other debts repaid by the hardship's end add their payments from then on.
        var surplus = budgetAfter is not null
            ? new MonthlySurplus(disposable, c.Hardship.ExpectedMonths!.Value, Math.Max(0m, budgetAfter.DisposableIncome + freedAfter - priorityPayments))
            : new MonthlySurplus(Math.Max(0m, disposable), freedAfter > 0 ? c.Hardship.ExpectedMonths!.Value : int.MaxValue, Math.Max(0m, disposable + freedAfter));
        // The case may say the budget after the hardship still cannot meet the regular instalment: then it is not the usual one.
        var shortAfter = afterwards < instalment;
        // The first confirmed one-off sum ahead: the cash counts it from its day on.
        var (lump, lumpHoped) = LumpSumAhead(c.Finances?.LumpSums, asOf);
        var (extensionEnds, movedByExtension, cashByExtensionEnd) = ExtensionTerms(
            account, asOf, oldestUnpaid, amountDue, instalment, bridgeMonths, mayDefer: !longTerm && budget is not null, cashToSpend, surplus, c.Finances?.Payday, settings, lump);
        // A due date a few days before payday: paid on a payday, what is due leaves too little of that pay for the next
        // instalment, which falls due before the following one. Where the budget meets an instalment a month, the extension
        // also asks for the due date to move after payday, and the next instalment is then paid from the next pay. That is a
        // smaller ask than a deferral of months, so it is taken where it is enough in place of one too.
        var daysToPayday = c.Finances?.Payday is { } paydayOfMonth ? Period.DaysBetween(account.DueDate, OnOrAfterPayday(account.DueDate.PlusDays(1), paydayOfMonth)) : 0;
        var movesDueDate = false;
        var usualExtensionEnd = (oldestUnpaid > asOf ? oldestUnpaid : asOf).PlusDays(settings.MaxExtensionDays);
        if ((cashByExtensionEnd < amountDue || extensionEnds > usualExtensionEnd) && movedByExtension == 0 && daysToPayday > 0 && daysToPayday <= settings.DueBeforePaydayDays && affordable >= instalment &&
            ExtensionTerms(account, asOf, oldestUnpaid, amountDue, instalment, bridgeMonths, mayDefer: !longTerm && budget is not null, cashToSpend, surplus, c.Finances?.Payday, settings, lump, keepForNextPay: false)
                is { Moved: 0 } withDateMoved && withDateMoved.Cash >= amountDue)
        {
            (extensionEnds, cashByExtensionEnd, movesDueDate) = (withDateMoved.Ends, withDateMoved.Cash, true);
        }
        var laterInstalments = LaterInstalments(account, amountDue, instalment);
        // Where more instalments are to come: the next one's date, and the part payment the borrower has been making, if the
        // budget carries it (a33-01 … b34-04: "keep paying 200 on the 3rd", not a new figure or a date moved to payday).
        var nextInstalmentDue = laterInstalments > 0 ? account.DueDate.PlusMonths(FirstMonthAfter(account.DueDate, asOf)) : asOf;
        var partPaymentToKeep = laterInstalments > 0 && latestDue is { Paid: > 0 } part && part.Paid < part.Amount &&
                                (budget is null || part.Paid <= affordable) ? part.Paid : 0m;
        // A disputed charge is the whole problem only where, with it off, the cash in hand meets what is due: beside a
        // hardship that leaves the rest unpaid, taking it off narrows the gap without closing it (a21-02).
        var disputeCloses = c.DisputedCharges.Count > 0 && (budget is null || cashSpare + disputed >= amountDue);
        var cashOnLumpDay = lump is { } sum ? CashBy(account, asOf, sum.On, PaysBy(asOf, sum.On, c.Finances?.Payday), 0, laterInstalments, instalment, cashToSpend, surplus, lump, c.Finances?.Payday) : 0m;
        // For a payment not yet due, a confirmed sum that arrives by its date is cash by then; where the cash now falls short,
        // the payment is met from it.
        var lumpByDueDate = daysPastDue == 0 && lump is { } byDue && byDue.On <= oldestUnpaid ? byDue.Amount : 0m;
        var dueFromLumpSum = lumpByDueDate > 0 && cashSpare < amountDue && cashOnLumpDay >= amountDue;
        // Likewise a pay landing by its date brings the month's surplus: with a stated cause it is not in the cash now (the
        // money is not there yet), but it is there on the due date (a31-01, b32-01).
        var payBeforeDue = daysPastDue == 0 && c.Finances?.Payday is { } payOn && OnOrAfterPayday(asOf.PlusDays(1), payOn) is var lands && lands <= oldestUnpaid
            ? lands : (LocalDate?)null;
        var payByDueDate = payBeforeDue is not null && moneyTrouble ? Math.Max(0m, disposable) : 0m;
        var dueFromPay = payByDueDate > 0 && cashSpare < amountDue && !dueFromLumpSum && cashSpare + payByDueDate >= amountDue;
        // What a deferral to the hardship's end leaves owing then: what is due, and the part of each moved instalment not paid meanwhile.
        var owedAtBridgeEnd = amountDue + (movedByExtension * Math.Max(0m, instalment - affordable)) - cashByExtensionEnd;
        // What of that the cash then does not cover, and the months the budget after the hardship catches it up in, on top of
        // the regular instalment: the split to agree now rather than promise a sum that will not be there.
        // Never more than everything owed, less that cash: the instalments moved may be all that is left of the loan.
        var deferralShortfall = movedByExtension > 0 ? Math.Max(0m, Math.Min(owedAtBridgeEnd, account.TotalOwed - Math.Max(0m, cashByExtensionEnd))) : 0m;
        // The catch-up rides on the regular instalments where any are left after the deferral; where it moved the last of
        // them, the whole budget then goes to it.
        var instalmentsLeftAfterExtension = Math.Max(0, laterInstalments - movedByExtension);
        var regularAfterDeferral = instalmentsLeftAfterExtension > 0 ? instalment : 0m;
        var deferralCatchUp = deferralShortfall > 0 && afterwards is { } spareAfter && spareAfter > regularAfterDeferral
            ? Math.Max(1, (int)Math.Ceiling(deferralShortfall / (spareAfter - regularAfterDeferral))) : 0;
        // Where the case says when the hardship ends and what the budget will be then, a plan runs on that budget: the case
        // budgets the hardship's months on today's income and the months after them on the income after, so the plan's
        // first instalment falls due in the first month after the hardship, and the interest of the months before is repaid
        // with what has accrued. The hardship's months are its low start: what the budget sustains now (never more than the
        // instalment) is paid in each of them, and the low start and the plan together keep within the longest term. A low
        // start that would itself repay everything the plan repays (with what savings pay now; the disputed part left out)
        // leaves the plan on today's budget, as does a case that gives no hardship. With all of it in dispute there is no
        // plan to size, and the budget after the hardship stays the one the case gives.
        var waitMonths = afterwards is null ? 0 : Math.Min(c.Hardship.ExpectedMonths!.Value, settings.MaxInstalmentMonths);
        var paidWhileWaiting = Math.Min(affordable, instalment);
        var planned = account.TotalOwed - disputedLeftOut;
        var sizedAfter = afterwards is not null && moneyTrouble && (planned <= 0 || planPaidNow + (waitMonths * paidWhileWaiting) < planned);
        // With nothing left to plan for (all of it in dispute), the budget after stays, but there is no low start to pay.
        var lowStartMonths = sizedAfter && planned > 0 ? waitMonths : 0;
        var lowStartPayment = lowStartMonths > 0 ? paidWhileWaiting : 0m;
        var lowStartPaid = lowStartMonths * lowStartPayment;
        // What a whole-debt plan has had before its first instalment: the part paid now, then its low start.
        var paidBeforePlan = planPaidNow + lowStartPaid;
        var planTerm = settings.MaxInstalmentMonths - lowStartMonths;
        var planAffordable = sizedAfter ? afterwards!.Value : affordable;
        var planStarts = PlanStart(asOf, lowStartMonths, c.Finances?.Payday, settings.PlanLeadDays);
        var isCard = IsCardAccount(c);
        var planAccrued = PlanAccrued(account, rate, asOf, planStarts, decimals, chargesLeft, isCard);
        var (planPrincipal, planAccruedLeft) = AfterLowStart(account.Principal - principalDisputed, planAccrued - accruedDisputed, paidBeforePlan);
        var planMonths = PlanMonths(planPrincipal, planAccruedLeft, rate, planAffordable, planTerm, decimals, PlanInterestCap(account, planAccrued, chargesLeft));
        // The shortest plan at 0 %, found once: it decides both "beyond any plan" and the plan that stopping interest makes fit.
        var (zeroPrincipal, zeroAccrued) = AfterLowStart(account.Principal - principalDisputed, accrued - accruedDisputed, paidBeforePlan);
        int? zeroRateMonths = budget is null ? null : PlanMonths(zeroPrincipal, zeroAccrued, 0m, planAffordable, planTerm, decimals);
        // Nothing left to plan for (the whole debt in dispute) is not "beyond any plan".
        var beyondAnyPlan = zeroRateMonths == 0 && zeroPrincipal + zeroAccrued > 0;
        var reliefAccrued = PlanAccrued(account, Math.Min(settings.ReliefAnnualRate, rate), asOf, planStarts, decimals, chargesLeft, isCard);
        var (reliefPrincipal, reliefAccruedLeft) = AfterLowStart(account.Principal - principalDisputed, reliefAccrued - accruedDisputed, paidBeforePlan);
        var relief = Relief(account, reliefPrincipal, reliefAccruedLeft, PlanInterestCap(account, reliefAccrued, chargesLeft), planAffordable, planTerm, longTerm, zeroRateMonths, settings, decimals);
        var largestFlexible = c.Finances is { } f ? LargestFlexible(f.Expenses) : ((ExpenseCategory Category, decimal Amount)?)null;

        var attempts = c.Attempts;
        NegotiationAttempt? last = null;
        LocalDate? firstComplaint = null;
        // The first complaint the lender has not answered (pending, or no response): its answer is what is awaited.
        LocalDate? firstOpenComplaint = null;
        LocalDate? nextPromise = null;
        // The latest promise whose date has passed: a payment after it is the borrower paying again since.
        LocalDate? lastPromisePassed = null;
        int failedAttempts = 0;
        bool regulator = false, mediation = false, writtenConfirmation = false, court = false, ombudsman = false;
        // Each request type's latest answer, as an index into the attempts (-1: none).
        Span<int> latestAnswer = stackalloc int[RequestTypeCount];
        latestAnswer.Fill(-1);
        Span<int> refusals = stackalloc int[RequestTypeCount];
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];

            // The latest contact; of several on the same day, the last in the case (a stable sort by day, then its last).
            last = last is null || a.On >= last.On ? a : last;
            firstComplaint = a.Channel == ContactChannel.Complaint && (firstComplaint is null || a.On < firstComplaint) ? a.On : firstComplaint;
            firstOpenComplaint = a is { Channel: ContactChannel.Complaint, Outcome: AttemptOutcome.Pending or AttemptOutcome.NoResponse } &&
                                 (firstOpenComplaint is null || a.On < firstOpenComplaint) ? a.On : firstOpenComplaint;
            var outcome = AnswerOf(a);
            failedAttempts += outcome is AttemptOutcome.Rejected or AttemptOutcome.NoResponse ? 1 : 0;
            regulator |= a.Channel == ContactChannel.Regulator;
            mediation |= a.Channel == ContactChannel.Mediation;
            court |= a.Channel == ContactChannel.Court;
            ombudsman |= a.Channel == ContactChannel.Ombudsman;
            if (a.Requested is { } requested)
            {
                refusals[(int)requested] += outcome == AttemptOutcome.Rejected ? 1 : 0;
                // What stands for a request is its latest answer (of several on one day, the last in the case): an agreement
                // a later contact refused, or denies, no longer holds.
                var before = latestAnswer[(int)requested];
                latestAnswer[(int)requested] = before >= 0 && attempts[before].On > a.On ? before : i;
            }

            writtenConfirmation |= a.InWriting && outcome is AttemptOutcome.Accepted or AttemptOutcome.PartiallyAccepted;
            foreach (var p in a.Promises)
            {
                nextPromise = p.By >= asOf && (nextPromise is null || p.By < nextPromise) ? p.By : nextPromise;
                lastPromisePassed = p.By < asOf && (lastPromisePassed is null || p.By > lastPromisePassed) ? p.By : lastPromisePassed;
            }
        }

        // A partial acceptance that names a monthly payment above what the budget sustains is a counter-offer the borrower
        // cannot keep, not an agreement: the request stays open, to be put again with the budget behind it.
        List<string>? agreed = null;
        NegotiationAttempt? agreement = null;
        var counterOffer = 0m;
        for (var type = 0; type < RequestTypeCount; type++)
        {
            var answer = latestAnswer[type] >= 0 ? attempts[latestAnswer[type]] : null;
            var answered = answer is null ? AttemptOutcome.Pending : AnswerOf(answer);
            if (answer is { MonthlyPayment: { } asked } && answered == AttemptOutcome.PartiallyAccepted && budget is not null && asked > affordable)
            {
                counterOffer = Math.Max(counterOffer, asked);
            }
            else if (answer is not null && answered is AttemptOutcome.Accepted or AttemptOutcome.PartiallyAccepted)
            {
                (agreed ??= []).Add(EnumNames<RequestType>.Of((RequestType)type));
                // The agreement the plan names: the latest, of those that give a reference or a monthly payment.
                agreement = answer is { Reference: not null } or { MonthlyPayment: not null } && (agreement is null || answer.On >= agreement.On) ? answer : agreement;
            }
        }

        var offers = c.Offers;
        bool thirdParty = false, fromLender = false, upfront = false, verification = false, password = false, personalAccount = false, recordRemoval = false, unwritten = false;
        var largestUpfrontFee = 0m;
        ReceivedOffer? namedOffer = null;
        for (var i = 0; i < offers.Count; i++)
        {
            var o = offers[i];
            // The lender's offer the plan names: the last in the case that gives a sum or a date.
            namedOffer = o is { From: OfferSource.LenderOfficial or OfferSource.CollectionAgency } and ({ Amount: not null } or { Deadline: not null }) ? o : namedOffer;
            thirdParty |= o.From is OfferSource.ThirdParty or OfferSource.Unknown;
            fromLender |= o.From is OfferSource.LenderOfficial or OfferSource.CollectionAgency;
            upfront |= o.UpfrontFee > 0;
            verification |= o.AsksForVerificationCode;
            password |= o.AsksForPassword;
            personalAccount |= o.AsksPaymentToPersonalAccount;
            recordRemoval |= o.PromisesCreditRecordRemoval;
            unwritten |= o.From != OfferSource.LenderOfficial && !o.InWriting;

            // The first of equal largest fees, as Max keeps it.
            largestUpfrontFee = i == 0 || o.UpfrontFee > largestUpfrontFee ? o.UpfrontFee : largestUpfrontFee;
        }

        var offerBy = namedOffer?.Deadline is { } takeUpBy && takeUpBy >= asOf ? takeUpBy : (LocalDate?)null;
        // That offer as a settlement: in writing, a sum below everything owed that clears the debt, still open (one made only
        // by phone is a watchpoint: get it in writing first), and with none of the signs of a scam (a fee first, a password or
        // code, payment to a personal account, a promise to wipe the credit record): such an offer is never one to accept.
        // Savings a deficit needs are spoken for, as for paying it all; what they do not cover is what the budget would have
        // to pay over some months.
        var settlement = namedOffer is { Kind: OfferKind.Settlement, InWriting: true, Amount: { } settleFor } && settleFor > 0 && settleFor < account.TotalOwed &&
                         (namedOffer.Deadline is null || offerBy is not null) && !ScamSigns(namedOffer) ? settleFor : (decimal?)null;
        var settlementPaidNow = settlement is { } toSettle ? Math.Min(toSettle, spareSavings) : 0m;
        // A confirmed sum arriving by the offer's deadline pays the settlement in one sum then, with the cash on its day.
        var settlementFromLumpSum = settlement is { } lumpSettles && settlementPaidNow < lumpSettles && offerBy is { } settleBy &&
                                    lump is { } arriving && arriving.On <= settleBy && cashOnLumpDay >= lumpSettles;
        var settlementMonths = settlement is { } settleSum && settleSum > settlementPaidNow && planAffordable > 0 && !settlementFromLumpSum
            ? Math.Max(2, (int)Math.Ceiling((settleSum - settlementPaidNow) / planAffordable)) : 0;

        // While overdue, the band the oldest unpaid instalment reaches next, and the day it does.
        AssetTierBand? nextBand = null;
        foreach (var band in daysPastDue > 0 ? tierBands ?? [] : [])
        {
            nextBand = band.FromDays > daysPastDue && (nextBand is null || band.FromDays < nextBand.FromDays) ? band : nextBand;
        }

        var notices = Notices(c.Notices, asOf);
        var letter = notices.Letter;
        // Arrears alone are caught up only while the contract runs on: not before any are owed, not beyond the rule set's
        // catchUpUpToDays, and not once the agreement is ended or its default deadline has passed.
        var instalmentsRun = daysPastDue <= settings.CatchUpUpToDays && !notices.Termination && !(notices.DefaultDeadline < asOf);
        var contractRuns = daysPastDue > 0 && instalmentsRun;
        // Savings paid in now towards what is due (where the extension does not run to a hardship's end) are not there again
        // at its end; one to a confirmed sum's day has the instalments it moves still to pay then.
        var extensionToSum = lump is { } arrives && extensionEnds == arrives.On;
        var paidInByExtension = movedByExtension == 0 || extensionToSum ? partPayment : 0m;
        var movedToSum = extensionToSum ? movedByExtension * instalment : 0m;
        var catchUpMonths = contractRuns ? CatchUpMonths(amountDue - partPayment, instalment, account.TotalOwed - partPayment, affordable, settings.MaxInstalmentMonths) : 0;
        var vulnerability = c.Vulnerability;
        decimal Cents(decimal amount) => Currencies.ToMinorUnit(amount, decimals);
        // An instalment plan the lender offered in its answer (a partial acceptance within the budget, a33-02) that the
        // borrower has not yet taken up (no promise under it yet) is, like one agreed, to be confirmed in writing, not reopened.
        var planAgreed = agreed is not null && agreed.Contains("instalment-plan");
        var planOffered = planAgreed && last is { Requested: RequestType.InstalmentPlan, Promises.Count: 0 } && AnswerOf(last) == AttemptOutcome.PartiallyAccepted;
        var planAgreedLast = planAgreed && last is { Outcome: AttemptOutcome.Accepted } || planOffered;
        var sinceArrears = last is { } latest && Period.DaysBetween(latest.On, asOf) < daysPastDue;
        // An instalment plan agreed at a monthly payment that the borrower has paid since, which a demand from the lender or its
        // collector now ignores ("no arrangement on record": a35-04, b36-04), is to be honoured and confirmed, not asked anew.
        var agreedPlanDenied = planAgreed && agreement?.MonthlyPayment is > 0 && partPaymentToKeep >= agreement.MonthlyPayment &&
                               c.Offers.Any(o => o.Kind == OfferKind.Demand && o.From is OfferSource.LenderOfficial or OfferSource.CollectionAgency);
        // The day, today or later, by which the lender's latest answer asks for a reply to what it offered.
        var replyBy = last?.AnswerBy is { } replyDay && replyDay >= asOf ? replyDay : (LocalDate?)null;
        var canPayDueNow = budget is not null && (cashSpare >= amountDue || dueFromLumpSum || dueFromPay);
        var unpaidInstalments = (currentPaid ? 0 : 1) + earlierUnpaid + laterUnpaid;
        var partPaidInstalments = (!currentPaid && paidOnCurrent > 0 ? 1 : 0) + earlierPartPaid + laterPartPaid;
        var duringExtension = Math.Max(0, InstalmentsFallingDue(account, asOf, extensionEnds, laterInstalments) - movedByExtension);
        // A written instalment plan kept but for the one instalment now missed, which the next pay makes up before the next
        // falls due (a32-02, b33-02): pay it then, and ask nothing new.
        var madeUpFromNextPay = planAgreedLast && writtenConfirmation && c.Conduct.BrokenPromises == 0 && daysPastDue > 0 && !canPayDueNow &&
                                unpaidInstalments == 1 && cashByExtensionEnd >= amountDue && duringExtension == 0;

        return new Assessment
        {
            AsOf = asOf,
            Currency = c.Currency,
            DueDate = oldestUnpaid,
            DaysPastDue = daysPastDue,
            GracePeriodDays = grace,
            GraceEndsOn = graceEndsOn,
            InGracePeriod = inGrace,
            IsLastDayOfGrace = inGrace && asOf == graceEndsOn,
            IsOverdue = daysPastDue > 0,
            IsBeyondGrace = daysPastDue > grace,
            DelinquencyBucket = EnumNames<DelinquencyBucket>.Of(Delinquency.Bucket(daysPastDue)),
            AssetTier = tierBands is null ? "" : EnumNames<AssetTier>.Of(Delinquency.Tier(daysPastDue, tierBands)),
            NextAssetTier = nextBand is null ? "" : EnumNames<AssetTier>.Of(nextBand.Tier),
            NextAssetTierOn = nextBand is null ? asOf : oldestUnpaid.PlusDays(nextBand.FromDays),
            AllocationOrder = settings.FeesFirstUpToDays is { } feesFirst ? EnumNames<AllocationOrder>.Of(Delinquency.Allocation(daysPastDue, feesFirst)) : "",
            HasRecord = earlier > 0,
            IsFirstOverdue = earlier > 0 && earlierLate == 0,
            OnTimeRatio = earlier > 0 ? Ratio(Delinquency.OnTimeRatio(c.History, grace, asOf) ?? 0m) : 0m,
            HistoryCount = c.History.Count,
            EarlierLatePayments = earlierLate,
            // No payment on record: the silence is as long as the arrears.
            DaysSinceLastPayment = lastPayment is { } lp ? Math.Max(0, Period.DaysBetween(lp, asOf)) : daysPastDue,
            YearsSinceLastPayment = Math.Max(0, Period.Between(lastPayment ?? asOf.PlusDays(-daysPastDue), asOf, PeriodUnits.Years).Years),

            Principal = Cents(account.Principal),
            Interest = Cents(account.Interest),
            Fees = Cents(account.Fees),
            PenaltyInterest = Cents(account.PenaltyInterest),
            FeesAndPenalties = Cents(account.Fees + account.PenaltyInterest),
            FeesAndPenaltiesShare = Ratio(Charges.FeesAndPenaltiesShare(account) ?? 0m),
            TotalOwed = Cents(account.TotalOwed),
            AmountDue = Cents(amountDue),
            CurrentInstalment = Cents(instalment),
            // What the balance holds beyond what is due, in whole regular instalments: none once the last one has fallen due.
            LaterInstalments = laterInstalments,
            MonthlyInterest = Cents(account.Principal * Math.Min(rate, Schedules.MaxAnnualRate) / 12m),
            EarlierArrears = Cents(earlierArrears),
            UnpaidInstalments = unpaidInstalments,
            PartPaidInstalments = partPaidInstalments,
            PartPaymentToKeep = Cents(partPaymentToKeep),
            NextInstalmentDue = nextInstalmentDue,
            RateKnown = account.AnnualRate is not null,
            AnnualRate = rate,
            InterestStopped = account.InterestStoppedOn is not null,
            InterestStoppedOn = account.InterestStoppedOn ?? asOf,
            PenaltyDailyRate = account.PenaltyDailyRate ?? 0m,
            // Penalty runs on what is overdue, not on the whole principal the contract has not yet called in, nor on charges.
            OverduePrincipalAndInterest = Cents(penaltyBase),
            CostOfWaiting30Days = Cents(Charges.SimpleInterest(penaltyBase, Charges.OverdueDailyRate(account), 30, decimals)),

            HasFinances = budget is not null,
            MonthlyIncome = Cents(budget?.MonthlyIncome ?? 0m),
            StableIncome = Cents(budget?.StableIncome ?? 0m),
            UnstableIncome = Cents(budget?.UnstableIncome ?? 0m),
            EssentialExpenses = Cents(budget?.EssentialExpenses ?? 0m),
            FlexibleExpenses = Cents(budget?.FlexibleExpenses ?? 0m),
            OtherDebtPayments = Cents(budget?.OtherDebtPayments ?? 0m),
            DisposableIncome = Cents(disposable),
            Savings = Cents(savings),
            HasIncome = budget?.MonthlyIncome > 0,
            DebtServiceRatio = Ratio(budget?.DebtServiceRatioWith(instalment) ?? 0m),
            AffordableInstalment = Cents(affordable),
            CashAvailable = Cents(cashNow),
            CashByDueDate = Cents(cashNow + lumpByDueDate + payByDueDate),
            CanPayAmountDueNow = canPayDueNow,
            SavingsNeededMeanwhile = budget is not null && cashNow >= amountDue && cashSpare < amountDue && !dueFromLumpSum,
            AmountDueFromLumpSum = budget is not null && dueFromLumpSum,
            AmountDueFromPay = budget is not null && dueFromPay,
            PayBeforeDueOn = payBeforeDue ?? asOf,
            CashByExtensionEnd = Cents(cashByExtensionEnd),
            CashLeftAtExtensionEnd = Cents(Math.Max(0m, cashByExtensionEnd - paidInByExtension)),
            DueLeftAtExtensionEnd = Cents(amountDue - paidInByExtension + movedToSum),
            TotalCostCapApplies = costCap is not null,
            TotalCostCap = Cents(costCap ?? 0m),
            ChargesLeftUnderCap = Cents(chargesLeft ?? 0m),
            ChargesOverCap = Cents(costCap is { } overCap ? Math.Max(0m, charged - overCap) : 0m),
            OwedWithinCap = Cents(account.TotalOwed - (costCap is { } capOwed ? Math.Max(0m, charged - capOwed) : 0m)),
            // Savings a deficit budget lives on until a hardship of known length ends are spoken for: they do not pay the debt off.
            CanPayAllNow = budget is not null && spareSavings >= account.TotalOwed,
            MonthsToClear = affordable > 0 ? Affordability.MonthsToClear(account.TotalOwed, affordable, Math.Min(rate, Schedules.MaxAnnualRate)) ?? 0 : 0,
            AffordablePlanMonths = planMonths,
            InstalmentsRun = instalmentsRun,
            DaysFromDueDateToPayday = daysToPayday,
            ExtensionMovesDueDate = movesDueDate,
            HasLumpSum = lump is not null,
            LumpSumAmount = Cents(lump?.Amount ?? 0m),
            LumpSumOn = lump?.On ?? asOf,
            DaysToLumpSum = lump is { } ahead ? Period.DaysBetween(asOf, ahead.On) : 0,
            LumpSumHoped = lumpHoped,
            LumpSumCoversDue = lump is not null && cashOnLumpDay >= amountDue,
            LumpSumCoversAll = lump is { } all && spareSavings + all.Amount >= account.TotalOwed,
            CatchUpMonths = catchUpMonths,
            PartPaymentNow = Cents(partPayment),
            PlanPaidNow = Cents(planPaidNow),
            ExtensionEndsOn = extensionEnds,
            ExtensionDays = Period.DaysBetween(oldestUnpaid > asOf ? oldestUnpaid : asOf, extensionEnds),
            ExtensionToLumpSum = extensionToSum,
            InstalmentsMovedByExtension = movedByExtension,
            InstalmentsDuringExtension = duringExtension,
            InstalmentsLeftAfterExtension = instalmentsLeftAfterExtension,
            DeferralShortfall = Cents(deferralShortfall),
            DeferralCatchUpMonths = deferralCatchUp,
            DeferralCatchUpMonthly = deferralCatchUp > 0 ? Cents(Money.Round(deferralShortfall / deferralCatchUp, decimals, MidpointRounding.ToPositiveInfinity)) : 0m,
            DeferralCatchUpOverMonths = deferralCatchUp > 1,
            BeyondAnyPlan = beyondAnyPlan,
            // A short-term hardship passes, and the usual budget with it, so an extension that outlasts it (one of unknown
            // length is taken to be outlasted) closes the gap of one instalment; for arrears of several, a hardship already
            // over (its budget is the usual one), one the extension ends before, one after which the case expects a budget
            // that cannot meet the instalment, or any other cause, the cash must be there, or, for a deferral to the hardship's
            // end, the budget the case expects after it must catch up what is left within the short term.
            ExtensionClosesGap = !longTerm && (budget is null || (shortTerm && !over && !shortAfter && earlierArrears == 0 && !(monthsKnown && asOf.PlusMonths(c.Hardship.ExpectedMonths!.Value) > extensionEnds)) ||
                                 cashByExtensionEnd >= amountDue || CaughtUpAfter(afterwards, instalment, owedAtBridgeEnd, movedByExtension, settings.ShortTermMonths)),
            DisputeClosesGap = disputeCloses,
            FeeWaiverClosesGap = disputeCloses || (budget is not null && account.Fees + account.PenaltyInterest > 0 &&
                                 (cashSpare + account.Fees + account.PenaltyInterest >= account.TotalOwed ||
                                  (cashSpare + account.Fees + account.PenaltyInterest >= amountDue && (!longTerm || affordable >= instalment)))),
            PlanClosesGap = planMonths > 0,
            ReliefRate = relief.Rate,
            InterestReliefPossible = relief.Possible,
            ReliefPlanMonths = relief.Months,
            ReliefClosesGap = relief.Possible && relief.Months > 0,
            LargestFlexibleCategory = largestFlexible is { Amount: > 0 } lf ? EnumNames<ExpenseCategory>.Of(lf.Category) : "",
            LargestFlexibleAmount = Cents(largestFlexible?.Amount ?? 0m),

            LenderKind = EnumNames<LenderKind>.Of(c.Lender.Kind),
            LenderIsBank = isBank,
            LenderIsBankCard = c.Lender.Kind == LenderKind.BankCard,
            IsCard = isCard,
            LenderName = c.Lender.Name ?? "",
            HardshipCause = EnumNames<HardshipCause>.Of(c.Hardship.Cause),
            HardshipNamed = moneyTrouble && c.Hardship.Cause != HardshipCause.Oversight,
            HardshipInFamily = c.Hardship.Affects == HardshipAffects.Family,
            HardshipWords = HardshipWords(c.Hardship),
            HardshipIsShortTerm = shortTerm,
            HardshipIsLongTerm = longTerm,
            HardshipLastsWithinBudget = lastsWithinBudget,
            HardshipMonthsKnown = monthsKnown,
            HardshipIsOver = over,
            HardshipExpectedMonths = c.Hardship.ExpectedMonths ?? 0,
            HardshipSinceKnown = c.Hardship.Since is not null,
            HardshipMonthsSoFar = monthsSoFar,
            IncomeAfterKnown = incomeAfter is not null,
            IncomeAfterHardship = Cents(incomeAfter ?? 0m),
            AffordableAfterHardship = Cents(afterwards ?? 0m),
            FreedDebtPayments = Cents(freedAfter),
            PlanAffordable = Cents(planAffordable),
            PlanStartsOn = planStarts,
            PlanLowStartMonths = lowStartMonths,
            PlanLowStartPayment = Cents(lowStartPayment),
            LongestPlanRepays = Cents(lowStartPaid + (planAffordable * planTerm)),
            BudgetShortAfterHardship = shortAfter,
            Goal = EnumNames<NegotiationGoal>.Of(c.Goal),
            SuspectedMaliciousOverdraft = c.Conduct.SuspectedMaliciousOverdraft,
            BrokenPromises = c.Conduct.BrokenPromises,
            Contactable = c.Conduct.Contactable,
            HasDisputedCharges = c.DisputedCharges.Count > 0,
            DisputedAmount = Cents(disputed),
            DisputedLeftOut = Cents(disputedLeftOut),
            Documents = DocumentNames(c.Documents),

            AttemptCount = attempts.Count,
            FailedAttempts = failedAttempts,
            LastAttemptOutcome = last is null ? "none" : EnumNames<AttemptOutcome>.Of(AnswerOf(last)),
            LastAttemptInWriting = last is { InWriting: true },
            LastAttemptOn = last?.On ?? asOf,
            LastAttemptReference = ReferenceCodes.In(last?.Reference),
            DaysSinceLastAttempt = last is null ? 0 : Period.DaysBetween(last.On, asOf),
            HasComplained = firstComplaint is not null,
            DaysSinceComplaint = firstComplaint is { } fc ? Period.DaysBetween(fc, asOf) : 0,
            HasContactedRegulator = regulator,
            HasTriedMediation = mediation,
            HasWrittenConfirmation = writtenConfirmation,
            CounterOfferMonthly = Cents(counterOffer),
            HasUnaffordableCounterOffer = counterOffer > 0,
            AgreedRequests = agreed is null ? ValueList<string>.Empty : new ValueList<string>(agreed),
            AgreedReference = ReferenceCodes.In(agreement?.Reference),
            AgreedMonthlyPayment = Cents(agreement?.MonthlyPayment ?? 0m),
            RepeatedlyRefusedRequests = Refused(refusals),
            FeeWaiverRefused = latestAnswer[(int)RequestType.FeeWaiver] >= 0 &&
                               AnswerOf(attempts[latestAnswer[(int)RequestType.FeeWaiver]]) == AttemptOutcome.Rejected,
            HasCourtCase = court || notices.CourtClaim is not null,
            HasPendingPromise = nextPromise is not null,
            PlanJustAgreed = planAgreedLast && sinceArrears && (nextPromise is not null || planOffered),
            PlanOfferToAccept = planOffered && sinceArrears,
            AgreedPlanDenied = agreedPlanDenied,
            MadeUpFromNextPay = madeUpFromNextPay,
            PaidSincePromiseBroken = c.Conduct.BrokenPromises > 0 && lastPromisePassed is { } passed && lastPayment is { } paidOn && paidOn > passed,
            NextPromiseDue = nextPromise ?? asOf,

            Region = c.Region ?? "unknown",
            Product = account.Product is { } product ? EnumNames<ProductKind>.Of(product) : "unknown",
            HasArrearsNotice = notices.Arrears,
            HasDefaultNotice = notices.Default,
            HasDefaultNoticeDeadline = notices.DefaultDeadline is not null,
            DefaultNoticeDeadline = notices.DefaultDeadline ?? asOf,
            DaysToDefaultDeadline = notices.DefaultDeadline is { } deadline ? Period.DaysBetween(asOf, deadline) : 0,
            DefaultDeadlinePassed = notices.DefaultDeadline < asOf,
            HasTerminationNotice = notices.Termination,
            HasPersistentDebtNotice = notices.PersistentDebt,
            HasFinalResponse = notices.FinalResponse is not null,
            DaysSinceFinalResponse = notices.FinalResponse is { } response ? Period.DaysBetween(response, asOf) : 0,
            HasCourtClaim = notices.CourtClaim is not null,
            DaysSinceCourtClaim = notices.CourtClaim is { } claim ? Period.DaysBetween(claim, asOf) : 0,
            HasCourtDeadline = notices.CourtDeadline is not null,
            CourtDeadline = notices.CourtDeadline ?? asOf,
            DaysToCourtDeadline = notices.CourtDeadline is { } answerBy ? Period.DaysBetween(asOf, answerBy) : 0,
            HasLetterDeadline = letter is not null,
            LetterDeadline = letter?.Deadline ?? asOf,
            DaysToLetterDeadline = letter is { Deadline: var by } ? Period.DaysBetween(asOf, by) : 0,
            LetterDeadlineKind = letter is { Kind: var kind } ? EnumNames<NoticeKind>.Of(kind) : "",
            HasReferredToOmbudsman = ombudsman,
            PriorityArrears = Cents(priorityArrears),
            HasPriorityArrears = priorityArrears > 0,
            PriorityArrearsArranged = priorityArrears > 0 && unarranged == 0,
            PriorityDebtPayments = Cents(priorityPayments),
            OtherDebtCount = c.Finances?.OtherDebts.Count ?? 0,
            SpokenToAdviser = c.DebtAdvice?.SpokenToAdviser ?? false,
            InBreathingSpace = c.DebtAdvice?.BreathingSpace is not null,
            IsVulnerable = vulnerability.Count > 0,
            MentalCapacityConcern = vulnerability.Contains(Vulnerability.MentalCapacity),
            MentalHealthConcern = vulnerability.Contains(Vulnerability.MentalHealth),

            OfferCount = offers.Count,
            HasThirdPartyOffer = thirdParty,
            HasLenderOffer = fromLender,
            LenderOfferAmount = Cents(namedOffer?.Amount ?? 0m),
            HasLenderOfferDeadline = offerBy is not null,
            LenderOfferDeadline = offerBy ?? asOf,
            DaysToLenderOfferDeadline = offerBy is { } offerEnds ? Period.DaysBetween(asOf, offerEnds) : 0,
            LenderOfferKind = namedOffer is null ? "" : EnumNames<OfferKind>.Of(namedOffer.Kind),
            LenderOfferInWriting = namedOffer is { InWriting: true },
            LenderOfferFromCollector = namedOffer is { From: OfferSource.CollectionAgency },
            SettlementOffered = settlement is not null,
            SettlementSaves = Cents(settlement is { } settled ? account.TotalOwed - settled : 0m),
            CanPaySettlementNow = settlement is not null && budget is not null && (settlementPaidNow >= settlement || settlementFromLumpSum),
            SettlementFromLumpSum = budget is not null && settlementFromLumpSum,
            SettlementPaidNow = Cents(settlementPaidNow),
            SettlementPlanMonths = settlementMonths,
            OfferAsksUpfrontFee = upfront,
            LargestUpfrontFee = Cents(largestUpfrontFee),
            OfferAsksVerificationCode = verification,
            OfferAsksPassword = password,
            OfferAsksPersonalAccount = personalAccount,
            OfferPromisesRecordRemoval = recordRemoval,
            HasUnwrittenOffer = unwritten,

            NegativeRecordClearsOn = CreditRecord.ExpectedClearDate(asOf, settings.NegativeRecordYears),
            NextFollowUp = FollowUp(asOf, settings.FollowUpDays, account.DueDate, c.Notices, c.Offers, replyBy),
            HasAnswerBy = replyBy is not null,
            AnswerBy = replyBy ?? asOf,
            ComplaintAnswerDue = (firstOpenComplaint ?? firstComplaint ?? asOf).PlusDays(settings.ComplaintResponseDays),
            ComplaintAnswerOverdue = firstOpenComplaint is { } complained && complained.PlusDays(settings.ComplaintResponseDays) < asOf,
            ComplaintAnswered = firstComplaint is not null && firstOpenComplaint is null,
        };
    }

    /// <summary>
    /// The flexible category spent on most (summed per category in the case's order), the lowest category among equals;
    /// nothing spent flexibly gives the default category with 0, as the first of an empty ranking did.
    /// </summary>
    private static (ExpenseCategory Category, decimal Amount) LargestFlexible(ValueList<Expense> expenses)
    {
        Span<(ExpenseCategory Category, decimal Amount)> sums = expenses.Count <= 32 ? stackalloc (ExpenseCategory, decimal)[expenses.Count] : new (ExpenseCategory, decimal)[expenses.Count];
        var count = 0;
        foreach (var e in expenses)
        {
            if (e.IsEssential)
            {
                continue;
            }

            var at = 0;
            while (at < count && sums[at].Category != e.Category)
            {
                at++;
            }

            sums[at] = at == count ? (e.Category, 0m + e.Monthly) : (e.Category, sums[at].Amount + e.Monthly);
            count = Math.Max(count, at + 1);
        }

        var best = default((ExpenseCategory Category, decimal Amount));
        for (var i = 0; i < count; i++)
        {
            if (i == 0 || sums[i].Amount > best.Amount || (sums[i].Amount == best.Amount && sums[i].Category < best.Category))
            {
                best = sums[i];
            }
        }

        return best;
    }

    /// <summary>The monthly payments of the other debts whose balance the case shows repaid within <paramref name="months"/> (balance ÷ payment, rounded up).</summary>
    private static decimal FreedWithin(ValueList<OtherDebt> debts, int months)
    {
        var freed = 0m;
        foreach (var d in debts)
        {
            freed += d.Balance > 0 && d.MonthlyPayment > 0 && Math.Ceiling(d.Balance / d.MonthlyPayment) <= months ? d.MonthlyPayment : 0m;
        }

        return freed;
    }

    /// <summary>
    /// The lender's answer as the plan reads it: a refusal that names a monthly payment offered something in place of what was
    /// asked, so it is a counter-offer (partly accepted), as the case format describes <c>monthlyPayment</c> (b34-02).
    /// </summary>
    private static AttemptOutcome AnswerOf(NegotiationAttempt a) =>
        a is { Outcome: AttemptOutcome.Rejected, MonthlyPayment: not null } ? AttemptOutcome.PartiallyAccepted : a.Outcome;

    /// <summary>
    /// The earlier instalments' arrears when some payment was above its instalment: in due-date order, what a payment pays
    /// above its own instalment clears the shortfalls before it, oldest first (as lenders apply it); what is left over went
    /// to the balance, which the account's figures already show. The current instalment's payment counts last.
    /// </summary>
    private static (decimal Arrears, int Unpaid, int PartPaid, LocalDate Oldest) ApplyOverpayments(ValueList<RepaymentRecord> history, LocalDate current, decimal paidOnCurrent, decimal currentInstalment)
    {
        var pending = new List<(LocalDate Due, decimal Short, decimal Instalment)>();
        foreach (var r in history.Where(r => r.DueDate < current).OrderBy(r => r.DueDate))
        {
            var paid = r.PaidOn is null ? 0m : r.AmountPaid ?? 0m;
            Settle(pending, paid - r.AmountDue);
            if (r.AmountDue > paid)
            {
                pending.Add((r.DueDate, r.AmountDue - paid, r.AmountDue));
            }
        }

        Settle(pending, paidOnCurrent - currentInstalment);
        // An instalment that a later overpayment settled in part counts as part paid, as one paid in part on its date does.
        return (pending.Sum(p => p.Short), pending.Count, pending.Count(p => p.Short < p.Instalment), pending.Count > 0 ? pending[0].Due : current);

        static void Settle(List<(LocalDate Due, decimal Short, decimal Instalment)> pending, decimal spare)
        {
            while (spare > 0 && pending.Count > 0)
            {
                var covered = Math.Min(spare, pending[0].Short);
                spare -= covered;
                pending[0] = pending[0] with { Short = pending[0].Short - covered };
                if (pending[0].Short == 0)
                {
                    pending.RemoveAt(0);
                }
            }
        }
    }

    /// <summary>
    /// What the letters received say: which kinds came, the deadline of the latest default notice that sets one, the latest
    /// final response and court claim, and the soonest date, <paramref name="asOf"/> or later, that another letter (not a
    /// default notice or a court claim, which have facts of their own) sets for paying or answering, with its kind.
    /// </summary>
    private static (bool Arrears, bool Default, LocalDate? DefaultDeadline, bool Termination, bool PersistentDebt, LocalDate? FinalResponse, LocalDate? CourtClaim, LocalDate? CourtDeadline, (LocalDate Deadline, NoticeKind Kind)? Letter)
        Notices(ValueList<Notice> notices, LocalDate asOf)
    {
        var found = (Arrears: false, Default: false, DefaultDeadline: (LocalDate?)null, Termination: false, PersistentDebt: false, FinalResponse: (LocalDate?)null, CourtClaim: (LocalDate?)null, CourtDeadline: (LocalDate?)null,
            Letter: ((LocalDate Deadline, NoticeKind Kind)?)null);
        LocalDate? latestDefault = null, latestClaimWithDeadline = null;
        foreach (var n in notices)
        {
            if (n is { Kind: not (NoticeKind.Default or NoticeKind.CourtClaim), Deadline: { } by } && by >= asOf && !(found.Letter?.Deadline <= by))
            {
                found.Letter = (by, n.Kind);
            }

            switch (n.Kind)
            {
                case NoticeKind.Arrears: found.Arrears = true; break;
                case NoticeKind.Default:
                    found.Default = true;
                    if (n.Deadline is { } deadline && (latestDefault is null || n.ReceivedOn >= latestDefault))
                    {
                        (latestDefault, found.DefaultDeadline) = (n.ReceivedOn, deadline);
                    }

                    break;
                case NoticeKind.Termination: found.Termination = true; break;
                case NoticeKind.PersistentDebt: found.PersistentDebt = true; break;
                case NoticeKind.FinalResponse: found.FinalResponse = Latest(found.FinalResponse, n.ReceivedOn); break;
                case NoticeKind.CourtClaim:
                    found.CourtClaim = Latest(found.CourtClaim, n.ReceivedOn);
                    if (n.Deadline is { } answerBy && (latestClaimWithDeadline is null || n.ReceivedOn >= latestClaimWithDeadline))
                    {
                        (latestClaimWithDeadline, found.CourtDeadline) = (n.ReceivedOn, answerBy);
                    }

                    break;
            }
        }

        return found;

        static LocalDate Latest(LocalDate? so, LocalDate day) => so is { } d && d > day ? d : day;
    }

    /// <summary>Days before a deadline by which a follow-up falls, so that there is time to act on the answer.</summary>
    private const int FollowUpLeadDays = 3;

    /// <summary>
    /// <paramref name="followUpDays"/> after <paramref name="asOf"/>, or <see cref="FollowUpLeadDays"/> before the earliest
    /// deadline ahead when that is sooner (the due date while ahead, each notice's deadline, the deadline of each offer from
    /// the lender or its collector, the day by which the lender's latest answer asks for a reply), and never before tomorrow.
    /// </summary>
    internal static LocalDate FollowUp(LocalDate asOf, int followUpDays, LocalDate dueDate, ValueList<Notice> notices, ValueList<ReceivedOffer> offers, LocalDate? answerBy = null)
    {
        var followUp = asOf.PlusDays(followUpDays);
        void Before(LocalDate deadline)
        {
            var chase = LocalDate.Max(asOf.PlusDays(1), deadline.PlusDays(-FollowUpLeadDays));
            followUp = deadline > asOf && chase < followUp ? chase : followUp;
        }

        Before(dueDate);
        foreach (var n in notices)
        {
            if (n.Deadline is { } deadline)
            {
                Before(deadline);
            }
        }

        // An offer from the lender or its collector lapses on its deadline: the answer to it is chased before then.
        foreach (var o in offers)
        {
            if (o is { From: OfferSource.LenderOfficial or OfferSource.CollectionAgency, Deadline: { } deadline })
            {
                Before(deadline);
            }
        }

        if (answerBy is { } replyBy)
        {
            Before(replyBy);
        }

        return followUp;
    }

    /// <summary>The kinds of document the borrower holds, each once, in the case's order.</summary>
    private static ValueList<string> DocumentNames(ValueList<DocumentKind> documents)
    {
        if (documents.Count == 0)
        {
            return ValueList<string>.Empty;
        }

        var names = new List<string>(documents.Count);
        foreach (var document in documents)
        {
            var name = EnumNames<DocumentKind>.Of(document);
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return new ValueList<string>(names);
    }

    /// <summary>Ratios are shown as fractions to four places (basis points): enough for a percentage with two decimals.</summary>
    private static decimal Ratio(decimal fraction) => Math.Round(fraction, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What a whole-debt plan repays alongside its principal, in equal parts and bearing no interest: the interest, fees and
    /// penalty interest accrued, and the interest its <paramref name="annualRate"/> adds on the principal from
    /// <paramref name="asOf"/> until the plan <paramref name="startsOn"/> (a plan that waits for a hardship's end), less that of
    /// the days its first period runs before <paramref name="asOf"/> where the interest owed runs to today
    /// (<paramref name="interestToDate"/>, a card).
    /// </summary>
    /// <remarks>Under a total cost cap, the interest of the months waited adds no more than <paramref name="chargesLeft"/>.</remarks>
    internal static decimal PlanAccrued(Account account, decimal annualRate, LocalDate asOf, LocalDate startsOn, int decimals, decimal? chargesLeft = null, bool interestToDate = false)
    {
        // A plan whose first period began before today charges a whole month's interest in its first instalment, the days
        // before today included. Where the interest owed runs to today (a card's: the statement's and what has accrued since),
        // that of those days is owed already and comes off (never more than is owed); a loan's is its missed instalments'
        // interest, to the last due date, which leaves the days since to the plan.
        var days = interestToDate || startsOn > asOf ? Period.DaysBetween(asOf, startsOn) : 0;
        var waiting = Math.Max(-account.Interest, Math.Sign(days) * Charges.SimpleInterest(
            account.Principal, DayCounts.DailyRate(Math.Min(annualRate, Schedules.MaxAnnualRate), DayCount.Actual365), Math.Abs(days), decimals));
        return account.Interest + account.Fees + account.PenaltyInterest + (chargesLeft is { } left ? Math.Min(waiting, left) : waiting);
    }

    /// <summary>A credit or store card, or a bank-card lender's account of no given product: see <see cref="Assessment.IsCard"/>.</summary>
    internal static bool IsCardAccount(BorrowerCase c) =>
        c.Account.Product is ProductKind.CreditCard or ProductKind.StoreCard || (c.Account.Product is null && c.Lender.Kind == LenderKind.BankCard);

    /// <summary>
    /// Where a disputed sum a plan leaves out sits: the part of the disputed charges that sits in the balance (see
    /// <see cref="DisputedInBalance"/>) comes off the principal, the rest off the interest and charges.
    /// </summary>
    internal static (decimal Principal, decimal Accrued) DisputedSplit(Account account, IReadOnlyList<DisputedCharge> disputes, decimal leftOut)
    {
        var inBalance = Math.Min(leftOut, DisputedInBalance(disputes, account.Interest + account.Fees + account.PenaltyInterest));
        var principal = Math.Min(inBalance, account.Principal);
        return (principal, leftOut - principal);
    }

    /// <summary>
    /// The part of the disputed charges that sits in the balance: each sits in the interest and charges while what is left of
    /// them (<paramref name="accrued"/>) can hold it (a fee or penalty in dispute), else in the balance (a purchase, a refund
    /// never credited, or a fee the lender took out of a payment, leaving an instalment short: b35-04).
    /// </summary>
    internal static decimal DisputedInBalance(IReadOnlyList<DisputedCharge> disputes, decimal accrued)
    {
        var inBalance = 0m;
        foreach (var d in disputes)
        {
            if (d.Amount <= accrued)
            {
                accrued -= d.Amount;
            }
            else
            {
                inBalance += d.Amount;
            }
        }

        return inBalance;
    }

    /// <summary>
    /// What a plan has left to repay after its low start has paid <paramref name="paid"/>: the payments go to what has accrued
    /// first, as lenders apply them, and only what is left over reduces the principal.
    /// </summary>
    internal static (decimal Principal, decimal Accrued) AfterLowStart(decimal principal, decimal accrued, decimal paid) =>
        paid <= accrued ? (principal, accrued - paid) : (Math.Max(0m, principal - (paid - accrued)), 0m);

    /// <summary>
    /// The interest a plan may add over its months under a total cost cap, once what it repays as accrued
    /// (<paramref name="planAccrued"/>) has taken its part of <paramref name="chargesLeft"/>; null when no cap applies.
    /// </summary>
    internal static decimal? PlanInterestCap(Account account, decimal planAccrued, decimal? chargesLeft) =>
        chargesLeft is { } left ? Math.Max(0m, left - (planAccrued - (account.Interest + account.Fees + account.PenaltyInterest))) : null;

    /// <summary>
    /// Whether a plan's interest at <paramref name="annualRate"/> would pass <paramref name="interestCap"/> (never without a cap):
    /// the interest of the schedule itself, whose last instalment absorbs the rounding, not the level payment times the months.
    /// </summary>
    internal static bool PlanInterestCapped(decimal principal, decimal annualRate, int months, int decimals, decimal? interestCap) =>
        interestCap is { } cap && principal > 0 &&
        Schedules.EqualInstalmentInterest(principal, Math.Min(annualRate, Schedules.MaxAnnualRate), months, decimals) > cap;

    /// <summary>
    /// The monthly payment of a plan of <paramref name="months"/>: the principal amortised at the contract
    /// rate plus an equal share of what has accrued (interest, fees, penalty interest), which bears no interest. Where that
    /// rate's interest would pass a total cost cap (<paramref name="interestCap"/>), the principal is repaid in equal parts and
    /// the interest the cap allows in equal parts beside it.
    /// </summary>
    public static decimal PlanPayment(decimal principal, decimal accrued, decimal annualRate, int months, int decimals, decimal? interestCap = null) =>
        PlanInterestCapped(principal, annualRate, months, decimals, interestCap)
            ? Schedules.InstalmentAmount(principal, 0m, months, decimals) + Money.Round(interestCap!.Value / months, decimals, MidpointRounding.ToPositiveInfinity) +
              Money.Round(accrued / months, decimals, MidpointRounding.ToPositiveInfinity)
            : (principal > 0 ? Schedules.InstalmentAmount(principal, Math.Min(annualRate, Schedules.MaxAnnualRate), months, decimals) : 0m) +
              Money.Round(accrued / months, decimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>
    /// The rate interest relief asks for and the plan it makes fit. The rule set's relief rate, when it is below the contract
    /// rate; stopping interest (0 %) only where the hardship is long-term and no plan at the relief rate fits. The shortest
    /// plan at 0 % comes in already found (0 when none fits, null when the budget is not known).
    /// </summary>
    private static (decimal Rate, bool Possible, int Months) Relief(
        Account account, decimal principal, decimal accrued, decimal? interestCap, decimal affordable, int maxMonths, bool longTerm, int? zeroRateMonths, AssessmentSettings settings, int decimals)
    {
        if (account.AnnualRate is not { } current || current <= 0)
        {
            return (account.AnnualRate ?? 0m, false, 0);
        }

        var rate = Math.Min(settings.ReliefAnnualRate, current);
        if (zeroRateMonths is not { } zeroRate)
        {
            return (rate, rate < current, 0);
        }

        var months = rate == 0 ? zeroRate : PlanMonths(principal, accrued, rate, affordable, maxMonths, decimals, interestCap);
        return months == 0 && longTerm && rate > 0 ? (0m, true, zeroRate) : (rate, rate < current, months);
    }

    /// <summary>The request types refused at least twice, in the enum's order.</summary>
    private static ValueList<string> Refused(Span<int> refusals)
    {
        List<string>? refused = null;
        for (var i = 0; i < refusals.Length; i++)
        {
            if (refusals[i] >= 2)
            {
                (refused ??= []).Add(EnumNames<RequestType>.Of((RequestType)i));
            }
        }

        return refused is null ? ValueList<string>.Empty : new ValueList<string>(refused);
    }

    /// <summary>
    /// The extension an assessment offers: where it ends, how many regular instalments it moves with what is due, and the cash
    /// the borrower will have on that date (savings and each whole month's <paramref name="surplus"/>, less the regular
    /// instalments falling due meanwhile that it does not move: they are paid on their own dates, from the same income).
    /// <list type="bullet">
    /// <item>Usually it runs <c>maxExtensionDays</c> from today, or from the oldest unpaid due date while that is still ahead;
    /// with a <paramref name="payday"/> before then whose pay (a month's surplus) covers what is due, it runs to that payday.</item>
    /// <item>A short hardship of known length (<paramref name="bridgeMonths"/>, at most <c>maxBridgeMonths</c>) that lasts as long
    /// or longer runs it to the hardship's end, and the regular instalments falling due until then move with it.</item>
    /// <item>Otherwise, when the usual end leaves the cash short and <paramref name="mayDefer"/>, it runs to the first whole
    /// month, up to <c>maxDeferralMonths</c>, by which the cash covers what is due.</item>
    /// <item>A confirmed one-off sum (<paramref name="lump"/>) counts in the cash from its day; where it covers what is due then,
    /// the extension runs to that day when it is sooner, or when the end found otherwise falls short, or, in place of a run to
    /// a hardship's end, when with the sum the instalments meanwhile are paid on their dates. Ending on the sum's day, it moves
    /// with what is due the regular instalments before that day which no pay arrives in time for, where the sum covers them.</item>
    /// </list>
    /// </summary>
    internal static (LocalDate Ends, int Moved, decimal Cash) ExtensionTerms(
        Account account, LocalDate asOf, LocalDate oldestUnpaid, decimal due, decimal regular, int? bridgeMonths, bool mayDefer, decimal cashNow, MonthlySurplus surplus, int? payday, AssessmentSettings settings,
        (decimal Amount, LocalDate On)? lump = null, bool keepForNextPay = true)
    {
        var from = oldestUnpaid > asOf ? oldestUnpaid : asOf;
        // The cash on a day keeps back the instalments falling due before the next pay, unless the due date is to move after it.
        var keptUntilPayday = keepForNextPay ? payday : null;
        var later = LaterInstalments(account, due, regular);
        var (end, movedUntil, cashThen) = UsualExtension(account, asOf, from, due, later, regular, bridgeMonths, mayDefer, cashNow, surplus, payday, settings, lump, keptUntilPayday);

        // A confirmed one-off sum that covers what is due on its day (no later than a deferral may run): the extension runs to
        // that day where it is sooner than the end found otherwise, or where that end leaves the cash short. Where the end
        // found otherwise is a hardship's, moving the instalments meanwhile, the sum replaces it when, with the sum, those
        // instalments are paid on their dates and what is due is still covered at the hardship's end.
        if (lump is not { } l || l.On <= from || l.On > from.PlusMonths(Math.Max(1, settings.MaxDeferralMonths)))
        {
            return (end, movedUntil, cashThen);
        }

        var sumReplaces = movedUntil == 0
            ? l.On < end || cashThen < due
            : CashBy(account, asOf, end, PaysBy(asOf, end, payday), 0, later, regular, cashNow, surplus, lump, keptUntilPayday) >= due;
        // The months of surplus (or deficit) by the sum's day: one for each pay received by then, or each whole month.
        var months = PaysBy(asOf, l.On, payday);
        if (sumReplaces && CashBy(account, asOf, l.On, months, 0, later, regular, cashNow, surplus, lump, keptUntilPayday) is var byLump && byLump >= due)
        {
            (end, movedUntil, cashThen) = (l.On, 0, byLump);
        }

        // Ending on the sum's day (by the rule above, or on a payday that is that day), the regular instalments falling due
        // before it that the cash cannot meet on their dates move with it: the cash now that falls short of what is due is paid
        // towards it now, and the sum pays the rest. Where the cash then cannot meet them too, the extension stays as it is.
        var moved = end == l.On && movedUntil == 0 ? UnpayableBefore(account, asOf, l.On, later, regular, Math.Max(0m, cashNow - due), surplus, payday) : 0;
        return moved > 0 && CashBy(account, asOf, l.On, months, moved, later, regular, cashNow, surplus, lump, keptUntilPayday) is var withMoved && withMoved >= due + (moved * regular)
            ? (end, moved, withMoved)
            : (end, movedUntil, cashThen);
    }

    /// <summary>
    /// The regular instalments falling due after <paramref name="asOf"/> and before <paramref name="until"/> that the cash on
    /// their dates (<paramref name="cash"/> and a month's surplus for each pay received by then, less the instalments before
    /// them) does not meet. Once one is short, the later ones are counted too: they would be paid from the same empty purse.
    /// </summary>
    private static int UnpayableBefore(Account account, LocalDate asOf, LocalDate until, int later, decimal regular, decimal cash, MonthlySurplus surplus, int? payday)
    {
        var falling = InstalmentsFallingDue(account, asOf, until.PlusDays(-1), later);
        var first = FirstMonthAfter(account.DueDate, asOf);
        for (var i = 0; i < falling; i++)
        {
            if (cash + surplus.Over(PaysBy(asOf, account.DueDate.PlusMonths(first + i), payday)) < (i + 1) * regular)
            {
                return falling - i;
            }
        }

        return 0;
    }

    /// <summary>
    /// The deficit of the days left in this pay period, where the period's pay came during a hardship of known length (it began
    /// on or before the last payday): nothing of that pay is left for them, so savings meet them. A share of a month's deficit,
    /// by days; 0 without a payday, a start date, a deficit or a hardship of known length still running.
    /// </summary>
    private static decimal UnfundedRestOfPeriod(BorrowerCase c, LocalDate asOf, bool moneyTrouble, decimal disposable)
    {
        if (!moneyTrouble || disposable >= 0 || c.Hardship.ExpectedMonths is not > 0 || c.Hardship.Since is not { } since ||
            c.Finances?.Payday is not { } payday)
        {
            return 0m;
        }

        var next = OnOrAfterPayday(asOf.PlusDays(1), payday);
        var last = OnOrAfterPayday(next.PlusMonths(-1), payday);
        return since <= last ? -disposable * Period.DaysBetween(asOf, next) / Period.DaysBetween(last, next) : 0m;
    }

    /// <summary>The pays received after <paramref name="asOf"/> and by <paramref name="day"/>: one each payday, or each whole month when the case gives none.</summary>
    private static int PaysBy(LocalDate asOf, LocalDate day, int? payday)
    {
        if (payday is null)
        {
            return WholeMonths(asOf, day);
        }

        var pays = 0;
        for (var pay = OnOrAfterPayday(asOf.PlusDays(1), payday); pay <= day; pay = OnOrAfterPayday(pay.PlusDays(1), payday))
        {
            pays++;
        }

        return pays;
    }

    /// <summary>
    /// The extension's terms before a one-off sum is looked at, counted <paramref name="from"/> today or the due date still
    /// ahead: the first three cases listed on <see cref="ExtensionTerms"/>.
    /// </summary>
    private static (LocalDate Ends, int Moved, decimal Cash) UsualExtension(
        Account account, LocalDate asOf, LocalDate from, decimal due, int later, decimal regular, int? bridgeMonths, bool mayDefer, decimal cashNow, MonthlySurplus surplus, int? payday, AssessmentSettings settings,
        (decimal Amount, LocalDate On)? lump, int? keptUntilPayday)
    {
        var usualEnd = from.PlusDays(settings.MaxExtensionDays);
        var usualMonths = Math.Max(1, settings.MaxExtensionDays / 30);
        decimal CashBy(LocalDate ends, int months, int moved) => Assessor.CashBy(account, asOf, ends, months, moved, later, regular, cashNow, surplus, lump, keptUntilPayday);

        if (bridgeMonths is { } hardship && hardship <= settings.MaxBridgeMonths && asOf.PlusMonths(hardship) >= usualEnd)
        {
            // The money comes back with the first pay after the hardship: the date falls on a payday when the case gives one,
            // the first after the day the hardship ends (a pay on that day is for the weeks before it, so a return to work on
            // payday is paid a month later). The cash then counts each pay received by that day, that first pay included.
            var hardshipEnd = payday is null ? asOf.PlusMonths(hardship) : OnOrAfterPayday(asOf.PlusMonths(hardship).PlusDays(1), payday);
            var moved = InstalmentsFallingDue(account, asOf, hardshipEnd, later);
            return (hardshipEnd, moved, CashBy(hardshipEnd, payday is null ? usualMonths : PaysBy(asOf, hardshipEnd, payday), moved));
        }

        // With a payday known, the shortest extension is to the next pay, where that pay covers what is due.
        if (payday is not null && OnOrAfterPayday(from.PlusDays(1), payday) is var nextPay && nextPay < usualEnd && CashBy(nextPay, 1, 0) is var byPay && byPay >= due)
        {
            return (nextPay, 0, byPay);
        }

        var cash = CashBy(usualEnd, usualMonths, 0);
        for (var k = 2; mayDefer && cash < due && k <= settings.MaxDeferralMonths; k++)
        {
            var deferredEnd = OnOrAfterPayday(from.PlusMonths(k), payday);
            var deferredCash = CashBy(deferredEnd, k, 0);
            if (deferredCash >= due)
            {
                return (deferredEnd, 0, deferredCash);
            }
        }

        return (usualEnd, 0, cash);
    }

    /// <summary>
    /// The cash on <paramref name="ends"/> that can go to what is due: the cash now, <paramref name="months"/> of surplus and a
    /// confirmed one-off sum arriving by then, less the regular instalments an extension does not move that fall due meanwhile
    /// or, with a <paramref name="payday"/> known, after it and before the next pay (they are paid from the same money); never
    /// below 0.
    /// </summary>
    private static decimal CashBy(Account account, LocalDate asOf, LocalDate ends, int months, int moved, int later, decimal regular, decimal cashNow, MonthlySurplus surplus, (decimal Amount, LocalDate On)? lump, int? payday)
    {
        var keptUntil = payday is null ? ends : OnOrAfterPayday(ends.PlusDays(1), payday).PlusDays(-1);
        return Math.Max(0m, cashNow + surplus.Over(months) + (lump is { } l && l.On <= ends ? l.Amount : 0m) -
                            (Math.Max(0, InstalmentsFallingDue(account, asOf, keptUntil, later) - moved) * regular));
    }

    /// <summary>The whole months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static int WholeMonths(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Months).Months;

    /// <summary>
    /// The hardship's cause as messages name it: its code, or for a family member's illness, job loss, drop in income or business
    /// failure the family form that <c>Vocabulary</c> words as such ("illness in the family", 家人生病).
    /// </summary>
    private static string HardshipWords(Hardship h) => (h.Affects, h.Cause) switch
    {
        (HardshipAffects.Family, HardshipCause.Illness) => "family-illness",
        (HardshipAffects.Family, HardshipCause.JobLoss) => "family-job-loss",
        (HardshipAffects.Family, HardshipCause.IncomeDrop) => "family-income-drop",
        (HardshipAffects.Family, HardshipCause.BusinessFailure) => "family-business-failure",
        _ => EnumNames<HardshipCause>.Of(h.Cause),
    };

    /// <summary>Whether an offer shows a sign of a scam: a fee first, a password or code, payment to a personal account, a promise to wipe the credit record.</summary>
    private static bool ScamSigns(ReceivedOffer o) =>
        o.UpfrontFee > 0 || o.AsksForPassword || o.AsksForVerificationCode || o.AsksPaymentToPersonalAccount || o.PromisesCreditRecordRemoval;

    /// <summary>
    /// The first confirmed one-off sum after <paramref name="asOf"/> (sums confirmed for the same day together), or null; and
    /// whether any listed sum is only hoped for (not confirmed).
    /// </summary>
    private static ((decimal Amount, LocalDate On)? First, bool Hoped) LumpSumAhead(ValueList<LumpSum>? sums, LocalDate asOf)
    {
        if (sums is null)
        {
            return (null, false);
        }

        (decimal Amount, LocalDate On)? first = null;
        var hoped = false;
        foreach (var s in sums)
        {
            hoped |= !s.Confirmed;
            if (!s.Confirmed || s.On <= asOf || s.Amount <= 0)
            {
                continue;
            }

            first = first is not { } f || s.On < f.On ? (s.Amount, s.On) : s.On == f.On ? (f.Amount + s.Amount, f.On) : first;
        }

        return (first, hoped);
    }

    /// <summary>The first day on or after <paramref name="day"/> that is a payday (the month's last day when it is shorter), or the day itself when none is given.</summary>
    internal static LocalDate OnOrAfterPayday(LocalDate day, int? payday)
    {
        if (payday is not { } d)
        {
            return day;
        }

        var inMonth = PaydayIn(day, d);
        return inMonth >= day ? inMonth : PaydayIn(day.PlusMonths(1), d);
    }

    /// <summary>The payday in <paramref name="month"/>'s month: day <paramref name="payday"/>, or its last day in a shorter month.</summary>
    internal static LocalDate PaydayIn(LocalDate month, int payday) =>
        new(month.Year, month.Month, Math.Min(payday, month.Calendar.GetDaysInMonth(month.Year, month.Month)));

    /// <summary>
    /// The regular instalments a balance beyond what is due still holds: those that repay it with their interest at the contract
    /// rate (the balance has none of the future interest in it, so dividing by the instalment would come out one short), or
    /// none when less than half an instalment is left, which is charges or rounding, not a payment to come; for the same
    /// reason a tail of less than half an instalment after the last whole one is not one more (a20-03: interest and penalty
    /// already charged made four instalments of a loan with three to go). At most 9,999.
    /// </summary>
    private static int LaterInstalments(Account account, decimal due, decimal regular) =>
        regular <= 0 || account.TotalOwed - due is var beyond && beyond < regular / 2 ? 0
            : Math.Min(9_999, Affordability.MonthsToClear(beyond - (regular / 2), regular, Math.Min(account.AnnualRate ?? 0m, Schedules.MaxAnnualRate)) ?? 9_999);

    /// <summary>
    /// The day a plan's first period begins, a month before its first instalment. With a payday, the first instalment falls on
    /// the first payday at least <paramref name="leadDays"/> away (time to agree the plan; without it, a month or more away),
    /// or, after a low start, that many months later, the low start paying on the paydays before it; the first period may
    /// then begin before today. Without a payday the plan starts today, or when the low start ends.
    /// </summary>
    private static LocalDate PlanStart(LocalDate asOf, int lowStartMonths, int? payday, int? leadDays)
    {
        var start = asOf.PlusMonths(lowStartMonths);
        if (payday is null)
        {
            return start;
        }

        var first = leadDays is { } lead ? OnOrAfterPayday(asOf.PlusDays(lead), payday).PlusMonths(lowStartMonths) : OnOrAfterPayday(start.PlusMonths(1), payday);
        return first.PlusMonths(-1);
    }

    /// <summary>
    /// Whether what a deferral to a hardship's end leaves owing when it ends (<paramref name="left"/>) is caught up within
    /// <paramref name="months"/> from what the budget after the hardship sustains beyond the regular instalment: only for a
    /// deferral that runs to the hardship's end (<paramref name="moved"/> instalments move with it), and only when the case
    /// says what that budget will be.
    /// </summary>
    internal static bool CaughtUpAfter(decimal? afterwards, decimal regular, decimal left, int moved, int months) =>
        moved > 0 && afterwards is { } after && after > regular && (after - regular) * months >= left;

    /// <summary>What is left each month after all spending (less than 0 in deficit): <paramref name="Now"/> for the first <paramref name="Months"/> months, <paramref name="After"/> from then on.</summary>
    internal readonly record struct MonthlySurplus(decimal Now, int Months, decimal After)
    {
        /// <summary>The surplus of the first <paramref name="count"/> months.</summary>
        public decimal Over(int count) => (Now * Math.Min(count, Months)) + (After * Math.Max(0, count - Months));
    }

    /// <summary>
    /// The regular instalments falling due after <paramref name="asOf"/> and on or before <paramref name="until"/>, never more
    /// than the <paramref name="later"/> instalments the balance beyond what is due holds (<see cref="LaterInstalments(Account, decimal, decimal)"/>).
    /// </summary>
    private static int InstalmentsFallingDue(Account account, LocalDate asOf, LocalDate until, int later)
    {
        var count = 0;
        for (var k = FirstMonthAfter(account.DueDate, asOf); count < later && account.DueDate.PlusMonths(k) <= until; k++)
        {
            count++;
        }

        return count;
    }

    /// <summary>The number of months after <paramref name="dueDate"/> (1 at least) at which its next regular due date falls after <paramref name="asOf"/>.</summary>
    internal static int FirstMonthAfter(LocalDate dueDate, LocalDate asOf)
    {
        var k = 1;
        while (dueDate.PlusMonths(k) <= asOf)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// The fewest months, two at least and at most <paramref name="maxMonths"/>, over which what is due can be repaid on top
    /// of the regular instalment within <paramref name="affordable"/>, while regular instalments still run that long (what is
    /// owed beyond what is due holds that many of them); 0 when it cannot.
    /// </summary>
    internal static int CatchUpMonths(decimal due, decimal regular, decimal owed, decimal affordable, int maxMonths)
    {
        if (due <= 0 || regular <= 0 || affordable <= regular)
        {
            return 0;
        }

        var months = Math.Max(2m, Math.Ceiling(due / (affordable - regular)));
        return months <= maxMonths && months * regular <= owed - due ? (int)months : 0;
    }

    /// <summary>The shortest plan of at least two months, up to <paramref name="maxMonths"/>, whose payment fits <paramref name="affordable"/>; 0 when none does.</summary>

    internal static int PlanMonths(decimal principal, decimal accrued, decimal annualRate, decimal affordable, int maxMonths, int decimals, decimal? interestCap = null)
    {
        if (affordable <= 0 || principal + accrued <= 0 || maxMonths < 2 || PlanPayment(principal, accrued, annualRate, maxMonths, decimals, interestCap) > affordable)
        {
            return 0;
        }

        // The payment falls as the term grows, so the shortest fitting term is found by bisection. A plan is two months
        // at least: what fits in one month is a payment, not a plan.
        int low = 2, high = maxMonths;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (PlanPayment(principal, accrued, annualRate, middle, decimals, interestCap) <= affordable)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
