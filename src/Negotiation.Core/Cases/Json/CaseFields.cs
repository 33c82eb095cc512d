using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;

namespace Negotiation.Core.Cases.Json;

/// <summary>What a JSON value must look like to fill one model property.</summary>
internal enum ValueKind
{
    Object,
    Array,
    Enum,
    Money,
    Rate,
    Integer,
    Boolean,
    Text,
    Date,
    Currency,
}

/// <summary>The expected shape of one JSON value: its kind and bounds, and for objects and lists what they hold.</summary>
internal sealed class ValueShape
{
    public required ValueKind Kind { get; init; }

    /// <summary>The fields of an object.</summary>
    public ObjectShape? Object { get; init; }

    /// <summary>The element shape of a list, and how its items become a <see cref="ValueList{T}"/>.</summary>
    public ValueShape? Element { get; init; }

    public Func<ReadOnlySpan<FieldValue>, object>? MakeList { get; init; }

    public int MaxItems { get; init; } = CaseLimits.MaxItems;

    /// <summary>The JSON names of an enum in declaration order, their UTF-8 bytes and their values.</summary>
    public string[] EnumNames { get; init; } = [];

    public byte[][] EnumUtf8 { get; init; } = [];

    public int[] EnumValues { get; init; } = [];

    /// <summary>Inclusive bounds: of a whole number (Min and Max), of a rate (Max).</summary>
    public decimal Min { get; init; }

    public decimal Max { get; init; }
}

/// <summary>One field of an object shape.</summary>
internal sealed record FieldShape(string JsonName, bool Required, ValueShape Value)
{
    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(JsonName);
}

/// <summary>The fields of one model type, in declaration order, and how the values read become the model object.</summary>
internal sealed class ObjectShape(FieldShape[] fields, ObjectShape.Builder build)
{
    public delegate object Builder(ReadOnlySpan<FieldValue> values);

    /// <summary>Fields in declaration order: messages list them so, and a value's slot is its field's position.</summary>
    public IReadOnlyList<FieldShape> Ordered => fields;

    public FieldShape[] Fields => fields;

    public IReadOnlyList<string> Names { get; } = fields.Select(f => f.JsonName).ToArray();

    public object Build(ReadOnlySpan<FieldValue> values) => build(values);
}

/// <summary>One value as read, whatever its kind; <see cref="Given"/> is false for a field left out or given as null.</summary>
internal struct FieldValue
{
    public bool Given;
    public decimal Number;
    public int Integer;
    public LocalDate Date;
    public object? Reference;

    public readonly decimal? NumberOrNull => Given ? Number : null;

    public readonly int? IntegerOrNull => Given ? Integer : null;

    public readonly LocalDate? DateOrNull => Given ? Date : null;

    public readonly string? Text => (string?)Reference;

    public readonly bool Boolean(bool orElse) => Given ? Integer != 0 : orElse;

    public readonly T Or<T>(T orElse)
        where T : class => Reference as T ?? orElse;
}

/// <summary>Room for the fields of the largest object, on the stack.</summary>
[InlineArray(20)]
internal struct FieldValues
{
    private FieldValue first;
}

/// <summary>
/// The case format as a table: for every model type, its JSON fields (name, kind, bounds, required) and one function
/// that builds the model object from the values read. The reader has one way to read any object of the table, so a
/// new field is a line here; the tests compare this table with the model's properties and with the published schema.
/// </summary>
internal static class CaseFields
{
    // Defaults that are not the type's zero come from the model itself.
    private static readonly BorrowerCase CaseDefaults = new();
    private static readonly IncomeSource IncomeDefaults = new();
    private static readonly Conduct ConductDefaults = new();

    private static readonly ObjectShape Lender = Shape(
        [Text("name"), Enum<LenderKind>("kind")],
        v => new Lender { Name = v[0].Text, Kind = (LenderKind)v[1].Integer });

