using FsCheck;
using FsCheck.Fluent;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Advice;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Scenarios;

/// <summary>
/// The second embedded rule set, uk-consumer-credit: every scenario (its own and those written blind from the fact sheet),
/// what they cover, and the advice invariants that hold for any rule set, from the same build as the default set.
/// </summary>
public sealed class UkScenarioTests
{
    private const string Id = "uk-consumer-credit";

    private static readonly NegotiationAdvisor Embedded = NegotiationAdvisor.Create(RuleSet.Embedded(Id));

    private static readonly string Folder = TestFiles.Path("rules", Id, "scenarios");

    public static TheoryData<string> Scenarios => new(Files());

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal);

    private static List<(Scenario Scenario, NegotiationPlan Plan)> All() =>
        Files().Select(f => Scenario.FromFile(Path.Combine(Folder, f))).Select(s => (s, Embedded.Advise(s.Case, s.Language ?? "en-GB"))).ToList();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_holds_for_the_embedded_uk_set(string file)
    {
        Assert.Empty(Scenario.FromFile(Path.Combine(Folder, file)).Run(Embedded));
    }

    public static TheoryData<string> OpenScenarios => new(
        Directory.GetFiles(TestFiles.Path("rules", Id, "open-scenarios"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    /// <summary>
    /// rules/uk-consumer-credit/open-scenarios holds blind scenarios the rules do not meet yet, with their expectations as
    /// written; each must still fail, so that one the rules come to meet is moved up among the scenarios that must hold.
    /// </summary>
    [Theory]
    [MemberData(nameof(OpenScenarios))]
    public void Open_uk_scenario_still_fails_until_the_rules_meet_it(string file)
    {
        var scenario = Scenario.FromFile(TestFiles.Path("rules", Id, "open-scenarios", file));

        Assert.True(scenario.Run(Embedded).Count > 0, $"{file} now passes: move it from open-scenarios to scenarios/blind4 and say so in open-scenarios/README.md");
    }

    [Fact]
    public void The_embedded_set_is_the_folder_and_loads_by_id()
    {
        var folder = RuleSet.FromDirectory(TestFiles.Path("rules", Id));

        Assert.Contains(Id, RuleSet.EmbeddedIds);
        Assert.Equal((folder.Id, folder.RuleCount, folder.Citations.Count), (RuleSet.Embedded(Id).Id, RuleSet.Embedded(Id).RuleCount, RuleSet.Embedded(Id).Citations.Count));
        Assert.Equal(("GBP", "en-GB"), (folder.Currency, folder.Languages[0]));
    }

    [Fact]
    public void At_least_forty_blind_scenarios_and_every_outcome_request_and_remedy_is_reached()
    {
        var all = All();
        var plans = all.Select(a => a.Plan).ToList();

        Assert.True(Files().Count(f => f.StartsWith("blind", StringComparison.Ordinal)) >= 40); // blind/ and blind2/
        Assert.Equal(
            ["negotiate", "pay-now", "seek-debt-advice"],
            plans.Select(p => p.Decision.Outcome.Code()).Distinct().Where(o => o is "negotiate" or "pay-now" or "seek-debt-advice").Order(StringComparer.Ordinal));
        Assert.Equal(
            ["extension", "fee-waiver", "instalment-plan", "interest-relief", "principal-reduction", "token-payments"],
            plans.Where(p => p.Requests.Count > 0).Select(p => p.Requests[0].Type.Code()).Distinct().Order(StringComparer.Ordinal));
        var remedies = plans.SelectMany(p => p.Remedies.Select(r => r.Code)).ToHashSet();
        Assert.All(
            ["complaint-to-lender", "await-final-response", "financial-ombudsman", "free-debt-advice", "breathing-space", "time-order", "report-to-fca", "formal-options"],
            code => Assert.Contains(code, remedies));
        Assert.All(["england-wales", "scotland", "northern-ireland"], region => Assert.Contains(plans, p => p.Assessment.Region == region));
    }

    [Fact]
    public void Every_rule_of_the_uk_set_fires_in_some_scenario()
    {
        var fired = All().SelectMany(a => a.Plan.Trace.Where(t => t.Success).Select(t => t.Rule)).ToHashSet();

        var silent = RuleSet.Embedded(Id).Rules.Select(r => r.Name).Where(name => !fired.Contains(name)).ToList();

        Assert.True(silent.Count == 0, "rules no scenario fires: " + string.Join(", ", silent));
    }

    [Fact]
    public void Breathing_space_is_never_offered_outside_england_and_wales()
    {
        Assert.DoesNotContain(All(), a => a.Plan.Assessment.Region is "scotland" or "northern-ireland" && a.Plan.Remedies.Any(r => r.Code == "breathing-space"));
    }

    [Fact]
    public void Invariants_that_hold_for_any_rule_set_hold_for_every_uk_scenario()
    {
        var broken = All().SelectMany(a => Broken(a.Scenario.Case, a.Plan).Select(b => $"{a.Scenario.Name}: {b}")).ToList();

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Invariants_that_hold_for_any_rule_set_hold_for_generated_cases_in_pounds()
    {
        // The default set's generated cases, in pounds and spread over the regions, drawn with the same seed as its
        // invariant properties (ADVICE_INVARIANT_SEED replays a run).
        string[] regions = ["england-wales", "scotland", "northern-ireland"];
        string? failure = null;
        var property = Prop.ForAll(AdviceCaseGenerators.Cases, (AdviceCase sample) =>
        {
            var c = sample.Case with { Currency = "GBP", Region = sample.Case.AsOf.Day % 4 == 3 ? null : regions[sample.Case.AsOf.Day % 4] };
            var plan = Embedded.Advise(c);
            var broken = Broken(c, plan).Concat(new[] { Monotone(c, plan) }.OfType<string>()).FirstOrDefault();
            failure = broken is null ? failure : $"{broken}\n{c.ToJson()}";
            return broken is null;
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(AdviceInvariantProperties.Cases)
            .WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(AdviceVerdicts.Seed), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        try
        {
            Check.One(config, property);
        }
        catch (Exception e) when (failure is not null)
        {
            throw new Xunit.Sdk.XunitException(failure + Environment.NewLine + "FsCheck: " + e.Message);
        }
    }

    /// <summary>
    /// More income never moves the top request to a larger concession, more debt never to a smaller one (a request already
    /// in the other plan is no move). Size is what the lender gives up, not the set's order of asking: the UK set asks for
    /// interest to be stopped before it offers a plan, but a plan at the contract rate is the smaller concession.
    /// </summary>
    private static string? Monotone(BorrowerCase c, NegotiationPlan plan)
    {
        if (plan.Requests.Count == 0)
        {
            return null;
        }

        // A write-off cannot grow; token payments hold the account while nothing is left, so a borrower with a surplus
        // may rightly be asked for a plan or, far beyond one, offered a partial write-off instead.
        var top = plan.Requests[0].Type;
        var moreIncome = top is RequestType.PrincipalReduction or RequestType.TokenPayments ? null : AdviceVerdicts.MoreIncome(c);
        return (moreIncome is null ? null : AdviceInvariantChecks.Compare(plan, Embedded.Advise(moreIncome), mayGrow: false, "income × 1.5")) ??
               (top == RequestType.Extension ? null : AdviceInvariantChecks.Compare(plan, Embedded.Advise(AdviceVerdicts.MoreDebt(c)), mayGrow: true, "the principal × 1.5"));
    }

    /// <summary>The coherence invariants that do not depend on the default set's figures, order or wording.</summary>
    private static IEnumerable<string> Broken(BorrowerCase c, NegotiationPlan plan) =>
        new[]
        {
            AdviceInvariantChecks.PayNowAsksNothing(plan),
            AdviceInvariantChecks.RequestsSaveSomething(plan),
            AdviceInvariantChecks.InterestReliefLowersTheRate(plan),
            AdviceInvariantChecks.ExtensionEndsAfterAsOf(c, plan),
            AdviceInvariantChecks.PlansRunTwoMonthsOrMore(plan),
            AdviceInvariantChecks.AgreedIsNotAskedAgain(c, plan),
            WriteOffOnlyWhenNoPlanFits(plan),
            AdviceInvariantChecks.LongTermHardshipDoesNotLeadWithExtension(CapacityOracle.Of(c, RuleSet.Embedded(Id).Parameters), plan),
        }.OfType<string>();

    /// <summary>
    /// A write-off is the last resort: never asked for while a plan at the contract rate fits the budget, unless the lender
    /// offered it (accepting a settlement costs less than any plan).
    /// </summary>
    private static string? WriteOffOnlyWhenNoPlanFits(NegotiationPlan plan) =>
        plan.Requests.Any(r => r.Type.Code() == "principal-reduction") && plan.Assessment.PlanClosesGap && !plan.Assessment.SettlementOffered
            ? $"principal-reduction asked although a plan of {plan.Assessment.AffordablePlanMonths} months fits"
            : null;
}
