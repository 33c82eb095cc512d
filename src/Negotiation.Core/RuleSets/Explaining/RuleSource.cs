using Negotiation.Core.RuleSets.Evaluation;

namespace Negotiation.Core.RuleSets.Explaining;

/// <summary>A rule as written and checked, kept so that its expression can be explained part by part for a case.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Workflow">Its workflow.</param>
/// <param name="Enabled">False when the file disables it.</param>
/// <param name="Expression">Its expression's text, or null for a rule that combines child rules.</param>
/// <param name="Operator">The operator over the child rules, or null.</param>
/// <param name="Scope">The named conditions its expression may use.</param>
/// <param name="LocalParams">Its own LocalParams.</param>
/// <param name="Children">Its child rules.</param>
internal sealed record RuleSource(
    string Name,
    string Workflow,
    bool Enabled,
    string? Expression,
    string? Operator,
    IReadOnlyList<NamedCondition> Scope,
    IReadOnlyList<NamedCondition> LocalParams,
    IReadOnlyList<RuleSource> Children);
