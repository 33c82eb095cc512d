using System.Globalization;
using System.Text;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// The plan depends on the case and the rules only: its JSON is byte-identical whatever the thread's culture, the
/// time zone or the environment, and the validation messages read the same in every culture.
/// </summary>
/// <remarks>Changes process-wide state (culture of the thread, TZ), so the class runs its tests one after another.</remarks>
[Collection(nameof(DeterminismTests))]
public sealed class DeterminismTests
{
    private static readonly string[] Cultures = ["zh-CN", "en-US", "de-DE", "ar-SA", ""];

    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    [Fact]
    public void Plan_json_is_byte_identical_under_every_culture()
    {
        var cases = TestFiles.ExampleCases().Select(f => BorrowerCase.FromJson(File.ReadAllText(f)))
            .Concat(Samples.Of(CaseGenerators.ValidCase(), 100, seed: 5))
            .ToArray();
        Assert.True(cases.Length >= 103);

        var baseline = InCulture("", () => Plans(cases));
        foreach (var culture in Cultures)
        {
            var plans = InCulture(culture, () => Plans(cases));
            for (var i = 0; i < plans.Length; i++)
            {
                Assert.True(baseline[i].AsSpan().SequenceEqual(plans[i]), $"plan {i} differs under '{culture}'");
            }
        }
    }

    [Fact]
    public void Cultures_under_test_really_format_differently()
    {
        // Guards the test above: if these cultures all wrote numbers alike, it would prove nothing.
        var written = Cultures.Select(c => InCulture(c, () => $"{1234567.5m:C} {-1} {new DateTime(2026, 11, 20):d}")).ToArray();

        Assert.Equal(Cultures.Length, written.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Validation_messages_read_the_same_under_every_culture()
    {
        var json = "{\"asOf\":\"2026-11-20\",\"currency\":\"CNY\",\"lender\":{\"name\":\"" + new string('x', 2001) + "\"}," +
                   "\"account\":{\"principal\":1,\"dueDate\":\"2026-11-10\",\"amountDue\":1,\"gracePeriodDays\":-1}," +
                   "\"documents\":[" + string.Join(",", Enumerable.Repeat("\"id\"", 1001)) + "]}";
        var tooLong = new string(' ', CaseLimits.MaxJsonLength + 1);

        var baseline = InCulture("", () => Messages(json) + Messages(tooLong));
        Assert.Contains("2,001 characters long; at most 2,000", baseline, StringComparison.Ordinal);
        Assert.Contains("has 1,001 items", baseline, StringComparison.Ordinal);
        Assert.Contains("(got -1)", baseline, StringComparison.Ordinal);
        foreach (var culture in Cultures)
        {
            Assert.Equal(baseline, InCulture(culture, () => Messages(json) + Messages(tooLong)));
        }
    }

    [Fact]
    public void Time_zone_and_environment_do_not_change_the_plan()
    {
        // The library reads no clock: asOf comes from the case. Moving the process to UTC+14 and then UTC-12, or
        // setting variables a library might consult, leaves every byte of every plan as it was.
        var cases = TestFiles.ExampleCases().Select(f => BorrowerCase.FromJson(File.ReadAllText(f))).ToArray();
        var baseline = Plans(cases);
        var saved = new[] { "TZ", "LANG", "LC_ALL", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT" }.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var zone in new[] { "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Shanghai" })
            {
                Environment.SetEnvironmentVariable("TZ", zone);
                Environment.SetEnvironmentVariable("LANG", "ar_SA.UTF-8");
                Environment.SetEnvironmentVariable("LC_ALL", "de_DE.UTF-8");
                TimeZoneInfo.ClearCachedData();

                var plans = Plans(cases);

                Assert.Equal(zone, TimeZoneInfo.Local.Id);
                Assert.All(plans.Zip(baseline), p => Assert.True(p.First.AsSpan().SequenceEqual(p.Second), $"plan differs under TZ={zone}"));
            }
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            TimeZoneInfo.ClearCachedData();
        }
    }

    private static byte[][] Plans(BorrowerCase[] cases) =>
        cases.SelectMany(c => new[] { Advisor.Advise(c, "zh-CN"), Advisor.Advise(c, "en") }).Select(p => Encoding.UTF8.GetBytes(p.ToJson())).ToArray();

    private static string Messages(string json) =>
        string.Join("\n", Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems.Select(p => p.ToString()));

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}

/// <summary>Runs the determinism tests alone: they change the process's time zone and environment.</summary>
[CollectionDefinition(nameof(DeterminismTests), DisableParallelization = true)]
public sealed class DeterminismCollection;
