using Negotiation.Core.Advice;
using Negotiation.Core.Cases;

namespace Negotiation.Core.Advice.Explaining;

/// <summary>
/// Why a rule fired or did not for one case: its expression split into its parts (on top-level <c>&amp;&amp;</c> and
/// <c>||</c>, brackets and negated brackets, recursively), each with its value for the case, the named conditions it
/// uses with theirs, and the values it read. Made by <see cref="NegotiationAdvisor.Explain(BorrowerCase, string)"/>.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record RuleExplanation
{
    /// <summary>Gets the rule's workflow.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the rule's name.</summary>
    public required string Rule { get; init; }

    /// <summary>Gets whether the rule is enabled; a rule the rule set disables never fires.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Gets whether the rule fired for the case, as in the plan.</summary>
    public required bool Fired { get; init; }

    /// <summary>Gets the run-time error that made the rule fail, if any.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the rule's condition, part by part.</summary>
    public required ConditionPart Condition { get; init; }

    /// <summary>Gets the named conditions the rule uses, directly or through another, with their values.</summary>
    public required ValueList<NamedConditionValue> Conditions { get; init; }

    /// <summary>Gets the values the rule read, as its trace entry shows them.</summary>
    public required ValueList<TraceInput> Inputs { get; init; }
}

/// <summary>
/// A part of a rule's condition and its value for the case. Each part is evaluated on its own, with the same guarded
/// compiler and the same inputs the rule saw, so a part that the rule itself never reaches (after <c>&amp;&amp;</c> met
/// false) still shows its value, or the error it would raise.
/// </summary>
public sealed record ConditionPart
{
    /// <summary>Gets the part as written: an expression, or for a child rule its name.</summary>
    public required string Text { get; init; }

    /// <summary>Gets how <see cref="Parts"/> combine: <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, a child rules' operator (<c>And</c>, <c>AndAlso</c>, <c>Or</c>, <c>OrElse</c>), or null for a leaf.</summary>
    public string? Operator { get; init; }

    /// <summary>Gets the part's value: true or false for a condition, else a number, a text or a date; null when it has none or failed.</summary>
    public object? Value { get; init; }

    /// <summary>Gets why the part could not be evaluated, if it could not.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the sub-parts, in order (empty for a leaf).</summary>
    public ValueList<ConditionPart> Parts { get; init; } = [];
}

/// <summary>A named condition (GlobalParams, LocalParams, or the manifest's conditions) a rule uses, and its value for the case.</summary>
public sealed record NamedConditionValue
{
    /// <summary>Gets the condition's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets its expression as written.</summary>
    public required string Expression { get; init; }

    /// <summary>Gets its value, or null when it failed.</summary>
    public object? Value { get; init; }

    /// <summary>Gets why it could not be evaluated, if it could not.</summary>
    public string? Error { get; init; }
}
