using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets;

/// <summary>How sure the rule set's authors are of a cited fact; messages word it accordingly.</summary>
public enum Certainty
{
    /// <summary>The regulation's own text was read.</summary>
    Primary,
    /// <summary>Known from a news, law-firm or Q&amp;A summary: worded as "reported", never as law.</summary>
    Secondary,
    /// <summary>Not confirmed: worded as "reported" or "proposed", never as law.</summary>
    Unverified,
}

/// <summary>A clause or source that rules cite, from the rule set's <c>citations.json</c>.</summary>
/// <param name="Id">The stable identifier rules use to cite it.</param>
/// <param name="Title">The clause's title in each language.</param>
/// <param name="Source">Where it comes from: the regulation and article, or the publication.</param>
/// <param name="Summary">What it says, in each language, in the rule set's own words.</param>
/// <param name="Certainty">How sure the authors are of it.</param>
/// <param name="BindsLenderKinds">The lender kinds the clause binds; empty when it binds every lender. For other lenders it is a reference point, not an entitlement.</param>
public sealed record Citation(string Id, LocalizedText Title, string Source, LocalizedText Summary, Certainty Certainty, IReadOnlyList<LenderKind> BindsLenderKinds)
{
    /// <summary>Gets whether the clause binds a lender of the given kind.</summary>
    /// <param name="kind">The lender's kind.</param>
    public bool Binds(LenderKind kind) => BindsLenderKinds.Count == 0 || BindsLenderKinds.Contains(kind);
}
