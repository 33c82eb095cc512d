using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using NodaTime;

namespace Negotiation.Core.Assessments;

/// <summary>The rule-set parameters the assessment needs, read once per rule set.</summary>
internal sealed record AssessmentSettings(int GracePeriodDays, int MaxInstalmentMonths, decimal AffordableShare, int NegativeRecordYears, int FollowUpDays, int ComplaintResponseDays)
{
    public static AssessmentSettings From(IReadOnlyDictionary<string, decimal> parameters) => new(
        (int)parameters["gracePeriodDays"],
        (int)parameters["maxInstalmentMonths"],
        parameters["affordableShare"],
        (int)parameters["negativeRecordYears"],
        (int)parameters["followUpDays"],
        (int)parameters["complaintResponseDays"]);
}

/// <summary>Derives the <see cref="Assessment"/> of a case with the calculators; every figure comes from them.</summary>
internal static class Assessor
{
    private static readonly HashSet<HardshipCause> Temporary =
        [HardshipCause.Oversight, HardshipCause.TemporaryCashShortfall, HardshipCause.UnexpectedExpense, HardshipCause.FamilyEmergency];

    private static readonly HashSet<HardshipCause> Lasting =
        [HardshipCause.IncomeDrop, HardshipCause.JobLoss, HardshipCause.Illness, HardshipCause.BusinessFailure];

