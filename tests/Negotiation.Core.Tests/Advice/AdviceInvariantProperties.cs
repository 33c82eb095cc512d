using System.Runtime.CompilerServices;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Negotiation.Core.Tests.Advice;

/// <summary>
/// What no plan may ever say ("How advice holds together" in DESIGN.md, and the coherence issue), checked over
/// 10,000 generated realistic cases per invariant, each advised by the default rule set in Chinese and in English.
/// The checks read only the public plan and the case; the capacity figures come from <see cref="CapacityOracle"/>, an
/// independent statement of the capacity model, not from the library's assessment.
/// </summary>
/// <remarks>
/// Every property runs the same cases (a fixed seed; <c>ADVICE_INVARIANT_SEED</c> replays another, or <c>random</c>), and each
/// case is advised once for all fifteen (<see cref="AdviceVerdicts"/>). A failure prints the shrunk case as JSON, to
/// save and run with <c>negotiation advise case.json --lang en --format json</c>, and the part of the plan at fault.
/// </remarks>
public sealed class AdviceInvariantProperties
{
    /// <summary>Generated cases per invariant.</summary>
    public const int Cases = 10_000;

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Surplus_budget_never_reads_as_no_income_or_nothing_left() => Holds(Invariant.SurplusIsNotNoIncome);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Pay_now_plans_ask_for_nothing_and_carry_no_negotiation_toolkit() => Holds(Invariant.PayNowAsksNothing);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Top_request_closes_the_gap_whenever_any_request_would() => Holds(Invariant.TopRequestClosesTheGap);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Principal_reduction_only_when_no_plan_fits_and_never_before_a_request_that_closes_the_gap() => Holds(Invariant.PrincipalReductionIsTheLastResort);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Long_term_hardship_never_leads_with_an_extension() => Holds(Invariant.LongTermHardshipDoesNotLeadWithExtension);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void No_request_saves_or_waives_zero_or_less() => Holds(Invariant.RequestsSaveSomething);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Interest_relief_proposes_a_rate_below_the_current_one() => Holds(Invariant.InterestReliefLowersTheRate);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Extension_ends_after_as_of() => Holds(Invariant.ExtensionEndsAfterAsOf);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Instalment_plans_and_interest_relief_run_at_least_two_months() => Holds(Invariant.PlansRunTwoMonthsOrMore);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Opening_asks_for_the_top_request_with_its_figure() => Holds(Invariant.OpeningAsksForTopRequest);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Nothing_agreed_in_an_attempt_is_requested_again() => Holds(Invariant.AgreedIsNotAskedAgain);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void No_earlier_history_gives_no_good_record_claim() => Holds(Invariant.NoHistoryNoGoodRecord);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Stated_goal_is_requested_or_explained() => Holds(Invariant.StatedGoalIsHonouredOrExplained);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void More_income_never_moves_the_top_request_to_a_larger_concession() => Holds(Invariant.MoreIncomeNoLargerConcession);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void More_debt_never_moves_the_top_request_to_a_smaller_concession() => Holds(Invariant.MoreDebtNoSmallerConcession);

    /// <summary>Checks one invariant over <see cref="Cases"/> generated cases; throws with the shrunk case and the plan part at fault.</summary>
    private static void Holds(Invariant invariant)
    {
        // The last case found failing is the shrunk counterexample: FsCheck shrinks by trying simpler cases and keeping
        // each one that still fails, until none does. Its full report is written once, at the end.
        BorrowerCase? lastFailing = null;
        var property = Prop.ForAll(AdviceCaseGenerators.Cases, (AdviceCase sample) =>
        {
            var verdict = sample.Drawn ? AdviceVerdicts.Of(sample.Case)[(int)invariant] : AdviceVerdicts.Check(invariant, sample.Case);
            if (verdict is null)
            {
                return true.ToProperty();
            }

            lastFailing = sample.Case;
            return false.Label(verdict);
        });

        var config = Config.QuickThrowOnFailure
            .WithMaxTest(Cases)
            .WithQuietOnSuccess(true)
            .WithName(invariant.ToString())
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(AdviceVerdicts.Seed), FSharpOption<int>.None)));
        try
        {
            Check.One(config, property);
        }
        catch (Exception e) when (lastFailing is not null)
        {
            throw new Xunit.Sdk.XunitException(AdviceVerdicts.Report(invariant, lastFailing) + Environment.NewLine + "FsCheck: " + e.Message);
        }
    }
}

/// <summary>The invariants, one property each.</summary>
internal enum Invariant
{
    SurplusIsNotNoIncome,
    PayNowAsksNothing,
    TopRequestClosesTheGap,
    PrincipalReductionIsTheLastResort,
    LongTermHardshipDoesNotLeadWithExtension,
    RequestsSaveSomething,
    InterestReliefLowersTheRate,
    ExtensionEndsAfterAsOf,
    PlansRunTwoMonthsOrMore,
    OpeningAsksForTopRequest,
    AgreedIsNotAskedAgain,
    NoHistoryNoGoodRecord,
    StatedGoalIsHonouredOrExplained,
    MoreIncomeNoLargerConcession,
    MoreDebtNoSmallerConcession,
}

