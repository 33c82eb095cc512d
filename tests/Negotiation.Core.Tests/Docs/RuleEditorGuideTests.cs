using System.Text.RegularExpressions;
using Negotiation.Cli;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Docs;

/// <summary>
/// rules/README.md's worked example runs as written: its rule and scenario are applied to a copy of the default set, its
/// commands run through <see cref="Program.Run"/>, and each output line it shows is found in what the command printed
/// ("…" in a shown line stands for what changes as the rule set grows).
/// </summary>
public sealed partial class RuleEditorGuideTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-guide-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static string Guide => File.ReadAllText(TestFiles.Path("rules", "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Guide_names_every_expectation_a_scenario_may_hold()
    {
        var schema = JObject.Parse(File.ReadAllText(TestFiles.Path("rules", "schemas", "scenario.schema.json")));
        var keys = ((JObject)schema["properties"]!["expect"]!["properties"]!).Properties().Select(p => p.Name).ToList();
        var paragraph = Guide[Guide.IndexOf("`expect` may hold", StringComparison.Ordinal)..];
        paragraph = paragraph[..paragraph.IndexOf("\n\n", StringComparison.Ordinal)];

        Assert.True(keys.Count > 10, "the schema's expectations were not found");
        Assert.Equal([], keys.Where(k => !paragraph.Contains($"`{k}`", StringComparison.Ordinal)));
    }

    [Fact]
    public void Worked_example_commands_print_what_the_guide_shows()
    {
        var guide = Guide;
        var original = Path.Combine(temp, "rules", "cn-consumer-credit");
        var mine = Path.Combine(temp, "my-rules");
        Copy(TestFiles.Path("rules", "cn-consumer-credit"), original);
        Copy(TestFiles.Path("rules", "cn-consumer-credit"), mine);

        // Step 2 and 3: the rule at the end of watchpoints.json, the scenario in the scenarios folder, its case on its own.
        var workflow = JObject.Parse(File.ReadAllText(Path.Combine(mine, "watchpoints.json")));
        ((JArray)workflow["Rules"]!).Add(JObject.Parse(Block(guide, "json rule")));
        File.WriteAllText(Path.Combine(mine, "watchpoints.json"), workflow.ToString());
        var scenario = JObject.Parse(Block(guide, "json scenario"));
        File.WriteAllText(Path.Combine(mine, "scenarios", "64-other-debts-heavy.json"), scenario.ToString());
        File.WriteAllText(Path.Combine(temp, "my-case.json"), scenario["case"]!.ToString());

        // Step 7's jq line: each example case, then the new one, compacted to one line.
        var cases = Directory.GetFiles(Path.Combine(original, "examples"), "*.json").Order(StringComparer.Ordinal).Append(Path.Combine(temp, "my-case.json"))
            .Select(f => JObject.Parse(File.ReadAllText(f)).ToString(Formatting.None));
        File.WriteAllText(Path.Combine(temp, "cases.jsonl"), string.Join("\n", cases) + "\n");

        var commands = Commands(guide).ToList();
        Assert.Equal(["validate", "test", "explain", "diff"], commands.Select(c => c.Args[0]));
        foreach (var (args, shown) in commands)
        {
            var resolved = args.Select(a => a.StartsWith("my-rules", StringComparison.Ordinal) || a.StartsWith("rules/", StringComparison.Ordinal) || a.EndsWith(".json", StringComparison.Ordinal) || a.EndsWith(".jsonl", StringComparison.Ordinal)
                ? Path.Combine(temp, a)
                : a).ToArray();

            var (code, output, error) = CommandLine.Run(resolved);

            Assert.True(code == (args[0] == "diff" ? ExitCodes.InvalidInput : ExitCodes.Ok), $"negotiation {string.Join(' ', args)} exited {code}: {error}");
            var printed = output.Split('\n');
            foreach (var line in shown.Split('\n').Where(l => l.Length > 0 && l != "…"))
            {
                // "…" in a shown line stands for what varies as the rule set grows (counts, line numbers); runs of spaces for column padding.
                var pattern = new Regex("^" + string.Join(".*", line.Split('…').Select(part => Regex.Replace(Regex.Escape(part), "( |\\\\ )+", " +"))) + "$");
                var found = printed.Any(pattern.IsMatch);
                Assert.True(found, $"negotiation {string.Join(' ', args)} did not print the guide's line \"{line}\":\n{output}");
            }
        }
    }

    [Fact]
    public void Guide_links_the_facts_reference_and_names_every_tool()
    {
        var guide = Guide;

        Assert.Contains("[FACTS.md](FACTS.md)", guide);
        Assert.True(File.Exists(TestFiles.Path("rules", "FACTS.md")));
        Assert.All(["negotiation validate", "negotiation test", "--coverage", "negotiation explain", "negotiation diff", "LocalParams", "GlobalParams", "conditions"],
            word => Assert.Contains(word, guide));
    }

    /// <summary>The body of the code block whose info string is <paramref name="info"/>.</summary>
    private static string Block(string guide, string info)
    {
        var match = Regex.Match(guide, "```" + Regex.Escape(info) + "\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"the guide has no ```{info} block");
        return match.Groups[1].Value;
    }

    /// <summary>Each <c>negotiation …</c> command of an sh block, and the plain block that follows it (what it prints).</summary>
    private static IEnumerable<(string[] Args, string Shown)> Commands(string guide)
    {
        foreach (Match match in CommandAndOutput().Matches(guide))
        {
            yield return (match.Groups[1].Value.Trim().Split(' ')[1..], match.Groups[2].Value);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("```sh\n(negotiation [^\n]*)\n```\n\n```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CommandAndOutput();
}
