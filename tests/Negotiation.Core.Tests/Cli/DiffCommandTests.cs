using Negotiation.Cli;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Cli;

/// <summary><c>negotiation diff</c>: the cases whose advice a rule change alters, with the rules behind each change.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private static readonly string DefaultRules = TestFiles.Path("rules", "cn-consumer-credit");

    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-diff-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>The example cases, one per line.</summary>
    private string Cases(params string[] extraLines)
    {
        var path = Path.Combine(temp, "cases.jsonl");
        var lines = TestFiles.ExampleCases().Select(f => JObject.Parse(File.ReadAllText(f)).ToString(Newtonsoft.Json.Formatting.None)).Concat(extraLines);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>A copy of the default set with one rule's expression changed.</summary>
    private string DefaultWith(string workflow, string rule, Func<string, string> change)
    {
        var folder = Path.Combine(temp, "new");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(DefaultRules, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var path = Path.Combine(folder, workflow + ".json");
        var json = JObject.Parse(File.ReadAllText(path));
        var target = json["Rules"]!.Single(r => (string?)r["RuleName"] == rule);
        target["Expression"] = change((string)target["Expression"]!);
        File.WriteAllText(path, json.ToString());
        return folder;
    }

    [Fact]
    public void Diff_of_the_same_rules_reports_nothing_and_exits_0()
    {
        var (code, output, error) = CommandLine.Run("diff", Cases(), "--rules", DefaultRules, "--against", DefaultRules);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Equal("diff cn-consumer-credit 1.0.0 → cn-consumer-credit 1.0.0: 3 cases compared, 0 changed, 3 unchanged\n", output);
    }

    [Fact]
    public void Diff_reports_changed_requests_with_the_rules_whose_firing_changed_and_exits_1()
    {
        var changed = DefaultWith("requests", "extension-after-part-payment", e => $"({e}) && facts.daysPastDue > 1000");

        var (code, output, _) = CommandLine.Run("diff", Cases(), "--rules", DefaultRules, "--against", changed);

        Assert.Equal(ExitCodes.InvalidInput, code);
        var lines = output.Split('\n');
        var seed = Array.IndexOf(lines, "line 3:");
        Assert.True(seed >= 0, output);
        Assert.StartsWith("  requests: [extension, fee-waiver] → [", lines[seed + 1], StringComparison.Ordinal);
        Assert.Contains("    requests/extension-after-part-payment: fired → not fired", lines);
        Assert.Contains(lines, l => l.StartsWith("diff cn-consumer-credit 1.0.0 → cn-consumer-credit 1.0.0: 3 cases compared, ", StringComparison.Ordinal) && l.Contains("requests ", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_reports_a_bad_line_by_number_and_compares_the_others()
    {
        var (code, output, error) = CommandLine.Run("diff", Cases("{\"asOf\": \"2026-13-01\"}"), "--rules", DefaultRules, "--against", DefaultRules);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith(Path.Combine(temp, "cases.jsonl") + ":4: ", error, StringComparison.Ordinal);
        Assert.Contains("3 cases compared, 0 changed, 3 unchanged, 1 lines could not be compared", output);
    }

    [Fact]
    public void Diff_reports_the_problems_of_both_rule_sets()
    {
        var broken = DefaultWith("decision", "overdue-pay-now", _ => "facts.daysPastDeu > 0");

        var (code, output, error) = CommandLine.Run("diff", Cases(), "--rules", Path.Combine(temp, "missing"), "--against", broken);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Contains("missing: is not a folder that can be read", error);
        Assert.Contains("did you mean 'facts.daysPastDue'?", error);
    }

    [Fact]
    public void Diff_without_the_new_rules_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, CommandLine.Run("diff", Cases(), "--rules", DefaultRules).Code);
    }
}
