using Negotiation.Core.Advice;
using Negotiation.Core.Cases;

namespace Negotiation.Core.Advice.Explaining;

/// <summary>
/// Why a rule fired or did not for one case: its expression split into its parts (on top-level <c>&amp;&amp;</c> and
/// <c>||</c>, brackets and negated brackets, recursively), each with its value for the case, the named conditions it
/// uses with theirs, and the values it read. Made by <see cref="NegotiationAdvisor.Explain(BorrowerCase, string)"/>.
/// </summary>
/// <param name="Workflow">The rule's workflow.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Enabled">False when the rule set disables the rule; it then never fires.</param>
/// <param name="Fired">Whether the rule fired for the case, as in the plan.</param>
/// <param name="Error">The run-time error that made it fail, if any.</param>
/// <param name="Condition">The rule's condition, part by part.</param>
/// <param name="Conditions">The named conditions the rule uses, directly or through another, with their values.</param>
/// <param name="Inputs">The values the rule read, as its trace entry shows them.</param>
/// <remarks>Immutable.</remarks>
public sealed record RuleExplanation(
    string Workflow,
    string Rule,
    bool Enabled,
    bool Fired,
    string? Error,
    ConditionPart Condition,
    ValueList<NamedConditionValue> Conditions,
    ValueList<TraceInput> Inputs);

/// <summary>
/// A part of a rule's condition and its value for the case. Each part is evaluated on its own, with the same guarded
/// compiler and the same inputs the rule saw, so a part that the rule itself never reaches (after <c>&amp;&amp;</c> met
/// false) still shows its value, or the error it would raise.
/// </summary>
/// <param name="Text">The part as written: an expression, or for a child rule its name.</param>
/// <param name="Operator">How <see cref="Parts"/> combine: <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, a child rules' operator (<c>And</c>, <c>AndAlso</c>, <c>Or</c>, <c>OrElse</c>), or null for a leaf.</param>
/// <param name="Value">The part's value: true or false for a condition, else a number, a text or a date; null when it has none or failed.</param>
/// <param name="Error">Why the part could not be evaluated, if it could not.</param>
/// <param name="Parts">The sub-parts, in order.</param>
public sealed record ConditionPart(string Text, string? Operator, object? Value, string? Error, ValueList<ConditionPart> Parts);

/// <summary>A named condition (GlobalParams, LocalParams, or the manifest's conditions) a rule uses, and its value for the case.</summary>
/// <param name="Name">The condition's name.</param>
/// <param name="Expression">Its expression as written.</param>
/// <param name="Value">Its value, or null when it failed.</param>
/// <param name="Error">Why it could not be evaluated, if it could not.</param>
public sealed record NamedConditionValue(string Name, string Expression, object? Value, string? Error);
