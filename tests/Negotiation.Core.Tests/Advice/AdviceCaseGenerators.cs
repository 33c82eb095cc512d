using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Negotiation.Core.Cases;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Negotiation.Core.Tests.Advice;

/// <summary>
/// A generated case, shown as its JSON on one line: FsCheck prints a counterexample with <see cref="ToString"/>, so what
/// it prints can be saved as a file and given to <c>negotiation advise</c>.
/// </summary>
/// <param name="Case">The case, as <see cref="BorrowerCase.FromJson"/> read it.</param>
/// <param name="Drawn">Whether the generator drew it (every property sees the same drawn cases) rather than a shrinker making it.</param>
public sealed record AdviceCase(BorrowerCase Case, bool Drawn)
{
    /// <summary>Gets the case's JSON on one line, as <c>negotiation advise</c> reads it.</summary>
    public override string ToString() => ExactJson.Parse(Case.ToJson()).ToString(Formatting.None);
}

/// <summary>Reads JSON keeping numbers as decimals and dates as the text they are, so that what is written back is what was read.</summary>
internal static class ExactJson
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}

/// <summary>
/// Realistic Chinese consumer-credit cases (CNY, amounts in cents) for the advice invariants: asOf in Nov–Dec 2026, a
/// due date up to 250 days back or 20 days ahead, principal 500–500,000 with charges usually small and sometimes up to
/// twice the principal, a rate unknown / 0 / 3.6–36 %, the amount due above 0 and within what is owed, a history of
/// monthly instalments before the due date (some late), finances unknown or a budget (zero income, surplus and deficit
/// alike), any hardship and goal, mostly clean conduct, a few earlier attempts and, now and then, an offer. Every case
/// is written to JSON and read back with <see cref="BorrowerCase.FromJson"/>, so it is one the reader accepts; no date
/// in it is after asOf but the due date.
/// </summary>
internal static class AdviceCaseGenerators
{
    private static readonly LocalDate FirstAsOf = new(2026, 11, 1);
    private static readonly LocalDate LastAsOf = new(2026, 12, 31);

    private static readonly string?[] LenderNames = [null, "招商银行信用卡", "花呗", "借呗", "京东白条", "马上消费金融", "微粒贷", "享花卡"];
    private static readonly string?[] IncomeNames = [null, "工资 salary", "兼职 part-time", "外卖配送 delivery", "家人资助 family help", "经营收入 shop"];
    private static readonly string?[] DebtNames = [null, "房贷 mortgage", "车贷 car loan", "信用卡 card", "网贷 online loan"];

    /// <summary>The cases drawn so far, by the seed they were drawn from.</summary>
    private static readonly ConcurrentDictionary<ulong, AdviceCase> Drawn = new();

    /// <summary>
    /// Gets the arbitrary of generated cases, with a shrinker that keeps every candidate valid. A case is drawn from a
    /// seed that FsCheck draws: properties run with the same replay seed draw the same seeds and get the same case
    /// objects back, built once (drawing and reading back a case costs about as much as checking it).
    /// </summary>
    public static Arbitrary<AdviceCase> Cases { get; } = Arb.From(
        Gen.Choose(0, int.MaxValue).Two().Select(s => Drawn.GetOrAdd(((ulong)(uint)s.Item1 << 32) | (uint)s.Item2, Draw)),
        a => Shrink(a.Case).Select(c => new AdviceCase(c, Drawn: false)));

    private static AdviceCase Draw(ulong seed) => new(Gen.Sample(Case(), 1, new Rnd(seed), 50)[0], Drawn: true);

