using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Negotiation.Core.Harness;

/// <summary>
/// Writes varied, valid borrower cases as JSON Lines: every lender kind, hardship cause and goal, histories with
/// on-time, late and missed instalments, finances from comfortable to hopeless, earlier attempts and offers
/// (some of them scams). Deterministic: the same seed gives the same file, byte for byte.
/// </summary>
internal sealed class SyntheticCases(int seed)
{
    private static readonly string[] LenderKinds = ["bank-card", "consumer-finance", "online-lender", "bnpl", "other"];
    private static readonly string[] Causes = ["none", "oversight", "temporary-cash-shortfall", "income-drop", "job-loss", "illness", "family-emergency", "business-failure", "unexpected-expense", "disputed-charge"];
    private static readonly string[] Goals = ["auto", "discount-or-lower-rate", "extension", "fee-waiver", "interest-relief", "instalment-plan", "principal-reduction"];
    private static readonly string[] Essential = ["housing", "utilities", "food", "transport", "health", "childcare", "education", "insurance", "other-essential"];
    private static readonly string[] Flexible = ["communications", "personal", "leisure", "other"];
    private static readonly string[] Documents = ["id", "statements", "repayment-history", "income-proof", "hardship-proof", "expense-proof", "contract", "guarantor", "dispute-evidence", "communication-records"];
    private static readonly string[] Channels = ["phone", "app-chat", "online-form", "letter", "email", "in-person", "complaint", "regulator", "mediation", "court"];
    private static readonly string[] Requests = ["extension", "fee-waiver", "interest-relief", "instalment-plan", "principal-reduction"];
    private static readonly string[] Outcomes = ["accepted", "partially-accepted", "rejected", "pending", "no-response"];
    private static readonly string[] OfferSources = ["lender-official", "collection-agency", "third-party", "unknown"];

    private static readonly DateOnly FirstAsOf = new(2026, 1, 1);

    private readonly Random random = new(seed);

