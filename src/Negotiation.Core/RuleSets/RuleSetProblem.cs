namespace Negotiation.Core.RuleSets;

/// <summary>One thing wrong with a rule set: the file, the place in it, the rule, and what is wrong.</summary>
/// <param name="File">The file's name within the rule set folder, e.g. <c>requests.json</c>.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Rule">The rule's name, when the problem belongs to a rule.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record RuleSetProblem(string File, int? Line, int? Column, string? Rule, string Message)
{
    /// <summary>Formats the problem as <c>file:line:col: rule 'name': message</c>, leaving out the parts that are unknown.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}:{Column ?? 0}" : File;
        var rule = Rule is null ? "" : $" rule '{Rule}':";
        return $"{where}:{rule} {Message}";
    }
}
