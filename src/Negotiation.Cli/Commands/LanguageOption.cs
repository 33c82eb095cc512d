using System.CommandLine;
using Negotiation.Core.RuleSets;

namespace Negotiation.Cli.Commands;

/// <summary><c>--lang</c>: the language a plan or a message is written in, checked against the rule set.</summary>
internal static class LanguageOption
{
    public static Option<string?> Create(string description) => new("--lang") { Description = description };

    /// <summary>
    /// The rule set's form of the language asked for (<c>en</c> reaches an <c>en-GB</c> set), or its first language when none was
    /// asked for; null, with the reason on <paramref name="stderr"/>, when the set is written in no form of it.
    /// </summary>
    public static string? Resolve(RuleSet ruleSet, string? asked, TextWriter stderr)
    {
        if (asked is null)
        {
            return ruleSet.Languages[0];
        }

        if (ruleSet.LanguageFor(asked) is { } language)
        {
            return language;
        }

        stderr.WriteLine($"--lang: the rule set '{ruleSet.Id}' is written in {string.Join(", ", ruleSet.Languages)}, not '{asked}'");
        return null;
    }
}
