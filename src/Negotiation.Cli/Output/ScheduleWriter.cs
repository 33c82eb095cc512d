using System.Globalization;
using System.Text;
using System.Text.Json;
using Negotiation.Cli.Commands;
using Negotiation.Core.Calculators;

namespace Negotiation.Cli.Output;

/// <summary>Writes a <see cref="Schedule"/> as the <c>schedule</c> command's text table or JSON.</summary>
internal static class ScheduleWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// JSON: <c>{method, principal, months, instalments[] {period, dueDate, payment, principal, interest, fee,
    /// balance}, totalPayment, totalInterest, totalFees, apr {nominal, effective}}</c>. Money has exactly two
    /// decimals; rates are fractions with six; <c>dueDate</c> is null without a start date and
    /// <c>apr</c> is null if no rate was found.
    /// </summary>
    public static void WriteJson(Schedule schedule, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("method", ScheduleCommand.MethodName(schedule.Method));
            Money(json, "principal", schedule.Principal);
            json.WriteNumber("months", schedule.Months);
            json.WriteStartArray("instalments");
            foreach (var i in schedule.Instalments)
            {
                json.WriteStartObject();
                json.WriteNumber("period", i.Period);
                if (i.DueDate is { } due)
                {
                    json.WriteString("dueDate", due.ToString("yyyy-MM-dd", Invariant));
                }
                else
                {
                    json.WriteNull("dueDate");
                }

                Money(json, "payment", i.Payment);
                Money(json, "principal", i.Principal);
                Money(json, "interest", i.Interest);
                Money(json, "fee", i.Fee);
                Money(json, "balance", i.Balance);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Money(json, "totalPayment", schedule.TotalPayment);
            Money(json, "totalInterest", schedule.TotalInterest);
            Money(json, "totalFees", schedule.TotalFees);
            var apr = schedule.AnnualisedRate();
            if (apr.Converged)
            {
                json.WriteStartObject("apr");
                json.WritePropertyName("nominal");
                json.WriteRawValue(apr.Nominal.ToString("0.000000", Invariant));
                json.WritePropertyName("effective");
                json.WriteRawValue(apr.Effective.ToString("0.000000", Invariant));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("apr");
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>An aligned table: a heading, one row per instalment, a totals row and the annualised rate.</summary>
    public static void WriteText(Schedule schedule, MidpointRounding rounding, TextWriter output)
    {
        var dated = schedule.Start is not null;
        var header = dated
            ? new[] { "Period", "Due date", "Payment", "Principal", "Interest", "Fee", "Balance" }
            : ["Period", "Payment", "Principal", "Interest", "Fee", "Balance"];
        var rows = new List<string[]>();
        foreach (var i in schedule.Instalments)
        {
            var cells = new List<string> { i.Period.ToString(Invariant) };
            if (dated)
            {
                cells.Add(i.DueDate!.Value.ToString("yyyy-MM-dd", Invariant));
            }

            cells.AddRange([Amount(i.Payment), Amount(i.Principal), Amount(i.Interest), Amount(i.Fee), Amount(i.Balance)]);
            rows.Add([.. cells]);
        }

        var total = new List<string> { "Total" };
        if (dated)
        {
            total.Add(string.Empty);
        }

        total.AddRange([Amount(schedule.TotalPayment), Amount(schedule.Principal), Amount(schedule.TotalInterest), Amount(schedule.TotalFees), string.Empty]);

        var widths = header.Select((h, c) => rows.Append([.. total]).Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((cell, c) => dated && c == 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();

        output.WriteLine(string.Create(
            Invariant,
            $"{Title(schedule.Method)}: principal {Amount(schedule.Principal)}, {schedule.AnnualRate * 100:0.####} % a year, {schedule.Months} months{Fee(schedule)}, rounding {(rounding == MidpointRounding.ToEven ? "to-even" : "away-from-zero")}"));
        output.WriteLine();
        output.WriteLine(Line(header));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }

        output.WriteLine(Line(total));
        output.WriteLine();
        var apr = schedule.AnnualisedRate();
        output.WriteLine(apr.Converged
            ? string.Create(Invariant, $"Annualised rate (IRR): nominal {apr.Nominal * 100:0.00} % (monthly {apr.MonthlyRate * 100:0.0000} % × 12), effective {apr.Effective * 100:0.00} % (compounded)")
            : "Annualised rate (IRR): none found");
        if (!dated)
        {
            output.WriteLine("No due dates: give --start yyyy-MM-dd to list them.");
        }
    }

    private static string Title(ScheduleMethod method) => method switch
    {
        ScheduleMethod.EqualInstalment => "Equal instalment (等额本息)",
        ScheduleMethod.EqualPrincipal => "Equal principal (等额本金)",
        _ => "Fee instalment (分期手续费)",
    };

    private static string Fee(Schedule schedule) =>
        schedule.Method == ScheduleMethod.FeeInstalment ? string.Create(Invariant, $", fee {schedule.MonthlyFeeRate * 100:0.####} % a month") : string.Empty;

    private static string Amount(decimal value) => value.ToString("0.00", Invariant);

    private static void Money(Utf8JsonWriter json, string name, decimal value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(Amount(value));
    }
}
