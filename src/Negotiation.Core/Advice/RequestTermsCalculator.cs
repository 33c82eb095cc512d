using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Advice;

/// <summary>The terms, savings and schedule of one proposed request, computed with the calculators.</summary>
internal sealed record ComputedRequest(RequestTerms Terms, decimal? Savings, ValueList<Instalment>? Schedule);

/// <summary>
/// Computes what each kind of request asks for. A saving is measured against the contract's own course (the extension
/// against being late over the same days, relief against the contract rate over the same plan); a request that saves
/// nothing has no saving (null), and its cost shows in its terms.
/// </summary>
internal static class RequestTermsCalculator
{
    /// <summary>Computes one request's terms, saving and schedule.</summary>
    /// <param name="type">The request type.</param>
    /// <param name="c">The case.</param>
    /// <param name="facts">The case's assessment.</param>
    /// <param name="parameters">The rule set's parameters.</param>
    /// <param name="decimals">The currency's minor unit.</param>
    /// <param name="atReliefRate">For an instalment plan, whether its rule offers it at the relief rate (<c>atReliefRate</c>).</param>
    public static ComputedRequest Compute(string type, BorrowerCase c, Assessment facts, IReadOnlyDictionary<string, decimal> parameters, int decimals, bool atReliefRate = false) => type switch
    {
        // Each kind fills its own terms, every amount in whole minor units, and leaves the others null.
        "extension" => Extension(c, facts, decimals),
        "fee-waiver" => FeeWaiver(c, facts, decimals),
        "interest-relief" => InterestRelief(c, facts, decimals),
        "instalment-plan" => InstalmentPlan(c, facts, parameters, decimals, atReliefRate),
        "principal-reduction" => PrincipalReduction(facts, decimals),
        "token-payments" => TokenPayments(facts, parameters, decimals),
        _ => throw new InvalidOperationException($"Unknown request type '{type}'; the loader admits only known types."),
    };

    /// <summary>Whether a request asks for something: a waiver, a saving or a reduction of more than nothing, a rate below the current one.</summary>
    public static bool AsksForSomething(RequestTerms terms) => terms.Type switch
    {
        "fee-waiver" => terms.FeesWaived > 0,
        "interest-relief" => terms.ProposedRate < terms.CurrentRate && terms.InterestSaved > 0,
        "principal-reduction" => terms.ReductionAsked > 0,
        _ => true,
    };

    /// <summary>
    /// An amount in the currency's minor unit, as <see cref="Currencies.ToMinorUnit"/> writes it. An amount that already
    /// has exactly that many places, and no sign, is returned as it is: rounding leaves it alone and adding the zero
    /// of that scale changes no bit of it (a property test holds the two equal, bit for bit).
    /// </summary>
    internal static decimal Cents(decimal amount, int decimals) =>
        amount.Scale == decimals && !decimal.IsNegative(amount) ? amount : Currencies.ToMinorUnit(amount, decimals);

    private static ComputedRequest FeeWaiver(BorrowerCase c, Assessment facts, int decimals)
    {
        // The fees and penalty interest, and what is disputed beyond them: what sits in the balance (a purchase, an uncredited
        // refund, a fee taken out of a payment, as the plan reads it), and of the rest what the fees and penalty interest do
        // not already hold (a disputed fee or penalty is counted once: a13-04, b35-04); where charges break a total cost cap,
        // at least what lies above it. Never more than is owed.
        var inBalance = Assessor.DisputedInBalance(c.DisputedCharges, facts.Interest + facts.Fees + facts.PenaltyInterest);
        var disputedBeyond = inBalance + Math.Max(0m, facts.DisputedAmount - inBalance - facts.FeesAndPenalties);
        var waived = Cents(Math.Min(Math.Max(facts.FeesAndPenalties + disputedBeyond, facts.ChargesOverCap), facts.TotalOwed), decimals);
        return new ComputedRequest(new RequestTerms { Type = "fee-waiver", FeesWaived = waived }, waived, null);
    }

