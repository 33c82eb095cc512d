using Negotiation.Core.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>Reads one rule-set file as a JSON tree with line numbers, turning syntax errors into problems.</summary>
internal static class JsonSource
{
    /// <summary>The largest rule-set file accepted, in characters.</summary>
    public const int MaxFileLength = 2 * 1024 * 1024;

    /// <summary>Reads at most one character more than <see cref="MaxFileLength"/>, so a huge or endless stream cannot exhaust memory.</summary>
    public static string ReadBounded(TextReader reader)
    {
        var buffer = new char[MaxFileLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return new string(buffer, 0, length);
    }

    public static JToken? Parse(string file, string text, ProblemList problems)
    {
        if (text.Length > MaxFileLength)
        {
            problems.Add(file, null, null, $"the file is longer than the {JsonChecks.Count(MaxFileLength)} characters accepted");
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
        : [.. problems, new RuleSetProblem(firstUnlistedFile!, null, null, null, $"{JsonChecks.Count(unlisted)} more problems are not listed; fix these and load the set again")];

    public void Add(string file, int? line, int? column, string message, string? rule = null) =>
        Add(new RuleSetProblem(file, line, column, rule, message));

    public void Add(string file, JToken? at, string message, string? rule = null)
    {
        var info = at as IJsonLineInfo;
        var has = info?.HasLineInfo() == true;
        Add(new RuleSetProblem(file, has ? info!.LineNumber : null, has ? info!.LinePosition : null, rule, message));
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