/// <summary>
/// The capacity model as rules/FACTS.md documents it, written out independently of the assessment, with a rule set's
/// parameters (affordableShare, unstableIncomeShare, shortTermMonths, maxBridgeMonths, maxExtensionDays, maxInstalmentMonths,
/// tooSoonToTellMonths): the default set's unless another set's are given.
/// </summary>
/// <param name="HasFinances">Whether the case gives a budget; without one, capacity is unknown, not zero.</param>
/// <param name="Capacity">C: floor-to-cent(min(affordableShare × max(0, stable + unstableIncomeShare × unstable income − essential expenses − other debt payments), max(0, D))).</param>
/// <param name="Disposable">D: all income − all expenses − other debt payments.</param>
/// <param name="Income">All income, stable or not.</param>
/// <param name="Cash">Cash now: savings (0 when not stated), plus max(0, D) when no cause is given (or only a disputed charge).</param>
/// <param name="LongTerm">Whether the hardship is long-term: as <see cref="Term"/> says, unless C still meets the instalment (a lasting drop the budget carries is neither).</param>
/// <param name="ShortTerm">Whether the hardship is short-term.</param>
/// <param name="ExtensionCloses">Not long-term, and no budget given, or a short-term hardship still to pass with no earlier arrears (the usual budget returns, unless the budget after it sustains less than the instalment), or cash (less what a budget in deficit takes until a hardship of known length ends, the rest of this pay period included where its pay came during the hardship) + max(0, D) for each month of the extension covers the amount due with earlier arrears and the regular instalments falling due before the extension ends (maxExtensionDays from the due date or today).</param>
/// <param name="PlanCloses">A budget is given and some plan of 2–60 months has a payment within P.</param>
/// <param name="NoPlanFits">A budget is given and even a 0 % plan over 60 months (its low start included) has a payment above P.</param>
/// <param name="TotalOwed">Principal, interest, fees and penalty interest.</param>
/// <param name="PlanCapacity">P, what whole-debt plans are sized on: C, or after a hardship whose length and income after are given, the
/// same formula on the budget then (that income, stable, against the same spending); such a plan waits for the hardship's end,
/// the contract interest of the months it waits is repaid with what has accrued, and each of those months but the last pays
/// min(C, instalment) towards it (a low start, within the 60 months).</param>
/// <param name="LongestRepays">What a 0 % plan over 60 months repays: the low start, then P for each month left.</param>
/// <param name="Due">The amount due, less what was paid towards it, plus what earlier instalments still lack; never more than everything owed.</param>
/// <param name="FeeWaiverCloses">A charge is disputed, or cash (less what a budget in deficit takes until a hardship of known length ends) plus the fees and penalty interest covers everything owed, or the amount due with earlier arrears when the hardship is not long-term (or C covers the instalment).</param>
internal sealed record CapacityOracle(
    bool HasFinances, decimal Capacity, decimal Disposable, decimal Income, decimal Cash, bool LongTerm, bool ShortTerm,
    bool ExtensionCloses, bool PlanCloses, bool NoPlanFits, decimal TotalOwed, bool FeeWaiverCloses = false, decimal? PlanCapacity = null,
    bool SettlementOffered = false, bool LumpSumCoversAll = false, decimal LongestRepays = 0m, bool TooSoonToTell = false, decimal Due = 0m)
{
    /// <summary>Whether there is no gap to close: a budget is given and the cash now meets what is due with earlier arrears.</summary>
    public bool NoGap => HasFinances && Cash >= Due;

    public static readonly int ShortTermMonths = (int)RuleSet.Default.Parameters["shortTermMonths"];
    public const int MinPlanMonths = 2;
    public static readonly decimal WriteOffBelowShare = RuleSet.Default.Parameters["writeOffBelowShare"];

    private static readonly HashSet<HardshipCause> LastingCauses = [HardshipCause.IncomeDrop, HardshipCause.JobLoss, HardshipCause.Illness, HardshipCause.BusinessFailure];
    private static readonly HashSet<HardshipCause> PassingCauses = [HardshipCause.Oversight, HardshipCause.TemporaryCashShortfall, HardshipCause.UnexpectedExpense, HardshipCause.FamilyEmergency];

    public static CapacityOracle Of(BorrowerCase c) => Of(c, RuleSet.Default.Parameters);

    /// <summary>The model with a rule set's own parameters (the UK set sustains 90 % of what is left, not 80 %, over up to 96 months).</summary>
    public static CapacityOracle Of(BorrowerCase c, IReadOnlyDictionary<string, decimal> parameters)
    {
        var (affordableShare, unstableIncomeShare) = (parameters["affordableShare"], parameters["unstableIncomeShare"]);
        var (maxInstalmentMonths, maxExtensionDays) = ((int)parameters["maxInstalmentMonths"], (int)parameters["maxExtensionDays"]);
        var extensionMonths = Math.Max(1, maxExtensionDays / 30);
        var f = c.Finances;
        decimal stable = 0, unstable = 0, essential = 0, flexible = 0, debts = 0;
        if (f is not null)
        {
            stable = f.Income.Where(i => i.Stable).Sum(i => i.Monthly);
            unstable = f.Income.Where(i => !i.Stable).Sum(i => i.Monthly);
            essential = f.Expenses.Where(e => IsEssential(e.Category)).Sum(e => e.Monthly);
            flexible = f.Expenses.Where(e => !IsEssential(e.Category)).Sum(e => e.Monthly);
            debts = f.OtherDebts.Sum(d => d.MonthlyPayment);
        }

        var disposable = stable + unstable - essential - flexible - debts;
        decimal Sustainable(decimal steady, decimal varying) =>
            Math.Floor(Math.Min(affordableShare * Math.Max(0m, steady + (unstableIncomeShare * varying) - essential - debts), Math.Max(0m, steady + varying - essential - flexible - debts)) * 100m) / 100m;
        var capacity = f is null ? 0m : Sustainable(stable, unstable);
        var noCause = c.Hardship.Cause is HardshipCause.None or HardshipCause.DisputedCharge;
        // Savings already spoken for are not the borrower's to offer.
        var usable = f is null ? 0m : Math.Max(0m, f.Savings - f.SavingsReserved);
        var cash = usable + (noCause ? Math.Max(0m, disposable) : 0m);
        var account = c.Account;
        // A case whose budget after the hardship sustains less than the instalment says the usual budget is not coming back.
        decimal? afterwards = c.Hardship is { IncomeAfter: { } after, ExpectedMonths: > 0 } && f is not null ? Sustainable(after, 0m) : null;
        var (longTerm, shortTerm) = Term(c.Hardship, c.AsOf, recoversAfter: afterwards >= account.AmountDue, shortOfInstalment: f is not null && capacity < account.AmountDue, parameters);
        // A lasting cause whose budget still meets the instalment leaves only cash on the day to find: neither short nor long.
        longTerm = longTerm && !(f is not null && capacity >= account.AmountDue && !(afterwards < account.AmountDue));
        var total = account.TotalOwed;
        // Being current takes the instalment due plus what earlier instalments still lack, never more than everything owed.
        var arrears = c.History.Where(r => r.DueDate < account.DueDate).Sum(r => Math.Max(0m, r.AmountDue - (r.PaidOn is null ? 0m : r.AmountPaid ?? 0m)));
        var paidOnCurrent = c.History.Where(r => r.DueDate == account.DueDate && r.PaidOn is not null).Sum(r => r.AmountPaid ?? 0m);
        var due = Math.Min(Math.Max(0m, account.AmountDue - paidOnCurrent) + arrears, total);
        // An extension moves what is due, not the regular instalments falling due before it ends (up to maxExtensionDays
        // from the due date or today): cash that meets what is due only by leaving one of those unpaid closes nothing.
        var extensionFrom = account.DueDate > c.AsOf ? account.DueDate : c.AsOf;
        var fallingDue = Enumerable.Range(1, extensionMonths + 1).Count(k => account.DueDate.PlusMonths(k) < extensionFrom.PlusDays(maxExtensionDays));
        var dueThroughExtension = Math.Min(due + (fallingDue * account.AmountDue), total);
        var over = shortTerm && c.Hardship.ExpectedMonths == 0;
        var recovers = afterwards is null || afterwards >= account.AmountDue;
        // With the hardship's end and the budget after it given, a plan waits for that budget and is sized on it; each month
        // of the hardship (the months the case budgets on today's income) pays what today's budget sustains, up to the instalment: a low start,
        // counted within the longest term. A low start that would repay everything leaves the plan on today's budget.
        var lowStart = afterwards is null ? 0 : Math.Min(c.Hardship.ExpectedMonths!.Value, maxInstalmentMonths);
        var lowPayment = Math.Min(capacity, account.AmountDue);
        // A budget in deficit lives on savings until a hardship of known length ends; the rest clear what is overdue, or as
        // much of it as they hold, before a whole-debt plan.
        // So does the rest of this pay period where its pay came during the hardship (it began on or before the last payday).
        var spare = cash - (!noCause && c.Hardship.ExpectedMonths is { } left and > 0 ? (left * Math.Max(0m, -disposable)) + RestOfPeriodDeficit(c, Math.Max(0m, -disposable)) : 0m);
        var spareSavings = Math.Min(usable, Math.Max(0m, spare));
        // Overdue: the due date has passed, or an earlier instalment is still unpaid.
        var paidNow = due > 0 && (c.AsOf > account.DueDate || arrears > 0) ? Math.Min(spareSavings, due) : 0m;
        var sizedAfter = afterwards is not null && (longTerm || shortTerm) && paidNow + (lowStart * lowPayment) < total;
        (lowStart, lowPayment) = sizedAfter ? (lowStart, lowPayment) : (0, 0m);
        var planCapacity = sizedAfter ? afterwards!.Value : capacity;
        var waitDays = sizedAfter ? Period.DaysBetween(c.AsOf, c.AsOf.PlusMonths(lowStart)) : 0;
        var longest = maxInstalmentMonths - lowStart;
        var planCloses = f is not null && longest >= MinPlanMonths &&
                         Enumerable.Range(MinPlanMonths, longest - MinPlanMonths + 1).Any(m => PlanPayment(account, m, waitDays, paidNow, lowStart * lowPayment) <= planCapacity);
        return new CapacityOracle(
            f is not null, capacity, disposable, stable + unstable, cash, longTerm, shortTerm,
            ExtensionCloses: !longTerm && (f is null || (shortTerm && !over && recovers && arrears == 0) || spare + (Math.Max(0m, disposable) * extensionMonths) >= dueThroughExtension),
            PlanCloses: planCloses,
            NoPlanFits: f is not null && (longest < MinPlanMonths || PlanPayment(account with { AnnualRate = 0m }, longest, 0, paidNow, lowStart * lowPayment) > planCapacity),
            TotalOwed: total,
            Due: due,
            // A disputed charge is the whole problem only where, with it off, the cash meets what is due.
            FeeWaiverCloses: (c.DisputedCharges.Count > 0 && (f is null || spare + c.DisputedCharges.Sum(d => d.Amount) >= due)) || (f is not null && account.Fees + account.PenaltyInterest > 0 &&
                             (spare + account.Fees + account.PenaltyInterest >= total ||
                              (spare + account.Fees + account.PenaltyInterest >= due && (!longTerm || capacity >= account.AmountDue)))),
            PlanCapacity: sizedAfter ? afterwards : null,
            LongestRepays: f is null ? 0m : (lowStart * lowPayment) + (planCapacity * longest),
            SettlementOffered: SettlementStillOpen(c),
            // A hardship of unknown end that began less than tooSoonToTellMonths ago, with an income and no plan that fits.
            TooSoonToTell: c.Hardship is { Since: { } since, ExpectedMonths: null } && since <= c.AsOf &&
                           Period.Between(since, c.AsOf, PeriodUnits.Months).Months < (int)parameters["tooSoonToTellMonths"] && stable + unstable > 0 && !planCloses,
            LumpSumCoversAll: f is not null && f.LumpSums.Where(l => l.Confirmed && l.On > c.AsOf).GroupBy(l => l.On).OrderBy(g => g.Key).FirstOrDefault() is { } first &&
                              Math.Max(0m, Math.Min(usable, spare)) + first.Sum(l => l.Amount) >= total);
    }

    /// <summary>
    /// What a monthly <paramref name="deficit"/> takes in the days left until the next payday (deficit × days left ÷ days in
    /// the pay period, to the currency's minor unit), where the period's pay came during the hardship: it began on or before
    /// the last payday. 0 without a payday or a start date.
    /// </summary>
    public static decimal RestOfPeriodDeficit(BorrowerCase c, decimal deficit)
    {
        if (c.Finances?.Payday is not { } payday || c.Hardship.Since is not { } since)
        {
            return 0m;
        }

        static LocalDate PaydayIn(LocalDate month, int day) => new(month.Year, month.Month, Math.Min(day, month.Calendar.GetDaysInMonth(month.Year, month.Month)));
        var next = PaydayIn(c.AsOf, payday) > c.AsOf ? PaydayIn(c.AsOf, payday) : PaydayIn(c.AsOf.PlusMonths(1), payday);
        var last = PaydayIn(next.PlusMonths(-1), payday);
        var decimals = Currencies.TryGetMinorUnit(c.Currency, out var minor) ? minor : 2;
        return since <= last ? Currencies.ToMinorUnit(deficit * Period.DaysBetween(c.AsOf, next) / Period.DaysBetween(last, next), decimals) : 0m;
    }

    /// <summary>
    /// The lender's or collector's last offer naming a sum or a date is a settlement below what is owed, not lapsed, and
    /// without a sign of a scam (a fee first, a password or code, a personal account, a promise to wipe the record).
    /// </summary>
    private static bool SettlementStillOpen(BorrowerCase c) =>
        c.Offers.LastOrDefault(o => o.From is OfferSource.LenderOfficial or OfferSource.CollectionAgency && (o.Amount is not null || o.Deadline is not null)) is
            { Kind: OfferKind.Settlement, InWriting: true, Amount: { } sum, UpfrontFee: 0m, AsksForPassword: false, AsksForVerificationCode: false,
              AsksPaymentToPersonalAccount: false, PromisesCreditRecordRemoval: false } offer &&
        sum > 0 && sum < c.Account.TotalOwed && (offer.Deadline is null || offer.Deadline >= c.AsOf);

    /// <summary>Housing, utilities, food, transport, health, childcare, education, insurance and other essentials.</summary>
    public static bool IsEssential(ExpenseCategory category) => category is ExpenseCategory.Housing or ExpenseCategory.Utilities or ExpenseCategory.Food
        or ExpenseCategory.Transport or ExpenseCategory.Health or ExpenseCategory.Childcare or ExpenseCategory.Education or ExpenseCategory.Insurance
        or ExpenseCategory.OtherEssential;

    /// <summary>
    /// Long-term: more than 3 months expected (up to the 6 of the bridge only where the budget after it is not shown to meet the
    /// instalment), or none given and the cause is income-drop, job-loss, illness or business-failure. Short-term: 0–3 months
    /// (0: over), 4–6 with the budget after it meeting the instalment, or none given and a passing cause, unless (an oversight
    /// apart) it began more than 3 whole months before <paramref name="asOf"/> and the budget now falls short of the instalment:
    /// then it has shown that it does not pass, and is long-term. No hardship (none, disputed-charge): neither.
    /// </summary>
    public static (bool LongTerm, bool ShortTerm) Term(Hardship h, LocalDate asOf, bool recoversAfter = false, bool shortOfInstalment = false, IReadOnlyDictionary<string, decimal>? parameters = null)
    {
        var shortTermMonths = (int)(parameters ?? RuleSet.Default.Parameters)["shortTermMonths"];
        var maxBridgeMonths = (int)(parameters ?? RuleSet.Default.Parameters)["maxBridgeMonths"];
        if (h.Cause is HardshipCause.None or HardshipCause.DisputedCharge)
        {
            return (false, false);
        }

        // Months given (0: the hardship is over) decide; a missing figure leaves it to the cause.
        var shortByMonths = h.ExpectedMonths is { } m && (m <= shortTermMonths || (m <= maxBridgeMonths && recoversAfter));
        var provedLasting = h.Cause is not HardshipCause.Oversight && shortOfInstalment && h.Since is { } since && since < asOf &&
                            Period.Between(since, asOf, PeriodUnits.Months).Months > shortTermMonths;
        return h.ExpectedMonths is not null
            ? (!shortByMonths, shortByMonths)
            : (LastingCauses.Contains(h.Cause) || (PassingCauses.Contains(h.Cause) && provedLasting), PassingCauses.Contains(h.Cause) && !provedLasting);
    }

    /// <summary>
    /// The monthly payment of a plan of <paramref name="months"/>: the level instalment of the principal at the contract
    /// rate (0 % when unknown), plus an equal share (rounded up to the cent) of interest, fees and penalty interest, and of
    /// the contract interest (simple, actual/365) over the <paramref name="waitDays"/> before the plan starts. What savings
    /// pay now (<paramref name="paidNow"/>) comes off the charges first, then off the principal, before that interest runs;
    /// what a low start paid meanwhile (<paramref name="paidMeanwhile"/>) comes off the charges first, then off the principal.
    /// </summary>
    public static decimal PlanPayment(Account account, int months, int waitDays = 0, decimal paidNow = 0m, decimal paidMeanwhile = 0m)
    {
        var (principal, charges) = Paid(account.Principal, account.Interest + account.Fees + account.PenaltyInterest, paidNow);
        charges += Math.Round(principal * (account.AnnualRate ?? 0m) / 365m * waitDays, 2, MidpointRounding.AwayFromZero);
        (principal, charges) = Paid(principal, charges, paidMeanwhile);
        return (principal > 0 ? Schedules.InstalmentAmount(principal, account.AnnualRate ?? 0m, months) : 0m) + (Math.Ceiling(charges / months * 100m) / 100m);

        static (decimal Principal, decimal Charges) Paid(decimal principal, decimal charges, decimal paid) =>
            (principal - Math.Max(0m, paid - charges), Math.Max(0m, charges - paid));
    }

    /// <summary>P: what whole-debt plans are sized on (C unless the case gives the budget after a hardship; see <see cref="PlanCapacity"/>).</summary>
    public decimal Plan => PlanCapacity ?? Capacity;

    /// <summary>Whether a request of this type, in this case, closes the gap: extensions and plans by the model, a principal reduction always.</summary>
    public bool Closes(string type) => type switch
    {
        "extension" => ExtensionCloses,
        "instalment-plan" => PlanCloses,
        "fee-waiver" => FeeWaiverCloses,
        "principal-reduction" => true,
        _ => false,
    };

    public override string ToString() =>
        $"capacity model: C={Capacity:0.00} D={Disposable:0.00} income={Income:0.00} cash={Cash:0.00} totalOwed={TotalOwed:0.00} " +
        $"finances={(HasFinances ? "given" : "unknown")} hardship={(LongTerm ? "long-term" : ShortTerm ? "short-term" : "none")} " +
        $"P={Plan:0.00} extensionCloses={ExtensionCloses} planCloses={PlanCloses} P×60<totalOwed={NoPlanFits}";
}