    private static ComputedRequest Extension(BorrowerCase c, Assessment facts, int decimals)
    {
        // The days run from today, or from the due date when it is still ahead: an extension counted from a due date already
        // past could end tomorrow, and one asked for before the due date should not end sooner than it would after it. The
        // assessment says where it ends (a short hardship of known length moves it, and the instalments meanwhile, to its end).
        var account = Assessor.Running(c.Account);
        var from = facts.DueDate > c.AsOf ? facts.DueDate : c.AsOf;
        var newDue = facts.ExtensionEndsOn;
        var days = facts.ExtensionDays;
        var moved = facts.InstalmentsMovedByExtension;
        // An extension to a hardship's end moves what is due with the instalments meanwhile; one to the day a confirmed sum
        // arrives moves the instalments before it that cannot be met on their dates, and the sum pays them all.
        var toHardshipEnd = moved > 0 && !facts.ExtensionToLumpSum;
        // Savings that do not cover what is overdue are paid towards it now, and the rest moves; an extension to a hardship's
        // end keeps them.
        var paidNow = toHardshipEnd ? 0m : facts.PartPaymentNow;
        // While it runs to a hardship's end, what the budget sustains is paid on each regular due date; only the shortfall moves.
        // (It runs there only while that is less than the regular instalment: the assessment's condition for moving any.)
        var eachMonth = toHardshipEnd ? facts.AffordableInstalment : 0m;
        // Before the due date, that part is paid on it too; once it has passed, what is due moves whole.
        var firstPaid = facts.IsOverdue ? 0m : Math.Min(eachMonth, facts.AmountDue);
        var overdueLeft = facts.AmountDue - paidNow;
        // Contract interest runs on the principal either way; the penalty an extension stops runs on what stays overdue: what
        // is due now, for the extension's days, and the part of each instalment moved with it, from its own due date.
        var contract = WithinCostCap(facts, Calculators.Extension.Cost(account.Principal, account.AnnualRate ?? 0m, from, newDue, decimals: decimals).ContractInterest);
        var penalty = account.PenaltyDailyRate is { } daily
            ? Charges.SimpleInterest(overdueLeft - firstPaid, daily, days, decimals) + Enumerable.Range(1, moved).Sum(k =>
                Charges.SimpleInterest(facts.CurrentInstalment - eachMonth, daily, Math.Max(0, Period.DaysBetween(facts.DueDate.PlusMonths(k), newDue)), decimals))
            : 0m;
        var avoided = Cents(penalty, decimals);
        return new ComputedRequest(
            new RequestTerms
            {
                Type = "extension", ExtensionDays = days, NewDueDate = newDue,
                InstalmentsMoved = moved > 0 ? moved : null,
                PaidNow = paidNow > 0 ? paidNow : null,
                PaidEachMonth = eachMonth > 0 ? eachMonth : null,
                AmountMoved = moved > 0 ? Cents(Math.Min(facts.AmountDue - paidNow - firstPaid + (moved * (facts.CurrentInstalment - eachMonth)), facts.TotalOwed), decimals)
                    : paidNow > 0 ? Cents(overdueLeft, decimals) : null,
                ExtraInterest = Cents(contract, decimals), PenaltyAvoided = avoided,
            },
            avoided > 0 ? avoided : null,
            null);
    }

    private static ComputedRequest InterestRelief(BorrowerCase c, Assessment facts, int decimals)
    {
        // Savings against the contract rate: the interest of the plan the budget pays at it (the same payment over more months)
        // less that of the plan at the lower rate; where no plan fits at the contract rate, over the same term. Where no plan
        // fits even with relief (token payments, or a budget not given), no plan is repaid to measure over: the saving is then
        // a year's interest on the principal as it stands, which little repayment would change.
        var account = Assessor.Running(c.Account);
        var planned = facts.ReliefPlanMonths > 0;
        var months = planned ? facts.ReliefPlanMonths : 12;
        var contractMonths = planned && facts.AffordablePlanMonths > 0 ? facts.AffordablePlanMonths : months;
        // A plan's interest runs on what the plan schedules: the principal after what savings pay now and a low start pay
        // (towards what has accrued first) and without a charge left out in dispute, as the plan itself (120: CNY 37,148.70,
        // not the CNY 38,000 before the CNY 2,000 paid now).
        var current = Math.Min(facts.AnnualRate, Schedules.MaxAnnualRate);
        var proposed = Math.Min(facts.ReliefRate, current);
        var saved = account.Principal > 0 && facts.InterestReliefPossible
            ? Cents(Math.Max(0m, planned
                ? WithinCostCap(facts, InterestOver(PlanBase(c, facts, account, current, decimals).Principal, current, contractMonths, decimals)) -
                  WithinCostCap(facts, InterestOver(PlanBase(c, facts, account, proposed, decimals).Principal, proposed, months, decimals))
                : WithinCostCap(facts, account.Principal * current) - WithinCostCap(facts, account.Principal * proposed)), decimals)
            : 0m;
        return new ComputedRequest(
            new RequestTerms
            {
                Type = "interest-relief", CurrentRate = account.AnnualRate, ProposedRate = facts.ReliefRate, Months = months,
                MonthsAtCurrentRate = contractMonths > months ? contractMonths : null, InterestSaved = saved,
            },
            saved > 0 ? saved : null,
            null);
    }

