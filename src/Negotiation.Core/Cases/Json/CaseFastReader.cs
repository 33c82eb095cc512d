using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Negotiation.Core.Cases.Json;

/// <summary>
/// The fast path of <see cref="CaseReader"/>: reads plain, valid case JSON once, straight into the model, with no
/// tree in between. It reports nothing. At the first thing it does not expect (any value the full reader would
/// refuse, and anything that reader treats specially: comments, signs, exponents, leading zeros, escapes in names,
/// duplicate names, a byte-order mark, non-ASCII white space ...) it gives up, and the full reader reads the text
/// again and reports every problem with its path, line and column.
/// </summary>
/// <remarks>
/// Whatever it accepts, the full reader accepts too and reads to an equal case (DifferentialCaseReaderTests). Bounds,
/// required fields and enum names come from <see cref="CaseShape"/>, like the full reader's; only which JSON name
/// fills which model property is written out here, and <see cref="CoversModel"/> says whether that still matches.
/// </remarks>
internal static class CaseFastReader
{
    private static readonly Fields CaseFields = new(CaseShape.Root, isRoot: true,
        ["asOf", "currency", "lender", "account", "history", "finances", "hardship", "goal", "conduct", "disputedCharges", "documents", "attempts", "offers"]);

    private static readonly Fields LenderFields = Nested(CaseFields, "lender", ["name", "kind"]);

    private static readonly Fields AccountFields = Nested(CaseFields, "account",
        ["principal", "interest", "fees", "penaltyInterest", "annualRate", "penaltyDailyRate", "dueDate", "amountDue", "gracePeriodDays"]);

    private static readonly Fields RecordFields = Nested(CaseFields, "history", ["dueDate", "amountDue", "paidOn", "amountPaid"]);

    private static readonly Fields FinancesFields = Nested(CaseFields, "finances", ["income", "expenses", "otherDebts", "savings"]);

    private static readonly Fields IncomeFields = Nested(FinancesFields, "income", ["source", "monthly", "stable"]);

    private static readonly Fields ExpenseFields = Nested(FinancesFields, "expenses", ["category", "monthly"]);

    private static readonly Fields OtherDebtFields = Nested(FinancesFields, "otherDebts", ["lender", "monthlyPayment", "balance"]);

    private static readonly Fields HardshipFields = Nested(CaseFields, "hardship", ["cause", "since", "expectedMonths"]);

    private static readonly Fields ConductFields = Nested(CaseFields, "conduct", ["suspectedMaliciousOverdraft", "brokenPromises", "contactable"]);

    private static readonly Fields DisputedChargeFields = Nested(CaseFields, "disputedCharges", ["description", "amount"]);

    private static readonly Fields AttemptFields = Nested(CaseFields, "attempts", ["on", "channel", "requested", "outcome", "inWriting", "reference", "promises"]);

    private static readonly Fields PromiseFields = Nested(AttemptFields, "promises", ["what", "by"]);

    private static readonly Fields OfferFields = Nested(CaseFields, "offers",
        ["from", "upfrontFee", "asksForVerificationCode", "asksForPassword", "asksPaymentToPersonalAccount", "promisesCreditRecordRemoval", "inWriting", "description"]);

    // The model's defaults, read from the model: a property the JSON leaves out (or gives as null) keeps them.
    private static readonly BorrowerCase CaseDefaults = new();
    private static readonly Lender LenderDefaults = new();
    private static readonly Account AccountDefaults = new();
    private static readonly RepaymentRecord RecordDefaults = new();
    private static readonly Finances FinancesDefaults = new();
    private static readonly IncomeSource IncomeDefaults = new();
    private static readonly Expense ExpenseDefaults = new();
    private static readonly OtherDebt OtherDebtDefaults = new();
    private static readonly Hardship HardshipDefaults = new();
    private static readonly Conduct ConductDefaults = new();
    private static readonly DisputedCharge DisputedChargeDefaults = new();
    private static readonly NegotiationAttempt AttemptDefaults = new();
    private static readonly Promise PromiseDefaults = new();
    private static readonly ReceivedOffer OfferDefaults = new();

