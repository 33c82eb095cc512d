using BenchmarkDotNet.Attributes;
using Microsoft.VisualBasic;
using Negotiation.Core.Calculators;
using NodaTime;

namespace Negotiation.Core.Benchmarks.Calculators;

/// <summary>
/// The XIRR of 61 dated flows. VB has no XIRR and the Excel-compatible F# library is not referenced here
/// (no new packages in this change), so the baseline is <see cref="TextbookXirr"/>: the usual
/// Newton-on-r port with one Math.Pow per flow per step.
/// </summary>
[ShortCalculatorJob]
[MemoryDiagnoser]
[MedianColumn]
public class XirrCalculatorBenchmarks
{
    private double[] amounts = [];
    private LocalDate[] dates = [];
    private DateTime[] dateTimes = [];

    /// <summary>Builds the dated flows of the benchmark loan.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var payment = -Financial.Pmt((double)BenchmarkLoan.AnnualRate / 12, BenchmarkLoan.Months, (double)BenchmarkLoan.Principal);
        amounts = [-(double)BenchmarkLoan.Principal, .. Enumerable.Repeat(payment, BenchmarkLoan.Months)];
        var start = new LocalDate(2025, 1, 31);
        dates = Enumerable.Range(0, BenchmarkLoan.Months + 1).Select(k => start.PlusMonths(k)).ToArray();
        dateTimes = dates.Select(d => d.ToDateTimeUnspecified()).ToArray();
    }

    /// <summary>The textbook port, as the baseline.</summary>
    [Benchmark(Baseline = true, Description = "textbook XIRR (Newton on r, Math.Pow per flow)")]
    public double Textbook() => TextbookXirr.Compute(amounts, dateTimes, 0.1);

    /// <summary>Ours.</summary>
    [Benchmark(Description = "AnnualisedRate.Xirr")]
    public RateOfReturn Xirr() => AnnualisedRate.Xirr(amounts, dates);
}

/// <summary>
/// XIRR as it is usually hand-written in C#: Newton's method on r over Σ a_i / (1 + r)^(days_i / 365),
/// with one <see cref="Math.Pow(double, double)"/> per flow for the value and one for the slope.
/// A stand-in baseline only: it has no fallback and returns NaN when it fails.
/// </summary>
internal static class TextbookXirr
{
    public static double Compute(double[] amounts, DateTime[] dates, double guess)
    {
        var rate = guess;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double value = 0, slope = 0;
            for (var i = 0; i < amounts.Length; i++)
            {
                var years = (dates[i] - dates[0]).TotalDays / 365.0;
                value += amounts[i] / Math.Pow(1 + rate, years);
                slope -= years * amounts[i] / Math.Pow(1 + rate, years + 1);
            }

            var next = rate - (value / slope);
            if (Math.Abs(next - rate) < 1e-10)
            {
                return next;
            }

            rate = next;
        }

        return double.NaN;
    }
}
