using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Cases;

/// <summary>Any valid case, written to JSON and read back, is equal to itself.</summary>
public sealed class CaseRoundTripProperties
{
    [Property(MaxTest = 300)]
    public Property Valid_generated_case_survives_a_json_round_trip() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var json = c.ToJson();
            var again = BorrowerCase.FromJson(json);
            return again.Equals(c) && again.ToJson() == json;
        });
}

/// <summary>Generators of valid cases: every value within the reader's bounds, every date on or before asOf.</summary>
internal static class CaseGenerators
{
    private static readonly LocalDate Epoch = new(2015, 1, 1);

    public static Gen<decimal> Money(decimal max) =>
        Gen.Choose(0, int.MaxValue).Select(n => decimal.Round(n % (max * 100 + 1) / 100m, 2));

    public static Gen<LocalDate> DateUpTo(LocalDate last) =>
        Gen.Choose(0, Period.DaysBetween(Epoch, last)).Select(Epoch.PlusDays);

    private static Gen<LocalDate?> MaybeDateUpTo(LocalDate last) =>
        Gen.Elements(true, false).SelectMany(has => has ? DateUpTo(last).Select(d => (LocalDate?)d) : Gen.Constant<LocalDate?>(null));

    public static Gen<T> OneOf<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    public static Gen<ValueList<T>> ListOf<T>(Gen<T> item, int max) =>
        Gen.Choose(0, max).SelectMany(n => item.ArrayOf(n)).Select(items => new ValueList<T>(items));

    private static Gen<string?> Text() =>
        Gen.Elements<string?>(null, "salary", "享花卡", "租金 rent", "a \"quoted\" note\nwith a line break", "emoji 🙂", "");

    public static Gen<BorrowerCase> ValidCase() =>
        from asOf in Gen.Choose(0, 4000).Select(d => Epoch.PlusDays(365 + d))
        from principal in Money(500_000m)
        from interest in Money(5_000m)
        from fees in Money(1_000m)
        from penalty in Money(1_000m)
        from rate in Gen.Elements<decimal?>(null, 0m, 0.0365m, 0.18m, 0.2399m, 0.36m)
        from dailyRate in Gen.Elements<decimal?>(null, 0m, 0.0005m, 0.00035m)
        from dueDate in DateUpTo(asOf.PlusDays(60))
        from share in Gen.Choose(0, 100)
        from grace in Gen.Elements<int?>(null, 0, 3, 5)
        from kind in OneOf<LenderKind>()
        from name in Text()
        from history in ListOf(Record(asOf), 8)
        from finances in Gen.Elements(true, false).SelectMany(has => has ? FinancesGen().Select(f => (Finances?)f) : Gen.Constant<Finances?>(null))
        from cause in OneOf<HardshipCause>()
        from since in MaybeDateUpTo(asOf)
        from expected in Gen.Elements<int?>(null, 0, 3, 12)
        from affects in OneOf<HardshipAffects>()
        from goal in OneOf<NegotiationGoal>()
        from conduct in from m in Gen.Elements(true, false) from b in Gen.Choose(0, 5) from r in Gen.Elements(true, false)
                        select new Conduct { SuspectedMaliciousOverdraft = m, BrokenPromises = b, Contactable = r }
        from disputes in ListOf(from d in Text() from a in Money(500m) select new DisputedCharge { Description = d ?? "", Amount = a }, 3)
        from documents in ListOf(OneOf<DocumentKind>(), 5)
        from attempts in ListOf(Attempt(asOf), 4)
        from offers in ListOf(Offer(), 3)
        from borrowed in Gen.Elements<decimal?>(null, 100m, 2500.5m)
        from chargesPaid in Gen.Elements<decimal?>(null, 0m, 37.25m)
        from stopped in MaybeDateUpTo(asOf)
        let total = principal + interest + fees + penalty
        let account = new Account
        {
            Principal = principal == 0 && total == 0 ? 1m : principal,
            Interest = interest,
            Fees = fees,
            PenaltyInterest = penalty,
            AnnualRate = rate,
            PenaltyDailyRate = dailyRate,
            DueDate = dueDate,
            AmountDue = decimal.Round(Math.Max(total, 1m) * share / 100m, 2),
            GracePeriodDays = grace,
            AmountBorrowed = borrowed,
            ChargesPaid = chargesPaid,
            InterestStoppedOn = stopped,
        }
        select new BorrowerCase
        {
            AsOf = asOf,
            Currency = "CNY",
            Lender = new Lender { Name = name, Kind = kind },
            Account = account,
            History = new ValueList<RepaymentRecord>(history.DistinctBy(h => h.DueDate)),
            Finances = finances,
            Hardship = new Hardship { Cause = cause, Since = since, ExpectedMonths = expected, Affects = affects },
            Goal = goal,
            Conduct = conduct,
            DisputedCharges = disputes,
            Documents = documents,
            Attempts = attempts,
            Offers = offers,
        };