    /// <summary>An amount in cents between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static Gen<decimal> Between(decimal min, decimal max) =>
        Gen.Choose((int)(min * 100), (int)(max * 100)).Select(cents => cents / 100m);

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] choices) => Gen.Frequency(choices);

    private static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    /// <summary>Most principals are a round figure, the rest to the cent; spread over three orders of magnitude.</summary>
    private static Gen<decimal> Principal =>
        from amount in Weighted((3, Between(500m, 5_000m)), (4, Between(5_000m, 50_000m)), (2, Between(50_000m, 500_000m)))
        from round in Chance(60)
        select round ? Math.Max(500m, Math.Round(amount / 100m) * 100m) : amount;

    /// <summary>A charge as a share of the principal: often none, usually up to a fifth, sometimes up to twice the principal.</summary>
    private static Gen<decimal> Charge(decimal principal) =>
        Weighted(
            (4, Gen.Constant(0m)),
            (6, Gen.Choose(0, 2_000).Select(bp => Cents(principal * bp / 10_000m))),
            (1, Gen.Choose(0, 20_000).Select(bp => Cents(principal * bp / 10_000m))));

    private static Gen<decimal?> AnnualRate =>
        Weighted(
            (2, Gen.Constant<decimal?>(null)),
            (1, Gen.Constant<decimal?>(0m)),
            (2, Gen.Elements<decimal?>(0.036m, 0.0728m, 0.12m, 0.18m, 0.24m, 0.2399m, 0.36m)),
            (3, Gen.Choose(360, 3_600).Select(r => (decimal?)(r / 10_000m))));

    /// <summary>The amount due: usually an instalment of the total, sometimes all of it, sometimes any share; above 0, within the total.</summary>
    private static Gen<decimal> AmountDue(decimal total) =>
        Weighted(
            (4, Gen.Choose(2, 36).Select(n => total / n)),
            (1, Gen.Constant(total)),
            (2, Gen.Choose(1, 100).Select(p => total * p / 100m)))
        .Select(a => Math.Clamp(Math.Round(a, 2, MidpointRounding.ToZero), 0.01m, total));

    private static Gen<LocalDate> DaysBefore(LocalDate day, int maxDays) => Gen.Choose(0, maxDays).Select(d => day.PlusDays(-d));

    /// <summary>A generated case.</summary>
    public static Gen<BorrowerCase> Case() =>
        from asOf in Gen.Choose(0, Period.DaysBetween(FirstAsOf, LastAsOf)).Select(FirstAsOf.PlusDays)
        from dueOffset in Weighted((2, Gen.Choose(0, 30)), (3, Gen.Choose(0, 250)), (1, Gen.Choose(-20, -1)))
        let dueDate = asOf.PlusDays(-dueOffset)
        from principal in Principal
        from interest in Charge(principal)
        from fees in Charge(principal)
        from penalty in Charge(principal)
        let total = principal + interest + fees + penalty
        from rate in AnnualRate
        from dailyRate in Weighted((3, Gen.Constant<decimal?>(null)), (2, Gen.Elements<decimal?>(0m, 0.0005m, 0.00035m)))
        from grace in Weighted((5, Gen.Constant<int?>(null)), (1, Gen.Elements<int?>(0, 3, 5)))
        from product in Weighted((6, Gen.Constant<ProductKind?>(null)), (1, Gen.Elements(Enum.GetValues<ProductKind>()).Select(k => (ProductKind?)k)))
        from borrowed in Weighted((3, Gen.Constant<decimal?>(null)), (1, Gen.Choose(100, 200).Select(p => (decimal?)Cents(principal * p / 100m))))
        from chargesPaid in Weighted((3, Gen.Constant<decimal?>(null)), (1, Gen.Choose(0, 120).Select(p => (decimal?)Cents(principal * p / 100m))))
        from amountDue in AmountDue(total)
        from kind in Gen.Elements(Enum.GetValues<LenderKind>())
        from name in Gen.Elements(LenderNames)
        from history in History(asOf, dueDate, amountDue)
        from finances in Weighted((1, Gen.Constant<Finances?>(null)), (3, Finances(total).Select(f => (Finances?)f)))
        from lumps in Weighted((5, Gen.Constant(ValueList<LumpSum>.Empty)), (1, Gen.Choose(1, 2).SelectMany(n => LumpSum(asOf, total).ArrayOf(n)).Select(l => new ValueList<LumpSum>(l))))
        from hardship in Hardship(asOf, budgeted: finances is not null)
        from goal in Weighted((5, Gen.Constant(NegotiationGoal.Auto)), (5, Gen.Elements(Enum.GetValues<NegotiationGoal>())))
        from conduct in Weighted((8, Gen.Constant(new Conduct())), (2, Conduct()))
        from disputes in Weighted((19, Gen.Constant(ValueList<DisputedCharge>.Empty)), (1, Dispute().Select(d => new ValueList<DisputedCharge>([d]))))
        from documents in Weighted((1, Gen.Constant(ValueList<DocumentKind>.Empty)), (2, Gen.SubListOf(Enum.GetValues<DocumentKind>()).Select(d => new ValueList<DocumentKind>(d))))
        from attempts in Weighted((6, Gen.Constant(ValueList<NegotiationAttempt>.Empty)), (4, Gen.Choose(1, 3).SelectMany(n => Attempt(asOf).ArrayOf(n)).Select(a => new ValueList<NegotiationAttempt>(a))))
        from offers in Weighted((9, Gen.Constant(ValueList<ReceivedOffer>.Empty)), (1, Gen.Choose(1, 2).SelectMany(n => Offer(asOf).ArrayOf(n)).Select(o => new ValueList<ReceivedOffer>(o))))
        select Read(new BorrowerCase
        {
            AsOf = asOf,
            Currency = "CNY",
            Lender = new Lender { Name = name, Kind = kind },
            Account = new Account
            {
                Principal = principal, Interest = interest, Fees = fees, PenaltyInterest = penalty, AnnualRate = rate,
                PenaltyDailyRate = dailyRate, DueDate = dueDate, AmountDue = amountDue, GracePeriodDays = grace,
                Product = product, AmountBorrowed = borrowed, ChargesPaid = chargesPaid,
            },
            History = history,
            Finances = finances is null ? null : finances with { LumpSums = lumps },
            Hardship = hardship,
            Goal = goal,
            Conduct = conduct,
            DisputedCharges = disputes,
            Documents = documents,
            Attempts = attempts,
            Offers = offers,
        });

    /// <summary>The case as the reader gives it back from its JSON: throws, naming every problem, if the JSON is not a valid case.</summary>
    public static BorrowerCase Read(BorrowerCase c) => BorrowerCase.FromJson(c.ToJson());

    /// <summary>Empty, or 1–12 monthly instalments before the due date (mostly paid on time, some late, a few unpaid), sometimes with the current one, unpaid.</summary>
    private static Gen<ValueList<RepaymentRecord>> History(LocalDate asOf, LocalDate dueDate, decimal amountDue) =>
        from count in Weighted((4, Gen.Constant(0)), (6, Gen.Choose(1, 12)))
        from earlier in Gen.CollectToArray(Enumerable.Range(1, count), k => Instalment(asOf, dueDate.PlusMonths(-k), amountDue))
        from withCurrent in Chance(15)
        select new ValueList<RepaymentRecord>(withCurrent && dueDate <= asOf
            ? [.. earlier, new RepaymentRecord { DueDate = dueDate, AmountDue = amountDue }]
            : earlier);

    private static Gen<RepaymentRecord> Instalment(LocalDate asOf, LocalDate due, decimal amount) =>
        from status in Weighted((7, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from early in Gen.Choose(0, 5)
        from late in Gen.Choose(1, 40)
        from partial in Chance(10)
        let paidOn = status == 0 ? due.PlusDays(-early) : Min(due.PlusDays(late), asOf)
        select status == 2
            ? new RepaymentRecord { DueDate = due, AmountDue = amount }
            : new RepaymentRecord { DueDate = due, AmountDue = amount, PaidOn = paidOn, AmountPaid = partial ? Cents(amount / 2) : amount };

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    /// <summary>A budget: income (none, zero, stable or not), essential and flexible expenses, other debts, savings from none to more than is owed.</summary>
    private static Gen<Finances> Finances(decimal total) =>
        from income in Weighted((1, Gen.Constant(0)), (5, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3))).SelectMany(n => Income().ArrayOf(n))
        from expenses in Gen.Choose(0, 6).SelectMany(n => Expense().ArrayOf(n))
        from debts in Weighted((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Choose(2, 3))).SelectMany(n => Debt().ArrayOf(n))
        from savings in Weighted(
            (3, Gen.Constant(0m)),
            (4, Gen.Choose(0, 50).Select(p => Cents(total * p / 100m))),
            (2, Gen.Choose(0, 100).Select(p => Cents(total * p / 100m))),
            (1, Gen.Choose(100, 200).Select(p => Cents(total * p / 100m))))
        from payday in Weighted((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 31).Select(d => (int?)d)))
        select new Finances
        {
            Income = new ValueList<IncomeSource>(income),
            Expenses = new ValueList<Expense>(expenses),
            OtherDebts = new ValueList<OtherDebt>(debts),
            Savings = savings,
            Payday = payday,
        };

    private static Gen<IncomeSource> Income() =>
        from source in Gen.Elements(IncomeNames)
        from monthly in Weighted((1, Gen.Constant(0m)), (1, Between(0m, 1_000m)), (8, Between(1_000m, 40_000m)))
        from stable in Chance(70)
        select new IncomeSource { Source = source, Monthly = Math.Round(monthly, 0), Stable = stable };

    private static Gen<Expense> Expense() =>
        from category in Gen.Elements(Enum.GetValues<ExpenseCategory>())
        from monthly in Weighted((1, Gen.Constant(0m)), (6, Between(50m, 2_500m)), (2, Between(2_500m, 9_000m)))
        select new Expense { Category = category, Monthly = Math.Round(monthly, 0) };

    private static Gen<OtherDebt> Debt() =>
        from lender in Gen.Elements(DebtNames)
        from monthly in Between(0m, 5_000m)
        from balance in Between(0m, 200_000m)
        select new OtherDebt { Lender = lender, MonthlyPayment = monthly, Balance = balance };

    private static Gen<Hardship> Hardship(LocalDate asOf, bool budgeted) =>
        from cause in Gen.Elements(Enum.GetValues<HardshipCause>())
        from expected in Weighted((3, Gen.Constant<int?>(null)), (7, Gen.Choose(0, 24).Select(m => (int?)m)))
        from since in Weighted((1, Gen.Constant<LocalDate?>(null)), (1, DaysBefore(asOf, 365).Select(d => (LocalDate?)d)))
        from after in Weighted((3, Gen.Constant<decimal?>(null)), (1, Between(0m, 30_000m).Select(m => (decimal?)Math.Round(m, 0))))
        from affects in Gen.Elements(Enum.GetValues<HardshipAffects>())
        select new Hardship
        {
            Cause = cause, ExpectedMonths = expected, Since = since, IncomeAfter = budgeted && expected > 0 ? after : null,
            Affects = affects,
        };

    private static Gen<Conduct> Conduct() =>
        from malicious in Chance(30)
        from broken in Weighted((2, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        from contactable in Chance(70)
        select new Conduct { SuspectedMaliciousOverdraft = malicious, BrokenPromises = broken, Contactable = contactable };

    private static Gen<DisputedCharge> Dispute() =>
        from description in Gen.Elements("重复扣款 double charge", "未授权的年费 unauthorised annual fee", "分期手续费 instalment fee")
        from amount in Between(10m, 2_000m)
        select new DisputedCharge { Description = description, Amount = amount };

    /// <summary>An earlier contact in the last 90 days; an accepted one is usually confirmed in writing and names what was asked.</summary>
    private static Gen<NegotiationAttempt> Attempt(LocalDate asOf) =>
        from day in DaysBefore(asOf, 90)
        from channel in Weighted((4, Gen.Elements(ContactChannel.Phone, ContactChannel.AppChat)), (1, Gen.Elements(Enum.GetValues<ContactChannel>())))
        from requested in Weighted((1, Gen.Constant<RequestType?>(null)), (3, Gen.Elements(Enum.GetValues<RequestType>()).Select(t => (RequestType?)t)))
        from outcome in Weighted((2, Gen.Constant(AttemptOutcome.Accepted)), (2, Gen.Constant(AttemptOutcome.Rejected)), (2, Gen.Elements(Enum.GetValues<AttemptOutcome>())))
        from written in Chance(outcome == AttemptOutcome.Accepted ? 70 : 20)
        from reference in Gen.Elements<string?>(null, "CS-20261105-0183", "工单 88231")
        from promised in Chance(25)
        from promiseDays in Gen.Choose(0, 30)
        from monthly in Weighted((3, Gen.Constant<decimal?>(null)), (1, Between(50m, 5_000m).Select(m => (decimal?)m)))
        select new NegotiationAttempt
        {
            On = day,
            Channel = channel,
            Requested = requested,
            Outcome = outcome,
            InWriting = written,
            Reference = reference,
            Promises = promised ? [new Promise { What = "pay the amount due", By = Min(day.PlusDays(promiseDays), asOf) }] : ValueList<Promise>.Empty,
            MonthlyPayment = requested is null ? null : monthly,
        };

    private static Gen<LumpSum> LumpSum(LocalDate asOf, decimal total) =>
        from days in Gen.Choose(1, 120)
        from share in Gen.Choose(5, 150)
        from confirmed in Gen.Elements(true, true, false)
        select new LumpSum { Amount = Cents(Math.Max(1m, total * share / 100m)), On = asOf.PlusDays(days), Confirmed = confirmed, Source = "bonus" };

    private static Gen<ReceivedOffer> Offer(LocalDate asOf) =>
        from source in Gen.Elements(Enum.GetValues<OfferSource>())
        from amount in Weighted((1, Gen.Constant<decimal?>(null)), (1, Between(100m, 30_000m).Select(a => (decimal?)a)))
        from deadline in Weighted((1, Gen.Constant<LocalDate?>(null)), (1, Gen.Choose(-10, 40).Select(d => (LocalDate?)asOf.PlusDays(d))))
        from fee in Weighted((2, Gen.Constant(0m)), (1, Between(100m, 3_000m)))
        from flags in Gen.Choose(0, 31)
        from description in Gen.Elements<string?>(null, "债务优化 debt optimisation", "停息挂账 stop the interest", "官方分期方案 official plan")
        from kind in Weighted((2, Gen.Constant(OfferKind.Unknown)), (1, Gen.Elements(Enum.GetValues<OfferKind>())))
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

    // ---- shrinking: simpler cases that are still valid, so that a counterexample reads like a story ----

    /// <summary>
    /// Simpler versions of <paramref name="c"/>: lists emptied or one item shorter, the budget dropped or simplified,
    /// optional parts back to their defaults, charges dropped and amounts rounded. Each candidate differs from the case
    /// and is read back from its JSON; a candidate the reader refuses is left out.
    /// </summary>
    public static IEnumerable<BorrowerCase> Shrink(BorrowerCase c)
    {
        foreach (var candidate in Candidates(c))
        {
            var fixedUp = candidate with { Account = candidate.Account with { AmountDue = Math.Min(candidate.Account.AmountDue, candidate.Account.TotalOwed) } };
            if (fixedUp.Equals(c))
            {
                continue;
            }

            BorrowerCase read;
            try
            {
                read = Read(fixedUp);
            }
            catch (CaseValidationException)
            {
                continue;
            }

            yield return read;
        }
    }

    private static IEnumerable<BorrowerCase> Candidates(BorrowerCase c)
    {
        if (c.Finances is not null)
        {
            yield return c with { Finances = null, Hardship = c.Hardship with { IncomeAfter = null } };
        }

        foreach (var attempts in Shorter(c.Attempts))
        {
            yield return c with { Attempts = attempts };
        }

        foreach (var offers in Shorter(c.Offers))
        {
            yield return c with { Offers = offers };
        }

        foreach (var disputes in Shorter(c.DisputedCharges))
        {
            yield return c with { DisputedCharges = disputes };
        }

        foreach (var history in Shorter(c.History))
        {
            yield return c with { History = history };
        }

        if (c.Documents.Count > 0)
        {
            yield return c with { Documents = ValueList<DocumentKind>.Empty };
        }

        if (c.Conduct != new Conduct())
        {
            yield return c with { Conduct = new Conduct() };
        }

        if (c.Goal != NegotiationGoal.Auto)
        {
            yield return c with { Goal = NegotiationGoal.Auto };
        }

        if (c.Hardship.Since is not null)
        {
            yield return c with { Hardship = c.Hardship with { Since = null } };
        }

        if (c.Hardship.ExpectedMonths is not null)
        {
            yield return c with { Hardship = c.Hardship with { ExpectedMonths = null, IncomeAfter = null } };
        }

        if (c.Hardship.IncomeAfter is not null)
        {
            yield return c with { Hardship = c.Hardship with { IncomeAfter = null } };
        }

        if (c.Hardship.Cause != HardshipCause.None)
        {
            yield return c with { Hardship = c.Hardship with { Cause = HardshipCause.None } };
        }

        if (c.Lender != new Lender())
        {
            yield return c with { Lender = new Lender() };
        }

        foreach (var account in Simpler(c.Account))
        {
            yield return c with { Account = account };
        }

        if (c.Finances is { } f)
        {
            foreach (var finances in Simpler(f))
            {
                yield return c with { Finances = finances };
            }
        }
    }

    private static IEnumerable<Account> Simpler(Account a)
    {
        if (a.Interest != 0)
        {
            yield return a with { Interest = 0 };
        }

        if (a.Fees != 0)
        {
            yield return a with { Fees = 0 };
        }

        if (a.PenaltyInterest != 0)
        {
            yield return a with { PenaltyInterest = 0 };
        }

        if (a.GracePeriodDays is not null)
        {
            yield return a with { GracePeriodDays = null };
        }

        if (a.PenaltyDailyRate is not null)
        {
            yield return a with { PenaltyDailyRate = null };
        }

        foreach (var principal in Rounder(a.Principal).Where(p => p > 0))
        {
            yield return a with { Principal = principal };
        }

        foreach (var due in Rounder(a.AmountDue).Where(d => d > 0))
        {
            yield return a with { AmountDue = due };
        }
    }

    private static IEnumerable<Finances> Simpler(Finances f)
    {
        foreach (var income in Shorter(f.Income))
        {
            yield return f with { Income = income };
        }

        foreach (var expenses in Shorter(f.Expenses))
        {
            yield return f with { Expenses = expenses };
        }

        foreach (var debts in Shorter(f.OtherDebts))
        {
            yield return f with { OtherDebts = debts };
        }

        if (f.Savings != 0)
        {
            yield return f with { Savings = 0, SavingsReserved = 0 };
        }

        foreach (var savings in Rounder(f.Savings))
        {
            yield return f with { Savings = savings, SavingsReserved = Math.Min(f.SavingsReserved, savings) };
        }

        for (var i = 0; i < f.Income.Count; i++)
        {
            var at = i;
            foreach (var monthly in Rounder(f.Income[i].Monthly))
            {
                yield return f with { Income = Replace(f.Income, at, f.Income[at] with { Monthly = monthly }) };
            }
        }

        for (var i = 0; i < f.Expenses.Count; i++)
        {
            var at = i;
            foreach (var monthly in Rounder(f.Expenses[i].Monthly))
            {
                yield return f with { Expenses = Replace(f.Expenses, at, f.Expenses[at] with { Monthly = monthly }) };
            }
        }

        for (var i = 0; i < f.OtherDebts.Count; i++)
        {
            var at = i;
            if (f.OtherDebts[i].Balance != 0 || f.OtherDebts[i].Lender is not null)
            {
                yield return f with { OtherDebts = Replace(f.OtherDebts, at, f.OtherDebts[at] with { Balance = 0, Lender = null }) };
            }

            foreach (var monthly in Rounder(f.OtherDebts[i].MonthlyPayment))
            {
                yield return f with { OtherDebts = Replace(f.OtherDebts, at, f.OtherDebts[at] with { MonthlyPayment = monthly }) };
            }
        }
    }

    /// <summary>The same amount in coarser units (thousands, hundreds, whole yuan), each only when it differs.</summary>
    private static IEnumerable<decimal> Rounder(decimal amount)
    {
        foreach (var unit in new[] { 1_000m, 100m, 1m })
        {
            var rounded = Math.Round(amount / unit, MidpointRounding.AwayFromZero) * unit;
            if (rounded != amount)
            {
                yield return rounded;
            }
        }
    }

    /// <summary>The list emptied, its first half dropped, and each item left out in turn.</summary>
    private static IEnumerable<ValueList<T>> Shorter<T>(ValueList<T> list)
    {
        if (list.Count == 0)
        {
            yield break;
        }

        yield return ValueList<T>.Empty;
        if (list.Count > 2)
        {
            yield return new ValueList<T>(list.Skip(list.Count / 2));
        }

        if (list.Count > 1)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var skip = i;
                yield return new ValueList<T>(list.Where((_, k) => k != skip));
            }
        }
    }

    private static ValueList<T> Replace<T>(ValueList<T> list, int at, T item) => new(list.Select((x, k) => k == at ? item : x));
}
