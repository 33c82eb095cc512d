using System.Globalization;
using Negotiation.Core.Calculators;
using NodaTime;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Calculators;

/// <summary>
/// Conformance with Excel 2010 on the ExcelFinancialFunctions test vectors (TestData/excel-financial,
/// provenance in its README). Every case of every file must pass at an absolute tolerance of 1e-6.
/// </summary>
public sealed class ExcelConformanceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("pmt", 1752)]
    [InlineData("ipmt", 4552)]
    [InlineData("ppmt", 4552)]
    [InlineData("fv", 2026)]
    [InlineData("pv", 1842)]
    [InlineData("nper", 855)]
    [InlineData("rate", 8)]
    [InlineData("irr", 11)]
    [InlineData("xirr", 26)]
    public void Every_excel_case_passes(string function, int expectedCases)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "excel-financial", function + ".test"))
            .Where(line => line.Length > 0)
            .ToArray();
        var failures = new List<string>();
        foreach (var line in lines)
        {
            var fields = line.Split(',');
            var expected = Number(fields[^1]);
            double actual;
            try
            {
                actual = Evaluate(function, fields);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{line} -> threw {e.Message}");
                continue;
            }

            if (!(Math.Abs(actual - expected) <= Tolerance))
            {
                failures.Add($"{line} -> {actual.ToString("R", CultureInfo.InvariantCulture)}");
            }
        }

        var passed = lines.Length - failures.Count;
        output.WriteLine($"{function.ToUpperInvariant()}: {passed} of {lines.Length} Excel cases passed at {Tolerance:0e0}.");
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine("  FAILED " + failure);
        }

        Assert.Equal(expectedCases, lines.Length);
        Assert.Equal(expectedCases, passed);
    }

    private static double Evaluate(string function, string[] f) => function switch
    {
        "pmt" => TimeValue.Pmt(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Timing(f[4])),
        "ipmt" => TimeValue.IPmt(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4]), Timing(f[5])),
        "ppmt" => TimeValue.PPmt(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4]), Timing(f[5])),
        "fv" => TimeValue.Fv(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Timing(f[4])),
        "pv" => TimeValue.Pv(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Timing(f[4])),
        "nper" => TimeValue.Nper(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Timing(f[4])),
        "rate" => TimeValue.Rate(Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), Timing(f[4]), Number(f[5])),
        "irr" => Rate(AnnualisedRate.Irr(Numbers(f[0]), Number(f[1]))).MonthlyRate,
        "xirr" => Rate(AnnualisedRate.Xirr(Numbers(f[0]), Dates(f[1]), Number(f[2]))).Effective,
        _ => throw new InvalidOperationException(function),
    };

    private static RateOfReturn Rate(RateOfReturn result) =>
        result.Converged ? result : throw new ArgumentException("did not converge");

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double[] Numbers(string text) => text.Split(';').Select(Number).ToArray();

    private static LocalDate[] Dates(string text) => text.Split(';')
        .Select(d => LocalDate.FromDateTime(DateTime.Parse(d, CultureInfo.InvariantCulture)))
        .ToArray();

    private static PaymentTiming Timing(string text) => Enum.Parse<PaymentTiming>(text);
}
