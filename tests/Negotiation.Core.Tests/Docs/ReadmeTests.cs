using System.Text.RegularExpressions;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Docs;

/// <summary>What README.md promises is what the code does.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = TestFiles.Read("README.md");

    [Fact]
    public void Readme_shows_the_compiled_quick_start_verbatim()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Negotiation.Core.Tests", "Docs", "ReadmeQuickStart.cs"));
        var snippet = Regex.Match(source, @"// begin-snippet: quick-start\r?\n(?<body>.*?)\s*// end-snippet", RegexOptions.Singleline).Groups["body"].Value;

        Assert.NotEmpty(snippet);
        Assert.Contains(Dedent(snippet), Normalise(Readme), StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_start_prints_the_seed_case_summary()
    {
        var output = new StringWriter();

        ReadmeQuickStart.CheckCase(TestFiles.ExampleCase("seed-oversight.json"), output);

        Assert.Equal("享花卡: owes 6964.90 CNY, due 2026-11-10", output.ToString().Trim());
    }

    [Fact]
    public void Quick_start_prints_problems_for_a_bad_case()
    {
        var output = new StringWriter();

        ReadmeQuickStart.CheckCase(TestFiles.Path("TestData", "cases", "malformed", "negative-principal.json"), output);

        Assert.Contains("account.principal: must not be negative", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_leads_with_the_two_commands_and_ci_runs_the_same_test_command()
    {
        var commands = CodeLines().Matches(Readme).Select(m => m.Groups["cmd"].Value.Trim()).ToList();
        var ciScript = File.ReadAllText(Path.Combine(RepositoryRoot(), ".ci", "run"));

        Assert.StartsWith("dotnet run --project src/Negotiation.Cli -- ", commands[0], StringComparison.Ordinal);
        Assert.StartsWith("dotnet test ", commands[1], StringComparison.Ordinal);
        Assert.Contains(commands[1], ciScript, StringComparison.Ordinal);
        Assert.Contains(commands[0], ciScript, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Negotiation.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Negotiation.Core.sln) is not above the test assembly.");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Dedent(string snippet)
    {
        var lines = Normalise(snippet).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    // The shell commands at the top of the README, in order: lines inside ```sh blocks.
    [GeneratedRegex(@"^(?<cmd>dotnet [^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex CodeLines();
}