    /// <summary>
    /// What a whole-debt plan at <paramref name="rate"/> schedules: the principal and what has accrued by the plan's start,
    /// after what savings pay now and a low start pay (towards what has accrued first) and without a charge left out in
    /// dispute; and what has accrued by the start before them.
    /// </summary>
    private static (decimal Principal, decimal Accrued, decimal AccruedByStart) PlanBase(BorrowerCase c, Assessment facts, Account account, decimal rate, int decimals)
    {
        var accruedByStart = Assessor.PlanAccrued(account, rate, c.AsOf, facts.PlanStartsOn, decimals, facts.TotalCostCapApplies ? facts.ChargesLeftUnderCap : null, facts.IsCard);
        var (principalDisputed, accruedDisputed) = Assessor.DisputedSplit(account, c.DisputedCharges, facts.DisputedLeftOut);
        var (principal, accrued) = Assessor.AfterLowStart(account.Principal - principalDisputed, accruedByStart - accruedDisputed,
            facts.PlanPaidNow + LowStartPaid(facts));
        return (principal, accrued, accruedByStart);
    }

    /// <summary>What a whole-debt plan's low start pays before its first instalment (0 without one).</summary>
    private static decimal LowStartPaid(Assessment facts) => facts.PlanLowStartMonths * facts.PlanLowStartPayment;

    /// <summary>Interest still to be charged, no more than a total cost cap leaves (<c>chargesLeftUnderCap</c>) where one applies.</summary>
    private static decimal WithinCostCap(Assessment facts, decimal interest) =>
        facts.TotalCostCapApplies ? Math.Min(interest, facts.ChargesLeftUnderCap) : interest;

    private static decimal InterestOver(decimal principal, decimal annualRate, int months, int decimals) =>
        Schedules.EqualInstalmentInterest(principal, annualRate, months, decimals);

