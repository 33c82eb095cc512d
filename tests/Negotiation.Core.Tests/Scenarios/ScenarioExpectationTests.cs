using Negotiation.Core.Advice;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Scenarios;

/// <summary>The expectations that say a section of the plan must be empty.</summary>
public sealed class ScenarioExpectationTests : IDisposable
{
    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();
    private readonly string folder = Directory.CreateTempSubdirectory("scenario-expect-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Scenario Write(string expect, string? caseJson = null)
    {
        var path = Path.Combine(folder, "s.json");
        caseJson ??= File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"));
        File.WriteAllText(path, $$"""{ "name": "s", "case": {{caseJson}}, "expect": {{expect}} }""");
        return Scenario.FromFile(path);
    }

    [Fact]
    public void Empty_section_expectations_report_each_section_the_plan_still_holds()
    {
        // The seed story negotiates, so its plan has materials, talking points and remedies.
        var differences = Write("""{ "noMaterials": true, "noTalkingPoints": true, "noRemedies": true }""").Run(Advisor);

        Assert.Equal(3, differences.Count);
        Assert.StartsWith("noMaterials: expected no materials, the plan has identity", differences[0], StringComparison.Ordinal);
        Assert.StartsWith("noTalkingPoints: expected no talking points, the plan has ", differences[1], StringComparison.Ordinal);
        Assert.StartsWith("noRemedies: expected no remedies, the plan has ", differences[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_reason_and_watchpoint_expectations_name_the_ones_the_plan_has()
    {
        var plan = Advisor.Advise(Negotiation.Core.Cases.BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"))));
        var (reason, watchpoint) = (plan.Decision.Reasons[0].Code, plan.Watchpoints[0].Code);

        var differences = Write($$"""{ "notReasons": ["{{reason}}", "no-such-reason"], "notWatchpoints": ["{{watchpoint}}"] }""").Run(Advisor);

        Assert.Equal(2, differences.Count);
        Assert.Contains(reason, differences[0], StringComparison.Ordinal);
        Assert.StartsWith("notReasons", differences[0], StringComparison.Ordinal);
        Assert.StartsWith("notWatchpoints", differences[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_no_message_may_contain_is_reported_when_a_message_has_it()
    {
        var plan = Advisor.Advise(Negotiation.Core.Cases.BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"))));
        var written = plan.Decision.Reasons[0].Message[..12];

        var differences = Write($$"""{ "messageNotContains": [{{System.Text.Json.JsonSerializer.Serialize(written)}}, "no such words anywhere"] }""").Run(Advisor);

        Assert.Equal($"messageNotContains: a message contains \"{written}\"", Assert.Single(differences));
    }

    [Fact]
    public void Empty_section_expectations_set_to_false_ask_nothing()
    {
        Assert.Empty(Write("""{ "noMaterials": false, "noTalkingPoints": false, "noRemedies": false }""").Run(Advisor));
    }

    /// <summary>A case whose plan proposes an instalment plan: a lasting cut with a disputed fee (blind case a23-03).</summary>
    private static string PlanCase() =>
        Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Directory.GetFiles(TestFiles.Path("rules", "cn-consumer-credit", "scenarios"), "a23-03-*.json").Single()))["case"]!.ToString();

    [Fact]
    public void First_instalment_due_passes_on_the_plans_date_and_names_it_when_it_differs()
    {
        var caseJson = PlanCase();
        var plan = Advisor.Advise(Negotiation.Core.Cases.BorrowerCase.FromJson(caseJson));
        var due = plan.Requests.Single(r => r.Type == Negotiation.Core.Cases.RequestType.InstalmentPlan).Terms.FirstInstalmentDue!.Value;
        var iso = NodaTime.Text.LocalDatePattern.Iso.Format(due);

        Assert.Empty(Write($$"""{ "firstInstalmentDue": "{{iso}}" }""", caseJson).Run(Advisor));
        Assert.Empty(Write($$"""{ "firstInstalmentDue": ["2000-01-01", "{{iso}}"] }""", caseJson).Run(Advisor));
        Assert.Equal($"firstInstalmentDue: expected one of 2000-01-01, 2000-02-01, got {iso}",
            Assert.Single(Write("""{ "firstInstalmentDue": ["2000-01-01", "2000-02-01"] }""", caseJson).Run(Advisor)));
    }

    [Fact]
    public void First_instalment_due_fails_when_no_instalment_plan_is_proposed()
    {
        // The seed story asks for an extension, not a plan.
        Assert.Equal("firstInstalmentDue: expected 2026-12-05, got (no instalment plan among the requests)",
            Assert.Single(Write("""{ "firstInstalmentDue": "2026-12-05" }""").Run(Advisor)));
    }

    [Theory]
    [InlineData("\"5 Dec 2026\"")]
    [InlineData("[]")]
    [InlineData("[\"2026-12-05\", 5]")]
    public void First_instalment_due_that_is_not_a_date_is_refused_at_load(string value)
    {
        var e = Assert.Throws<ScenarioException>(() => Write($$"""{ "firstInstalmentDue": {{value}} }"""));
        Assert.Contains("'expect.firstInstalmentDue' must be a date (yyyy-MM-dd) or a non-empty list of dates", e.Message, StringComparison.Ordinal);
    }
}
