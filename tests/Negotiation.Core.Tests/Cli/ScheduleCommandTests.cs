using Negotiation.Cli;
using Newtonsoft.Json.Linq;

using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Cli;

public sealed class ScheduleCommandTests
{
    [Fact]
    public void Text_output_is_an_aligned_table_of_fineracts_schedule_with_due_dates_from_the_start()
    {
        var (exit, output, error) = CommandLine.Run("schedule", "--principal", "100", "--annual-rate", "0.07", "--months", "6", "--method", "equal-instalment", "--start", "2025-01-31");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            """
            Equal instalment (等额本息): principal 100.00, 7 % a year, 6 months, rounding away-from-zero

            Period  Due date    Payment  Principal  Interest   Fee  Balance
                 1  2025-02-28    17.01      16.43      0.58  0.00    83.57
                 2  2025-03-31    17.01      16.52      0.49  0.00    67.05
                 3  2025-04-30    17.01      16.62      0.39  0.00    50.43
                 4  2025-05-31    17.01      16.72      0.29  0.00    33.71
                 5  2025-06-30    17.01      16.81      0.20  0.00    16.90
                 6  2025-07-31    17.00      16.90      0.10  0.00     0.00
             Total               102.05     100.00      2.05  0.00

            Annualised rate (IRR): nominal 7.00 % (monthly 0.5829 % × 12), effective 7.22 % (compounded)

            """,
            output);
    }

    [Fact]
    public void Without_a_start_the_due_date_column_is_left_out_and_the_reason_given()
    {
        var (exit, output, _) = CommandLine.Run("schedule", "--principal", "1200", "--annual-rate", "0.12", "--months", "12", "--method", "equal-principal");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Due date", output, StringComparison.Ordinal);
        Assert.StartsWith("Period  Payment  Principal  Interest   Fee  Balance", output.Split('\n')[2], StringComparison.Ordinal);
        Assert.Contains("No due dates: give --start yyyy-MM-dd to list them.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_row_lines_up_with_the_header()
    {
        var (_, output, _) = CommandLine.Run("schedule", "--principal", "123456.78", "--annual-rate", "0.18", "--months", "24", "--method", "equal-instalment", "--start", "2025-01-15");
        var lines = output.Split('\n');
        var header = lines[2];
        var rows = lines.Skip(3).TakeWhile(l => l.Length > 0).ToArray();

        Assert.Equal(25, rows.Length); // 24 instalments and the totals
        Assert.All(rows.SkipLast(1), row => Assert.Equal(header.Length, row.Length));
        Assert.All(rows.SkipLast(1), row => Assert.Equal(header.IndexOf("Payment", StringComparison.Ordinal) + "Payment".Length, row.IndexOf('.', 22) + 3));
    }

    [Fact]
    public void Json_output_has_the_documented_fields_with_money_in_two_decimals()
    {
        var (exit, output, _) = CommandLine.Run("schedule", "--principal", "12000", "--annual-rate", "0", "--months", "12", "--method", "fee-instalment", "--fee-rate", "0.006", "--start", "2025-01-31", "--format", "json");
        var json = JObject.Parse(output);

        Assert.Equal(0, exit);
        Assert.Equal(
            ["method", "principal", "months", "instalments", "totalPayment", "totalInterest", "totalFees", "apr"],
            json.Properties().Select(p => p.Name));
        Assert.Equal("fee-instalment", (string?)json["method"]);
        Assert.Equal(12, (int)json["months"]!);
        var first = (JObject)json["instalments"]![0]!;
        Assert.Equal(["period", "dueDate", "payment", "principal", "interest", "fee", "balance"], first.Properties().Select(p => p.Name));
        Assert.Equal("2025-02-28", (string?)first["dueDate"]);
        Assert.Contains("\"payment\": 1072.00,", output, StringComparison.Ordinal);
        Assert.Contains("\"totalFees\": 864.00,", output, StringComparison.Ordinal);
        Assert.Equal(0.130342, (double)json["apr"]!["nominal"]!, 6); // monthly IRR 1.0861854 % × 12
        Assert.Equal(0.138418, (double)json["apr"]!["effective"]!, 6);
    }

    [Fact]
    public void Json_due_dates_are_null_without_a_start()
    {
        var (_, output, _) = CommandLine.Run("schedule", "--principal", "100", "--annual-rate", "0.07", "--months", "6", "--method", "equal-instalment", "--format", "json");

        Assert.All(JObject.Parse(output)["instalments"]!, i => Assert.Equal(JTokenType.Null, i["dueDate"]!.Type));
    }

    [Fact]
    public void To_even_rounding_is_honoured()
    {
        var (_, away, _) = CommandLine.Run("schedule", "--principal", "1", "--annual-rate", "0.06", "--months", "2", "--method", "equal-principal", "--format", "json");
        var (_, even, _) = CommandLine.Run("schedule", "--principal", "1", "--annual-rate", "0.06", "--months", "2", "--method", "equal-principal", "--rounding", "to-even", "--format", "json");

        Assert.Equal(0.01m, (decimal)JObject.Parse(away)["instalments"]![0]!["interest"]!);
        Assert.Equal(0.00m, (decimal)JObject.Parse(even)["instalments"]![0]!["interest"]!);
    }

    [Fact]
    public void Bad_values_exit_1_with_one_line_per_problem_naming_the_option()
    {
        var (exit, output, error) = CommandLine.Run("schedule", "--principal", "-5", "--annual-rate", "abc", "--months", "0", "--method", "balloon", "--start", "2025-02-30", "--rounding", "up", "--format", "xml");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            [
                "--principal: should be greater than 0 and at most 1000000000000, got -5.",
                "--annual-rate: should be a number (a fraction: 0.07 is 7 %), got 'abc'.",
                "--months: should be a whole number in range [1-1200], got '0'.",
                "--method: should be equal-instalment, equal-principal or fee-instalment, got 'balloon'.",
                "--start: should be a date as yyyy-MM-dd, got '2025-02-30'.",
                "--rounding: should be away-from-zero or to-even, got 'up'.",
                "--format: should be text or json, got 'xml'.",
            ],
            error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("fee-instalment", null, "--fee-rate: required for --method fee-instalment.")]
    [InlineData("equal-instalment", "0.01", "--fee-rate: only --method fee-instalment has a fee; refused for equal-instalment.")]
    [InlineData("fee-instalment", "2", "--fee-rate: should be in range [0-1] (a fraction: 0.006 is 0.6 % a month), got 2.")]
    public void The_fee_rate_is_required_for_fee_instalments_and_refused_otherwise(string method, string? fee, string expected)
    {
        string[] args = ["schedule", "--principal", "100", "--annual-rate", "0", "--months", "3", "--method", method];
        var (exit, _, error) = CommandLine.Run(fee is null ? args : [.. args, "--fee-rate", fee]);

        Assert.Equal(1, exit);
        Assert.Equal(expected, error.TrimEnd('\n'));
    }

    [Fact]
    public void A_principal_with_fractions_of_a_cent_is_refused()
    {
        var (exit, _, error) = CommandLine.Run("schedule", "--principal", "100.005", "--annual-rate", "0.07", "--months", "3", "--method", "equal-instalment");

        Assert.Equal(1, exit);
        Assert.Equal("--principal: should have at most 2 decimal places, got 100.005.", error.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("schedule", "--principal", "100", "--annual-rate", "0.07", "--months", "6")]
    [InlineData("schedule", "--principal", "100", "--annual-rate", "0.07", "--months", "6", "--method", "equal-instalment", "--bogus")]
    public void Missing_or_unknown_options_are_usage_errors_exit_2(params string[] args)
    {
        var (exit, output, error) = CommandLine.Run(args);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // never a stack trace
    }
}
