using BenchmarkDotNet.Attributes;
using Microsoft.VisualBasic;
using Negotiation.Core.Calculators;
using NodaTime;

namespace Negotiation.Core.Benchmarks.Calculators;

/// <summary>
/// A 60-month equal-instalment schedule. VB has no schedule function; its nearest is IPmt and PPmt for
/// each period (doubles, unrounded, no dates), which is the baseline.
/// </summary>
[ShortCalculatorJob]
[MemoryDiagnoser]
[MedianColumn]
public class ScheduleCalculatorBenchmarks
{
    private readonly LocalDate start = new(2025, 1, 31);
    private readonly double[] interest = new double[BenchmarkLoan.Months];
    private readonly double[] principalParts = new double[BenchmarkLoan.Months];
    private double rate = (double)BenchmarkLoan.AnnualRate / 12;
    private double presentValue = (double)BenchmarkLoan.Principal;

    /// <summary>VB: IPmt and PPmt for each of the 60 periods.</summary>
    [Benchmark(Baseline = true, Description = "VB Financial.IPmt+PPmt x60 (double, no dates)")]
    public double VbFinancialPerPeriod()
    {
        for (var k = 1; k <= BenchmarkLoan.Months; k++)
        {
            interest[k - 1] = Financial.IPmt(rate, k, BenchmarkLoan.Months, -presentValue);
            principalParts[k - 1] = Financial.PPmt(rate, k, BenchmarkLoan.Months, -presentValue);
        }

        return interest[^1];
    }

    /// <summary>Ours: the full schedule with due dates, exact to the cent.</summary>
    [Benchmark(Description = "Schedules.EqualInstalment with dates")]
    public Schedule EqualInstalmentWithDates() => Schedules.EqualInstalment(BenchmarkLoan.Principal, BenchmarkLoan.AnnualRate, BenchmarkLoan.Months, start);

    /// <summary>Ours without due dates.</summary>
    [Benchmark(Description = "Schedules.EqualInstalment without dates")]
    public Schedule EqualInstalmentWithoutDates() => Schedules.EqualInstalment(BenchmarkLoan.Principal, BenchmarkLoan.AnnualRate, BenchmarkLoan.Months);

    /// <summary>The same schedule computed in decimal only (the reference the fast path must equal).</summary>
    [Benchmark(Description = "decimal-only reference with dates")]
    public Instalment[] DecimalReference() => Schedules.BuildInDecimal(ScheduleMethod.EqualInstalment, BenchmarkLoan.Principal, BenchmarkLoan.AnnualRate, BenchmarkLoan.Months, 0m, start, 2, MidpointRounding.AwayFromZero);
}
