using Negotiation.Cli;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Cli;

/// <summary>validate, test and advise as a rule editor uses them.</summary>
public sealed class RuleSetCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-cli-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

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

    [Fact]
    public void Validate_prints_a_one_line_summary_for_a_valid_set()
    {
        var (code, output, error) = CommandLine.Run("validate", CopyMinimal());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("test-minimal 1.0.0: valid — 2 workflows, 5 rules, 2 citations, languages zh-CN, en", output.Trim());
        Assert.Empty(error);
    }

    [Fact]
    public void Validate_prints_every_problem_with_the_file_path_and_exits_1()
    {
        var folder = CopyMinimal();
        var decision = Path.Combine(folder, "decision.json");
        File.WriteAllText(decision, File.ReadAllText(decision).Replace("\"AndAlso\"", "\"and\"", StringComparison.Ordinal).Replace("facts.inGracePeriod &&", "facts.GetType() != null &&", StringComparison.Ordinal));

        var (code, output, error) = CommandLine.Run("validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith(decision + ":", StringComparison.Ordinal) && l.Contains("rule 'overdue': Operator must be exactly", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(decision + ":", StringComparison.Ordinal) && l.Contains("rule 'in-grace': the expression is refused: method 'Object.GetType'", StringComparison.Ordinal));
    }

    [UnixFact]
    public void Validate_refuses_the_quote_trick_on_a_one_megabyte_stack_instead_of_crashing()
    {
        // The parser ends a '...' literal at \' ; a check that took \' for an escape let 400 brackets through, and the
        // parser's recursion then overflowed the stack, which no handler can catch: the process died mid-validate.
        var folder = CopyMinimal();
        var decision = Path.Combine(folder, "decision.json");
        var workflow = JObject.Parse(File.ReadAllText(decision));
        workflow["Rules"]![0]!["Expression"] = "'x\\' != \"\" || " + new string('(', 400) + "true" + new string(')', 400);
        File.WriteAllText(decision, workflow.ToString());

        var (code, output, error) = CommandLine.RunProcess("ulimit -s 1024", new Dictionary<string, string>(), "validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.StartsWith(decision + ":", error, StringComparison.Ordinal);
        Assert.Contains("rule 'in-grace': the expression is refused: brackets nest deeper than 40 levels", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_parameter_names_that_differ_only_in_case_at_their_place_in_the_manifest()
    {
        var folder = CopyMinimal();
        var manifest = Path.Combine(folder, "ruleset.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"followUpDays\": 7", "\"followUpDays\": 7,\n    \"followUpDAYS\": 8", StringComparison.Ordinal));
        var decision = Path.Combine(folder, "decision.json");
        File.WriteAllText(decision, File.ReadAllText(decision).Replace("facts.inGracePeriod &&", "facts.daysPastDue > params.followUpDays &&", StringComparison.Ordinal));

        var (code, output, error) = CommandLine.Run("validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.StartsWith($"{manifest}:17:19: parameter 'followUpDAYS' differs from 'followUpDays' only in case", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Advise_gives_the_same_plan_under_a_turkish_locale_and_in_invariant_globalisation_mode()
    {
        // Casing and prefixes used to follow the process's culture: 'i' upper-cased is 'İ' in Turkish, and a culture ignores
        // a soft hyphen that an ordinal comparison sees. The same case and rules gave pay-now in one process and negotiate
        // in the other.
        var folder = CopyMinimal();
        var decision = Path.Combine(folder, "decision.json");
        var workflow = JObject.Parse(File.ReadAllText(decision));
        workflow["Rules"]![0]!["Expression"] = "\"i\".ToUpper() == \"I\" && !case.lender.name.StartsWith(\"享花卡\")";
        File.WriteAllText(decision, workflow.ToString());
        var seed = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));
        var caseFile = Path.Combine(temp, "case.json");
        File.WriteAllText(caseFile, (seed with { Lender = seed.Lender with { Name = "\u00AD享花卡" } }).ToJson());
        string[] args = ["advise", caseFile, "--rules", folder, "--format", "json", "--lang", "en"];

        var turkish = CommandLine.RunProcess("true", new Dictionary<string, string> { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0" }, args);
        var invariant = CommandLine.RunProcess("true", new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" }, args);

        Assert.Equal((ExitCodes.Ok, ""), (turkish.Code, turkish.Err));
        Assert.Equal((ExitCodes.Ok, ""), (invariant.Code, invariant.Err));
        Assert.Contains("\"outcome\": \"pay-now\"", invariant.Out, StringComparison.Ordinal);
        Assert.Equal(invariant.Out, turkish.Out);
    }

    [Fact]
    public void Test_prints_failing_scenarios_then_the_counts_and_exits_1()
    {
        var folder = CopyMinimal();
        var scenarios = Path.Combine(temp, "scenarios");
        Directory.CreateDirectory(scenarios);
        // The case sits in the scenarios' folder: a case file outside it would be refused.
        Directory.CreateDirectory(Path.Combine(scenarios, "cases"));
        File.Copy(TestFiles.ExampleCase("seed-oversight.json"), Path.Combine(scenarios, "cases", "seed.json"));
        const string caseFile = "cases/seed.json";
        File.WriteAllText(Path.Combine(scenarios, "a-pass.json"), $$"""
            { "name": "seed negotiates", "caseFile": "{{caseFile}}", "language": "en",
              "expect": { "outcome": "negotiate", "requests": ["extension", "instalment-plan"], "notRequests": ["principal-reduction"],
                          "reasons": ["overdue-negotiate"], "citations": ["reported"], "messageContains": ["10 days past due"], "nextFollowUp": "2026-11-27" } }
            """);
        File.WriteAllText(Path.Combine(scenarios, "b-fail.json"), $$"""
            { "name": "wrong on purpose", "caseFile": "{{caseFile}}",
              "expect": { "outcome": "pay-now", "requests": ["instalment-plan", "extension"], "warnings": ["scam"] } }
            """);
        File.WriteAllText(Path.Combine(scenarios, "c-broken.json"), """{ "name": "typo", "caseFile": "x.json", "expect": { "outcom": "negotiate" } }""");

        var (code, output, _) = CommandLine.Run("test", scenarios, "--rules", folder);

        Assert.Equal(ExitCodes.InvalidInput, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("(wrong on purpose): outcome: expected pay-now, got negotiate; requests: expected [instalment-plan, extension] in this order, got [extension, instalment-plan, fee-waiver]; warnings: missing scam", lines[0], StringComparison.Ordinal);
        Assert.Contains("unknown key 'outcom' in 'expect'; did you mean 'outcome'?", lines[1], StringComparison.Ordinal);
        Assert.Equal("1 passed, 2 failed", lines[2]);
    }

    [Fact]
    public void Test_finds_the_rule_set_above_a_sub_folder_and_recursive_runs_the_sub_folders_too()
    {
        var scenarios = TestFiles.Path("rules", "uk-consumer-credit", "scenarios");

        var (blindCode, blindOutput, blindError) = CommandLine.Run("test", Path.Combine(scenarios, "blind"));
        var (topCode, topOutput, _) = CommandLine.Run("test", scenarios);
        var (allCode, allOutput, _) = CommandLine.Run("test", scenarios, "--recursive");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok), (blindCode, topCode, allCode));
        Assert.Contains("rules: uk-consumer-credit", blindError, StringComparison.Ordinal);
        int Passed(string output) => int.Parse(output.Trim().Split('\n')[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var files = Directory.GetFiles(scenarios, "*.json", SearchOption.AllDirectories).Length;
        Assert.Equal(files, Passed(allOutput));
        Assert.True(Passed(topOutput) < Passed(allOutput));
        Assert.True(Passed(blindOutput) >= 40);
    }

    [Fact]
    public void Advise_writes_json_in_english_with_the_given_rules()
    {
        var (code, output, error) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--rules", CopyMinimal(), "--format", "json", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("\"outcome\": \"negotiate\"", output, StringComparison.Ordinal);
        Assert.Contains("\"language\": \"en\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_with_an_invalid_case_lists_its_problems_and_exits_1()
    {
        var (code, _, error) = CommandLine.Run("advise", TestFiles.Path("TestData", "cases", "malformed", "unknown-goal.json"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("goal: unknown value 'extend'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_refuses_an_unknown_format_as_a_usage_error()
    {
        var (code, _, _) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--format", "pdf");

        Assert.Equal(ExitCodes.Usage, code);
    }
}