    private static readonly ObjectShape Account = Shape(
        [
            Money("principal", required: true), Money("interest"), Money("fees"), Money("penaltyInterest"),
            Rate("annualRate", max: 10m), Rate("penaltyDailyRate", max: 0.1m), Date("dueDate", required: true),
            Money("amountDue", required: true), Integer("gracePeriodDays", 0, 90), Enum<ProductKind>("product"), Date("lastPaymentOn"),
            Money("amountBorrowed"), Money("chargesPaid"), Date("interestStoppedOn"),
        ],
        v => new Account
        {
            Principal = v[0].Number, Interest = v[1].Number, Fees = v[2].Number, PenaltyInterest = v[3].Number,
            AnnualRate = v[4].NumberOrNull, PenaltyDailyRate = v[5].NumberOrNull, DueDate = v[6].Date, AmountDue = v[7].Number,
            GracePeriodDays = v[8].IntegerOrNull, Product = v[9].Given ? (ProductKind)v[9].Integer : null, LastPaymentOn = v[10].DateOrNull,
            AmountBorrowed = v[11].NumberOrNull, ChargesPaid = v[12].NumberOrNull, InterestStoppedOn = v[13].DateOrNull,
        });

    private static readonly ObjectShape Record = Shape(
        [Date("dueDate", required: true), Money("amountDue", required: true), Date("paidOn"), Money("amountPaid")],
        v => new RepaymentRecord { DueDate = v[0].Date, AmountDue = v[1].Number, PaidOn = v[2].DateOrNull, AmountPaid = v[3].NumberOrNull });

    private static readonly ObjectShape Income = Shape(
        [Text("source"), Money("monthly", required: true), Boolean("stable")],
        v => new IncomeSource { Source = v[0].Text, Monthly = v[1].Number, Stable = v[2].Boolean(IncomeDefaults.Stable) });

    private static readonly ObjectShape Expense = Shape(
        [Enum<ExpenseCategory>("category", required: true), Money("monthly", required: true)],
        v => new Expense { Category = (ExpenseCategory)v[0].Integer, Monthly = v[1].Number });

    private static readonly ObjectShape OtherDebt = Shape(
        [Text("lender"), Money("monthlyPayment", required: true), Money("balance")],
        v => new OtherDebt { Lender = v[0].Text, MonthlyPayment = v[1].Number, Balance = v[2].Number });

    private static readonly ObjectShape LumpSum = Shape(
        [Text("source"), Money("amount", required: true), Date("on", required: true), Boolean("confirmed")],
        v => new LumpSum { Source = v[0].Text, Amount = v[1].Number, On = v[2].Date, Confirmed = v[3].Boolean(false) });

    private static readonly ObjectShape Finances = Shape(
        [List<IncomeSource>("income", Income), List<Expense>("expenses", Expense), List<OtherDebt>("otherDebts", OtherDebt), Money("savings"), Integer("payday", 1, 31), List<LumpSum>("lumpSums", LumpSum), Money("savingsReserved")],
        v => new Finances
        {
            Income = v[0].Or(ValueList<IncomeSource>.Empty), Expenses = v[1].Or(ValueList<Expense>.Empty),
            OtherDebts = v[2].Or(ValueList<OtherDebt>.Empty), Savings = v[3].Number, Payday = v[4].IntegerOrNull,
            LumpSums = v[5].Or(ValueList<LumpSum>.Empty), SavingsReserved = v[6].Number,
        });

    private static readonly ObjectShape Hardship = Shape(
        [Enum<HardshipCause>("cause"), Date("since"), Integer("expectedMonths", 0, 600), Money("incomeAfter"), Enum<HardshipAffects>("affects")],
        v => new Hardship
        {
            Cause = (HardshipCause)v[0].Integer, Since = v[1].DateOrNull, ExpectedMonths = v[2].IntegerOrNull, IncomeAfter = v[3].NumberOrNull,
            Affects = (HardshipAffects)v[4].Integer,
        });

    private static readonly ObjectShape Conduct = Shape(
        [Boolean("suspectedMaliciousOverdraft"), Integer("brokenPromises", 0, 1000), Boolean("contactable")],
        v => new Conduct
        {
            SuspectedMaliciousOverdraft = v[0].Boolean(false), BrokenPromises = v[1].Integer, Contactable = v[2].Boolean(ConductDefaults.Contactable),
        });

