namespace Negotiation.Core.Cases;

/// <summary>One thing wrong with a case file: where it is and what is wrong.</summary>
public sealed record CaseProblem
{
    /// <summary>Gets the JSON path of the offending value, e.g. <c>account.principal</c> or <c>history[2].paidOn</c>; empty for the document itself.</summary>
    public required string Path { get; init; }

    /// <summary>Gets what is wrong, in plain words, with the allowed values or the nearest known name where that helps.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the 1-based line of the offending value in the JSON text, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column of the offending value in the JSON text, when known.</summary>
    public int? Column { get; init; }

    /// <summary>
    /// Formats the problem as <c>line:col: path: message</c>, leaving out the parts that are unknown, so that
    /// a file name put in front (<c>case.json:</c>) gives the usual <c>file:line:col:</c> form.
    /// </summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{line}:{Column ?? 0}: " : " ";
        var path = Path.Length > 0 ? $"{Path}: " : "";
        return where + path + Message;
    }
}
