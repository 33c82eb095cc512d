using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Negotiation.Core.Cases;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// A second, deliberately plain reading of the case format, written from the contract (DESIGN.md, the schema, the
/// limits) and not from the library's reader: a JSON tree, one method per model type, <c>with</c> on the model's own
/// defaults. It only says whether a case is valid and what it reads to; the differential tests hold the library's
/// one-pass reader to it.
/// </summary>
internal static partial class ReferenceCaseReader
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>The case <paramref name="json"/> describes, or null when it is not a valid case.</summary>
    public static BorrowerCase? TryRead(string json)
    {
        if (json.Length > CaseLimits.MaxJsonLength || HasLoneSurrogate(json))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(json, documentOptions: Strict) is not JsonObject root)
            {
                return null;
            }

            var decimals = root["currency"] is JsonValue code && code.GetValueKind() == JsonValueKind.String &&
                           Currencies.TryGetMinorUnit(code.GetValue<string>(), out var d) ? d : 2;
            var read = Case(root, decimals);
            return IsConsistent(read) ? read : null;
        }
        catch (Exception e) when (e is JsonException or Invalid or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static BorrowerCase Case(JsonObject o, int decimals)
    {
        Expect(o, ["asOf", "currency", "account"],
            "asOf", "currency", "lender", "account", "history", "finances", "hardship", "goal", "conduct", "disputedCharges", "documents", "attempts", "offers",
            "region", "notices", "priorityDebts", "debtAdvice", "vulnerability", "$schema");
        var c = new BorrowerCase();
        foreach (var (name, value) in o)
        {
            if (name == "$schema")
            {
                Check(value is not null && value.GetValueKind() == JsonValueKind.String);
                continue;
            }

            if (value is null)
            {
                continue;
            }

            c = name switch
            {
                "asOf" => c with { AsOf = Date(value) },
                "currency" => c with { Currency = Currency(value) },
                "lender" => c with { Lender = Lender(Object(value)) },
                "account" => c with { Account = Account(Object(value), decimals) },
                "history" => c with { History = List(value, v => Record(Object(v), decimals)) },
                "finances" => c with { Finances = Finances(Object(value), decimals) },
                "hardship" => c with { Hardship = Hardship(Object(value), decimals) },
                "goal" => c with { Goal = Enum<NegotiationGoal>(value) },
                "conduct" => c with { Conduct = Conduct(Object(value)) },
                "disputedCharges" => c with { DisputedCharges = List(value, v => Disputed(Object(v), decimals)) },
                "documents" => c with { Documents = List(value, Enum<DocumentKind>) },
                "attempts" => c with { Attempts = List(value, v => Attempt(Object(v), decimals)) },
                "region" => c with { Region = Text(value) },
                "notices" => c with { Notices = List(value, v => Notice(Object(v))) },
                "priorityDebts" => c with { PriorityDebts = List(value, v => PriorityDebt(Object(v), decimals)) },
                "debtAdvice" => c with { DebtAdvice = DebtAdvice(Object(value)) },
                "vulnerability" => c with { Vulnerability = List(value, Enum<Vulnerability>) },
                _ => c with { Offers = List(value, v => Offer(Object(v), decimals)) },
            };
        }

        return c;
    }

    private static Lender Lender(JsonObject o)
    {
        Expect(o, [], "name", "kind");
        return Fill(o, new Lender(), (x, name, v) => name == "name" ? x with { Name = Text(v) } : x with { Kind = Enum<LenderKind>(v) });
    }

    private static Account Account(JsonObject o, int decimals)
    {
        Expect(o, ["principal", "dueDate", "amountDue"],
            "principal", "interest", "fees", "penaltyInterest", "annualRate", "penaltyDailyRate", "dueDate", "amountDue", "gracePeriodDays", "product", "lastPaymentOn", "amountBorrowed", "chargesPaid", "interestStoppedOn");
        return Fill(o, new Account(), (x, name, v) => name switch
        {
            "principal" => x with { Principal = Money(v, decimals) },
            "interest" => x with { Interest = Money(v, decimals) },
            "fees" => x with { Fees = Money(v, decimals) },
            "penaltyInterest" => x with { PenaltyInterest = Money(v, decimals) },
            "annualRate" => x with { AnnualRate = Rate(v, 10m) },
            "penaltyDailyRate" => x with { PenaltyDailyRate = Rate(v, 0.1m) },
            "dueDate" => x with { DueDate = Date(v) },
            "amountDue" => x with { AmountDue = Money(v, decimals) },
            "product" => x with { Product = Enum<ProductKind>(v) },
            "lastPaymentOn" => x with { LastPaymentOn = Date(v) },
            "amountBorrowed" => x with { AmountBorrowed = Money(v, decimals) },
            "chargesPaid" => x with { ChargesPaid = Money(v, decimals) },
            "interestStoppedOn" => x with { InterestStoppedOn = Date(v) },
            _ => x with { GracePeriodDays = Whole(v, 0, 90) },
        });
    }

    private static RepaymentRecord Record(JsonObject o, int decimals)
    {
        Expect(o, ["dueDate", "amountDue"], "dueDate", "amountDue", "paidOn", "amountPaid");
        return Fill(o, new RepaymentRecord(), (x, name, v) => name switch
        {
            "dueDate" => x with { DueDate = Date(v) },
            "amountDue" => x with { AmountDue = Money(v, decimals) },
            "paidOn" => x with { PaidOn = Date(v) },
            _ => x with { AmountPaid = Money(v, decimals) },
        });
    }

    private static Finances Finances(JsonObject o, int decimals)
    {
        Expect(o, [], "income", "expenses", "otherDebts", "savings", "payday", "lumpSums", "savingsReserved");
        return Fill(o, new Finances(), (x, name, v) => name switch
        {
            "income" => x with { Income = List(v, i => Income(Object(i), decimals)) },
            "expenses" => x with { Expenses = List(v, i => Expense(Object(i), decimals)) },
            "otherDebts" => x with { OtherDebts = List(v, i => OtherDebt(Object(i), decimals)) },
            "payday" => x with { Payday = Whole(v, 1, 31) },
            "lumpSums" => x with { LumpSums = List(v, i => LumpSum(Object(i), decimals)) },
            "savingsReserved" => x with { SavingsReserved = Money(v, decimals) },
            _ => x with { Savings = Money(v, decimals) },
        });
    }

    private static LumpSum LumpSum(JsonObject o, int decimals)
    {
        Expect(o, ["amount", "on"], "source", "amount", "on", "confirmed");
        return Fill(o, new LumpSum(), (x, name, v) => name switch
        {
            "source" => x with { Source = Text(v) },
            "amount" => x with { Amount = Money(v, decimals) },
            "on" => x with { On = Date(v) },
            _ => x with { Confirmed = Boolean(v) },
        });
    }

    private static IncomeSource Income(JsonObject o, int decimals)
    {
        Expect(o, ["monthly"], "source", "monthly", "stable");
        return Fill(o, new IncomeSource(), (x, name, v) => name switch
        {
            "source" => x with { Source = Text(v) },
            "monthly" => x with { Monthly = Money(v, decimals) },
            _ => x with { Stable = Boolean(v) },
        });
    }

    private static Expense Expense(JsonObject o, int decimals)
    {
        Expect(o, ["category", "monthly"], "category", "monthly");
        return Fill(o, new Expense(), (x, name, v) => name == "category" ? x with { Category = Enum<ExpenseCategory>(v) } : x with { Monthly = Money(v, decimals) });
    }

    private static OtherDebt OtherDebt(JsonObject o, int decimals)
    {
        Expect(o, ["monthlyPayment"], "lender", "monthlyPayment", "balance");
        return Fill(o, new OtherDebt(), (x, name, v) => name switch
        {
            "lender" => x with { Lender = Text(v) },
            "monthlyPayment" => x with { MonthlyPayment = Money(v, decimals) },
            _ => x with { Balance = Money(v, decimals) },
        });
    }

    private static Hardship Hardship(JsonObject o, int decimals)
    {
        Expect(o, [], "cause", "since", "expectedMonths", "incomeAfter", "affects");
        return Fill(o, new Hardship(), (x, name, v) => name switch
        {
            "cause" => x with { Cause = Enum<HardshipCause>(v) },
            "since" => x with { Since = Date(v) },
            "expectedMonths" => x with { ExpectedMonths = Whole(v, 0, 600) },
            "affects" => x with { Affects = Enum<HardshipAffects>(v) },
            _ => x with { IncomeAfter = Money(v, decimals) },
        });
    }

    private static Conduct Conduct(JsonObject o)
    {
        Expect(o, [], "suspectedMaliciousOverdraft", "brokenPromises", "contactable");
        return Fill(o, new Conduct(), (x, name, v) => name switch
        {
            "suspectedMaliciousOverdraft" => x with { SuspectedMaliciousOverdraft = Boolean(v) },
            "brokenPromises" => x with { BrokenPromises = Whole(v, 0, 1000) },
            _ => x with { Contactable = Boolean(v) },
        });
    }

    private static DisputedCharge Disputed(JsonObject o, int decimals)
    {
        Expect(o, ["description", "amount"], "description", "amount");
        return Fill(o, new DisputedCharge(), (x, name, v) => name == "description" ? x with { Description = Text(v) } : x with { Amount = Money(v, decimals) });
    }

    private static NegotiationAttempt Attempt(JsonObject o, int decimals)
    {
        Expect(o, ["on", "channel", "outcome"], "on", "channel", "requested", "outcome", "inWriting", "reference", "promises", "monthlyPayment", "answerBy");
        return Fill(o, new NegotiationAttempt(), (x, name, v) => name switch
        {
            "on" => x with { On = Date(v) },
            "channel" => x with { Channel = Enum<ContactChannel>(v) },
            "requested" => x with { Requested = Enum<RequestType>(v) },
            "outcome" => x with { Outcome = Enum<AttemptOutcome>(v) },
            "inWriting" => x with { InWriting = Boolean(v) },
            "reference" => x with { Reference = Text(v) },
            "monthlyPayment" => x with { MonthlyPayment = Money(v, decimals) },
            "answerBy" => x with { AnswerBy = Date(v) },
            _ => x with { Promises = List(v, p => Promise(Object(p))) },
        });
    }

    private static Promise Promise(JsonObject o)
    {
        Expect(o, ["what", "by"], "what", "by");
        return Fill(o, new Promise(), (x, name, v) => name == "what" ? x with { What = Text(v) } : x with { By = Date(v) });
    }

    private static ReceivedOffer Offer(JsonObject o, int decimals)
    {
        Expect(o, [], "from", "upfrontFee", "asksForVerificationCode", "asksForPassword", "asksPaymentToPersonalAccount", "promisesCreditRecordRemoval", "inWriting", "description", "amount", "deadline", "kind");
        return Fill(o, new ReceivedOffer(), (x, name, v) => name switch
        {
            "from" => x with { From = Enum<OfferSource>(v) },
            "upfrontFee" => x with { UpfrontFee = Money(v, decimals) },
            "asksForVerificationCode" => x with { AsksForVerificationCode = Boolean(v) },
            "asksForPassword" => x with { AsksForPassword = Boolean(v) },
            "asksPaymentToPersonalAccount" => x with { AsksPaymentToPersonalAccount = Boolean(v) },
            "promisesCreditRecordRemoval" => x with { PromisesCreditRecordRemoval = Boolean(v) },
            "inWriting" => x with { InWriting = Boolean(v) },
            "amount" => x with { Amount = Money(v, decimals) },
            "deadline" => x with { Deadline = Date(v) },
            "kind" => x with { Kind = Enum<OfferKind>(v) },
            _ => x with { Description = Text(v) },
        });
    }

    private static Notice Notice(JsonObject o)
    {
        Expect(o, ["kind", "receivedOn"], "kind", "receivedOn", "deadline");
        return Fill(o, new Notice(), (x, name, v) => name switch
        {
            "kind" => x with { Kind = Enum<NoticeKind>(v) },
            "receivedOn" => x with { ReceivedOn = Date(v) },
            _ => x with { Deadline = Date(v) },
        });
    }

    private static PriorityDebt PriorityDebt(JsonObject o, int decimals)
    {
        Expect(o, ["kind", "arrears"], "kind", "arrears", "monthlyPayment", "arrearsArranged");
        return Fill(o, new PriorityDebt(), (x, name, v) => name switch
        {
            "kind" => x with { Kind = Enum<PriorityDebtKind>(v) },
            "arrears" => x with { Arrears = Money(v, decimals) },
            "arrearsArranged" => x with { ArrearsArranged = Boolean(v) },
            _ => x with { MonthlyPayment = Money(v, decimals) },
        });
    }

    private static DebtAdvice DebtAdvice(JsonObject o)
    {
        Expect(o, [], "spokenToAdviser", "breathingSpace", "breathingSpaceSince");
        return Fill(o, new DebtAdvice(), (x, name, v) => name switch
        {
            "spokenToAdviser" => x with { SpokenToAdviser = Boolean(v) },
            "breathingSpace" => x with { BreathingSpace = Enum<BreathingSpaceKind>(v) },
            _ => x with { BreathingSpaceSince = Date(v) },
        });
    }

    /// <summary>Every name is known, every required name is given and not null.</summary>
    private static void Expect(JsonObject o, string[] required, params string[] known)
    {
        Check(o.All(p => known.Contains(p.Key)));
        Check(required.All(name => o[name] is not null));
    }

    /// <summary>Starts from the model's defaults and applies each value given; null means "not given".</summary>
    private static T Fill<T>(JsonObject o, T start, Func<T, string, JsonNode, T> apply)
    {
        foreach (var (name, value) in o)
        {
            start = value is null ? start : apply(start, name, value);
        }

        return start;
    }

    private static JsonObject Object(JsonNode node) => node as JsonObject ?? throw new Invalid();

    private static ValueList<T> List<T>(JsonNode node, Func<JsonNode, T> item)
    {
        var array = node as JsonArray ?? throw new Invalid();
        Check(array.Count <= CaseLimits.MaxItems && array.All(i => i is not null));
        return new ValueList<T>(array.Select(i => item(i!)).ToArray());
    }

    private static decimal Money(JsonNode node, int decimals)
    {
        var amount = Number(node);
        Check(amount >= 0 && amount <= CaseLimits.MaxMoney && decimal.Round(amount, decimals) == amount);
        return amount;
    }

    private static decimal Rate(JsonNode node, decimal max)
    {
        var rate = Number(node);
        Check(rate >= 0 && rate <= max);
        return rate;
    }

    private static decimal Number(JsonNode node)
    {
        Check(node.GetValueKind() == JsonValueKind.Number);
        return node.GetValue<JsonElement>().GetDecimal();
    }

    private static int Whole(JsonNode node, int min, int max)
    {
        Check(node.GetValueKind() == JsonValueKind.Number && !node.ToJsonString().Any(c => c is '.' or 'e' or 'E'));
        Check(node.GetValue<JsonElement>().TryGetInt64(out var value) && value >= min && value <= max);
        return (int)value;
    }

    private static bool Boolean(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new Invalid(),
    };

    private static string Text(JsonNode node)
    {
        Check(node.GetValueKind() == JsonValueKind.String);

        // Newtonsoft unescapes the token as written (an escaped half of a surrogate pair becomes U+FFFD); text that looks like
        // a date stays text.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(node.GetValue<JsonElement>().GetRawText())) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var text = (string)Newtonsoft.Json.Linq.JToken.ReadFrom(reader)!;
        Check(text.Length <= CaseLimits.MaxTextLength);
        return text;
    }

    private static LocalDate Date(JsonNode node)
    {
        var text = Text(node);
        var parsed = LocalDatePattern.Iso.Parse(text);
        Check(AsciiDate().IsMatch(text) && parsed.Success);
        Check(parsed.Value >= CaseLimits.EarliestDate && parsed.Value <= CaseLimits.LatestDate);
        return parsed.Value;
    }

    private static string Currency(JsonNode node)
    {
        var code = Text(node);
        Check(Currencies.TryGetMinorUnit(code, out _));
        return code;
    }

    /// <summary>Kebab-case of the member name, as the contract spells enums: <c>OtherEssential</c> is <c>other-essential</c>.</summary>
    private static T Enum<T>(JsonNode node)
        where T : struct, Enum
    {
        var text = Text(node);
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (Kebab().Replace(value.ToString(), "-$1").ToLowerInvariant() == text)
            {
                return value;
            }
        }

        throw new Invalid();
    }

    private static bool IsConsistent(BorrowerCase c)
    {
        bool After(LocalDate? date) => date > c.AsOf;

        return !After(c.Hardship.Since) &&
               !(c.Finances?.LumpSums ?? ValueList<LumpSum>.Empty).Any(l => l.On <= c.AsOf) &&
               !(c.Finances?.SavingsReserved > c.Finances?.Savings) &&
               (c.Hardship.IncomeAfter is null || (c.Hardship.ExpectedMonths > 0 && c.Finances is not null)) &&
               !c.History.Any(h => After(h.PaidOn) || h.PaidOn.HasValue != h.AmountPaid.HasValue) &&
               !c.Attempts.Any(a => After(a.On)) &&
               !After(c.Account.LastPaymentOn) &&
               !c.Notices.Any(n => After(n.ReceivedOn) || n.Deadline < n.ReceivedOn) &&
               !After(c.DebtAdvice?.BreathingSpaceSince) &&
               (c.Region is null || (c.Region.Length <= 40 && RegionCode().IsMatch(c.Region))) &&
               c.History.Select(h => h.DueDate).Distinct().Count() == c.History.Count &&
               c.Account.AmountDue <= c.Account.TotalOwed &&
               !(c.Account.Principal == 0 && c.Account.TotalOwed == 0);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new Invalid();
        }
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AsciiDate();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCode();

    [GeneratedRegex("(?<!^)([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();

    private sealed class Invalid : Exception;
}
