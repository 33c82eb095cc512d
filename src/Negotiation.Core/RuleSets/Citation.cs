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
public sealed record Citation
{
    /// <summary>Gets the stable identifier rules use to cite it.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the clause's title in each language.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets where it comes from: the regulation and article, or the publication.</summary>
    public required string Source { get; init; }

    /// <summary>Gets what it says, in each language, in the rule set's own words.</summary>
    public required LocalizedText Summary { get; init; }

    /// <summary>Gets how sure the authors are of it.</summary>
    public required Certainty Certainty { get; init; }

    /// <summary>Gets the lender kinds the clause binds; empty when it binds every lender. For other lenders it is a reference point, not an entitlement.</summary>
    public required IReadOnlyList<LenderKind> BindsLenderKinds { get; init; }

    /// <summary>Gets whether the clause binds a lender of the given kind.</summary>
    /// <param name="kind">The lender's kind.</param>
    public bool Binds(LenderKind kind) => BindsLenderKinds.Count == 0 || BindsLenderKinds.Contains(kind);
}