    /// <summary>Writes <paramref name="count"/> cases, one per line.</summary>
    public void Write(Stream output, long count)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (long i = 0; i < count; i++)
        {
            WriteCase(json);
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>Gets one case as a JSON string.</summary>
    public string Next()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteCase(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteCase(Utf8JsonWriter json)
    {
        var asOf = FirstAsOf.AddDays(random.Next(0, 700));
        var daysPastDue = Pick(0.15) ? random.Next(-5, 1) : Pick(0.5) ? random.Next(1, 31) : random.Next(31, 800);
        var dueDate = asOf.AddDays(-daysPastDue);
        var principal = Money(500, 300_000);
        var annualRate = Pick(0.85) ? (decimal?)Math.Round((decimal)(0.03 + (random.NextDouble() * 0.33)), 4) : null;
        var interest = Math.Round(principal * (decimal)(random.NextDouble() * 0.08), 2);
        var fees = Pick(0.6) ? Money(0, 800) : 0m;
        var penalty = daysPastDue > 0 && Pick(0.7) ? Math.Round(principal * 0.0005m * Math.Min(daysPastDue, 365), 2) : 0m;
        var owed = principal + interest + fees + penalty;
        var amountDue = Math.Min(owed, Math.Round(owed / random.Next(1, 37), 2));

        json.WriteStartObject();
        json.WriteString("asOf", Iso(asOf));
        json.WriteString("currency", "CNY");
        json.WriteStartObject("lender");
        json.WriteString("name", $"lender-{random.Next(1, 500)}");
        json.WriteString("kind", Of(LenderKinds));
        json.WriteEndObject();

        json.WriteStartObject("account");
        json.WriteNumber("principal", principal);
        json.WriteNumber("interest", interest);
        json.WriteNumber("fees", fees);
        json.WriteNumber("penaltyInterest", penalty);
        if (annualRate is { } rate)
        {
            json.WriteNumber("annualRate", rate);
        }

        if (Pick(0.7))
        {
            json.WriteNumber("penaltyDailyRate", Of([0.0003m, 0.0005m, 0.0007m, 0.001m]));
        }

        json.WriteString("dueDate", Iso(dueDate));
        json.WriteNumber("amountDue", amountDue);
        if (Pick(0.2))
        {
            json.WriteNumber("gracePeriodDays", random.Next(0, 11));
        }

        json.WriteEndObject();

        json.WriteStartArray("history");
        var months = random.Next(0, 25);
        var late = random.NextDouble() * 0.4;
        for (var k = months; k >= 1; k--)
        {
            var due = dueDate.AddMonths(-k);
            json.WriteStartObject();
            json.WriteString("dueDate", Iso(due));
            json.WriteNumber("amountDue", amountDue);
            if (!Pick(late / 3))
            {
                var paidOn = due.AddDays(Pick(late) ? random.Next(1, 40) : -random.Next(0, 5));
                json.WriteString("paidOn", Iso(paidOn > asOf ? asOf : paidOn));
                json.WriteNumber("amountPaid", Pick(0.9) ? amountDue : Math.Round(amountDue / 2, 2));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        var hasFinances = Pick(0.8);
        if (hasFinances)
        {
            json.WriteStartObject("finances");
            json.WriteStartArray("income");
            for (var n = random.Next(0, 3); n > 0; n--)
            {
                json.WriteStartObject();
                json.WriteString("source", Of(["salary", "freelance", "pension", "rent", "family"]));
                json.WriteNumber("monthly", Money(0, 40_000));
                json.WriteBoolean("stable", Pick(0.6));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("expenses");
            for (var n = random.Next(0, 7); n > 0; n--)
            {
                json.WriteStartObject();
                json.WriteString("category", Pick(0.6) ? Of(Essential) : Of(Flexible));
                json.WriteNumber("monthly", Money(0, 6_000));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("otherDebts");
            for (var n = Pick(0.6) ? 0 : random.Next(1, 4); n > 0; n--)
            {
                json.WriteStartObject();
                json.WriteString("lender", $"other-{random.Next(1, 50)}");
                json.WriteNumber("monthlyPayment", Money(100, 5_000));
                json.WriteNumber("balance", Money(1_000, 100_000));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("savings", Pick(0.3) ? 0m : Money(0, 200_000));
            json.WriteEndObject();
        }

        json.WriteStartObject("hardship");
        json.WriteString("cause", Of(Causes));
        if (Pick(0.7))
        {
            json.WriteString("since", Iso(asOf.AddDays(-random.Next(0, 400))));
        }

        if (Pick(0.6))
        {
            var hardshipMonths = random.Next(0, 37);
            json.WriteNumber("expectedMonths", hardshipMonths);
            if (hardshipMonths > 0 && hasFinances && Pick(0.4))
            {
                // The income once the hardship is over, which the case may give only with its months and a budget.
                json.WriteNumber("incomeAfter", Money(0, 50_000));
            }
        }

        json.WriteEndObject();
        json.WriteString("goal", Of(Goals));

        json.WriteStartObject("conduct");
        json.WriteBoolean("suspectedMaliciousOverdraft", Pick(0.05));
        json.WriteNumber("brokenPromises", Pick(0.8) ? 0 : random.Next(1, 5));
        json.WriteBoolean("contactable", !Pick(0.07));
        json.WriteEndObject();

        json.WriteStartArray("disputedCharges");
        for (var n = Pick(0.85) ? 0 : random.Next(1, 3); n > 0; n--)
        {
            json.WriteStartObject();
            json.WriteString("description", "a charge the borrower does not recognise");
            json.WriteNumber("amount", Money(10, 2_000));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("documents");
        foreach (var document in Documents)
        {
            if (Pick(0.35))
            {
                json.WriteStringValue(document);
            }
        }

        json.WriteEndArray();

        json.WriteStartArray("attempts");
        for (var n = Pick(0.5) ? 0 : random.Next(1, 5); n > 0; n--)
        {
            var on = asOf.AddDays(-random.Next(0, 120));
            json.WriteStartObject();
            json.WriteString("on", Iso(on));
            json.WriteString("channel", Of(Channels));
            if (Pick(0.8))
            {
                json.WriteString("requested", Of(Requests));
            }

            json.WriteString("outcome", Of(Outcomes));
            json.WriteBoolean("inWriting", Pick(0.4));
            if (Pick(0.3))
            {
                json.WriteString("reference", $"REF-{random.Next(10_000, 99_999)}");
            }

            json.WriteStartArray("promises");
            if (Pick(0.3))
            {
                json.WriteStartObject();
                json.WriteString("what", "call back with a decision");
                json.WriteString("by", Iso(on.AddDays(random.Next(1, 30))));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("offers");
        for (var n = Pick(0.8) ? 0 : random.Next(1, 3); n > 0; n--)
        {
            json.WriteStartObject();
            json.WriteString("from", Of(OfferSources));
            json.WriteNumber("upfrontFee", Pick(0.6) ? 0m : Money(100, 5_000));
            json.WriteBoolean("asksForVerificationCode", Pick(0.3));
            json.WriteBoolean("asksForPassword", Pick(0.1));
            json.WriteBoolean("asksPaymentToPersonalAccount", Pick(0.2));
            json.WriteBoolean("promisesCreditRecordRemoval", Pick(0.3));
            json.WriteBoolean("inWriting", Pick(0.4));
            json.WriteString("description", "an offer received by phone");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private bool Pick(double probability) => random.NextDouble() < probability;

    private T Of<T>(T[] values) => values[random.Next(values.Length)];

    private decimal Money(int min, int max) => Math.Round(min + ((decimal)random.NextDouble() * (max - min)), 2);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
