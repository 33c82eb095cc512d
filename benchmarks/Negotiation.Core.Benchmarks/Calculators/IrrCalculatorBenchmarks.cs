using BenchmarkDotNet.Attributes;
using Microsoft.VisualBasic;
using Negotiation.Core.Calculators;

namespace Negotiation.Core.Benchmarks.Calculators;

/// <summary>The IRR of 61 monthly flows (−principal, then 60 payments).</summary>
[ShortCalculatorJob]
[MemoryDiagnoser]
[MedianColumn]
public class IrrCalculatorBenchmarks
{
    private double[] flows = [];

    /// <summary>Builds the flows of the benchmark loan.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var payment = -Financial.Pmt((double)BenchmarkLoan.AnnualRate / 12, BenchmarkLoan.Months, (double)BenchmarkLoan.Principal);
        flows = [-(double)BenchmarkLoan.Principal, .. Enumerable.Repeat(payment, BenchmarkLoan.Months)];
    }

    /// <summary>VB with guess 0: its default guess of 0.1 throws on loans this long.</summary>
    [Benchmark(Baseline = true, Description = "VB Financial.IRR (guess 0)")]
    public double VbFinancialIrr() => Financial.IRR(ref flows, 0);

    /// <summary>Ours with Excel's default guess.</summary>
    [Benchmark(Description = "AnnualisedRate.Irr (guess 0.1)")]
    public RateOfReturn Irr() => AnnualisedRate.Irr(flows);

    /// <summary>Ours with the same guess as the baseline.</summary>
    [Benchmark(Description = "AnnualisedRate.Irr (guess 0)")]
    public RateOfReturn IrrGuessZero() => AnnualisedRate.Irr(flows, 0);
}
