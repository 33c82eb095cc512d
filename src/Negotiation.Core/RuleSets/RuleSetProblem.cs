namespace Negotiation.Core.RuleSets;

/// <summary>One thing wrong with a rule set: the file, the place in it, the rule, and what is wrong.</summary>
public sealed record RuleSetProblem
{
    /// <summary>Gets the file's name within the rule set folder, e.g. <c>requests.json</c>.</summary>
    public required string File { get; init; }

    /// <summary>Gets the 1-based line, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column, when known.</summary>
    public int? Column { get; init; }

    /// <summary>Gets the rule's name, when the problem belongs to a rule.</summary>
    public string? Rule { get; init; }

    /// <summary>Gets what is wrong, in plain words.</summary>
    public required string Message { get; init; }

    /// <summary>Formats the problem as <c>file:line:col: rule 'name': message</c>, leaving out the parts that are unknown.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}:{Column ?? 0}" : File;
        var rule = Rule is null ? "" : $" rule '{Rule}':";
        return $"{where}:{rule} {Message}";
    }
}
