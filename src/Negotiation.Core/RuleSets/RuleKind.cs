namespace Negotiation.Core.RuleSets;

/// <summary>What a rule contributes to the plan when it fires (its <c>Properties.kind</c>).</summary>
internal enum RuleKind
{
    /// <summary>A reason in the decision; may set the outcome.</summary>
    Reason,
    /// <summary>A request to make of the lender.</summary>
    Request,
    /// <summary>A document to prepare.</summary>
    Material,
    /// <summary>The opening or a point of the communication script.</summary>
    Guidance,
    /// <summary>Something to watch during the negotiation.</summary>
    Watchpoint,
    /// <summary>A danger, such as a scam signal.</summary>
    Warning,
    /// <summary>A step after a failed negotiation.</summary>
    Remedy,
}
