using BenchmarkDotNet.Attributes;

namespace Negotiation.Core.Benchmarks.Calculators;

/// <summary>
/// A short job (3 warm-ups, 15 measured iterations) so that the whole calculator suite runs in a few
/// minutes on a shared machine; the ratios to the baseline in the same run are what to read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortCalculatorJobAttribute() : SimpleJobAttribute(launchCount: 1, warmupCount: 3, iterationCount: 15);

/// <summary>The loan every calculator benchmark uses: 100 000 at 18 % a year over 60 months.</summary>
internal static class BenchmarkLoan
{
    public const decimal Principal = 100_000m;
    public const decimal AnnualRate = 0.18m;
    public const int Months = 60;
}
