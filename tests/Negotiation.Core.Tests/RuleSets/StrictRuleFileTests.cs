using Negotiation.Core.Advice;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>
/// Rule files (the manifest, citations, workflows) and scenario files are JSON as RFC 8259 writes it: comments,
/// trailing commas, single quotes, bare names and numbers such as <c>010</c> are refused where they stand.
/// </summary>
public sealed class StrictRuleFileTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-strict-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    // file, what to replace, with what, and the line the problem must be on.
    public static TheoryData<string, string, string, int> Edits => new()
    {
        { "ruleset.json", "\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", // bumped by hand", 3 },
        { "ruleset.json", "\"followUpDays\": 7", "\"followUpDays\": 07", 16 },
        { "ruleset.json", "\"followUpDays\": 7", "\"followUpDays\": 0x7", 16 },
        { "ruleset.json", "\"workflows\": [\"decision\", \"requests\"]", "\"workflows\": ['decision', 'requests']", 21 },
        { "ruleset.json", "\"requests\"]", "\"requests\",]", 21 },
        { "ruleset.json", "\"jurisdiction\": \"CN\",", "jurisdiction: \"CN\",", 5 },
        { "citations.json", "\"certainty\": \"secondary\"", "\"certainty\": \"secondary\",", 16 },
        { "decision.json", "\"WorkflowName\": \"decision\",", "/* the first stage */ \"WorkflowName\": \"decision\",", 2 },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Rule_file_syntax_only_newtonsoft_accepts_is_refused_at_its_line(string file, string find, string replace, int line)
    {
        var text = TestFiles.Read("TestData", "rulesets", "minimal", file);
        Assert.Contains(find, text, StringComparison.Ordinal);

        var problems = RuleSetKit.Minimal().Replace(file, text.Replace(find, replace, StringComparison.Ordinal)).Problems();

        // A broken citations file also leaves the rules that cite it without their citations: the syntax comes first.
        var problem = problems[0];
        Assert.Equal(file, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.StartsWith("invalid JSON: ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"language\": \"en\",", "\"language\": \"en\", // English")]
    [InlineData("\"fee-waiver\"\n    ]", "\"fee-waiver\",\n    ]")]
    [InlineData("\"language\": \"en\"", "'language': 'en'")]
    public void Scenario_syntax_only_newtonsoft_accepts_is_refused_with_file_line_and_column(string find, string replace)
    {
        var folder = Path.Combine(temp, "scenarios");
        Directory.CreateDirectory(folder);
        var text = TestFiles.Read("rules", "cn-consumer-credit", "scenarios", "02-seed-oversight-en.json").ReplaceLineEndings("\n");
        Assert.Contains(find, text, StringComparison.Ordinal);
        var file = Path.Combine(folder, "lenient.json");
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal).Replace("../examples/", "", StringComparison.Ordinal));
        File.Copy(TestFiles.ExampleCase("seed-oversight.json"), Path.Combine(folder, "seed-oversight.json"));

        var error = Assert.Throws<ScenarioException>(() => Scenario.FromFile(file));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(file)}:[0-9]+:[0-9]+: invalid JSON: ", error.Message);
    }

    [Fact]
    public void A_strict_scenario_with_the_case_beside_it_still_runs()
    {
        var folder = Path.Combine(temp, "scenarios");
        Directory.CreateDirectory(folder);
        var text = TestFiles.Read("rules", "cn-consumer-credit", "scenarios", "02-seed-oversight-en.json");
        var file = Path.Combine(folder, "strict.json");
        File.WriteAllText(file, text.Replace("../examples/", "", StringComparison.Ordinal));
        File.Copy(TestFiles.ExampleCase("seed-oversight.json"), Path.Combine(folder, "seed-oversight.json"));

        Assert.Empty(Scenario.FromFile(file).Run(NegotiationAdvisor.CreateDefault()));
    }
}