    /// <summary>Gets whether the names above are exactly the model's, in every object; when not, the fast path is off.</summary>
    public static bool CoversModel { get; } =
        new[]
        {
            CaseFields, LenderFields, AccountFields, RecordFields, FinancesFields, IncomeFields, ExpenseFields, OtherDebtFields,
            HardshipFields, ConductFields, DisputedChargeFields, AttemptFields, PromiseFields, OfferFields,
        }.All(f => f.MatchesShape);

    /// <summary>Reads <paramref name="json"/> when it is a plain, valid case; false means "read it with the full reader".</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out BorrowerCase? result)
    {
        result = null;
        if (!CoversModel)
        {
            return false;
        }

        var scanner = new Scanner(json);
        var context = new Context();
        if (!TryReadCase(ref scanner, ref context, out var read) || !scanner.AtEnd())
        {
            return false;
        }

        // Money is checked against the currency's minor unit once the currency is known, wherever it appears.
        if (context.FinestScale > context.CurrencyDecimals || CaseConsistency.HasProblems(read))
        {
            return false;
        }

        result = read;
        return true;
    }

    private static Fields Nested(Fields owner, string name, string[] names)
    {
        var value = owner.ShapeOf(name);
        var shape = (value?.Kind == ValueKind.Array ? value.Element : value)?.Object;
        return new Fields(shape, isRoot: false, names);
    }

