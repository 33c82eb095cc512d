using System.CommandLine;
using Negotiation.Cli.Coverage;
using Negotiation.Core.Advice;
using Negotiation.Core.Scenarios;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiation test &lt;scenarios-dir&gt;</c>: runs every scenario file and prints what differed.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("scenarios-dir") { Description = "A folder of scenario files (*.json)." };
        var recursive = new Option<bool>("--recursive") { Description = "Also run the scenarios in the folder's sub-folders (e.g. scenarios/blind); leave out when sub-folders hold case files." };
        var rules = new Option<string?>("--rules")
        {
            Description = "A rule set folder or an embedded set's id; by default the nearest folder above the scenarios that holds ruleset.json, else the embedded default.",
        };
        var coverage = new Option<bool>("--coverage") { Description = "Also print, per workflow and rule, how many scenarios fired it and how many did not, the rules never fired and always fired, and the shares." };
        var coverageMin = new Option<decimal?>("--coverage-min")
        {
            Description = "Fail (exit 1) when fewer than this percentage of rules fired in at least one scenario (0-100); implies --coverage.",
        };
        var command = new Command("test", "Runs scenario files against a rule set: one line per failing scenario, then 'N passed, N failed'.") { folder, rules, recursive, coverage, coverageMin };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder)!;
            var minimum = parse.GetValue(coverageMin);
            if (minimum is < 0 or > 100)
            {
                stderr.WriteLine($"--coverage-min must be a percentage from 0 to 100, not {minimum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                return ExitCodes.Usage;
            }

            if (!Directory.Exists(path))
            {
                stderr.WriteLine($"{path}: is not a folder that can be read");
                return ExitCodes.InvalidInput;
            }

            // Scenarios usually sit in their rule set's folder (or a sub-folder of its scenarios): test those rules, not an
            // embedded copy that may be older.
            var rulesPath = parse.GetValue(rules);
            for (var above = Path.GetDirectoryName(Path.GetFullPath(path)); rulesPath is null && above is not null; above = Path.GetDirectoryName(above))
            {
                rulesPath = File.Exists(Path.Combine(above, "ruleset.json")) ? above : null;
            }

            if (RuleSetFiles.TryLoad(rulesPath, stderr) is not { } ruleSet)
            {
                return ExitCodes.InvalidInput;
            }

            stderr.WriteLine($"rules: {ruleSet.Id} {ruleSet.Version} from {rulesPath ?? "the embedded default"}");

            var advisor = NegotiationAdvisor.Create(ruleSet);
            var counts = parse.GetValue(coverage) || minimum is not null ? new RuleCoverage(ruleSet) : null;
            int passed = 0, failed = 0;
            var depth = parse.GetValue(recursive) ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
            foreach (var file in Directory.GetFiles(path, "*.json", depth).OrderBy(f => Path.GetRelativePath(path, f), StringComparer.Ordinal))
            {
                IReadOnlyList<string> differences;
                string name;
                try
                {
                    var scenario = Scenario.FromFile(file);
                    name = scenario.Name;
                    differences = scenario.Run(advisor);
                    if (counts is not null && differences.Count == 0)
                    {
                        // The plan the scenario just checked, advised again: every rule's firing is in its trace.
                        counts.Add(advisor.Advise(scenario.Case, scenario.Language ?? ruleSet.Languages[0]));
                    }
                }
                catch (ScenarioException e)
                {
                    name = Path.GetFileName(file);
                    differences = [e.Message];
                }

                if (differences.Count == 0)
                {
                    passed++;
                }
                else
                {
                    failed++;
                    stdout.WriteLine($"FAIL {file} ({name}): {string.Join("; ", differences)}");
                }
            }

            stdout.WriteLine($"{passed} passed, {failed} failed");
            counts?.Write(stdout);
            if (counts is not null && minimum is { } min && counts.FiredShare < min)
            {
                stderr.WriteLine($"coverage: {RuleCoverage.Percent(counts.FiredShare)} of rules fired at least once, below the minimum of {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} % (--coverage-min)");
                return ExitCodes.InvalidInput;
            }

            return failed == 0 && passed > 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }
}