    private static Gen<RepaymentRecord> Record(LocalDate asOf) =>
        from due in DateUpTo(asOf)
        from amount in Money(5_000m)
        from paid in Gen.Elements(true, false)
        from paidDay in DateUpTo(asOf)
        from paidAmount in Money(5_000m)
        select new RepaymentRecord
        {
            DueDate = due,
            AmountDue = amount,
            PaidOn = paid ? paidDay : null,
            AmountPaid = paid ? paidAmount : null,
        };

    private static Gen<Finances> FinancesGen() =>
        from income in ListOf(from s in Text() from m in Money(50_000m) from st in Gen.Elements(true, false)
                              select new IncomeSource { Source = s, Monthly = m, Stable = st }, 3)
        from expenses in ListOf(from c in OneOf<ExpenseCategory>() from m in Money(10_000m) select new Expense { Category = c, Monthly = m }, 6)
        from debts in ListOf(from l in Text() from m in Money(5_000m) from b in Money(100_000m)
                             select new OtherDebt { Lender = l, MonthlyPayment = m, Balance = b }, 3)
        from savings in Money(100_000m)
        from share in Gen.Choose(0, 100)
        from payday in Gen.Elements<int?>(null, 1, 15, 31)
        from lumps in ListOf(from a in Money(50_000m) from d in Gen.Choose(1, 400) from s in Text() from sure in Gen.Elements(true, false)
                             select new LumpSum { Amount = a, On = new LocalDate(2030, 1, 1).PlusDays(d), Source = s, Confirmed = sure }, 2)
        select new Finances { Income = income, Expenses = expenses, OtherDebts = debts, Savings = savings, SavingsReserved = Math.Round(savings * share / 100m, 2, MidpointRounding.ToZero), Payday = payday, LumpSums = lumps };

    private static Gen<NegotiationAttempt> Attempt(LocalDate asOf) =>
        from day in DateUpTo(asOf)
        from channel in OneOf<ContactChannel>()
        from requested in Gen.Elements<RequestType?>(null, RequestType.Extension, RequestType.FeeWaiver, RequestType.InstalmentPlan)
        from outcome in OneOf<AttemptOutcome>()
        from written in Gen.Elements(true, false)
        from reference in Text()
        from promises in ListOf(from w in Text() from d in Gen.Choose(0, 90) select new Promise { What = w ?? "pay", By = day.PlusDays(d) }, 2)
        from monthly in Gen.Elements<decimal?>(null, 0m, 150m, 4_143.36m)
        from answerIn in Gen.Elements<int?>(null, 0, 14)
        select new NegotiationAttempt
        {
            On = day, Channel = channel, Requested = requested, Outcome = outcome, InWriting = written, Reference = reference, Promises = promises,
            MonthlyPayment = monthly, AnswerBy = answerIn is { } days ? day.PlusDays(days) : null,
        };

    private static Gen<ReceivedOffer> Offer() =>
        from source in OneOf<OfferSource>()
        from fee in Money(2_000m)
        from flags in Gen.Choose(0, 31)
        from description in Text()
        from amount in Gen.Elements<decimal?>(null, 18_000m, 420.5m)
        from deadline in Gen.Elements<LocalDate?>(null, new LocalDate(2026, 12, 15))
        from kind in OneOf<OfferKind>()
        select new ReceivedOffer
        {
            Kind = kind,
            From = source,
            UpfrontFee = fee,
            AsksForVerificationCode = (flags & 1) != 0,
            AsksForPassword = (flags & 2) != 0,
            AsksPaymentToPersonalAccount = (flags & 4) != 0,
            PromisesCreditRecordRemoval = (flags & 8) != 0,
            InWriting = (flags & 16) != 0,
            Description = description,
            Amount = amount,
            Deadline = deadline,
        };
}
