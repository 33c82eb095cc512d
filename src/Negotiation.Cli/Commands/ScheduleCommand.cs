using System.CommandLine;
using System.Globalization;
using Negotiation.Cli.Output;
using Negotiation.Core.Calculators;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiation schedule</c>: prints a repayment schedule (equal instalment, equal principal or fee
/// instalment) as an aligned table or as JSON, so that anyone can check a lender's schedule without code.
/// </summary>
internal static class ScheduleCommand
{
    private const decimal MaxPrincipal = 1_000_000_000_000m;
    private const decimal MaxAnnualRate = 10m;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        // Values are read as text and checked here, so that every bad value is reported at once, one line
        // each, naming its option (exit 1); a missing or unknown option is a usage error (exit 2).
        var principal = new Option<string>("--principal") { Description = "The amount borrowed, e.g. 12000 or 12000.50 (at most 2 decimal places).", Required = true };
        var annualRate = new Option<string>("--annual-rate") { Description = "The annual interest rate as a fraction: 0.07 is 7 % a year (0 to 10). The monthly rate is a twelfth of it.", Required = true };
        var months = new Option<string>("--months") { Description = "The number of monthly instalments (1 to 1200).", Required = true };
        var method = new Option<string>("--method") { Description = "equal-instalment (等额本息), equal-principal (等额本金) or fee-instalment (principal/n plus a monthly fee).", Required = true };
        var feeRate = new Option<string>("--fee-rate") { Description = "The monthly fee as a fraction of the original principal, e.g. 0.006 for 0.6 % a month (0 to 1). Required for fee-instalment, refused for the others." };
        var start = new Option<string>("--start") { Description = "The day the plan starts (yyyy-MM-dd); instalment k falls due on start + k months. Without it no due dates are shown: there is no clock to assume today." };
        var rounding = new Option<string>("--rounding") { Description = "How a half cent rounds: away-from-zero (四舍五入, the default) or to-even." };
        var format = new Option<string>("--format") { Description = "text (an aligned table, the default) or json." };

        var command = new Command("schedule", "Prints a repayment schedule: each instalment's due date, payment, principal, interest, fee and balance, the totals and the annualised rate.")
        {
            principal, annualRate, months, method, feeRate, start, rounding, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<string>();
            var p = ParseDecimal(parse.GetValue(principal), "--principal", 0m, MaxPrincipal, problems, exclusiveMin: true);
            if (p is { } amount && decimal.Round(amount, 2) != amount)
            {
                problems.Add("--principal: should have at most 2 decimal places, got " + parse.GetValue(principal) + ".");
            }

            var r = ParseDecimal(parse.GetValue(annualRate), "--annual-rate", 0m, MaxAnnualRate, problems, hint: " (a fraction: 0.07 is 7 %)");
            var n = ParseMonths(parse.GetValue(months), problems);
            var m = ParseMethod(parse.GetValue(method), problems);
            decimal? f = null;
            var feeText = parse.GetValue(feeRate);
            if (m == ScheduleMethod.FeeInstalment && feeText is null)
            {
                problems.Add("--fee-rate: required for --method fee-instalment.");
            }
            else if (m is ScheduleMethod.EqualInstalment or ScheduleMethod.EqualPrincipal && feeText is not null)
            {
                problems.Add($"--fee-rate: only --method fee-instalment has a fee; refused for {MethodName(m.Value)}.");
            }
            else if (feeText is not null)
            {
                f = ParseDecimal(feeText, "--fee-rate", 0m, 1m, problems, hint: " (a fraction: 0.006 is 0.6 % a month)");
            }

            var s = ParseStart(parse.GetValue(start), problems);
            var mode = ParseRounding(parse.GetValue(rounding), problems);
            var json = ParseFormat(parse.GetValue(format), problems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    stderr.WriteLine(problem);
                }

                return ExitCodes.InvalidInput;
            }

            var schedule = Schedules.Build(m!.Value, p!.Value, r!.Value, n!.Value, f ?? 0m, s, 2, mode);
            if (json)
            {
                ScheduleWriter.WriteJson(schedule, stdout);
            }
            else
            {
                ScheduleWriter.WriteText(schedule, mode, stdout);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string MethodName(ScheduleMethod method) => method switch
    {
        ScheduleMethod.EqualInstalment => "equal-instalment",
        ScheduleMethod.EqualPrincipal => "equal-principal",
        _ => "fee-instalment",
    };

    private static decimal? ParseDecimal(string? text, string option, decimal min, decimal max, List<string> problems, bool exclusiveMin = false, string hint = "")
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add($"{option}: should be a number{hint}, got '{text}'.");
            return null;
        }

        if ((exclusiveMin ? value <= min : value < min) || value > max)
        {
            var range = exclusiveMin ? $"greater than {min} and at most {max}" : $"in range [{min}-{max}]";
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{option}: should be {range}{hint}, got {text}."));
            return null;
        }

        return value;
    }

    private static int? ParseMonths(string? text, List<string> problems)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > Schedules.MaxMonths)
        {
            problems.Add($"--months: should be a whole number in range [1-{Schedules.MaxMonths}], got '{text}'.");
            return null;
        }

        return value;
    }

    private static ScheduleMethod? ParseMethod(string? text, List<string> problems)
    {
        switch (text)
        {
            case "equal-instalment": return ScheduleMethod.EqualInstalment;
            case "equal-principal": return ScheduleMethod.EqualPrincipal;
            case "fee-instalment": return ScheduleMethod.FeeInstalment;
            default:
                problems.Add($"--method: should be equal-instalment, equal-principal or fee-instalment, got '{text}'.");
                return null;
        }
    }

    private static LocalDate? ParseStart(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            problems.Add($"--start: should be a date as yyyy-MM-dd, got '{text}'.");
            return null;
        }

        return result.Value;
    }

    private static MidpointRounding ParseRounding(string? text, List<string> problems)
    {
        switch (text)
        {
            case null or "away-from-zero": return MidpointRounding.AwayFromZero;
            case "to-even": return MidpointRounding.ToEven;
            default:
                problems.Add($"--rounding: should be away-from-zero or to-even, got '{text}'.");
                return MidpointRounding.AwayFromZero;
        }
    }

    private static bool ParseFormat(string? text, List<string> problems)
    {
        switch (text)
        {
            case null or "text": return false;
            case "json": return true;
            default:
                problems.Add($"--format: should be text or json, got '{text}'.");
                return false;
        }
    }
}