    public static Assessment Assess(BorrowerCase c, AssessmentSettings settings)
    {
        var account = c.Account;
        var asOf = c.AsOf;
        var decimals = Currencies.TryGetMinorUnit(c.Currency, out var minor) ? minor : 2;
        var grace = account.GracePeriodDays ?? settings.GracePeriodDays;
        var daysPastDue = Delinquency.DaysPastDue(account.DueDate, asOf);
        var graceEndsOn = account.DueDate.PlusDays(grace);
        var inGrace = Delinquency.IsInGracePeriod(account.DueDate, asOf, grace);
        var isBank = c.Lender.Kind == LenderKind.BankCard;
        var rate = account.AnnualRate ?? 0m;

        var budget = c.Finances is { } finances ? Affordability.Assess(finances) : null;
        var affordable = budget?.AffordableInstalment(settings.AffordableShare, decimals) ?? 0m;
        var disposable = budget?.DisposableIncome ?? 0m;
        var savings = c.Finances?.Savings ?? 0m;
        var accrued = account.Interest + account.Fees + account.PenaltyInterest;
        var largestFlexible = c.Finances?.Expenses.Where(e => !e.IsEssential)
            .GroupBy(e => e.Category).Select(g => (Category: g.Key, Amount: g.Sum(e => e.Monthly)))
            .OrderByDescending(x => x.Amount).ThenBy(x => x.Category).FirstOrDefault();

        var attempts = c.Attempts;
        var last = attempts.Count == 0 ? null : attempts.OrderBy(a => a.On).Last();
        var firstComplaint = attempts.Where(a => a.Channel == ContactChannel.Complaint).Select(a => (LocalDate?)a.On).Min();
        var pendingPromises = attempts.SelectMany(a => a.Promises).Where(p => p.By >= asOf).Select(p => p.By).ToList();
        var offers = c.Offers;

        decimal Cents(decimal amount) => Currencies.ToMinorUnit(amount, decimals);

        return new Assessment
        {
            AsOf = asOf,
            Currency = c.Currency,
            DueDate = account.DueDate,
            DaysPastDue = daysPastDue,
            GracePeriodDays = grace,
            GraceEndsOn = graceEndsOn,
            InGracePeriod = inGrace,
            IsLastDayOfGrace = inGrace && asOf == graceEndsOn,
            IsOverdue = daysPastDue > 0,
            IsBeyondGrace = daysPastDue > grace,
            DelinquencyBucket = CaseJson.EnumName(Delinquency.Bucket(daysPastDue)),
            AssetTier = CaseJson.EnumName(Delinquency.Tier(daysPastDue, isBank ? AssetTierBands.PrcCard : AssetTierBands.PrcGeneral)),
            AllocationOrder = CaseJson.EnumName(Delinquency.Allocation(daysPastDue)),
            IsFirstOverdue = Delinquency.IsFirstOverdue(c.History, account.DueDate, grace, asOf),
            OnTimeRatio = Ratio(Delinquency.OnTimeRatio(c.History, grace, asOf) ?? 1m),
            HistoryCount = c.History.Count,
            EarlierLatePayments = c.History.Count(r => r.DueDate < account.DueDate && Delinquency.IsLate(r, grace, asOf)),

            Principal = Cents(account.Principal),
            Interest = Cents(account.Interest),
            Fees = Cents(account.Fees),
            PenaltyInterest = Cents(account.PenaltyInterest),
            FeesAndPenalties = Cents(account.Fees + account.PenaltyInterest),
            FeesAndPenaltiesShare = Ratio(Charges.FeesAndPenaltiesShare(account) ?? 0m),
            TotalOwed = Cents(account.TotalOwed),
            AmountDue = Cents(account.AmountDue),
            RateKnown = account.AnnualRate is not null,
            AnnualRate = rate,
            PenaltyDailyRate = account.PenaltyDailyRate ?? 0m,
            CostOfWaiting30Days = Cents(Charges.CostOfWaiting(account, 30, decimals: decimals)),

            HasFinances = budget is not null,
            MonthlyIncome = Cents(budget?.MonthlyIncome ?? 0m),
            StableIncome = Cents(budget?.StableIncome ?? 0m),
            EssentialExpenses = Cents(budget?.EssentialExpenses ?? 0m),
            FlexibleExpenses = Cents(budget?.FlexibleExpenses ?? 0m),
            OtherDebtPayments = Cents(budget?.OtherDebtPayments ?? 0m),
            DisposableIncome = Cents(disposable),
            Savings = Cents(savings),
            HasIncome = budget?.MonthlyIncome > 0,
            DebtServiceRatio = Ratio(budget?.DebtServiceRatioWith(account.AmountDue) ?? 0m),
            AffordableInstalment = Cents(affordable),
            CanPayAmountDueNow = budget is not null && savings + Math.Max(0m, disposable) >= account.AmountDue,
            CanPayAllNow = budget is not null && savings >= account.TotalOwed,
            MonthsToClear = affordable > 0 ? Affordability.MonthsToClear(account.TotalOwed, affordable, Math.Min(rate, Schedules.MaxAnnualRate)) ?? 0 : 0,
            AffordablePlanMonths = PlanMonths(account.Principal, accrued, rate, affordable, settings.MaxInstalmentMonths, decimals),
            BeyondAnyPlan = budget is not null && affordable * settings.MaxInstalmentMonths < account.TotalOwed,
            LargestFlexibleCategory = largestFlexible is { Amount: > 0 } lf ? CaseJson.EnumName(lf.Category) : "",
            LargestFlexibleAmount = Cents(largestFlexible?.Amount ?? 0m),

            LenderKind = CaseJson.EnumName(c.Lender.Kind),
            LenderIsBank = isBank,
            LenderName = c.Lender.Name ?? "",
            HardshipCause = CaseJson.EnumName(c.Hardship.Cause),
            HardshipIsTemporary = Temporary.Contains(c.Hardship.Cause),
            HardshipIsLasting = Lasting.Contains(c.Hardship.Cause),
            HardshipExpectedMonths = c.Hardship.ExpectedMonths ?? 0,
            Goal = CaseJson.EnumName(c.Goal),
            SuspectedMaliciousOverdraft = c.Conduct.SuspectedMaliciousOverdraft,
            BrokenPromises = c.Conduct.BrokenPromises,
            Contactable = c.Conduct.Contactable,
            HasDisputedCharges = c.DisputedCharges.Count > 0,
            DisputedAmount = Cents(c.DisputedCharges.Sum(d => d.Amount)),
            Documents = new ValueList<string>(c.Documents.Select(d => CaseJson.EnumName(d)).Distinct()),

            AttemptCount = attempts.Count,
            FailedAttempts = attempts.Count(a => a.Outcome is AttemptOutcome.Rejected or AttemptOutcome.NoResponse),
            LastAttemptOutcome = last is null ? "none" : CaseJson.EnumName(last.Outcome),
            DaysSinceLastAttempt = last is null ? 0 : Period.DaysBetween(last.On, asOf),
            HasComplained = firstComplaint is not null,
            DaysSinceComplaint = firstComplaint is { } fc ? Period.DaysBetween(fc, asOf) : 0,
            HasContactedRegulator = attempts.Any(a => a.Channel == ContactChannel.Regulator),
            HasTriedMediation = attempts.Any(a => a.Channel == ContactChannel.Mediation),
            HasWrittenConfirmation = attempts.Any(a => a.InWriting && a.Outcome is AttemptOutcome.Accepted or AttemptOutcome.PartiallyAccepted),
            HasPendingPromise = pendingPromises.Count > 0,
            NextPromiseDue = pendingPromises.Count > 0 ? pendingPromises.Min() : asOf,

            OfferCount = offers.Count,
            HasThirdPartyOffer = offers.Any(o => o.From is OfferSource.ThirdParty or OfferSource.Unknown),
            OfferAsksUpfrontFee = offers.Any(o => o.UpfrontFee > 0),
            LargestUpfrontFee = Cents(offers.Count == 0 ? 0m : offers.Max(o => o.UpfrontFee)),
            OfferAsksVerificationCode = offers.Any(o => o.AsksForVerificationCode),
            OfferAsksPassword = offers.Any(o => o.AsksForPassword),
            OfferAsksPersonalAccount = offers.Any(o => o.AsksPaymentToPersonalAccount),
            OfferPromisesRecordRemoval = offers.Any(o => o.PromisesCreditRecordRemoval),
            HasUnwrittenOffer = offers.Any(o => o.From != OfferSource.LenderOfficial && !o.InWriting),

            NegativeRecordClearsOn = CreditRecord.ExpectedClearDate(asOf, settings.NegativeRecordYears),
            NextFollowUp = asOf.PlusDays(settings.FollowUpDays),
            ComplaintAnswerDue = (firstComplaint ?? asOf).PlusDays(settings.ComplaintResponseDays),
        };
    }

