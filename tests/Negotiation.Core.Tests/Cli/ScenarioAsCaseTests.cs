using Negotiation.Cli;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Cli;

/// <summary>A rule editor may give <c>advise</c>, <c>explain</c> or <c>check-case</c> a scenario file: its case is used, and stderr says so.</summary>
public sealed class ScenarioAsCaseTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-scenario-case-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Advise_on_a_scenario_file_gives_the_plan_of_its_case_and_says_so()
    {
        var caseFile = TestFiles.ExampleCase("seed-oversight.json");
        var scenario = Path.Combine(temp, "seed.json");
        File.WriteAllText(scenario, $$"""
            { "name": "the seed's story", "case": {{File.ReadAllText(caseFile)}}, "expect": { "outcome": "negotiate" } }
            """);

        var fromCase = CommandLine.Run("advise", caseFile, "--format", "json");
        var (code, output, error) = CommandLine.Run("advise", scenario, "--format", "json");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(fromCase.Out, output);
        Assert.Equal($"{scenario}: a scenario file; using its case (\"the seed's story\")", error.Trim());
    }

    [Fact]
    public void A_scenario_whose_case_is_invalid_reports_the_problem_inside_it()
    {
        var scenario = Path.Combine(temp, "broken.json");
        File.WriteAllText(scenario, """
            { "case": { "asOf": "2026-11-20", "currency": "CNY", "account": { "principal": -1, "dueDate": "2026-11-10", "amountDue": 1 } },
              "expect": { "outcome": "negotiate" } }
            """);

        var (code, output, error) = CommandLine.Run("check-case", scenario);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Contains("account.principal: must not be negative", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown property 'expect'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_with_a_stray_expect_property_is_still_read_as_a_case()
    {
        var file = Path.Combine(temp, "stray.json");
        File.WriteAllText(file, """
            { "asOf": "2026-11-20", "currency": "CNY", "account": { "principal": 100, "dueDate": "2026-11-10", "amountDue": 1 }, "expect": {} }
            """);

        var (code, _, error) = CommandLine.Run("check-case", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("expect: unknown property 'expect'", error, StringComparison.Ordinal);
    }
}