    private static ComputedRequest InstalmentPlan(BorrowerCase c, Assessment facts, IReadOnlyDictionary<string, decimal> parameters, int decimals, bool atReliefRate)
    {
        if (facts.SettlementOffered && !facts.CanPaySettlementNow && facts.SettlementPlanMonths > 0)
        {
            return SettlementPlan(facts, decimals);
        }

        var account = Assessor.Running(c.Account);
        if (facts.AgreedPlanDenied && AgreedPlan(c, facts, account, (int)parameters["maxInstalmentMonths"], decimals) is { } honoured)
        {
            return honoured;
        }

        if (facts.CatchUpMonths > 0)
        {
            return CatchUpPlan(c, facts, decimals);
        }

        // A plan is two months at least; without one that fits at the contract rate, or where its rule offers it on condition
        // that the rate is lowered, the plan that fits at the relief rate (the rate it rests on is then in its terms), or else
        // the longest the rule set allows at the contract rate.
        var atLowerRate = (atReliefRate || !facts.PlanClosesGap) && facts.ReliefClosesGap;
        var months = atLowerRate ? Math.Max(2, facts.ReliefPlanMonths)
            : facts.AffordablePlanMonths > 0 ? facts.AffordablePlanMonths
            : Math.Max(2, (int)parameters["maxInstalmentMonths"] - facts.PlanLowStartMonths);
        var contractRate = Math.Min(account.AnnualRate ?? 0m, Schedules.MaxAnnualRate);
        var rate = atLowerRate ? Math.Min(facts.ReliefRate, contractRate) : contractRate;
        var (principal, accrued, accruedByStart) = PlanBase(c, facts, account, rate, decimals);
        var lowStartPaid = LowStartPaid(facts);
        // Where the rate's interest would pass a total cost cap, the principal is repaid in equal parts, and the interest the
        // cap allows in equal parts beside it (the assessment sized the plan the same way).
        var interestCap = Assessor.PlanInterestCap(account, accruedByStart, facts.TotalCostCapApplies ? facts.ChargesLeftUnderCap : null);
        var capped = Assessor.PlanInterestCapped(principal, rate, months, decimals, interestCap);
        if (!atLowerRate && !capped && lowStartPaid == 0 && facts.PlanPaidNow == 0 && facts.DisputedLeftOut == 0 &&
            KeptPaymentPlan(c, facts, account, rate, months, decimals) is { } kept)
        {
            return kept;
        }

        var instalments = Schedules.EqualInstalmentRows(principal, capped ? 0m : rate, months, facts.PlanStartsOn, decimals);

        // What has accrued (with the interest of any months the plan waits for a hardship's end) is repaid alongside in
        // equal parts, bearing no interest; the last part absorbs the residue. The schedule on the principal is amended in
        // place, in whole minor units, into the plan's own; its total is of the instalments before that.
        var part = Money.Round(accrued / months, decimals, MidpointRounding.ToPositiveInfinity);
        var capInterest = capped ? interestCap!.Value : 0m;
        var interestPart = Money.Round(capInterest / months, decimals, MidpointRounding.ToPositiveInfinity);
        var (accruedLeft, interestLeft) = (accrued, capInterest);
        var totalRepaid = lowStartPaid;
        var firstPayment = 0m;
        for (var k = 0; k < instalments.Length; k++)
        {
            var i = instalments[k];
            var last = i.Period == months;
            var share = last ? accruedLeft : Math.Min(part, accruedLeft);
            var interest = last ? interestLeft : Math.Min(interestPart, interestLeft);
            (accruedLeft, interestLeft) = (accruedLeft - share, interestLeft - interest);
            var payment = i.Payment + share + interest;
            firstPayment = k == 0 ? payment : firstPayment;
            totalRepaid += payment;
            instalments[k] = i with
            {
                // On the payday in each month, which a start in a shorter month would otherwise pull earlier.
                DueDate = c.Finances?.Payday is { } payday && i.DueDate is { } due ? Assessor.PaydayIn(due, payday) : i.DueDate,
                Payment = Cents(payment, decimals), Principal = Cents(i.Principal, decimals), Interest = Cents(i.Interest + interest, decimals),
                Fee = Cents(i.Fee + share, decimals), Balance = Cents(i.Balance + accruedLeft, decimals),
            };
        }

        return new ComputedRequest(
            new RequestTerms
            {
                Type = "instalment-plan",
                Months = months,
                Instalment = Cents(firstPayment, decimals),
                FirstInstalmentDue = instalments[0].DueDate,
                PaidNow = facts.PlanPaidNow > 0 ? facts.PlanPaidNow : null,
                PaidEachMonth = lowStartPaid > 0 ? facts.PlanLowStartPayment : null,
                TotalRepaid = Cents(totalRepaid, decimals),
                CurrentRate = atLowerRate ? account.AnnualRate : null,
                ProposedRate = atLowerRate ? rate : null,
            },
            // A plan spreads the payments; it saves nothing against the contract (a lower rate's saving is the interest
            // relief request's), and what it costs shows in its total. Beyond any plan (not even one at 0 % over the longest
            // term fits the budget) there is no schedule the borrower could keep: the request is what the budget sustains.
            null,
            facts.BeyondAnyPlan ? null : ValueList<Instalment>.Own(instalments));
    }