    private static readonly ObjectShape DisputedCharge = Shape(
        [Text("description", required: true), Money("amount", required: true)],
        v => new DisputedCharge { Description = v[0].Text!, Amount = v[1].Number });

    private static readonly ObjectShape Promise = Shape(
        [Text("what", required: true), Date("by", required: true)],
        v => new Promise { What = v[0].Text!, By = v[1].Date });

    private static readonly ObjectShape Attempt = Shape(
        [
            Date("on", required: true), Enum<ContactChannel>("channel", required: true), Enum<RequestType>("requested"),
            Enum<AttemptOutcome>("outcome", required: true), Boolean("inWriting"), Text("reference"), List<Promise>("promises", Promise),
            Money("monthlyPayment"), Date("answerBy"),
        ],
        v => new NegotiationAttempt
        {
            On = v[0].Date, Channel = (ContactChannel)v[1].Integer, Requested = v[2].Given ? (RequestType)v[2].Integer : null,
            Outcome = (AttemptOutcome)v[3].Integer, InWriting = v[4].Boolean(false), Reference = v[5].Text, Promises = v[6].Or(ValueList<Promise>.Empty),
            MonthlyPayment = v[7].NumberOrNull, AnswerBy = v[8].DateOrNull,
        });

    private static readonly ObjectShape Offer = Shape(
        [
            Enum<OfferSource>("from"), Money("upfrontFee"), Boolean("asksForVerificationCode"), Boolean("asksForPassword"),
            Boolean("asksPaymentToPersonalAccount"), Boolean("promisesCreditRecordRemoval"), Boolean("inWriting"), Text("description"),
            Money("amount"), Date("deadline"), Enum<OfferKind>("kind"),
        ],
        v => new ReceivedOffer
        {
            From = (OfferSource)v[0].Integer, UpfrontFee = v[1].Number, AsksForVerificationCode = v[2].Boolean(false),
            AsksForPassword = v[3].Boolean(false), AsksPaymentToPersonalAccount = v[4].Boolean(false),
            PromisesCreditRecordRemoval = v[5].Boolean(false), InWriting = v[6].Boolean(false), Description = v[7].Text,
            Amount = v[8].NumberOrNull, Deadline = v[9].DateOrNull, Kind = (OfferKind)v[10].Integer,
        });

    private static readonly ObjectShape Notice = Shape(
        [Enum<NoticeKind>("kind", required: true), Date("receivedOn", required: true), Date("deadline")],
        v => new Notice { Kind = (NoticeKind)v[0].Integer, ReceivedOn = v[1].Date, Deadline = v[2].DateOrNull });

    private static readonly ObjectShape PriorityDebt = Shape(
        [Enum<PriorityDebtKind>("kind", required: true), Money("arrears", required: true), Money("monthlyPayment"), Boolean("arrearsArranged")],
        v => new PriorityDebt { Kind = (PriorityDebtKind)v[0].Integer, Arrears = v[1].Number, MonthlyPayment = v[2].Number, ArrearsArranged = v[3].Boolean(false) });

    private static readonly ObjectShape DebtAdvice = Shape(
        [Boolean("spokenToAdviser"), Enum<BreathingSpaceKind>("breathingSpace"), Date("breathingSpaceSince")],
        v => new DebtAdvice
        {
            SpokenToAdviser = v[0].Boolean(false), BreathingSpace = v[1].Given ? (BreathingSpaceKind)v[1].Integer : null, BreathingSpaceSince = v[2].DateOrNull,
        });

