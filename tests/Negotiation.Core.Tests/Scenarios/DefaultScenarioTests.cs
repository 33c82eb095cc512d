using Negotiation.Core.Advice;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Scenarios;

/// <summary>Every scenario of the default rule set, each its own test case, against the embedded set and the folder alike.</summary>
public sealed class DefaultScenarioTests
{
    private static readonly NegotiationAdvisor Embedded = NegotiationAdvisor.CreateDefault();

    public static TheoryData<string> Scenarios => new(Files());

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(TestFiles.Path("rules", "cn-consumer-credit", "scenarios"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_holds_for_the_default_rule_set(string file)
    {
        var scenario = Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", file));

        Assert.Empty(scenario.Run(Embedded));
    }

    public static TheoryData<string> OpenScenarios => new(
        Directory.GetFiles(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "open"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    /// <summary>
    /// scenarios/open holds blind scenarios the rules do not meet yet, with their expectations as written; each must still
    /// fail, so that one the rules come to meet is moved up among the scenarios that must hold.
    /// </summary>
    [Theory]
    [MemberData(nameof(OpenScenarios))]
    public void Open_scenario_still_fails_until_the_rules_meet_it(string file)
    {
        var scenario = Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "open", file));

        Assert.True(scenario.Run(Embedded).Count > 0, $"{file} now passes: move it from scenarios/open to scenarios and say so in open/README.md");
    }

    [Fact]
    public void Default_rule_set_has_at_least_forty_scenarios_covering_every_outcome_and_request()
    {
        var plans = Files()
            .Select(f => Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", f)))
            .Select(s => Embedded.Advise(s.Case, s.Language ?? "zh-CN"))
            .ToList();

        Assert.True(plans.Count >= 40);
        Assert.Equal(["ask-customer-service", "fulfil-obligations-first", "negotiate", "pay-now"], plans.Select(p => p.Decision.Outcome.Code()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["extension", "fee-waiver", "instalment-plan", "interest-relief", "principal-reduction"],
            plans.Where(p => p.Requests.Count > 0).Select(p => p.Requests[0].Type.Code()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(plans, p => p.Language == "en");
        Assert.Contains(plans, p => p.Assessment.LenderIsBank);
    }

    [Fact]
    public void Every_rule_of_the_default_set_fires_in_some_scenario()
    {
        var fired = Files()
            .Select(f => Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", f)))
            .SelectMany(s => Embedded.Advise(s.Case).Trace.Where(t => t.Success).Select(t => t.Rule))
            .ToHashSet();

        var silent = RuleSet.Default.Rules.Select(r => r.Name).Where(name => !fired.Contains(name)).ToList();

        Assert.True(silent.Count == 0, "rules no scenario fires: " + string.Join(", ", silent));
    }

    [Fact]
    public void Seed_story_asks_for_an_extension_first_and_a_fee_waiver_second()
    {
        var plan = Embedded.Advise(Cases.BorrowerCaseJsonTestsAccess.Seed());

        Assert.Equal("negotiate", plan.Decision.Outcome.Code());
        Assert.Equal(["extension", "fee-waiver"], plan.Requests.Take(2).Select(r => r.Type.Code()));
    }
}
