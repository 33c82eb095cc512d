using Negotiation.Cli;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Cli;

/// <summary><c>negotiation explain</c>: a rule's condition part by part, for an editor at a terminal.</summary>
public sealed class ExplainCommandTests
{
    private static readonly string Seed = TestFiles.ExampleCase("seed-oversight.json");

    [Fact]
    public void Explain_prints_each_part_with_its_value_and_the_values_read()
    {
        var (code, output, error) = CommandLine.Run("explain", Seed, "--rule", "extension-goal", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        var lines = output.Split('\n');
        Assert.Equal("rule 'extension-goal' (requests): not fired", lines[0]);
        Assert.StartsWith("message (en): You asked for an extension", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Trim() == "false   facts.goal == \"extension\"");
        Assert.Contains(lines, l => l.Trim() == "true    !facts.suspectedMaliciousOverdraft");
        Assert.Contains("  facts.goal = \"auto\"", lines);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_exits_1_naming_the_nearest()
    {
        var (code, output, error) = CommandLine.Run("explain", Seed, "--rule", "extension-gaol");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Equal("--rule: The rule set 'cn-consumer-credit' has no top-level rule named 'extension-gaol'; did you mean 'extension-goal'?\n", error);
    }

    [Fact]
    public void Explain_without_a_rule_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, CommandLine.Run("explain", Seed).Code);
    }

    [Fact]
    public void Explain_in_a_language_the_rule_set_lacks_exits_1()
    {
        var (code, _, error) = CommandLine.Run("explain", Seed, "--rule", "extension-goal", "--lang", "fr");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--lang: the rule set 'cn-consumer-credit' is written in zh-CN, en, not 'fr'", error);
    }
}