    /// <summary>Gets the case itself, the root of the table.</summary>
    public static ObjectShape Root { get; } = Shape(
        [
            Date("asOf", required: true), new("currency", true, new ValueShape { Kind = ValueKind.Currency }), Object("lender", Lender),
            Object("account", Account, required: true), List<RepaymentRecord>("history", Record), Object("finances", Finances),
            Object("hardship", Hardship), Enum<NegotiationGoal>("goal"), Object("conduct", Conduct),
            List<DisputedCharge>("disputedCharges", DisputedCharge),
            new("documents", false, ListShape(EnumShape<DocumentKind>(), v => (DocumentKind)v.Integer)),
            List<NegotiationAttempt>("attempts", Attempt), List<ReceivedOffer>("offers", Offer),
            Text("region"), List<Notice>("notices", Notice), List<PriorityDebt>("priorityDebts", PriorityDebt), Object("debtAdvice", DebtAdvice),
            new("vulnerability", false, ListShape(EnumShape<Vulnerability>(), v => (Vulnerability)v.Integer)),
        ],
        v => new BorrowerCase
        {
            AsOf = v[0].Date, Currency = v[1].Text!, Lender = v[2].Or(CaseDefaults.Lender), Account = v[3].Or(CaseDefaults.Account),
            History = v[4].Or(ValueList<RepaymentRecord>.Empty), Finances = (Finances?)v[5].Reference, Hardship = v[6].Or(CaseDefaults.Hardship),
            Goal = (NegotiationGoal)v[7].Integer, Conduct = v[8].Or(CaseDefaults.Conduct), DisputedCharges = v[9].Or(ValueList<DisputedCharge>.Empty),
            Documents = v[10].Or(ValueList<DocumentKind>.Empty), Attempts = v[11].Or(ValueList<NegotiationAttempt>.Empty),
            Offers = v[12].Or(ValueList<ReceivedOffer>.Empty), Region = v[13].Text, Notices = v[14].Or(ValueList<Notice>.Empty),
            PriorityDebts = v[15].Or(ValueList<PriorityDebt>.Empty), DebtAdvice = (DebtAdvice?)v[16].Reference,
            Vulnerability = v[17].Or(ValueList<Vulnerability>.Empty),
        });

    private static ObjectShape Shape(FieldShape[] fields, ObjectShape.Builder build) =>
        fields.Length <= 20 ? new(fields, build) : throw new InvalidOperationException("an object of the case has more fields than FieldValues holds");

    private static FieldShape Money(string name, bool required = false) => new(name, required, new ValueShape { Kind = ValueKind.Money });

    private static FieldShape Rate(string name, decimal max) => new(name, false, new ValueShape { Kind = ValueKind.Rate, Max = max });

    private static FieldShape Integer(string name, int min, int max) => new(name, false, new ValueShape { Kind = ValueKind.Integer, Min = min, Max = max });

    private static FieldShape Boolean(string name) => new(name, false, new ValueShape { Kind = ValueKind.Boolean });

    private static FieldShape Text(string name, bool required = false) => new(name, required, new ValueShape { Kind = ValueKind.Text });

    private static FieldShape Date(string name, bool required = false) => new(name, required, new ValueShape { Kind = ValueKind.Date });

    private static FieldShape Enum<TEnum>(string name, bool required = false)
        where TEnum : struct, Enum => new(name, required, EnumShape<TEnum>());

    private static FieldShape Object(string name, ObjectShape shape, bool required = false) =>
        new(name, required, new ValueShape { Kind = ValueKind.Object, Object = shape });

    private static FieldShape List<T>(string name, ObjectShape items)
        where T : class => new(name, false, ListShape(new ValueShape { Kind = ValueKind.Object, Object = items }, v => (T)v.Reference!));

    private static ValueShape ListShape<T>(ValueShape element, Func<FieldValue, T> item) => new()
    {
        Kind = ValueKind.Array,
        Element = element,
        MakeList = values =>
        {
            var items = new T[values.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = item(values[i]);
            }

            return ValueList<T>.Own(items);
        },
    };

    private static ValueShape EnumShape<TEnum>()
        where TEnum : struct, Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        var names = values.Select(v => CaseJson.EnumName(v)).ToArray();
        return new ValueShape
        {
            Kind = ValueKind.Enum,
            EnumNames = names,
            EnumUtf8 = names.Select(Encoding.UTF8.GetBytes).ToArray(),
            EnumValues = values.Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        };
    }
}
