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
    public void Quick_start_advises_on_the_seed_case_and_writes_the_plan()
    {
        var folder = Directory.CreateTempSubdirectory("quick-start-").FullName;
        try
        {
            var path = Path.Combine(folder, "case.json");
            File.Copy(TestFiles.ExampleCase("seed-oversight.json"), path);
            var output = new StringWriter();

            ReadmeQuickStart.Advise(path, output);

            Assert.StartsWith("Negotiate; lead with Extension: ", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("\"outcome\": \"negotiate\"", File.ReadAllText(Path.Combine(folder, "case.plan.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Quick_start_prints_problems_for_a_bad_case()
    {
        var output = new StringWriter();

        ReadmeQuickStart.Advise(TestFiles.Path("TestData", "cases", "malformed", "negative-principal.json"), output);

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

    [Fact]
    public void Readme_sample_output_is_what_the_main_command_prints()
    {
        var sample = Regex.Match(Normalise(Readme), "and prints:\n\n```\n(?<body>.*?)\n```", RegexOptions.Singleline).Groups["body"].Value
            .Split('\n').Where(line => line != "...").ToList();
        var (code, output, _) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"));
        var printed = output.Split('\n').ToList();

        Assert.Equal(0, code);
        Assert.True(sample.Count >= 8);
        var position = 0;
        foreach (var line in sample)
        {
            position = printed.IndexOf(line, position);
            Assert.True(position >= 0, $"README shows a line the command does not print (in this order): {line}");
        }
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