/// <summary>The checks, each over the case and the public plan only: null when the invariant holds, else what is wrong.</summary>
internal static class AdviceInvariantChecks
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>The concession order, smallest first.</summary>
    public static readonly string[] ConcessionOrder = ["extension", "fee-waiver", "instalment-plan", "interest-relief", "token-payments", "principal-reduction"];

    public static int Size(string type) => Array.IndexOf(ConcessionOrder, type) is var i and >= 0 ? i : throw new ArgumentException($"unknown request type '{type}'");

    public static string TypeName(RequestType type) => type switch
    {
        RequestType.Extension => "extension",
        RequestType.FeeWaiver => "fee-waiver",
        RequestType.InterestRelief => "interest-relief",
        RequestType.InstalmentPlan => "instalment-plan",
        RequestType.PrincipalReduction => "principal-reduction",
        RequestType.TokenPayments => "token-payments",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string? GoalType(NegotiationGoal goal) => goal switch
    {
        NegotiationGoal.Extension => "extension",
        NegotiationGoal.FeeWaiver => "fee-waiver",
        NegotiationGoal.InterestRelief => "interest-relief",
        NegotiationGoal.InstalmentPlan => "instalment-plan",
        NegotiationGoal.PrincipalReduction => "principal-reduction",
        _ => null,
    };

    /// <summary>Checks one of the invariants that read a single plan (all but the two comparisons).</summary>
    public static string? Check(Invariant invariant, BorrowerCase c, CapacityOracle o, NegotiationPlan plan) => invariant switch
    {
        Invariant.SurplusIsNotNoIncome => SurplusIsNotNoIncome(o, plan),
        Invariant.PayNowAsksNothing => PayNowAsksNothing(plan),
        Invariant.TopRequestClosesTheGap => TopRequestClosesTheGap(o, plan),
        Invariant.PrincipalReductionIsTheLastResort => PrincipalReductionIsTheLastResort(o, plan),
        Invariant.LongTermHardshipDoesNotLeadWithExtension => LongTermHardshipDoesNotLeadWithExtension(o, plan),
        Invariant.RequestsSaveSomething => RequestsSaveSomething(plan),
        Invariant.InterestReliefLowersTheRate => InterestReliefLowersTheRate(plan),
        Invariant.ExtensionEndsAfterAsOf => ExtensionEndsAfterAsOf(c, plan),
        Invariant.PlansRunTwoMonthsOrMore => PlansRunTwoMonthsOrMore(plan),
        Invariant.OpeningAsksForTopRequest => OpeningAsksForTopRequest(plan),
        Invariant.AgreedIsNotAskedAgain => AgreedIsNotAskedAgain(c, plan),
        Invariant.NoHistoryNoGoodRecord => NoHistoryNoGoodRecord(c, plan),
        Invariant.StatedGoalIsHonouredOrExplained => StatedGoalIsHonouredOrExplained(c, plan),
        _ => throw new ArgumentOutOfRangeException(nameof(invariant), invariant, "a comparison: use Compare"),
    };

    /// <summary>1. With a budget in surplus and some income, no reason says no income or a deficit, and no message says so.</summary>
    public static string? SurplusIsNotNoIncome(CapacityOracle o, NegotiationPlan plan)
    {
        if (!o.HasFinances || o.Disposable <= 0 || o.Income <= 0)
        {
            return null;
        }

        if (plan.Decision.Reasons.FirstOrDefault(r => r.Code is "no-income" or "budget-deficit") is { } reason)
        {
            return $"income {o.Income:0.00} and surplus {o.Disposable:0.00} a month, yet reason '{reason.Code}'";
        }

        foreach (var (where, code, text) in Messages(plan))
        {
            if (ForbiddenPhraseIn(text, plan.Language) is { } phrase)
            {
                return $"income {o.Income:0.00} and surplus {o.Disposable:0.00} a month, yet {where} '{code}' says \"{phrase}\"";
            }
        }

        return null;
    }

    private static readonly string[] EnglishForbidden = ["no income", $"{MessageFormat.Money(0m, "CNY", "en")} a month"];
    private static readonly string[] ChineseForbidden = ["没有收入", $"每月{MessageFormat.Money(0m, "CNY", "zh-CN")}"];

    /// <summary>
    /// The phrase that a plan for a budget in surplus must not write, found in <paramref name="text"/>, or null: "no income"
    /// (any case) or "CNY 0.00 a month" in English, 没有收入 or 每月0.00元 in Chinese, money written by the plan's formatter.
    /// </summary>
    public static string? ForbiddenPhraseIn(string text, string language) => language == "en"
        ? EnglishForbidden.FirstOrDefault(p => text.Contains(p, StringComparison.OrdinalIgnoreCase))
        : ChineseForbidden.FirstOrDefault(p => text.Contains(p, StringComparison.Ordinal));

    /// <summary>2. A pay-now plan has no request, no opening ask, no follow-up date and no follow-up watchpoint.</summary>
    public static string? PayNowAsksNothing(NegotiationPlan plan)
    {
        if (plan.Decision.Outcome.Code() != "pay-now")
        {
            return null;
        }

        var wrong = new List<string>();
        if (plan.Requests.Count > 0)
        {
            wrong.Add($"requests [{Types(plan)}]");
        }

        if (!string.IsNullOrEmpty(plan.Communication.Opening))
        {
            wrong.Add("an opening statement");
        }

        if (plan.NextFollowUp is { } followUp)
        {
            wrong.Add($"nextFollowUp {followUp:yyyy-MM-dd}");
        }

        if (plan.Watchpoints.Any(w => w.Code == "follow-up-date"))
        {
            wrong.Add("a 'follow-up-date' watchpoint");
        }

        // Nothing to negotiate: no dossier to prepare, no script for a concession, nothing a refusal could follow.
        if (plan.Materials.Count > 0)
        {
            wrong.Add($"materials [{string.Join(", ", plan.Materials.Select(m => m.Code))}]");
        }

        if (plan.Communication.Points.Count > 0)
        {
            wrong.Add($"talking points [{string.Join(", ", plan.Communication.Points.Select(p => p.Code))}]");
        }

        if (plan.Remedies.Count > 0)
        {
            wrong.Add($"refusal steps [{string.Join(", ", plan.Remedies.Select(r => r.Code))}]");
        }

        return wrong.Count == 0 ? null : $"pay-now, yet {string.Join(", ", wrong)}";
    }

    /// <summary>
    /// 3. When any request closes the gap, the top one does. Interest relief closes it when the plan's own assessment says a
    /// plan at the relief rate fits (the relief rate and its plan are the library's published figures, not re-derived here);
    /// so does an instalment plan computed at that rate, which must then carry it and keep every payment within the
    /// sustainable instalment. An extension deferred beyond its usual days (up to <c>maxDeferralMonths</c>) closes it when
    /// the plan's own cash at its end covers what is due (the oracle counts the usual month only), or when the budget after
    /// the hardship catches up what is left (<see cref="CaughtUpAfter"/>). A write-off is kept in
    /// reserve, last and not counted as closing the gap, while P × 60 repays at least the default set's writeOffBelowShare
    /// of the debt.
    /// </summary>
    public static string? TopRequestClosesTheGap(CapacityOracle o, NegotiationPlan plan)
    {
        var facts = plan.Assessment;
        if (plan.Requests.FirstOrDefault(r => r.Terms.ProposedRate is not null && r.Type.Code() == "instalment-plan") is { } lower &&
            (!facts.ReliefClosesGap || facts.PlanClosesGap || lower.Terms.ProposedRate != facts.ReliefRate || lower.Schedule!.Max(i => i.Payment) > facts.PlanAffordable))
        {
            return $"an instalment plan at {lower.Terms.ProposedRate} (largest payment {lower.Schedule!.Max(i => i.Payment)}) with relief rate {facts.ReliefRate}, " +
                   $"planClosesGap {facts.PlanClosesGap}, reliefClosesGap {facts.ReliefClosesGap}, plans sized on {facts.PlanAffordable}";
        }

        // A write-off is kept in reserve, and ranked last, while a 0 % plan over the maximum term repays at least
        // writeOffBelowShare of the debt; it leads (closing the gap) only when less than that could be repaid.
        var inReserve = o.HasFinances && o.LongestRepays >= CapacityOracle.WriteOffBelowShare * o.TotalOwed;
        if (inReserve && plan.Requests.Count > 1 && plan.Requests.Take(plan.Requests.Count - 1).FirstOrDefault(r => r.Type.Code() == "principal-reduction") is { } early)
        {
            return $"a write-off kept in reserve (a 0 % plan over 60 months repays {o.LongestRepays:0.00} of {o.TotalOwed:0.00}) is not last (rank {early.Rank}); requests [{Types(plan)}]";
        }

        bool Closes(ProposedRequest r) => r.Type.Code() switch
        {
            "principal-reduction" when inReserve => false,
            "interest-relief" => facts.ReliefClosesGap,
            "instalment-plan" when r.Terms.ProposedRate is not null => true,
            "extension" when facts.ExtensionClosesGap && (facts.CashByExtensionEnd >= facts.AmountDue || CaughtUpAfter(facts)) => true,
            var type => o.Closes(type),
        };
        if (plan.Requests.Count == 0 || Closes(plan.Requests[0]))
        {
            return null;
        }

        return plan.Requests.FirstOrDefault(Closes) is { } closer
            ? $"top request '{plan.Requests[0].Type.Code()}' does not close the gap, but '{closer.Type.Code()}' (rank {closer.Rank}) does; requests [{Types(plan)}]"
            : null;
    }

    /// <summary>
    /// A deferral to the end of a short hardship closes the gap when the budget the case gives for after it, beyond the regular
    /// instalment, pays off within <c>shortTermMonths</c> what is left at the deferral's end: what was due, plus what each
    /// moved instalment lacks from the sustainable instalment now, less the cash by then. Computed from the plan's published
    /// figures.
    /// </summary>
    public static bool CaughtUpAfter(Assessment facts)
    {
        var (after, regular, moved) = (facts.AffordableAfterHardship, facts.CurrentInstalment, facts.InstalmentsMovedByExtension);
        var left = facts.AmountDue + (moved * Math.Max(0m, regular - facts.AffordableInstalment)) - facts.CashByExtensionEnd;
        return facts.IncomeAfterKnown && moved > 0 && after > regular && (after - regular) * CapacityOracle.ShortTermMonths >= left;
    }

    /// <summary>
    /// 4. A principal reduction only when P × 60 &lt; total owed, and never first when an extension or plan in the list closes
    /// the gap; unless the lender offered it as a settlement, which costs less than any plan.
    /// </summary>
    public static string? PrincipalReductionIsTheLastResort(CapacityOracle o, NegotiationPlan plan)
    {
        if (o.SettlementOffered || plan.Requests.FirstOrDefault(r => r.Type.Code() == "principal-reduction") is not { } reduction)
        {
            return null;
        }

        if (!o.NoPlanFits)
        {
            return o.HasFinances
                ? $"principal reduction (rank {reduction.Rank}) though a 0 % plan over 60 months ({o.LongestRepays:0.00}) covers the {o.TotalOwed:0.00} owed"
                : $"principal reduction (rank {reduction.Rank}) with no budget given";
        }

        if (reduction.Rank == 1 && plan.Requests.FirstOrDefault(r => r.Type.Code() is "extension" or "instalment-plan" && o.Closes(r.Type.Code())) is { } closer)
        {
            return $"principal reduction first, though '{closer.Type.Code()}' (rank {closer.Rank}) closes the gap; requests [{Types(plan)}]";
        }

        return null;
    }

    /// <summary>
    /// 5. A long-term hardship never leads with an extension, unless a confirmed one-off sum ahead pays everything off, or it
    /// began less than two months ago with no known end, an income and no plan that fits: too soon to tell, time comes first.
    /// </summary>
    public static string? LongTermHardshipDoesNotLeadWithExtension(CapacityOracle o, NegotiationPlan plan) =>
        o.LongTerm && !o.LumpSumCoversAll && !o.TooSoonToTell && plan.Requests.Count > 0 && plan.Requests[0].Type.Code() == "extension"
            ? $"long-term hardship, yet the top request is an extension; requests [{Types(plan)}]"
            : null;

    /// <summary>6. Every saving, waiver, interest saved and reduction is null or positive.</summary>
    public static string? RequestsSaveSomething(NegotiationPlan plan)
    {
        foreach (var r in plan.Requests)
        {
            foreach (var (name, value) in new[] { ("savings", r.Savings), ("terms.feesWaived", r.Terms.FeesWaived), ("terms.interestSaved", r.Terms.InterestSaved), ("terms.reductionAsked", r.Terms.ReductionAsked) })
            {
                if (value is <= 0m)
                {
                    return $"'{r.Type.Code()}' (rank {r.Rank}) has {name} = {value}";
                }
            }
        }

        return null;
    }

    /// <summary>7. Interest relief names the current rate and proposes a lower one.</summary>
    public static string? InterestReliefLowersTheRate(NegotiationPlan plan)
    {
        foreach (var r in plan.Requests.Where(r => r.Type.Code() == "interest-relief"))
        {
            if (r.Terms.CurrentRate is not { } current || r.Terms.ProposedRate is not { } proposed || proposed >= current)
            {
                return $"interest relief (rank {r.Rank}) from {Show(r.Terms.CurrentRate)} to {Show(r.Terms.ProposedRate)}";
            }
        }

        return null;
    }

    /// <summary>8. An extension's new due date is after asOf.</summary>
    public static string? ExtensionEndsAfterAsOf(BorrowerCase c, NegotiationPlan plan)
    {
        foreach (var r in plan.Requests.Where(r => r.Type.Code() == "extension"))
        {
            if (r.Terms.NewDueDate is not { } due || due <= c.AsOf)
            {
                return $"extension (rank {r.Rank}) to {Show(r.Terms.NewDueDate)}, not after asOf {c.AsOf:yyyy-MM-dd}";
            }
        }

        return null;
    }

    /// <summary>9. Instalment plans and interest relief run at least 2 months.</summary>
    public static string? PlansRunTwoMonthsOrMore(NegotiationPlan plan)
    {
        foreach (var r in plan.Requests.Where(r => r.Type.Code() is "instalment-plan" or "interest-relief"))
        {
            if (r.Terms.Months is not >= 2)
            {
                return $"'{r.Type.Code()}' (rank {r.Rank}) over {Show(r.Terms.Months)} months";
            }
        }

        return null;
    }

    /// <summary>The figure an opening must name for a request, written as the plan writes it; null when the terms lack it.</summary>
    public static string? KeyFigure(ProposedRequest r, string currency, string language) => r.Type.Code() switch
    {
        "extension" => r.Terms.NewDueDate is { } d ? MessageFormat.Date(d, language) : null,
        "fee-waiver" => r.Terms.FeesWaived is { } w ? MessageFormat.Money(w, currency, language) : null,
        "instalment-plan" => r.Terms.Instalment is { } i ? MessageFormat.Money(i, currency, language) : null,
        "interest-relief" => r.Terms.ProposedRate is { } p ? MessageFormat.Percent(p, language) : null,
        "principal-reduction" => r.Terms.ReductionAsked is { } a ? MessageFormat.Money(a, currency, language) : null,
        _ => null,
    };

    /// <summary>
    /// 10. With a top request, the opening is written and names its key figure. Two exceptions: a plan sized without a budget,
    /// whose figures are an illustration the plan says not to quote, so the opening must ask for the plan by name; and a plan
    /// that puts obligations first, whose requests are for once they are met, so the opening need only be written.
    /// </summary>
    public static string? OpeningAsksForTopRequest(NegotiationPlan plan)
    {
        if (plan.Requests.Count == 0)
        {
            return null;
        }

        var top = plan.Requests[0];
        var figure = KeyFigure(top, plan.Currency, plan.Language);
        var opening = plan.Communication.Opening;
        if (string.IsNullOrEmpty(opening))
        {
            return $"top request '{top.Type.Code()}' ({figure ?? "no key figure"}), but no opening";
        }

        if (plan.Decision.Outcome == Negotiation.Core.Advice.Outcome.FulfilObligationsFirst)
        {
            return null;
        }

        if (top.Type.Code() == "instalment-plan" && !plan.Assessment.HasFinances)
        {
            var name = plan.Language == "en" ? "instalment plan" : "分期";
            return opening.Contains(name, StringComparison.Ordinal) ? null : $"top request '{top.Type.Code()}' (sized without a budget), but the opening does not ask for \"{name}\"";
        }

        return figure is null || !opening.Contains(figure, StringComparison.Ordinal)
            ? $"top request '{top.Type.Code()}', but the opening does not name \"{figure ?? "(its terms have no key figure)"}\""
            : null;
    }

    /// <summary>
    /// 11. What an earlier attempt settled (accepted, with the type named, and not refused by a later contact about the same
    /// type) is not requested again; after a broken promise, a plan for the arrears alone (its terms carry what it adds a
    /// month) or an extension that pays part now (its terms carry what is paid) mends the agreement and may be asked, and so
    /// may a new plan once the record shows a payment after the last promise whose date has passed. A plan agreed at a monthly
    /// payment, which the latest recorded payment meets, and which a demand from the lender or its collector now ignores, is
    /// asked to be honoured at that payment: that is not asking again (a35-04, b36-04).
    /// </summary>
    public static string? AgreedIsNotAskedAgain(BorrowerCase c, NegotiationPlan plan)
    {
        var demanded = c.Offers.Any(o => o.Kind == OfferKind.Demand && o.From is OfferSource.LenderOfficial or OfferSource.CollectionAgency);
        var lastPaid = c.History.OrderBy(h => h.DueDate).LastOrDefault()?.AmountPaid ?? 0m;
        var lastPromise = c.Attempts.SelectMany(a => a.Promises).Where(p => p.By < c.AsOf).Select(p => (LocalDate?)p.By).Max();
        var paidSince = c.Conduct.BrokenPromises > 0 && lastPromise is { } passed &&
                        (c.History.Any(h => h.PaidOn > passed && h.AmountPaid > 0) || c.Account.LastPaymentOn > passed);
        // Each type's latest answer (the last in the case of those on its day) is what stands.
        var latest = c.Attempts.Select((a, i) => (a, i)).Where(x => x.a.Requested is not null)
            .GroupBy(x => x.a.Requested).Select(g => g.OrderBy(x => x.a.On).ThenBy(x => x.i).Last().a);
        foreach (var a in latest)
        {
            var honoured = demanded && a.Requested == RequestType.InstalmentPlan && a.MonthlyPayment is { } agreedPay && agreedPay > 0 && lastPaid >= agreedPay;
            if (a.Outcome == AttemptOutcome.Accepted && a.Requested is { } requested &&
                plan.Requests.FirstOrDefault(r => r.Type.Code() == TypeName(requested) && !(honoured && r.Terms.Instalment == a.MonthlyPayment) &&
                                                  !(plan.Assessment.BrokenPromises > 0 && (r.Terms.ArrearsPerMonth is not null || r.Terms.PaidNow is not null ||
                                                                                            (paidSince && r.Type.Code() == "instalment-plan")))) is { } again)
            {
                return $"the {TypeName(requested)} accepted on {a.On:yyyy-MM-dd} is requested again (rank {again.Rank})";
            }
        }

        return null;
    }

    /// <summary>12. With no instalment in the history due before the account's due date, no good-record reason or talking point.</summary>
    public static string? NoHistoryNoGoodRecord(BorrowerCase c, NegotiationPlan plan)
    {
        if (c.History.Any(h => h.DueDate < c.Account.DueDate))
        {
            return null;
        }

        if (plan.Decision.Reasons.Any(r => r.Code == "good-record"))
        {
            return $"no instalment on record before {c.Account.DueDate:yyyy-MM-dd}, yet reason 'good-record'";
        }

        return plan.Communication.Points.Any(p => p.Code == "mention-good-record")
            ? $"no instalment on record before {c.Account.DueDate:yyyy-MM-dd}, yet talking point 'mention-good-record'"
            : null;
    }

    /// <summary>
    /// 13. A stated goal is among the requests or a goal-… reason explains it; a pay-now or ask-customer-service plan may
    /// explain it with a goal-… or purpose-… reason instead.
    /// </summary>
    public static string? StatedGoalIsHonouredOrExplained(BorrowerCase c, NegotiationPlan plan)
    {
        if (GoalType(c.Goal) is not { } goal)
        {
            return null;
        }

        var reasons = plan.Decision.Reasons;
        var honoured = plan.Requests.Any(r => r.Type.Code() == goal)
            || reasons.Any(r => r.Code.StartsWith("goal-", StringComparison.Ordinal))
            || (plan.Decision.Outcome.Code() is "pay-now" or "ask-customer-service" && reasons.Any(r => r.Code.StartsWith("purpose-", StringComparison.Ordinal)));
        return honoured
            ? null
            : $"goal '{goal}' is neither requested nor explained: outcome {plan.Decision.Outcome.Code()}, requests [{Types(plan)}], reasons [{string.Join(", ", reasons.Select(r => r.Code))}]";
    }

    /// <summary>
    /// 14 and 15. With requests in both plans, the variant's top request is not a larger (<paramref name="mayGrow"/> false)
    /// or not a smaller (<paramref name="mayGrow"/> true) concession than the base plan's in its place: the order is broken
    /// only when one top replaces the other. When the base plan already asked for the new top, the change dropped a request no
    /// longer needed (more income makes an extension unnecessary); when the variant still asks for the old top, the change
    /// added a request now within reach or now needed in front of it (a plan that fits once income rises, an extension once
    /// savings no longer clear the debt). Neither makes the plan ask for a larger (or smaller) concession instead of the old one.
    /// Where the change alters what the lender counts as agreed, the two plans answer different situations and are not
    /// compared: a counter-offer the borrower could not afford stands as an arrangement once more income makes it
    /// affordable (seed 1111: a fee waiver partly granted is no longer asked, cn; interest is asked stopped on the
    /// arrangement instead of a new plan, UK).
    /// </summary>
    public static string? Compare(NegotiationPlan basePlan, NegotiationPlan variant, bool mayGrow, string change)
    {
        if (basePlan.Requests.Count == 0 || variant.Requests.Count == 0)
        {
            return null;
        }

        var before = basePlan.Requests[0].Type.Code();
        var after = variant.Requests[0].Type.Code();
        var alreadyAsked = basePlan.Requests.Any(r => r.Type.Code() == after);
        var stillAsked = variant.Requests.Any(r => r.Type.Code() == before);
        var agreementChanged = !variant.Assessment.AgreedRequests.SequenceEqual(basePlan.Assessment.AgreedRequests);
        var wrong = !alreadyAsked && !stillAsked && !agreementChanged && (mayGrow ? Size(after) < Size(before) : Size(after) > Size(before)) &&
                    !PlanTakesNoLonger(basePlan.Requests[0], variant.Requests[0]);
        return wrong
            ? $"with {change} the top request moves from '{before}' to the {(mayGrow ? "smaller" : "larger")} '{after}'; requests [{Types(basePlan)}] → [{Types(variant)}]"
            : null;
    }

    /// <summary>
    /// Whether one of the two requests is an extension and the other an instalment plan at the contract rate whose money
    /// arrives, on average, no later than the date the extension moves the shortfall to: the midpoint of its equal instalments
    /// falls on or before the extension's new due date. Asking no more time at no lower rate, the plan is not the larger
    /// concession, whatever the order of the two by type; a long plan replacing a short extension still is. Seed 8: a
    /// 3-month plan from 23 November (midpoint 23 December) against an extension to 23 February. Seed 2026: with the
    /// instalments affordable again, a 6-month catch-up plan from 10 December (midpoint 23 February) against an extension of
    /// the arrears to 10 March.
    /// </summary>
    public static bool PlanTakesNoLonger(ProposedRequest one, ProposedRequest other)
    {
        var (extension, plan) = one.Type == RequestType.Extension ? (one, other) : (other, one);
        if (extension.Type != RequestType.Extension || plan.Type != RequestType.InstalmentPlan || plan.Terms.ProposedRate is not null ||
            plan.Terms is not { FirstInstalmentDue: { } first, Months: { } months } || extension.Terms.NewDueDate is not { } until)
        {
            return false;
        }

        var midpoint = first.PlusDays(Period.DaysBetween(first, first.PlusMonths(months - 1)) / 2);
        return midpoint <= until;
    }

    /// <summary>Every message of a plan, with the kind of item and the code of the item it belongs to.</summary>
    public static IEnumerable<(string Where, string Code, string Text)> Messages(NegotiationPlan plan)
    {
        foreach (var r in plan.Decision.Reasons)
        {
            yield return ("reason", r.Code, r.Message);
        }

        foreach (var r in plan.Requests)
        {
            yield return ("request rationale", r.Code, r.Rationale);
            foreach (var caveat in r.Caveats)
            {
                yield return ("request caveat", r.Code, caveat);
            }
        }

        foreach (var m in plan.Materials)
        {
            yield return ("material", m.Code, m.Why);
            foreach (var tip in m.Tips)
            {
                yield return ("material tip", m.Code, tip);
            }
        }

        if (plan.Communication.Opening is { } opening)
        {
            yield return ("the opening", "", opening);
        }

        foreach (var p in plan.Communication.Points)
        {
            yield return ("talking point", p.Code, p.Message);
        }

        foreach (var w in plan.Watchpoints)
        {
            yield return ("watchpoint", w.Code, w.Message);
        }

        foreach (var w in plan.Warnings)
        {
            yield return ("warning", w.Code, w.Message);
        }

        foreach (var r in plan.Remedies)
        {
            yield return ("remedy", r.Code, r.Message);
        }
    }

    private static string Types(NegotiationPlan plan) => string.Join(", ", plan.Requests.Select(r => r.Type.Code()));

    private static string Show(object? value) => value switch
    {
        null => "null",
        LocalDate d => d.ToString("yyyy-MM-dd", null),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// Advises each generated case once (both languages, and the two variants the comparisons need) and keeps, per case,
/// which invariants fail: every property runs the same cases, so the fifteen share one advice per case.
/// </summary>
internal static class AdviceVerdicts
{
    /// <summary>One advisor for the whole run, as an app would hold it.</summary>
    public static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    /// <summary>
    /// The run's seed: fixed, so that CI and every developer check the same 10,000 cases; <c>ADVICE_INVARIANT_SEED</c> names
    /// another (to replay a failure), or <c>random</c> to explore new cases.
    /// </summary>
    public static readonly ulong Seed = Environment.GetEnvironmentVariable("ADVICE_INVARIANT_SEED") switch
    {
        "random" => (ulong)Random.Shared.NextInt64(1, long.MaxValue),
        var text when ulong.TryParse(text, out var seed) => seed,
        _ => 20_261_202,
    };

    private static readonly int InvariantCount = Enum.GetValues<Invariant>().Length;

    /// <summary>The verdicts of each case object checked so far (the generator hands every property the same objects).</summary>
    private static readonly ConditionalWeakTable<BorrowerCase, string?[]> Cache = new();

    /// <summary>What fails for <paramref name="c"/>, by invariant: null where the invariant holds; worked out once per case object.</summary>
    public static string?[] Of(BorrowerCase c) => Cache.GetValue(c, c => Compute(c, only: null));

    /// <summary>What fails for <paramref name="c"/> in one invariant, not kept: for the cases a shrinker makes, each seen once.</summary>
    public static string? Check(Invariant invariant, BorrowerCase c) => Compute(c, invariant)[(int)invariant];

    /// <summary>The case with every income item × 1.5 (null without finances: there is no income to raise).</summary>
    /// <remarks>Valid whenever the case is (amounts only grow, to the cent); the failure report reads it back from its JSON.</remarks>
    public static BorrowerCase? MoreIncome(BorrowerCase c) => c.Finances is { } f
        ? c with { Finances = f with { Income = new ValueList<IncomeSource>(f.Income.Select(i => i with { Monthly = Math.Round(i.Monthly * 1.5m, 2, MidpointRounding.AwayFromZero) })) } }
        : null;

    /// <summary>
    /// Whether the case is too soon to tell (a hardship of unknown end just begun, no plan fitting) and stops being so with
    /// every income × 1.5. Time asked then is not the smallest request that closes the gap but a pause before any: once a
    /// plan fits, the plan is not a larger concession than a gap no request closed, so the two are not compared.
    /// </summary>
    public static bool PauseGivesWayToPlan(BorrowerCase c) =>
        CapacityOracle.Of(c).TooSoonToTell && MoreIncome(c) is { } richer && !CapacityOracle.Of(richer).TooSoonToTell;

    /// <summary>The case with the principal × 1.5 and the amount due unchanged (still within what is owed).</summary>
    public static BorrowerCase MoreDebt(BorrowerCase c) =>
        c with { Account = c.Account with { Principal = Math.Round(c.Account.Principal * 1.5m, 2, MidpointRounding.AwayFromZero) } };

    /// <summary>
    /// The language the two comparisons advise a case's variant in: which request leads never depends on the language
    /// (rules do not read it), so each variant is advised once, in Chinese or English by the day of asOf, half the cases each.
    /// </summary>
    public static string ComparisonLanguage(BorrowerCase c) => AdviceInvariantChecks.Languages[c.AsOf.Day % 2];

    private static string?[] Compute(BorrowerCase c, Invariant? only)
    {
        var verdicts = new string?[InvariantCount];
        try
        {
            var oracle = CapacityOracle.Of(c);
            var comparedIn = ComparisonLanguage(c);
            foreach (var language in AdviceInvariantChecks.Languages)
            {
                var plan = Advisor.Advise(c, language);
                for (var i = 0; i < InvariantCount; i++)
                {
                    var invariant = (Invariant)i;
                    if (only is not null && invariant != only)
                    {
                        continue;
                    }

                    var verdict = invariant switch
                    {
                        // A comparison needs requests in the base plan, and a top request that can move the wrong way
                        // (no larger than a principal reduction, no smaller than an extension): only then is the variant advised.
                        Invariant.MoreIncomeNoLargerConcession or Invariant.MoreDebtNoSmallerConcession when language != comparedIn || plan.Requests.Count == 0 => null,
                        Invariant.MoreIncomeNoLargerConcession when plan.Requests[0].Type.Code() == "principal-reduction" => null,
                        Invariant.MoreIncomeNoLargerConcession when PauseGivesWayToPlan(c) => null,
                        // Where the cash meets what is due, no request closes a gap: those left (charges challenged, a rate
                        // above the red flag) correct the account and are not ranked against one that did.
                        Invariant.MoreIncomeNoLargerConcession when MoreIncome(c) is { } paidUp && CapacityOracle.Of(paidUp).NoGap => null,
                        Invariant.MoreDebtNoSmallerConcession when oracle.NoGap => null,
                        Invariant.MoreDebtNoSmallerConcession when plan.Requests[0].Type.Code() == "extension" => null,
                        // A confirmed one-off sum ahead makes more debt a question of timing: waiting for the sum that pays it
                        // all off is then the request, and rightly the smallest.
                        Invariant.MoreDebtNoSmallerConcession when CapacityOracle.Of(MoreDebt(c)).LumpSumCoversAll => null,
                        Invariant.MoreIncomeNoLargerConcession => MoreIncome(c) is { } more
                            ? AdviceInvariantChecks.Compare(plan, Advisor.Advise(more, language), mayGrow: false, "every income × 1.5")
                            : null,
                        Invariant.MoreDebtNoSmallerConcession => AdviceInvariantChecks.Compare(plan, Advisor.Advise(MoreDebt(c), language), mayGrow: true, "the principal × 1.5"),
                        _ => AdviceInvariantChecks.Check(invariant, c, oracle, plan),
                    };
                    verdicts[i] ??= verdict is null ? null : $"[{language}] {verdict}";
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Array.Fill(verdicts, $"advising threw {e.GetType().Name}: {e.Message}");
        }

        return verdicts;
    }

    /// <summary>The failure report: what is wrong, the capacity figures, the plan part at fault and the case to reproduce it.</summary>
    public static string Report(Invariant invariant, BorrowerCase c)
    {
        var verdict = Of(c)[(int)invariant];
        var language = verdict is not null && verdict.StartsWith("[en]", StringComparison.Ordinal) ? "en" : "zh-CN";
        var text = new StringBuilder();
        text.AppendLine().AppendLine($"Invariant {invariant} fails: {verdict}");
        text.AppendLine(CapacityOracle.Of(c).ToString());
        try
        {
            var plan = Advisor.Advise(c, language);
            text.AppendLine($"Plan part at fault ({language}):").AppendLine(Part(invariant, c, plan));
            var variant = invariant switch
            {
                Invariant.MoreIncomeNoLargerConcession => MoreIncome(c) is { } more ? AdviceCaseGenerators.Read(more) : null,
                Invariant.MoreDebtNoSmallerConcession => AdviceCaseGenerators.Read(MoreDebt(c)),
                _ => null,
            };
            if (variant is not null)
            {
                text.AppendLine($"Variant's requests ({language}):").AppendLine(Requests(Advisor.Advise(variant, language)).ToString(Formatting.Indented));
                text.AppendLine("Variant case JSON:").AppendLine(variant.ToJson());
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            text.AppendLine($"advising threw {e}");
        }

        text.AppendLine($"Case JSON (save as case.json, then: negotiation advise case.json --lang {language} --format json):");
        text.AppendLine(c.ToJson());
        text.AppendLine($"Replay this run with ADVICE_INVARIANT_SEED={Seed}.");
        return text.ToString();
    }

    /// <summary>The part of the plan (as the plan contract writes it) that the invariant reads.</summary>
    private static string Part(Invariant invariant, BorrowerCase c, NegotiationPlan plan)
    {
        var json = ((JObject)ExactJson.Parse(plan.ToJson()));
        var part = new JObject();
        switch (invariant)
        {
            case Invariant.SurplusIsNotNoIncome:
                part["reasons"] = json["decision"]!["reasons"];
                part["messagesWithForbiddenPhrases"] = new JArray(AdviceInvariantChecks.Messages(plan)
                    .Where(m => AdviceInvariantChecks.ForbiddenPhraseIn(m.Text, plan.Language) is not null)
                    .Select(m => $"{m.Where} '{m.Code}': {m.Text}"));
                break;
            case Invariant.PayNowAsksNothing:
                part["outcome"] = json["decision"]!["outcome"];
                part["requests"] = Requests(plan);
                part["opening"] = json["communication"]!["opening"];
                part["nextFollowUp"] = json["nextFollowUp"];
                part["followUpWatchpoints"] = new JArray(((JArray)json["watchpoints"]!).Where(w => (string?)w["code"] == "follow-up-date"));
                break;
            case Invariant.OpeningAsksForTopRequest:
                part["opening"] = json["communication"]!["opening"];
                part["topRequest"] = Requests(plan).FirstOrDefault();
                break;
            case Invariant.AgreedIsNotAskedAgain:
                part["requests"] = Requests(plan);
                part["caseAttempts"] = JArray.FromObject(c.Attempts.Select(a => new { on = a.On.ToString("yyyy-MM-dd", null), requested = a.Requested?.ToString(), outcome = a.Outcome.ToString() }));
                break;
            case Invariant.NoHistoryNoGoodRecord:
                part["reasons"] = new JArray(((JArray)json["decision"]!["reasons"]!).Select(r => r["code"]));
                part["points"] = new JArray(((JArray)json["communication"]!["points"]!).Select(p => p["code"]));
                break;
            case Invariant.StatedGoalIsHonouredOrExplained:
                part["outcome"] = json["decision"]!["outcome"];
                part["reasons"] = new JArray(((JArray)json["decision"]!["reasons"]!).Select(r => r["code"]));
                part["requests"] = new JArray(plan.Requests.Select(r => r.Type.Code()));
                break;
            default:
                part["outcome"] = json["decision"]!["outcome"];
                part["requests"] = Requests(plan);
                break;
        }

        return part.ToString(Formatting.Indented);
    }

    /// <summary>The plan's requests as the contract writes them, without their schedules (which can run to 60 rows).</summary>
    private static JArray Requests(NegotiationPlan plan)
    {
        var requests = (JArray)((JObject)ExactJson.Parse(plan.ToJson()))["requests"]!;
        foreach (var r in requests.OfType<JObject>())
        {
            r.Remove("schedule");
        }

        return requests;
    }
}

/// <summary>
/// Each check can fail whatever the rules do: a hand-made plan (the seed-like case's plan, edited with <c>with</c>)
/// that breaks the invariant is rejected, and the same plan made to keep it is accepted.
/// </summary>
public sealed class AdviceInvariantCheckTests
{
    private static readonly NegotiationAdvisor Advisor = AdviceVerdicts.Advisor;

    /// <summary>An overdue, short-lived case with a comfortable budget: C = 7,000, D = 14,000; an extension and a plan both close the gap.</summary>
    private static readonly BorrowerCase Case = AdviceCaseGenerators.Read(new BorrowerCase
    {
        AsOf = new LocalDate(2026, 11, 20),
        Currency = "CNY",
        Lender = new Lender { Kind = LenderKind.ConsumerFinance },
        Account = new Account
        {
            Principal = 30_000m, Interest = 300m, Fees = 100m, PenaltyInterest = 50m, AnnualRate = 0.18m,
            DueDate = new LocalDate(2026, 11, 10), AmountDue = 2_800m,
        },
        History = [new RepaymentRecord { DueDate = new LocalDate(2026, 10, 10), AmountDue = 2_800m, PaidOn = new LocalDate(2026, 10, 9), AmountPaid = 2_800m }],
        Finances = new Finances
        {
            Income = [new IncomeSource { Monthly = 20_000m, Stable = true }],
            Expenses = [new Expense { Category = ExpenseCategory.Housing, Monthly = 6_000m }],
            Savings = 1_000m,
        },
        Hardship = new Hardship { Cause = HardshipCause.Oversight },
    });

    private static NegotiationPlan Plan(string language = "en") => Advisor.Advise(Case, language);

    private static CapacityOracle Oracle => CapacityOracle.Of(Case);

    private static ProposedRequest Request(int rank, string type, RequestTerms? terms = null, decimal? savings = 10m) =>
        new()
        {
            Rank = rank, Type = EnumNames<RequestType>.Parse(type), Code = type, Rationale = "rationale", Terms = terms ?? new RequestTerms { Type = type }, Savings = savings,
            Schedule = null, Caveats = ValueList<string>.Empty, Citations = ValueList<string>.Empty,
        };

    private static NegotiationPlan WithRequests(NegotiationPlan plan, params ProposedRequest[] requests) => plan with { Requests = new ValueList<ProposedRequest>(requests) };

    private static NegotiationPlan WithReasons(NegotiationPlan plan, params string[] codes) =>
        plan with { Decision = plan.Decision with { Reasons = new ValueList<Reason>(codes.Select(code => new Reason
        {
            Code = code,
            Message = "because",
            Citations = ValueList<string>.Empty,
        })) } };

    private static void Rejects(string? verdict) => Assert.False(verdict is null, "the check accepted a plan that breaks the invariant");

    private static void Accepts(string? verdict) => Assert.True(verdict is null, verdict);

    [Fact]
    public void Oracle_sizes_capacity_with_the_rule_set_it_checks()
    {
        // UK seed 99 (note 22): £48,500 a month, nothing spent, a £39,000 instalment, a cash shortfall six months old. At the
        // default set's 80 % the budget (£38,800) falls short of the instalment, so the shortfall has proved lasting; at the
        // UK set's 90 % (£43,650) it does not, and an extension may lead.
        var c = Case with
        {
            AsOf = new LocalDate(2026, 12, 15),
            Account = Case.Account with { AmountDue = 39_000m, DueDate = new LocalDate(2026, 11, 25) },
            Finances = new Finances { Income = [new IncomeSource { Monthly = 48_500m }] },
            Hardship = new Hardship { Cause = HardshipCause.TemporaryCashShortfall, Since = new LocalDate(2026, 6, 4) },
        };
        var (cn, uk) = (CapacityOracle.Of(c), CapacityOracle.Of(c, RuleSet.Embedded("uk-consumer-credit").Parameters));

        Assert.Equal((38_800m, true), (cn.Capacity, cn.LongTerm));
        Assert.Equal((43_650m, false, true), (uk.Capacity, uk.LongTerm, uk.ShortTerm));
    }

    [Fact]
    public void Oracle_reads_the_case_as_the_capacity_model_says()
    {
        var o = Oracle;

        Assert.Equal(11_200m, o.Capacity);           // 0.8 × 14,000 before flexible spending, within D
        Assert.Equal(14_000m, o.Disposable);
        Assert.True(o.ExtensionCloses);
        Assert.True(o.PlanCloses);
        Assert.False(o.NoPlanFits);
        Assert.False(o.LongTerm);

        // Unstable income counts at the set's share (all of it in the default set); a lasting cause with no months given is
        // long-term; C × 60 below what is owed.
        Assert.Equal(1m, RuleSet.Default.Parameters["unstableIncomeShare"]);
        var lean = CapacityOracle.Of(Case with
        {
            Finances = Case.Finances! with
            {
                Income = [new IncomeSource { Monthly = 3_200m, Stable = false }, new IncomeSource { Monthly = 6_000m }],
                Expenses = [new Expense { Category = ExpenseCategory.Housing, Monthly = 8_800m }],
            },
            Hardship = new Hardship { Cause = HardshipCause.JobLoss },
        });
        Assert.Equal(320m, lean.Capacity);             // 0.8 × (6,000 + 1 × 3,200 − 8,800)
        Assert.Equal(400m, lean.Disposable);
        Assert.True(lean.LongTerm);
        Assert.False(lean.ExtensionCloses);
        Assert.False(lean.PlanCloses);
        Assert.True(lean.NoPlanFits);
    }

    [Fact]
    public void Oracle_extension_does_not_close_a_gap_the_next_instalment_reopens()
    {
        // No cause, 8 days overdue: savings meet what is due, but the next 156,000 falls due within the extension's 30 days.
        var heavy = Case with
        {
            AsOf = new LocalDate(2026, 12, 19),
            Account = Case.Account with { Principal = 312_000m, DueDate = new LocalDate(2026, 12, 11), AmountDue = 156_000m },
            History = [],
            Finances = Case.Finances! with { Income = [new IncomeSource { Monthly = 11_000m }], Expenses = [], Savings = 196_000m },
            Hardship = new Hardship { Cause = HardshipCause.None },
        };
        Assert.False(CapacityOracle.Of(heavy).ExtensionCloses);     // 196,000 + 11,000 < 156,000 × 2

        // With savings for both, it closes; so it does when the next due date falls after the extension's end.
        Assert.True(CapacityOracle.Of(heavy with { Finances = heavy.Finances! with { Savings = 302_000m } }).ExtensionCloses);
        Assert.True(CapacityOracle.Of(heavy with { AsOf = new LocalDate(2026, 12, 11) }).ExtensionCloses);
    }

    [Fact]
    public void Oracle_pays_earlier_arrears_from_savings_before_the_due_date_and_sizes_the_plan_on_the_rest()
    {
        // The next 14,000 falls due in nine days, but May's 13,564.87 is still unpaid: savings clear both, and 54 months of
        // 8,783.13 at 36 % repay the 233,435.13 left within C = 8,800; on the whole 261,000 even 60 months (9,430) would not.
        var behind = Case with
        {
            AsOf = new LocalDate(2026, 11, 23),
            Account = new Account { Principal = 261_000m, AnnualRate = 0.36m, DueDate = new LocalDate(2026, 12, 2), AmountDue = 14_000m },
            History = [new RepaymentRecord { DueDate = new LocalDate(2026, 5, 2), AmountDue = 13_564.87m }],
            Finances = new Finances
            {
                Income = [new IncomeSource { Monthly = 23_000m }],
                Expenses = [new Expense { Category = ExpenseCategory.Utilities, Monthly = 12_000m }],
                Savings = 62_000m,
            },
            Hardship = new Hardship { Cause = HardshipCause.IncomeDrop },
        };
        var o = CapacityOracle.Of(behind);
        Assert.Equal(27_564.87m, o.Due);
        Assert.True(o.PlanCloses);
        Assert.True(o.NoGap);
        Assert.False(CapacityOracle.Of(behind with { Finances = behind.Finances! with { Savings = 20_000m } }).NoGap);
        Assert.False(CapacityOracle.Of(behind with { History = [] }).PlanCloses);
    }

    [Fact]
    public void Too_soon_to_tell_gives_way_once_more_income_lets_a_plan_fit()
    {
        // An illness of unknown end begun a month ago, a budget with nothing left: too soon to tell. With every income × 1.5,
        // a plan fits, so it no longer is, and the comparison of the two top requests is left out.
        var pause = Case with
        {
            AsOf = new LocalDate(2026, 12, 8),
            Account = new Account { Principal = 45_000m, AnnualRate = 0m, DueDate = new LocalDate(2026, 12, 19), AmountDue = 2_000m },
            History = [],
            Finances = new Finances
            {
                Income = [new IncomeSource { Monthly = 7_000m, Stable = false }],
                Expenses = [new Expense { Category = ExpenseCategory.Housing, Monthly = 4_000m }],
                OtherDebts = [new OtherDebt { MonthlyPayment = 3_000m }],
            },
            Hardship = new Hardship { Cause = HardshipCause.Illness, Since = new LocalDate(2026, 11, 12) },
        };
        Assert.True(CapacityOracle.Of(pause).TooSoonToTell);
        Assert.False(CapacityOracle.Of(AdviceVerdicts.MoreIncome(pause)!).TooSoonToTell);
        Assert.True(AdviceVerdicts.PauseGivesWayToPlan(pause));

        // Begun four months ago, it is not a pause: the comparison holds.
        Assert.False(AdviceVerdicts.PauseGivesWayToPlan(pause with { Hardship = pause.Hardship with { Since = new LocalDate(2026, 8, 1) } }));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Surplus_check_rejects_no_income_reasons_and_phrases(string language)
    {
        var plan = WithReasons(Plan(language), "capacity-covers-amount-due");
        Accepts(AdviceInvariantChecks.SurplusIsNotNoIncome(Oracle, plan));
        Rejects(AdviceInvariantChecks.SurplusIsNotNoIncome(Oracle, WithReasons(plan, "no-income")));
        Rejects(AdviceInvariantChecks.SurplusIsNotNoIncome(Oracle, WithReasons(plan, "budget-deficit")));
        var zero = language == "en" ? "you can set aside CNY 0.00 a month" : "您每月0.00元可用于还款";
        Rejects(AdviceInvariantChecks.SurplusIsNotNoIncome(Oracle, plan with { Communication = plan.Communication with { Opening = zero } }));
        var none = language == "en" ? "You have no income at present." : "您目前没有收入。";
        Rejects(AdviceInvariantChecks.SurplusIsNotNoIncome(Oracle, plan with { Remedies = [new Remedy
        {
            Step = 1,
            Code = "x",
            Message = none,
            Channel = null,
            WaitDays = null,
        }] }));
    }

    [Fact]
    public void Pay_now_check_rejects_a_request_an_opening_or_a_follow_up()
    {
        var plan = Plan();
        var payNow = plan with
        {
            Decision = plan.Decision with { Outcome = Negotiation.Core.Advice.Outcome.PayNow },
            Requests = ValueList<ProposedRequest>.Empty,
            Communication = new Communication { Opening = null, Points = ValueList<TalkingPoint>.Empty },
            NextFollowUp = null,
            Watchpoints = new ValueList<Watchpoint>(plan.Watchpoints.Where(w => w.Code != "follow-up-date")),
            Materials = ValueList<Material>.Empty,
            Remedies = ValueList<Remedy>.Empty,
        };
        Accepts(AdviceInvariantChecks.PayNowAsksNothing(payNow));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(WithRequests(payNow, Request(1, "extension"))));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(payNow with { Communication = payNow.Communication with { Opening = "Please extend" } }));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(payNow with { NextFollowUp = Case.AsOf.PlusDays(7) }));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(payNow with { Watchpoints = [new Watchpoint
        {
            Code = "follow-up-date",
            Severity = Severity.Info,
            DueDate = Case.AsOf.PlusDays(7),
            Message = "call back",
        }] }));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(payNow with { Materials = [new Material
        {
            Code = "identity",
            Required = true,
            Held = true,
            Why = "ID",
            Tips = [],
            Citations = [],
        }] }));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(payNow with { Communication = payNow.Communication with { Points = [new TalkingPoint
        {
            Code = "take-notes",
            Message = "Take notes",
        }] } }));
        Rejects(AdviceInvariantChecks.PayNowAsksNothing(payNow with { Remedies = [new Remedy
        {
            Step = 1,
            Code = "review-and-retry",
            Message = "Try again",
            Channel = null,
            WaitDays = null,
        }] }));
    }

    [Fact]
    public void Top_request_check_rejects_a_lead_that_leaves_the_gap_open()
    {
        Accepts(AdviceInvariantChecks.TopRequestClosesTheGap(Oracle, WithRequests(Plan(), Request(1, "extension"), Request(2, "fee-waiver"))));
        Rejects(AdviceInvariantChecks.TopRequestClosesTheGap(Oracle with { FeeWaiverCloses = false }, WithRequests(Plan(), Request(1, "fee-waiver"), Request(2, "extension"))));
        var reliefOpen = Plan() with { Assessment = Plan().Assessment with { ReliefClosesGap = false } };
        // A 0 % plan over 60 months repays 12,000, less than half the 30,450 owed: the write-off closes the gap and must lead.
        var mostlyUnpayable = Oracle with { Capacity = 200m, LongestRepays = 12_000m };
        Rejects(AdviceInvariantChecks.TopRequestClosesTheGap(mostlyUnpayable, WithRequests(reliefOpen, Request(1, "interest-relief"), Request(2, "principal-reduction"))));
        // C × 60 = 420,000 repays it all: a write-off is kept in reserve, last.
        Accepts(AdviceInvariantChecks.TopRequestClosesTheGap(Oracle, WithRequests(reliefOpen, Request(1, "interest-relief"), Request(2, "principal-reduction"))));
        Rejects(AdviceInvariantChecks.TopRequestClosesTheGap(Oracle, WithRequests(reliefOpen, Request(1, "principal-reduction"), Request(2, "interest-relief"))));
    }

    [Fact]
    public void Principal_reduction_check_rejects_a_write_off_that_a_plan_could_avoid()
    {
        // C × 60 = 420,000 covers the 30,450 owed: no write-off at all.
        Accepts(AdviceInvariantChecks.PrincipalReductionIsTheLastResort(Oracle, WithRequests(Plan(), Request(1, "instalment-plan"))));
        Rejects(AdviceInvariantChecks.PrincipalReductionIsTheLastResort(Oracle, WithRequests(Plan(), Request(1, "instalment-plan"), Request(2, "principal-reduction"))));

        // C × 60 short of what is owed, yet the extension closes the gap: the write-off may follow it, not lead.
        var beyond = Oracle with { NoPlanFits = true, PlanCloses = false };
        Accepts(AdviceInvariantChecks.PrincipalReductionIsTheLastResort(beyond, WithRequests(Plan(), Request(1, "extension"), Request(2, "principal-reduction"))));
        Rejects(AdviceInvariantChecks.PrincipalReductionIsTheLastResort(beyond, WithRequests(Plan(), Request(1, "principal-reduction"), Request(2, "extension"))));
    }

    [Fact]
    public void Long_term_check_rejects_an_extension_first()
    {
        var lasting = Oracle with { LongTerm = true };
        Accepts(AdviceInvariantChecks.LongTermHardshipDoesNotLeadWithExtension(lasting, WithRequests(Plan(), Request(1, "instalment-plan"), Request(2, "extension"))));
        Rejects(AdviceInvariantChecks.LongTermHardshipDoesNotLeadWithExtension(lasting, WithRequests(Plan(), Request(1, "extension"))));
    }

    [Fact]
    public void Savings_check_rejects_zero_or_negative_figures()
    {
        Accepts(AdviceInvariantChecks.RequestsSaveSomething(WithRequests(Plan(), Request(1, "fee-waiver", new RequestTerms { FeesWaived = 150m }, 150m), Request(2, "extension", savings: null))));
        Rejects(AdviceInvariantChecks.RequestsSaveSomething(WithRequests(Plan(), Request(1, "extension", savings: 0m))));
        Rejects(AdviceInvariantChecks.RequestsSaveSomething(WithRequests(Plan(), Request(1, "extension", savings: -3.5m))));
        Rejects(AdviceInvariantChecks.RequestsSaveSomething(WithRequests(Plan(), Request(1, "fee-waiver", new RequestTerms { FeesWaived = 0m }))));
        Rejects(AdviceInvariantChecks.RequestsSaveSomething(WithRequests(Plan(), Request(1, "interest-relief", new RequestTerms { InterestSaved = 0m }))));
        Rejects(AdviceInvariantChecks.RequestsSaveSomething(WithRequests(Plan(), Request(1, "principal-reduction", new RequestTerms { ReductionAsked = 0m }))));
    }

    [Fact]
    public void Interest_relief_check_rejects_a_rate_that_is_not_lower()
    {
        Accepts(AdviceInvariantChecks.InterestReliefLowersTheRate(WithRequests(Plan(), Request(1, "interest-relief", new RequestTerms { CurrentRate = 0.18m, ProposedRate = 0.06m }))));
        Rejects(AdviceInvariantChecks.InterestReliefLowersTheRate(WithRequests(Plan(), Request(1, "interest-relief", new RequestTerms { CurrentRate = 0m, ProposedRate = 0m }))));
        Rejects(AdviceInvariantChecks.InterestReliefLowersTheRate(WithRequests(Plan(), Request(1, "interest-relief", new RequestTerms { CurrentRate = null, ProposedRate = 0m }))));
    }

    [Fact]
    public void Extension_check_rejects_a_new_due_date_not_after_as_of()
    {
        Accepts(AdviceInvariantChecks.ExtensionEndsAfterAsOf(Case, WithRequests(Plan(), Request(1, "extension", new RequestTerms { NewDueDate = Case.AsOf.PlusDays(1) }))));
        Rejects(AdviceInvariantChecks.ExtensionEndsAfterAsOf(Case, WithRequests(Plan(), Request(1, "extension", new RequestTerms { NewDueDate = Case.AsOf }))));
        Rejects(AdviceInvariantChecks.ExtensionEndsAfterAsOf(Case, WithRequests(Plan(), Request(1, "extension", new RequestTerms()))));
    }

    [Fact]
    public void Months_check_rejects_a_one_month_plan()
    {
        Accepts(AdviceInvariantChecks.PlansRunTwoMonthsOrMore(WithRequests(Plan(), Request(1, "instalment-plan", new RequestTerms { Months = 2 }), Request(2, "interest-relief", new RequestTerms { Months = 12 }))));
        Rejects(AdviceInvariantChecks.PlansRunTwoMonthsOrMore(WithRequests(Plan(), Request(1, "instalment-plan", new RequestTerms { Months = 1 }))));
        Rejects(AdviceInvariantChecks.PlansRunTwoMonthsOrMore(WithRequests(Plan(), Request(1, "interest-relief", new RequestTerms { Months = null }))));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Opening_check_rejects_an_opening_without_the_top_figure(string language)
    {
        var due = new LocalDate(2026, 12, 20);
        var plan = WithRequests(Plan(language), Request(1, "extension", new RequestTerms { NewDueDate = due }));
        var date = MessageFormat.Date(due, language);
        Accepts(AdviceInvariantChecks.OpeningAsksForTopRequest(plan with { Communication = plan.Communication with { Opening = $"Please move it to {date}." } }));
        Rejects(AdviceInvariantChecks.OpeningAsksForTopRequest(plan with { Communication = plan.Communication with { Opening = "Please move it back a little." } }));
        Rejects(AdviceInvariantChecks.OpeningAsksForTopRequest(plan with { Communication = plan.Communication with { Opening = null } }));

        // Obligations first: the request is for later, so the opening, which must be written, need not name it.
        var first = plan with { Decision = plan.Decision with { Outcome = Negotiation.Core.Advice.Outcome.FulfilObligationsFirst } };
        Accepts(AdviceInvariantChecks.OpeningAsksForTopRequest(first with { Communication = first.Communication with { Opening = "I am sorry; I will pay what I can today." } }));
        Rejects(AdviceInvariantChecks.OpeningAsksForTopRequest(first with { Communication = first.Communication with { Opening = null } }));

        var relief = WithRequests(plan, Request(1, "interest-relief", new RequestTerms { CurrentRate = 0.18m, ProposedRate = 0.06m }));
        Accepts(AdviceInvariantChecks.OpeningAsksForTopRequest(relief with { Communication = relief.Communication with { Opening = "to 6% a year" } }));
        Rejects(AdviceInvariantChecks.OpeningAsksForTopRequest(relief with { Communication = relief.Communication with { Opening = "to 18% a year" } }));
    }

    [Fact]
    public void Attempt_check_rejects_asking_again_for_what_was_accepted()
    {
        var c = Case with { Attempts = [new NegotiationAttempt { On = Case.AsOf.PlusDays(-3), Channel = ContactChannel.Phone, Requested = RequestType.FeeWaiver, Outcome = AttemptOutcome.Accepted, InWriting = true }] };
        Accepts(AdviceInvariantChecks.AgreedIsNotAskedAgain(c, WithRequests(Plan(), Request(1, "extension"))));
        Rejects(AdviceInvariantChecks.AgreedIsNotAskedAgain(c, WithRequests(Plan(), Request(1, "extension"), Request(2, "fee-waiver"))));

        // A later contact that refused it undoes the agreement.
        var refusedLater = c with { Attempts = [.. c.Attempts, c.Attempts[0] with { On = Case.AsOf.PlusDays(-1), Outcome = AttemptOutcome.Rejected, InWriting = false }] };
        Accepts(AdviceInvariantChecks.AgreedIsNotAskedAgain(refusedLater, WithRequests(Plan(), Request(1, "extension"), Request(2, "fee-waiver"))));
    }

    [Fact]
    public void Record_check_rejects_a_good_record_without_history()
    {
        var c = Case with { History = [new RepaymentRecord { DueDate = Case.Account.DueDate, AmountDue = 2_800m }] };
        var plan = WithReasons(Plan(), "overdue-beyond-grace") with { Communication = Plan().Communication with { Points = [new TalkingPoint
        {
            Code = "take-notes",
            Message = "notes",
        }] } };
        Accepts(AdviceInvariantChecks.NoHistoryNoGoodRecord(c, plan));
        Rejects(AdviceInvariantChecks.NoHistoryNoGoodRecord(c, WithReasons(plan, "good-record")));
        Rejects(AdviceInvariantChecks.NoHistoryNoGoodRecord(c, plan with { Communication = plan.Communication with { Points = [new TalkingPoint
        {
            Code = "mention-good-record",
            Message = "first time",
        }] } }));
        Accepts(AdviceInvariantChecks.NoHistoryNoGoodRecord(Case, WithReasons(plan, "good-record")));
    }

    [Fact]
    public void Goal_check_rejects_a_goal_neither_requested_nor_explained()
    {
        var c = Case with { Goal = NegotiationGoal.InstalmentPlan };
        var plan = WithReasons(Plan(), "overdue-beyond-grace");
        Accepts(AdviceInvariantChecks.StatedGoalIsHonouredOrExplained(c, WithRequests(plan, Request(1, "extension"), Request(2, "instalment-plan"))));
        Accepts(AdviceInvariantChecks.StatedGoalIsHonouredOrExplained(c, WithReasons(WithRequests(plan, Request(1, "extension")), "goal-not-fitting")));
        Rejects(AdviceInvariantChecks.StatedGoalIsHonouredOrExplained(c, WithRequests(plan, Request(1, "extension"))));
        Rejects(AdviceInvariantChecks.StatedGoalIsHonouredOrExplained(c, WithReasons(WithRequests(plan, Request(1, "extension")), "purpose-weigh-before-asking")));

        var payNow = WithReasons(plan, "purpose-weigh-before-asking") with { Decision = plan.Decision with { Outcome = Negotiation.Core.Advice.Outcome.PayNow, Reasons = [new Reason
        {
            Code = "purpose-weigh-before-asking",
            Message = "m",
            Citations = ValueList<string>.Empty,
        }] }, Requests = ValueList<ProposedRequest>.Empty };
        Accepts(AdviceInvariantChecks.StatedGoalIsHonouredOrExplained(c, payNow));
        Rejects(AdviceInvariantChecks.StatedGoalIsHonouredOrExplained(c, WithReasons(payNow, "pay-before-due")));
    }

    [Fact]
    public void Comparison_checks_reject_a_top_request_moving_the_wrong_way()
    {
        var small = WithRequests(Plan(), Request(1, "fee-waiver"));
        var large = WithRequests(Plan(), Request(1, "principal-reduction"));

        Accepts(AdviceInvariantChecks.Compare(large, small, mayGrow: false, "more income"));
        Rejects(AdviceInvariantChecks.Compare(small, large, mayGrow: false, "more income"));
        Accepts(AdviceInvariantChecks.Compare(small, large, mayGrow: true, "more debt"));
        Rejects(AdviceInvariantChecks.Compare(large, small, mayGrow: true, "more debt"));
        Accepts(AdviceInvariantChecks.Compare(small, WithRequests(Plan()), mayGrow: true, "more debt"));
    }

    [Fact]
    public void Comparison_checks_skip_plans_whose_agreements_differ()
    {
        var waiver = WithRequests(Plan(), Request(1, "fee-waiver"));
        var plan = WithRequests(Plan(), Request(1, "instalment-plan"));
        static NegotiationPlan PlanWithAgreed(NegotiationPlan p, params string[] agreed) => p with { Assessment = p.Assessment with { AgreedRequests = new ValueList<string>(agreed) } };

        Rejects(AdviceInvariantChecks.Compare(waiver, plan, mayGrow: false, "more income"));
        Accepts(AdviceInvariantChecks.Compare(waiver, PlanWithAgreed(plan, "fee-waiver"), mayGrow: false, "more income"));
        Accepts(AdviceInvariantChecks.Compare(plan, PlanWithAgreed(WithRequests(Plan(), Request(1, "interest-relief")), "token-payments"), mayGrow: false, "more income"));
        Rejects(AdviceInvariantChecks.Compare(PlanWithAgreed(waiver, "token-payments"), PlanWithAgreed(plan, "token-payments"), mayGrow: false, "more income"));
    }

    [Fact]
    public void Comparison_checks_accept_a_plan_whose_money_arrives_no_later_than_the_extension()
    {
        // Seed 8: a 3-month plan from 23 November replaces an extension to 23 February. Seed 2026: a 6-month plan from 10
        // December (midpoint 23 February) replaces an extension to 10 March. On average the plan's money arrives no later, at
        // the same rate: not a larger concession. A plan whose midpoint falls a day after the extension's date is, and so is
        // one at a lower rate.
        var until = new LocalDate(2027, 3, 10);
        var extension = WithRequests(Plan(), Request(1, "extension", new RequestTerms { Type = "extension", NewDueDate = until }));
        NegotiationPlan Starting(LocalDate first, int months, decimal? rate = null) =>
            WithRequests(Plan(), Request(1, "instalment-plan", new RequestTerms { Type = "instalment-plan", Months = months, FirstInstalmentDue = first, ProposedRate = rate }));

        Accepts(AdviceInvariantChecks.Compare(extension, Starting(new LocalDate(2026, 11, 23), 3), mayGrow: false, "more income"));
        Accepts(AdviceInvariantChecks.Compare(Starting(new LocalDate(2026, 11, 23), 3), extension, mayGrow: true, "more debt"));
        Accepts(AdviceInvariantChecks.Compare(extension, Starting(new LocalDate(2026, 12, 10), 6), mayGrow: false, "more income"));   // 10 Dec … 10 May: 23 Feb
        Accepts(AdviceInvariantChecks.Compare(extension, Starting(new LocalDate(2026, 11, 9), 9), mayGrow: false, "more income"));    // 9 Nov … 9 Jul: 10 Mar
        Rejects(AdviceInvariantChecks.Compare(extension, Starting(new LocalDate(2026, 11, 10), 9), mayGrow: false, "more income"));   // 10 Nov … 10 Jul: 11 Mar
        Rejects(AdviceInvariantChecks.Compare(extension, Starting(new LocalDate(2026, 12, 10), 36), mayGrow: false, "more income"));
        Rejects(AdviceInvariantChecks.Compare(extension, Starting(new LocalDate(2026, 11, 23), 3, 0.06m), mayGrow: false, "more income"));
    }

    [Fact]
    public void Report_names_the_invariant_and_prints_a_case_the_reader_accepts()
    {
        var report = AdviceVerdicts.Report(Invariant.OpeningAsksForTopRequest, Case);

        Assert.Contains("OpeningAsksForTopRequest", report, StringComparison.Ordinal);
        var json = report[(report.IndexOf("--format json):", StringComparison.Ordinal) + "--format json):".Length)..report.LastIndexOf("Replay", StringComparison.Ordinal)];
        Assert.Equal(Case, BorrowerCase.FromJson(json));
    }
}
