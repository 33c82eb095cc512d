using Negotiation.Core.Diagnostics;
using Negotiation.Core.Inputs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>Reads one rule-set file as a JSON tree with line numbers, turning syntax errors into problems.</summary>
internal static class JsonSource
{
    /// <summary>The largest rule-set file accepted, in characters.</summary>
    public const int MaxFileLength = InputLimits.RuleFileLength;

    /// <summary>Reads at most one character more than <see cref="MaxFileLength"/>, so a huge or endless stream cannot exhaust memory.</summary>
    public static string ReadBounded(TextReader reader) => BoundedText.Read(reader, MaxFileLength);

    public static JToken? Parse(string file, string text, ProblemList problems)
    {
        if (text.Length > MaxFileLength)
        {
            problems.Add(file, null, null, InputLimits.TooLong("the file", MaxFileLength));
            return null;
        }

        var root = JsonText.TryParse(text, maxDepth: 64, out var error);
        if (error is not null)
        {
            problems.Add(file, error.Line, error.Column, error.Message);
        }

        return root;
    }
}

/// <summary>
/// Collects rule-set problems with their positions, keeping the first <see cref="MaxListed"/>: a hostile set of many
/// small broken rules must not turn into a report (and an exception message) far larger than itself.
/// </summary>
internal sealed class ProblemList
{
    /// <summary>The most problems listed; the rest are counted in one last problem.</summary>
    public const int MaxListed = 500;

    private readonly List<RuleSetProblem> problems = [];
    private int unlisted;
    private string? firstUnlistedFile;

    public int Count => problems.Count + unlisted;

    public IReadOnlyList<RuleSetProblem> Items => unlisted == 0
        ? problems
        : [.. problems, new RuleSetProblem { File = firstUnlistedFile!, Message = $"{JsonChecks.Count(unlisted)} more problems are not listed; fix these and load the set again" }];

    public void Add(string file, int? line, int? column, string message, string? rule = null) =>
        Add(new RuleSetProblem { File = file, Line = line, Column = column, Rule = rule, Message = message });

    public void Add(string file, JToken? at, string message, string? rule = null)
    {
        var info = at as IJsonLineInfo;
        var has = info?.HasLineInfo() == true;
        Add(new RuleSetProblem { File = file, Line = has ? info!.LineNumber : null, Column = has ? info!.LinePosition : null, Rule = rule, Message = message });
    }

    private void Add(RuleSetProblem problem)
    {
        if (problems.Count < MaxListed)
        {
            problems.Add(problem);
            return;
        }

        firstUnlistedFile ??= problem.File;
        unlisted++;
    }
}