    /// <summary>
    /// The plan on the part payment the borrower has been making (<c>partPaymentToKeep</c>; see <see cref="FixedPaymentPlan"/>):
    /// what she has offered and pays, not a new figure a few units below it on another day (readings 31, 33, 34). Null where
    /// there is no such payment, or where it would not repay the debt in exactly the <paramref name="months"/> the assessment
    /// sized the plan for, which the other requests' figures compare with.
    /// </summary>
    private static ComputedRequest? KeptPaymentPlan(BorrowerCase c, Assessment facts, Account account, decimal rate, int months, int decimals)
    {
        var payment = facts.PartPaymentToKeep;
        return payment <= 0 || facts.TotalCostCapApplies || facts.AffordablePlanMonths != months ? null : FixedPaymentPlan(c, facts, account, payment, rate, months, decimals);
    }

    /// <summary>
    /// The plan the lender agreed and now ignores (<c>agreedPlanDenied</c>): the agreed monthly payment, from the next due date,
    /// over the fewest months in which it repays everything at the contract rate or, where it cannot within the longest term
    /// (an agreement that froze interest, b36-04), at the relief rate, which its terms then carry; null where it cannot at either.
    /// </summary>
    private static ComputedRequest? AgreedPlan(BorrowerCase c, Assessment facts, Account account, int maxMonths, int decimals)
    {
        var contractRate = Math.Min(account.AnnualRate ?? 0m, Schedules.MaxAnnualRate);
        foreach (var rate in contractRate > facts.ReliefRate ? [contractRate, facts.ReliefRate] : new[] { contractRate })
        {
            for (var months = 2; months <= maxMonths; months++)
            {
                if (FixedPaymentPlan(c, facts, account, facts.AgreedMonthlyPayment, rate, months, decimals) is { } plan)
                {
                    return rate == contractRate ? plan : plan with { Terms = plan.Terms with { CurrentRate = account.AnnualRate, ProposedRate = rate } };
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A fixed <paramref name="payment"/> each month on the contract's due day from the next one, repaying everything in exactly
    /// <paramref name="months"/>: each month meets the month's interest, then an equal part of what has accrued, then principal;
    /// the last payment is what is left. Null where it repays sooner, or not within them.
    /// </summary>
    private static ComputedRequest? FixedPaymentPlan(BorrowerCase c, Assessment facts, Account account, decimal payment, decimal rate, int months, int decimals)
    {
        // The first instalment on the next due date; its period, as the level plan's, starts a month before.
        var start = facts.NextInstalmentDue;
        var accrued = Assessor.PlanAccrued(account, rate, c.AsOf, start.PlusMonths(-1), decimals, null, facts.IsCard);
        var part = Money.Round(accrued / months, decimals, MidpointRounding.ToPositiveInfinity);
        var (principal, accruedLeft, total) = (account.Principal, accrued, 0m);
        var rows = new Instalment[months];
        for (var k = 0; k < months; k++)
        {
            var interest = Money.Round(principal * rate / 12m, decimals, Money.DefaultRounding);
            var last = k == months - 1;
            var share = last ? accruedLeft : Math.Min(part, accruedLeft);
            var towardsPrincipal = last ? principal : Math.Min(principal, payment - interest - share);
            if (towardsPrincipal < 0)
            {
                return null;
            }

            var paid = interest + share + towardsPrincipal;
            if (last && paid > payment)
            {
                // The payment does not repay the debt within these months.
                return null;
            }

            (principal, accruedLeft, total) = (principal - towardsPrincipal, accruedLeft - share, total + paid);
            rows[k] = new Instalment(k + 1, start.PlusMonths(k), Cents(paid, decimals), Cents(towardsPrincipal, decimals), Cents(interest, decimals),
                Cents(share, decimals), Cents(principal + accruedLeft, decimals));
            if (principal + accruedLeft == 0 && !last)
            {
                // Repaid sooner than these months.
                return null;
            }
        }

        return new ComputedRequest(
            new RequestTerms
            {
                Type = "instalment-plan",
                Months = months,
                Instalment = Cents(payment, decimals),
                FirstInstalmentDue = start,
                TotalRepaid = Cents(total, decimals),
            },
            null,
            ValueList<Instalment>.Own(rows));
    }

    /// <summary>
    /// A settlement the lender offered, taken in instalments: what savings pay now (<c>settlementPaidNow</c>), then the rest
    /// in equal parts over <c>settlementPlanMonths</c> from a month after the plan's start, within what the budget sustains.
    /// It shows no schedule: the settlement's sum bears no interest, and the rest of the debt is written off.
    /// </summary>
    private static ComputedRequest SettlementPlan(Assessment facts, int decimals)
    {
        var months = facts.SettlementPlanMonths;
        var rest = facts.LenderOfferAmount - facts.SettlementPaidNow;
        return new ComputedRequest(
            new RequestTerms
            {
                Type = "instalment-plan",
                Months = months,
                PaidNow = facts.SettlementPaidNow > 0 ? facts.SettlementPaidNow : null,
                Instalment = Cents(Money.Round(rest / months, decimals, MidpointRounding.ToPositiveInfinity), decimals),
                FirstInstalmentDue = facts.PlanStartsOn.PlusMonths(1),
                TotalRepaid = Cents(facts.LenderOfferAmount, decimals),
            },
            facts.SettlementSaves,
            null);
    }

    /// <summary>
    /// A plan for the arrears alone: the regular instalment goes on, and what is due, less what savings pay now
    /// (<c>partPaymentNow</c>), is repaid alongside in equal parts over <c>catchUpMonths</c>, from the next regular due date. It shows no schedule: the contract's own split of each regular
    /// instalment into principal and interest is the lender's, and the plan does not change it.
    /// </summary>
    private static ComputedRequest CatchUpPlan(BorrowerCase c, Assessment facts, int decimals)
    {
        var months = facts.CatchUpMonths;
        var rest = facts.AmountDue - facts.PartPaymentNow;
        var part = Money.Round(rest / months, decimals, MidpointRounding.ToPositiveInfinity);
        var next = Assessor.FirstMonthAfter(c.Account.DueDate, c.AsOf);

        return new ComputedRequest(
            new RequestTerms
            {
                Type = "instalment-plan",
                Months = months,
                PaidNow = facts.PartPaymentNow > 0 ? facts.PartPaymentNow : null,
                ArrearsCaughtUp = Cents(rest, decimals),
                ArrearsPerMonth = Cents(part, decimals),
                Instalment = Cents(facts.CurrentInstalment + part, decimals),
                FirstInstalmentDue = c.Account.DueDate.PlusMonths(next),
                TotalRepaid = Cents((facts.CurrentInstalment * months) + rest, decimals),
            },
            null,
            null);
    }

    /// <summary>
    /// A token payment for a while: the rule set's <c>tokenPayment</c> a month (1 when it sets none), or what the budget
    /// sustains when that is more (the rules propose token payments only when little or nothing is left), for its
    /// <c>tokenPaymentMonths</c> (else <c>shortTermMonths</c>). It saves nothing.
    /// </summary>
    private static ComputedRequest TokenPayments(Assessment facts, IReadOnlyDictionary<string, decimal> parameters, int decimals)
    {
        var token = Math.Max(parameters.TryGetValue("tokenPayment", out var amount) ? amount : 1m, facts.AffordableInstalment);
        var months = parameters.TryGetValue("tokenPaymentMonths", out var m) ? (int)m : (int)parameters["shortTermMonths"];
        return new ComputedRequest(new RequestTerms { Type = "token-payments", Months = months, Instalment = Cents(token, decimals) }, null, null);
    }

    private static ComputedRequest PrincipalReduction(Assessment facts, int decimals)
    {
        // A settlement the lender offered is the reduction to ask for: its sum repaid, the rest written off.
        if (facts.SettlementOffered)
        {
            return new ComputedRequest(
                new RequestTerms { Type = "principal-reduction", Repayable = Cents(facts.LenderOfferAmount, decimals), ReductionAsked = facts.SettlementSaves },
                facts.SettlementSaves,
                null);
        }

        var repayable = facts.LongestPlanRepays;
        var reduction = Cents(Math.Max(0m, facts.TotalOwed - repayable), decimals);
        return new ComputedRequest(
            new RequestTerms { Type = "principal-reduction", Repayable = Cents(Math.Min(repayable, facts.TotalOwed), decimals), ReductionAsked = reduction },
            reduction,
            null);
    }
}