    /// <summary>Ratios are shown as fractions to four places (basis points): enough for a percentage with two decimals.</summary>
    private static decimal Ratio(decimal fraction) => Math.Round(fraction, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The monthly payment of a plan of <paramref name="months"/>: the principal amortised at the contract
    /// rate plus an equal share of what has accrued (interest, fees, penalty interest), which bears no interest.
    /// </summary>
    public static decimal PlanPayment(decimal principal, decimal accrued, decimal annualRate, int months, int decimals) =>
        (principal > 0 ? Schedules.InstalmentAmount(principal, Math.Min(annualRate, Schedules.MaxAnnualRate), months, decimals) : 0m) +
        Money.Round(accrued / months, decimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>The shortest plan, up to <paramref name="maxMonths"/>, whose payment fits <paramref name="affordable"/>; 0 when none does.</summary>
    private static int PlanMonths(decimal principal, decimal accrued, decimal annualRate, decimal affordable, int maxMonths, int decimals)
    {
        if (affordable <= 0 || principal + accrued <= 0 || PlanPayment(principal, accrued, annualRate, maxMonths, decimals) > affordable)
        {
            return 0;
        }

        // The payment falls as the term grows, so the shortest fitting term is found by bisection.
        int low = 1, high = maxMonths;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (PlanPayment(principal, accrued, annualRate, middle, decimals) <= affordable)
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
