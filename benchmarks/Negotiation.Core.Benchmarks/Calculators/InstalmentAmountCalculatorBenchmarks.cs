using BenchmarkDotNet.Attributes;
using Microsoft.VisualBasic;
using Negotiation.Core.Calculators;

namespace Negotiation.Core.Benchmarks.Calculators;

/// <summary>The monthly payment of a 60-month loan: VB's double PMT against our exact, rounded decimal one.</summary>
[ShortCalculatorJob]
[MemoryDiagnoser]
[MedianColumn]
public class InstalmentAmountCalculatorBenchmarks
{
    private decimal principal = BenchmarkLoan.Principal;
    private decimal annualRate = BenchmarkLoan.AnnualRate;
    private int months = BenchmarkLoan.Months;
    private double rate = (double)BenchmarkLoan.AnnualRate / 12;
    private double presentValue = (double)BenchmarkLoan.Principal;

    /// <summary>Microsoft.VisualBasic.Financial.Pmt: double, not rounded.</summary>
    [Benchmark(Baseline = true, Description = "VB Financial.Pmt (double)")]
    public double VbFinancialPmt() => Financial.Pmt(rate, months, -presentValue);

    /// <summary>Ours: decimal, rounded to the cent, equal to the decimal computation.</summary>
    [Benchmark(Description = "Schedules.InstalmentAmount (decimal, rounded)")]
    public decimal InstalmentAmount() => Schedules.InstalmentAmount(principal, annualRate, months);

    /// <summary>Ours, Excel-compatible double PMT.</summary>
    [Benchmark(Description = "TimeValue.Pmt (double)")]
    public double TimeValuePmt() => TimeValue.Pmt(rate, months, -presentValue);
}
