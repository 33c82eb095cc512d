using Negotiation.Cli;
using Negotiation.Core.Tests.RuleSets.Evaluation;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Cli;

/// <summary><c>negotiation test --coverage</c> and <c>--coverage-min</c>: which rules the scenarios fire, and a floor for CI.</summary>
public sealed class TestCoverageTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-coverage-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>The minimal set with one scenario: the seed case, overdue beyond grace with a short-term hardship.</summary>
    private string MinimalWithOneScenario()
    {
        var folder = Path.Combine(temp, "rules");
        Directory.CreateDirectory(Path.Combine(folder, "scenarios"));
        foreach (var file in Directory.GetFiles(TestFiles.Path("TestData", "rulesets", "minimal")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var scenario = new JObject
        {
            ["name"] = "seed",
            ["case"] = JObject.Parse(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"))).Also(c => c.Remove("$schema")),
            ["expect"] = new JObject { ["outcome"] = "negotiate" },
        };
        File.WriteAllText(Path.Combine(folder, "scenarios", "seed.json"), scenario.ToString());
        return Path.Combine(folder, "scenarios");
    }

    [Fact]
    public void Coverage_counts_per_rule_and_lists_rules_never_fired_and_always_fired()
    {
        var (code, output, _) = CommandLine.Run("test", MinimalWithOneScenario(), "--coverage");

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n');
        Assert.Contains("coverage over 1 scenario:", lines);
        Assert.Contains("  decision: 1 of 2 rules fired at least once", lines);
        Assert.Contains(lines, l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["in-grace", "0", "1"]);
        Assert.Contains(lines, l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["overdue", "1", "0"]);
        Assert.Contains(lines, l => l.StartsWith("never fired (", StringComparison.Ordinal) && l.Contains("decision/in-grace", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("always fired (", StringComparison.Ordinal) && l.Contains("decision/overdue", StringComparison.Ordinal));
        Assert.Contains("exercised both ways: 0 of 5 rules (0.0 %)", lines);
    }

    [Fact]
    public void Coverage_fails_below_minimum()
    {
        var (code, output, error) = CommandLine.Run("test", MinimalWithOneScenario(), "--coverage-min", "100");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("1 passed, 0 failed", output);
        Assert.Contains("coverage over 1 scenario:", output);
        Assert.Matches(@"coverage: \d+\.\d % of rules fired at least once, below the minimum of 100 % \(--coverage-min\)", error);
    }

    [Fact]
    public void Coverage_at_or_above_minimum_passes()
    {
        var scenarios = MinimalWithOneScenario();
        var (_, output, _) = CommandLine.Run("test", scenarios, "--coverage");
        var fired = decimal.Parse(System.Text.RegularExpressions.Regex.Match(output, @"fired at least once: \d+ of \d+ rules \((\d+\.\d) %\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ExitCodes.Ok, CommandLine.Run("test", scenarios, "--coverage-min", fired.ToString(System.Globalization.CultureInfo.InvariantCulture)).Code);
        Assert.Equal(ExitCodes.InvalidInput, CommandLine.Run("test", scenarios, "--coverage-min", (fired + 0.1m).ToString(System.Globalization.CultureInfo.InvariantCulture)).Code);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("most")]
    public void Coverage_minimum_that_is_not_a_percentage_is_a_usage_error(string minimum)
    {
        var (code, _, error) = CommandLine.Run("test", MinimalWithOneScenario(), "--coverage-min", minimum);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--coverage-min", error);
    }

    [Fact]
    public void Default_rule_set_scenarios_fire_every_rule_at_least_once()
    {
        var (code, output, error) = CommandLine.Run("test", TestFiles.Path("rules", "cn-consumer-credit", "scenarios"), "--coverage-min", "100");

        Assert.True(code == ExitCodes.Ok, output + error);
        Assert.Contains("never fired (0): none", output);
    }
}
