using System.CommandLine;
using Negotiation.Core.RuleSets;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiation validate &lt;rules-dir&gt;</c>: loads a rule set and prints every problem, or a one-line summary.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("rules-dir") { Description = "The rule set folder (with ruleset.json)." };
        var command = new Command("validate", "Checks a rule set: every file, rule, message, citation and expression. Prints every problem, or a summary.") { folder };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder)!;
            if (RuleSetFiles.TryLoad(path, stderr) is not { } rules)
            {
                return ExitCodes.InvalidInput;
            }

            stdout.WriteLine($"{rules.Id} {rules.Version}: valid — {rules.Workflows.Count} workflows, {rules.RuleCount} rules, {rules.Citations.Count} citations, languages {string.Join(", ", rules.Languages)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