    private static bool TryReadCase(ref Scanner s, ref Context context, [NotNullWhen(true)] out BorrowerCase? value)
    {
        value = null;
        var f = CaseFields;
        var d = CaseDefaults;
        var (asOf, currency, lender, account, history, finances) = (d.AsOf, d.Currency, d.Lender, d.Account, d.History, d.Finances);
        var (hardship, goal, conduct, disputed, documents, attempts, offers) = (d.Hardship, d.Goal, d.Conduct, d.DisputedCharges, d.Documents, d.Attempts, d.Offers);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryDate(out asOf),
                1 => s.TryCurrency(ref context, out currency),
                2 => TryReadLender(ref s, ref context, out lender),
                3 => TryReadAccount(ref s, ref context, out account),
                4 => TryList<RepaymentRecord, RecordItem>(ref s, ref context, f.Shapes[4], out history),
                5 => TryReadFinances(ref s, ref context, out finances),
                6 => TryReadHardship(ref s, ref context, out hardship),
                7 => s.TryEnum(out goal),
                8 => TryReadConduct(ref s, ref context, out conduct),
                9 => TryList<DisputedCharge, DisputedChargeItem>(ref s, ref context, f.Shapes[9], out disputed),
                10 => TryList<DocumentKind, EnumItem<DocumentKind>>(ref s, ref context, f.Shapes[10], out documents),
                11 => TryList<NegotiationAttempt, AttemptItem>(ref s, ref context, f.Shapes[11], out attempts),
                12 => TryList<ReceivedOffer, OfferItem>(ref s, ref context, f.Shapes[12], out offers),
                13 => s.TryText(out _), // "$schema": any text; it only helps editors
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new BorrowerCase
                {
                    AsOf = asOf, Currency = currency!, Lender = lender!, Account = account!, History = history, Finances = finances,
                    Hardship = hardship!, Goal = goal, Conduct = conduct!, DisputedCharges = disputed, Documents = documents,
                    Attempts = attempts, Offers = offers,
                };
                return true;
            }
        }
    }

    private static bool TryReadLender(ref Scanner s, ref Context context, out Lender? value)
    {
        value = null;
        var f = LenderFields;
        var (name, kind) = (LenderDefaults.Name, LenderDefaults.Kind);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryText(out name),
                1 => s.TryEnum(out kind),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Lender { Name = name, Kind = kind };
                return true;
            }
        }
    }

    private static bool TryReadAccount(ref Scanner s, ref Context context, out Account? value)
    {
        value = null;
        var f = AccountFields;
        var d = AccountDefaults;
        var (principal, interest, fees, penaltyInterest) = (d.Principal, d.Interest, d.Fees, d.PenaltyInterest);
        var (annualRate, penaltyDailyRate, dueDate, amountDue, grace) = (d.AnnualRate, d.PenaltyDailyRate, d.DueDate, d.AmountDue, d.GracePeriodDays);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryMoney(ref context, out principal),
                1 => s.TryMoney(ref context, out interest),
                2 => s.TryMoney(ref context, out fees),
                3 => s.TryMoney(ref context, out penaltyInterest),
                4 => s.TryRate(f.Shapes[4], out annualRate),
                5 => s.TryRate(f.Shapes[5], out penaltyDailyRate),
                6 => s.TryDate(out dueDate),
                7 => s.TryMoney(ref context, out amountDue),
                8 => s.TryInteger(f.Shapes[8], out grace),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Account
                {
                    Principal = principal, Interest = interest, Fees = fees, PenaltyInterest = penaltyInterest, AnnualRate = annualRate,
                    PenaltyDailyRate = penaltyDailyRate, DueDate = dueDate, AmountDue = amountDue, GracePeriodDays = grace,
                };
                return true;
            }
        }
    }

    private static bool TryReadRecord(ref Scanner s, ref Context context, out RepaymentRecord? value)
    {
        value = null;
        var f = RecordFields;
        var d = RecordDefaults;
        var (dueDate, amountDue, paidOn, amountPaid) = (d.DueDate, d.AmountDue, d.PaidOn, d.AmountPaid);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryDate(out dueDate),
                1 => s.TryMoney(ref context, out amountDue),
                2 => s.TryDate(out paidOn),
                3 => s.TryMoney(ref context, out amountPaid),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new RepaymentRecord { DueDate = dueDate, AmountDue = amountDue, PaidOn = paidOn, AmountPaid = amountPaid };
                return true;
            }
        }
    }

    private static bool TryReadFinances(ref Scanner s, ref Context context, out Finances? value)
    {
        value = null;
        var f = FinancesFields;
        var d = FinancesDefaults;
        var (income, expenses, otherDebts, savings) = (d.Income, d.Expenses, d.OtherDebts, d.Savings);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => TryList<IncomeSource, IncomeItem>(ref s, ref context, f.Shapes[0], out income),
                1 => TryList<Expense, ExpenseItem>(ref s, ref context, f.Shapes[1], out expenses),
                2 => TryList<OtherDebt, OtherDebtItem>(ref s, ref context, f.Shapes[2], out otherDebts),
                3 => s.TryMoney(ref context, out savings),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Finances { Income = income, Expenses = expenses, OtherDebts = otherDebts, Savings = savings };
                return true;
            }
        }
    }

    private static bool TryReadIncome(ref Scanner s, ref Context context, out IncomeSource? value)
    {
        value = null;
        var f = IncomeFields;
        var (source, monthly, stable) = (IncomeDefaults.Source, IncomeDefaults.Monthly, IncomeDefaults.Stable);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryText(out source),
                1 => s.TryMoney(ref context, out monthly),
                2 => s.TryBoolean(out stable),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new IncomeSource { Source = source, Monthly = monthly, Stable = stable };
                return true;
            }
        }
    }

    private static bool TryReadExpense(ref Scanner s, ref Context context, out Expense? value)
    {
        value = null;
        var f = ExpenseFields;
        var (category, monthly) = (ExpenseDefaults.Category, ExpenseDefaults.Monthly);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryEnum(out category),
                1 => s.TryMoney(ref context, out monthly),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Expense { Category = category, Monthly = monthly };
                return true;
            }
        }
    }

    private static bool TryReadOtherDebt(ref Scanner s, ref Context context, out OtherDebt? value)
    {
        value = null;
        var f = OtherDebtFields;
        var (lender, monthlyPayment, balance) = (OtherDebtDefaults.Lender, OtherDebtDefaults.MonthlyPayment, OtherDebtDefaults.Balance);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryText(out lender),
                1 => s.TryMoney(ref context, out monthlyPayment),
                2 => s.TryMoney(ref context, out balance),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new OtherDebt { Lender = lender, MonthlyPayment = monthlyPayment, Balance = balance };
                return true;
            }
        }
    }

    private static bool TryReadHardship(ref Scanner s, ref Context context, out Hardship? value)
    {
        value = null;
        var f = HardshipFields;
        var (cause, since, expectedMonths) = (HardshipDefaults.Cause, HardshipDefaults.Since, HardshipDefaults.ExpectedMonths);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryEnum(out cause),
                1 => s.TryDate(out since),
                2 => s.TryInteger(f.Shapes[2], out expectedMonths),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Hardship { Cause = cause, Since = since, ExpectedMonths = expectedMonths };
                return true;
            }
        }
    }

    private static bool TryReadConduct(ref Scanner s, ref Context context, out Conduct? value)
    {
        value = null;
        var f = ConductFields;
        var d = ConductDefaults;
        var (suspected, brokenPromises, contactable) = (d.SuspectedMaliciousOverdraft, d.BrokenPromises, d.Contactable);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryBoolean(out suspected),
                1 => s.TryInteger(f.Shapes[1], out brokenPromises),
                2 => s.TryBoolean(out contactable),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Conduct { SuspectedMaliciousOverdraft = suspected, BrokenPromises = brokenPromises, Contactable = contactable };
                return true;
            }
        }
    }

    private static bool TryReadDisputedCharge(ref Scanner s, ref Context context, out DisputedCharge? value)
    {
        value = null;
        var f = DisputedChargeFields;
        var (description, amount) = (DisputedChargeDefaults.Description, DisputedChargeDefaults.Amount);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryText(out description),
                1 => s.TryMoney(ref context, out amount),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new DisputedCharge { Description = description!, Amount = amount };
                return true;
            }
        }
    }

    private static bool TryReadAttempt(ref Scanner s, ref Context context, out NegotiationAttempt? value)
    {
        value = null;
        var f = AttemptFields;
        var d = AttemptDefaults;
        var (on, channel, requested, outcome, inWriting, reference, promises) = (d.On, d.Channel, d.Requested, d.Outcome, d.InWriting, d.Reference, d.Promises);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryDate(out on),
                1 => s.TryEnum(out channel),
                2 => s.TryEnum(out requested),
                3 => s.TryEnum(out outcome),
                4 => s.TryBoolean(out inWriting),
                5 => s.TryText(out reference),
                6 => TryList<Promise, PromiseItem>(ref s, ref context, f.Shapes[6], out promises),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new NegotiationAttempt
                {
                    On = on, Channel = channel, Requested = requested, Outcome = outcome, InWriting = inWriting, Reference = reference, Promises = promises,
                };
                return true;
            }
        }
    }

    private static bool TryReadPromise(ref Scanner s, ref Context context, out Promise? value)
    {
        value = null;
        var f = PromiseFields;
        var (what, by) = (PromiseDefaults.What, PromiseDefaults.By);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryText(out what),
                1 => s.TryDate(out by),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new Promise { What = what!, By = by };
                return true;
            }
        }
    }

    private static bool TryReadOffer(ref Scanner s, ref Context context, out ReceivedOffer? value)
    {
        value = null;
        var f = OfferFields;
        var d = OfferDefaults;
        var (from, upfrontFee, asksCode, asksPassword) = (d.From, d.UpfrontFee, d.AsksForVerificationCode, d.AsksForPassword);
        var (asksPersonal, promisesRemoval, inWriting, description) = (d.AsksPaymentToPersonalAccount, d.PromisesCreditRecordRemoval, d.InWriting, d.Description);
        if (!s.Take('{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            var slot = s.NextMember(f, ref seen);
            var ok = slot switch
            {
                Scanner.End => true,
                0 => s.TryEnum(out from),
                1 => s.TryMoney(ref context, out upfrontFee),
                2 => s.TryBoolean(out asksCode),
                3 => s.TryBoolean(out asksPassword),
                4 => s.TryBoolean(out asksPersonal),
                5 => s.TryBoolean(out promisesRemoval),
                6 => s.TryBoolean(out inWriting),
                7 => s.TryText(out description),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (slot == Scanner.End)
            {
                value = new ReceivedOffer
                {
                    From = from, UpfrontFee = upfrontFee, AsksForVerificationCode = asksCode, AsksForPassword = asksPassword,
                    AsksPaymentToPersonalAccount = asksPersonal, PromisesCreditRecordRemoval = promisesRemoval, InWriting = inWriting,
                    Description = description,
                };
                return true;
            }
        }
    }

    private static bool TryList<T, TItem>(ref Scanner s, ref Context context, ValueShape? shape, out ValueList<T> list)
        where TItem : IItem<T>
    {
        list = ValueList<T>.Empty;
        if (shape is null || !s.Take('['))
        {
            return false;
        }

        if (s.Take(']'))
        {
            return true;
        }

        var buffer = ArrayPool<T>.Shared.Rent(16);
        var count = 0;
        try
        {
            do
            {
                // A null item, a wrong type or one item too many: the full reader says which.
                if (count == shape.MaxItems || !TItem.TryRead(ref s, ref context, out var item))
                {
                    return false;
                }

                if (count == buffer.Length)
                {
                    var larger = ArrayPool<T>.Shared.Rent(count * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                    buffer = larger;
                }

                buffer[count++] = item;
            }
            while (s.Take(','));

            if (!s.Take(']'))
            {
                return false;
            }

            list = ValueList<T>.Own(buffer.AsSpan(0, count).ToArray());
            return true;
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    private interface IItem<T>
    {
        static abstract bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out T value);
    }

    private readonly struct RecordItem : IItem<RepaymentRecord>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out RepaymentRecord value) =>
            TryReadRecord(ref s, ref context, out value!);
    }

    private readonly struct IncomeItem : IItem<IncomeSource>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out IncomeSource value) =>
            TryReadIncome(ref s, ref context, out value!);
    }

    private readonly struct ExpenseItem : IItem<Expense>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out Expense value) =>
            TryReadExpense(ref s, ref context, out value!);
    }

    private readonly struct OtherDebtItem : IItem<OtherDebt>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out OtherDebt value) =>
            TryReadOtherDebt(ref s, ref context, out value!);
    }

    private readonly struct DisputedChargeItem : IItem<DisputedCharge>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out DisputedCharge value) =>
            TryReadDisputedCharge(ref s, ref context, out value!);
    }

    private readonly struct AttemptItem : IItem<NegotiationAttempt>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out NegotiationAttempt value) =>
            TryReadAttempt(ref s, ref context, out value!);
    }

    private readonly struct PromiseItem : IItem<Promise>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out Promise value) =>
            TryReadPromise(ref s, ref context, out value!);
    }

    private readonly struct OfferItem : IItem<ReceivedOffer>
    {
        public static bool TryRead(ref Scanner s, ref Context context, [NotNullWhen(true)] out ReceivedOffer value) =>
            TryReadOffer(ref s, ref context, out value!);
    }

    private readonly struct EnumItem<TEnum> : IItem<TEnum>
        where TEnum : struct, Enum
    {
        public static bool TryRead(ref Scanner s, ref Context context, out TEnum value) => s.TryEnum(out value);
    }

    /// <summary>What the whole case needs to know once it is read: the currency's minor unit and the finest amount.</summary>
    private struct Context
    {
        /// <summary>The most decimal places any amount needs (trailing zeros do not count).</summary>
        public int FinestScale;

        /// <summary>The minor unit of the case's currency; -1 until the currency is read, so that no amount passes without it.</summary>
        public int CurrencyDecimals;

        public Context()
        {
            CurrencyDecimals = -1;
        }
    }

    /// <summary>The JSON names of one model type, with the shapes (bounds, required) the full reader checks them against.</summary>
    private sealed class Fields
    {
        private readonly string[] names;

        public Fields(ObjectShape? shape, bool isRoot, string[] names)
        {
            this.names = isRoot ? [.. names, "$schema"] : names;
            Shapes = new ValueShape?[this.names.Length];
            MatchesShape = shape is not null && shape.Ordered.Count == names.Length && names.Length < 31;
            for (var i = 0; i < names.Length && shape is not null; i++)
            {
                if (shape.Properties.TryGetValue(names[i], out var property))
                {
                    Shapes[i] = property.Value;
                    Required |= property.Required ? 1 << i : 0;
                }
                else
                {
                    MatchesShape = false;
                }
            }

            // "$schema" may be left out, but not given as null.
            NotNull = Required | (isRoot ? 1 << names.Length : 0);
        }

        public bool MatchesShape { get; }

        public ValueShape?[] Shapes { get; }

        /// <summary>One bit per required name, by position.</summary>
        public int Required { get; }

        /// <summary>One bit per name that must not be null: the required ones, and "$schema".</summary>
        public int NotNull { get; }

        public ValueShape? ShapeOf(string name) => Array.IndexOf(names, name) is var i and >= 0 ? Shapes[i] : null;

        public int IndexOf(ReadOnlySpan<char> name)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Enum names as the full reader allows them (<see cref="ValueShape.EnumNames"/>: declaration order, kebab-case).</summary>
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly TEnum[] Values = Enum.GetValues<TEnum>();

        public static readonly string[] Names = Values.Select(v => CaseJson.EnumName(v)).ToArray();
    }

    /// <summary>Strict JSON over the text, the subset a plain case needs; every method returns false rather than guess.</summary>
    private ref struct Scanner(string text)
    {
        public const int End = -1;
        private const int Fail = -2;

        private readonly ReadOnlySpan<char> text = text;
        private int pos;

        public bool AtEnd()
        {
            SkipSpace();
            return pos == text.Length;
        }

        public bool Take(char c)
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == c)
            {
                pos++;
                return true;
            }

            return false;
        }

        /// <summary>
        /// After the object's '{': the index of the next member whose value is not null (the value is next), or
        /// <see cref="End"/> after the '}' when every required member was given, or a negative number to give up.
        /// Optional members given as null keep the model's default, as they do in the full reader.
        /// </summary>
        public int NextMember(Fields fields, ref int seen)
        {
            while (true)
            {
                SkipSpace();
                if (pos >= text.Length)
                {
                    return Fail;
                }

                if (text[pos] == '}')
                {
                    pos++;
                    return (seen & fields.Required) == fields.Required ? End : Fail;
                }

                if (seen != 0)
                {
                    if (text[pos] != ',')
                    {
                        return Fail;
                    }

                    pos++;
                    SkipSpace();
                }

                if (!TryPlainString(out var name) || !Take(':'))
                {
                    return Fail;
                }

                var index = fields.IndexOf(name);
                var bit = index < 0 ? 0 : 1 << index;
                if (index < 0 || (seen & bit) != 0)
                {
                    return Fail;
                }

                seen |= bit;
                if (!TakeLiteral("null"))
                {
                    return index;
                }

                if ((fields.NotNull & bit) != 0)
                {
                    return Fail;
                }
            }
        }

        public bool TryBoolean(out bool value)
        {
            value = TakeLiteral("true");
            return value || TakeLiteral("false");
        }

        public bool TryMoney(ref Context context, out decimal value)
        {
            if (!TryNumber(out value, out var finestScale, out _) || value > CaseLimits.MaxMoney)
            {
                return false;
            }

            context.FinestScale = Math.Max(context.FinestScale, finestScale);
            return true;
        }

        public bool TryMoney(ref Context context, out decimal? value)
        {
            var ok = TryMoney(ref context, out decimal amount);
            value = amount;
            return ok;
        }

        public bool TryRate(ValueShape? shape, out decimal? value)
        {
            value = null;
            if (shape is null || !TryNumber(out var rate, out _, out _) || (!double.IsNaN(shape.Max) && rate > (decimal)shape.Max))
            {
                return false;
            }

            value = rate;
            return true;
        }

        public bool TryInteger(ValueShape? shape, out int value)
        {
            value = 0;
            if (shape is null || !TryNumber(out var number, out _, out var isInteger) || !isInteger || number > int.MaxValue)
            {
                return false;
            }

            value = (int)number;
            return (double.IsNaN(shape.Min) || value >= shape.Min) && (double.IsNaN(shape.Max) || value <= shape.Max);
        }

        public bool TryInteger(ValueShape? shape, out int? value)
        {
            var ok = TryInteger(shape, out int number);
            value = number;
            return ok;
        }

        public bool TryDate(out LocalDate value)
        {
            value = default;
            if (!TryPlainString(out var t) || t.Length != 10 || t[4] != '-' || t[7] != '-' ||
                !TryDigits(t[..4], out var year) || !TryDigits(t[5..7], out var month) || !TryDigits(t[8..], out var day) ||
                month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
            {
                return false;
            }

            value = new LocalDate(year, month, day);
            return value >= CaseLimits.EarliestDate && value <= CaseLimits.LatestDate;
        }

        public bool TryDate(out LocalDate? value)
        {
            var ok = TryDate(out LocalDate date);
            value = date;
            return ok;
        }

        public bool TryEnum<TEnum>(out TEnum value)
            where TEnum : struct, Enum
        {
            value = default;
            if (!TryPlainString(out var name))
            {
                return false;
            }

            var names = EnumNames<TEnum>.Names;
            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    value = EnumNames<TEnum>.Values[i];
                    return true;
                }
            }

            return false;
        }

        public bool TryEnum<TEnum>(out TEnum? value)
            where TEnum : struct, Enum
        {
            var ok = TryEnum(out TEnum known);
            value = known;
            return ok;
        }

        public bool TryCurrency(ref Context context, out string? value)
        {
            value = null;
            if (!TryPlainString(out var code) || !Currencies.TryGetMinorUnit(code, out var iso, out var decimals))
            {
                return false;
            }

            context.CurrencyDecimals = decimals;
            value = iso;
            return true;
        }

        /// <summary>A text value, with the usual escapes; at most <see cref="CaseLimits.MaxTextLength"/> long.</summary>
        public bool TryText(out string? value)
        {
            value = null;
            SkipSpace();
            if (pos >= text.Length || text[pos] != '"')
            {
                return false;
            }

            var rest = text[(pos + 1)..];
            var end = rest.IndexOfAny('"', '\\');
            if (end < 0)
            {
                return false;
            }

            if (rest[end] == '"')
            {
                var plain = rest[..end];
                if (plain.Length > CaseLimits.MaxTextLength || plain.IndexOfAnyInRange('\0', '\u001f') >= 0)
                {
                    return false;
                }

                value = plain.ToString();
                pos += end + 2;
                return true;
            }

            return TryEscapedText(rest, out value);
        }

        private bool TryEscapedText(ReadOnlySpan<char> rest, out string? value)
        {
            value = null;
            var builder = new System.Text.StringBuilder(Math.Min(rest.Length, CaseLimits.MaxTextLength + 1));
            var i = 0;
            while (true)
            {
                if (i >= rest.Length || builder.Length > CaseLimits.MaxTextLength)
                {
                    return false;
                }

                var c = rest[i++];
                if (c == '"')
                {
                    break;
                }

                if (c < ' ')
                {
                    return false;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (i >= rest.Length)
                {
                    return false;
                }

                switch (rest[i++])
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        // Escaped surrogates are left to the full reader, which has its own way with unpaired ones.
                        if (i + 4 > rest.Length || !ushort.TryParse(rest.Slice(i, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code) ||
                            char.IsSurrogate((char)code))
                        {
                            return false;
                        }

                        builder.Append((char)code);
                        i += 4;
                        break;
                    default:
                        return false;
                }
            }

            if (builder.Length > CaseLimits.MaxTextLength)
            {
                return false;
            }

            value = builder.ToString();
            pos += i + 1;
            return true;
        }

        /// <summary>A string with no escapes and no control characters, as a slice of the text (names, codes, dates).</summary>
        private bool TryPlainString(out ReadOnlySpan<char> value)
        {
            value = default;
            SkipSpace();
            if (pos >= text.Length || text[pos] != '"')
            {
                return false;
            }

            var rest = text[(pos + 1)..];
            var end = rest.IndexOfAny('"', '\\');
            if (end < 0 || rest[end] != '"' || rest[..end].IndexOfAnyInRange('\0', '\u001f') >= 0)
            {
                return false;
            }

            value = rest[..end];
            pos += end + 2;
            return true;
        }

        /// <summary>
        /// A number written <c>0</c>, <c>12</c> or <c>12.50</c>: no sign, no exponent, no leading zero, at most 19 digits.
        /// The value keeps the written decimal places (12.50 has scale 2), as Newtonsoft's reader gives it.
        /// </summary>
        private bool TryNumber(out decimal value, out int finestScale, out bool isInteger)
        {
            value = 0;
            finestScale = 0;
            isInteger = true;
            SkipSpace();
            var p = pos;
            ulong mantissa = 0;
            var digits = 0;
            while (p < text.Length && char.IsAsciiDigit(text[p]))
            {
                if (digits == 19)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (ulong)(text[p] - '0');
                digits++;
                p++;
            }

            if (digits == 0 || (digits > 1 && text[pos] == '0'))
            {
                return false;
            }

            var scale = 0;
            if (p < text.Length && text[p] == '.')
            {
                isInteger = false;
                p++;
                while (p < text.Length && char.IsAsciiDigit(text[p]) && digits < 19)
                {
                    var digit = text[p] - '0';
                    mantissa = (mantissa * 10) + (ulong)digit;
                    digits++;
                    scale++;
                    finestScale = digit == 0 ? finestScale : scale;
                    p++;
                }

                if (scale == 0)
                {
                    return false;
                }
            }

            // Anything else right after the digits (more digits, an exponent, a second point, a letter) is left to the full reader.
            if (digits > 19 || (p < text.Length && text[p] is not (' ' or '\t' or '\n' or '\r' or ',' or '}' or ']')))
            {
                return false;
            }

            value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, isNegative: false, (byte)scale);
            pos = p;
            return true;
        }

        private bool TakeLiteral(string literal)
        {
            SkipSpace();
            if (!text[pos..].StartsWith(literal, StringComparison.Ordinal))
            {
                return false;
            }

            var after = pos + literal.Length;
            if (after < text.Length && text[after] is not (' ' or '\t' or '\n' or '\r' or ',' or '}' or ']'))
            {
                return false;
            }

            pos = after;
            return true;
        }

        private void SkipSpace()
        {
            while (pos < text.Length && text[pos] is ' ' or '\t' or '\n' or '\r')
            {
                pos++;
            }
        }

        private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
        {
            value = 0;
            foreach (var c in digits)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
    }
}
