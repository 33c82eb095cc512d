using System.Diagnostics;
using Negotiation.Cli;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>
/// A rule set's folder and a scenario's folder are read as trees of regular files: a link that leads outside (directly,
/// through a linked folder, or by <c>..</c>) is refused, and a pipe, socket or device is refused without being opened,
/// so a FIFO named <c>decision.json</c> cannot make loading hang. Messages never quote what lies outside.
/// </summary>
public sealed class FileSystemPolicyTests : IDisposable
{
    private const string Secret = "SECRET-do-not-echo";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-fs-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void A_pipe_named_like_a_workflow_is_refused_without_being_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var rules = CopyMinimal();
        var fifo = Path.Combine(rules, "decision.json");
        File.Delete(fifo);
        MakeFifo(fifo);

        var problems = WithinPatience(fifo, () => Assert.Throws<RuleSetValidationException>(() => RuleSet.FromDirectory(rules)).Problems);

        var problem = Assert.Single(problems);
        Assert.Equal("decision.json", problem.File);
        Assert.Contains("not a regular file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_pipe_in_the_rules_folder_and_exits_1()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var rules = CopyMinimal();
        var fifo = Path.Combine(rules, "citations.json");
        File.Delete(fifo);
        MakeFifo(fifo);

        var (code, _, error) = WithinPatience(fifo, () => CommandLine.Run("validate", rules));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith(fifo + ": ", error, StringComparison.Ordinal);
        Assert.Contains("not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_rule_set_is_refused_and_its_content_never_quoted()
    {
        var rules = CopyMinimal();
        var outside = Path.Combine(temp, "outside.json");
        File.WriteAllText(outside, $$"""{ "{{Secret}}": 1 }""");
        File.Delete(Path.Combine(rules, "citations.json"));
        File.CreateSymbolicLink(Path.Combine(rules, "citations.json"), "../outside.json");

        var problem = Assert.Single(Assert.Throws<RuleSetValidationException>(() => RuleSet.FromDirectory(rules)).Problems);

        Assert.Equal("citations.json", problem.File);
        Assert.Contains("outside the rule set's folder", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_through_a_linked_folder_that_leads_outside_is_refused()
    {
        var rules = CopyMinimal();
        var elsewhere = Path.Combine(temp, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.Move(Path.Combine(rules, "citations.json"), Path.Combine(elsewhere, "citations.json"));
        Directory.CreateSymbolicLink(Path.Combine(rules, "shared"), elsewhere);
        File.CreateSymbolicLink(Path.Combine(rules, "citations.json"), Path.Combine("shared", "citations.json"));

        var problem = Assert.Single(Assert.Throws<RuleSetValidationException>(() => RuleSet.FromDirectory(rules)).Problems);

        Assert.Equal("citations.json", problem.File);
        Assert.Contains("outside the rule set's folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_stays_inside_the_rule_set_is_followed()
    {
        var rules = CopyMinimal();
        Directory.CreateDirectory(Path.Combine(rules, "shared"));
        File.Move(Path.Combine(rules, "citations.json"), Path.Combine(rules, "shared", "citations.json"));
        File.CreateSymbolicLink(Path.Combine(rules, "citations.json"), Path.Combine("shared", "citations.json"));

        Assert.Equal(2, RuleSet.FromDirectory(rules).Citations.Count);
    }

    [Fact]
    public void A_rule_set_reached_through_a_linked_folder_loads()
    {
        var rules = CopyMinimal();
        var link = Path.Combine(temp, "current");
        Directory.CreateSymbolicLink(link, rules);

        Assert.Equal("test-minimal", RuleSet.FromDirectory(link).Id);
    }

    [Theory]
    [InlineData("../outside/case.json")]
    [InlineData("cases/../../outside/case.json")]
    [InlineData("ABSOLUTE")]
    public void A_case_file_outside_the_scenario_folder_is_refused(string caseFile)
    {
        var scenarios = Directory.CreateDirectory(Path.Combine(temp, "scenarios")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(temp, "outside")).FullName;
        File.Copy(TestFiles.ExampleCase("seed-oversight.json"), Path.Combine(outside, "case.json"));
        caseFile = caseFile == "ABSOLUTE" ? Path.Combine(outside, "case.json") : caseFile;
        var file = Path.Combine(scenarios, "escape.json");
        File.WriteAllText(file, $$"""{ "caseFile": {{Newtonsoft.Json.JsonConvert.ToString(caseFile)}}, "expect": {} }""");

        var error = Assert.Throws<ScenarioException>(() => Scenario.FromFile(file));

        Assert.Contains("outside the scenario's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_file_of_the_rule_set_above_the_scenarios_is_inside_their_tree()
    {
        // The layout of the default set: rules/<set>/scenarios/*.json name "../examples/*.json".
        var rules = CopyMinimal();
        var scenarios = Directory.CreateDirectory(Path.Combine(rules, "scenarios")).FullName;
        Directory.CreateDirectory(Path.Combine(rules, "examples"));
        File.Copy(TestFiles.ExampleCase("seed-oversight.json"), Path.Combine(rules, "examples", "seed.json"));
        var file = Path.Combine(scenarios, "seed.json");
        File.WriteAllText(file, """{ "caseFile": "../examples/seed.json", "expect": {} }""");

        Assert.Equal("CNY", Scenario.FromFile(file).Case.Currency);
    }

    [Fact]
    public void A_case_file_that_is_a_pipe_is_refused_without_being_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var scenarios = Directory.CreateDirectory(Path.Combine(temp, "scenarios")).FullName;
        var fifo = Path.Combine(scenarios, "case.fifo");
        MakeFifo(fifo);
        var file = Path.Combine(scenarios, "piped.json");
        File.WriteAllText(file, """{ "caseFile": "case.fifo", "expect": {} }""");

        var error = WithinPatience(fifo, () => Assert.Throws<ScenarioException>(() => Scenario.FromFile(file)));

        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_command_never_prints_what_a_case_file_outside_holds()
    {
        if (!File.Exists("/etc/passwd"))
        {
            return;
        }

        var scenarios = Directory.CreateDirectory(Path.Combine(temp, "a", "b", "scenarios")).FullName;
        File.WriteAllText(Path.Combine(scenarios, "passwd.json"), """{ "caseFile": "../../../../../../../../../../etc/passwd", "expect": {} }""");

        var (code, output, error) = CommandLine.Run("test", scenarios);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("outside the scenario's folder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", output + error, StringComparison.Ordinal);
    }

    private string CopyMinimal()
    {
        var folder = Path.Combine(temp, "rules");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestFiles.Path("TestData", "rulesets", "minimal")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>
    /// Runs <paramref name="action"/> and fails when it takes longer than <see cref="Patience"/>; a reader stuck on
    /// <paramref name="fifo"/> is then released by opening the pipe's other end, so that the test host is not left hanging.
    /// </summary>
    private static T WithinPatience<T>(string fifo, Func<T> action)
    {
        var run = Task.Run(action);
        if (run.Wait(Patience))
        {
            return run.Result;
        }

        using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
        }

        throw new Xunit.Sdk.XunitException($"reading {fifo} did not finish within {Patience.TotalSeconds} s: it was opened and waited on");
    }
}
