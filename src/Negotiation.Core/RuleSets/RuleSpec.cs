using Negotiation.Core.Messages;

namespace Negotiation.Core.RuleSets;

/// <summary>A message in every language the rule set declares, parsed once at load.</summary>
internal sealed class LocalizedTemplate(IReadOnlyDictionary<string, MessageTemplate> templates)
{
    public MessageTemplate this[string language] => templates[language];

    public IEnumerable<MessageTemplate> All => templates.Values;
}

/// <summary>What the plan needs from one top-level rule: its kind, code, message and kind-specific settings.</summary>
internal sealed record RuleSpec
{
    public required string Workflow { get; init; }

    public required string Name { get; init; }

    public required RuleKind Kind { get; init; }

    public required string Code { get; init; }

    /// <summary>Orders items of the same kind; lower first. Rules without one keep file order after ranked ones.</summary>
    public int? Rank { get; init; }

    public required LocalizedTemplate Message { get; init; }

    public IReadOnlyList<string> Citations { get; init; } = [];

    /// <summary>Reason: the outcome this reason argues for.</summary>
    public string? Outcome { get; init; }

    /// <summary>Reason: among reasons naming outcomes, the highest priority decides.</summary>
    public int Priority { get; init; }

    /// <summary>
    /// Reason that puts obligations first: when it decides the outcome, the plan carries the requests to make once the
    /// obligations are met (keeping a broken promise, paying what can be paid); otherwise such a plan carries none.
    /// </summary>
    public bool RequestsOnceMet { get; init; }

    /// <summary>Request: the request type (kebab-case).</summary>
    public string? RequestType { get; init; }

    /// <summary>Request: ranked after every request that is not a last resort, whatever gap it closes (<c>lastResort</c>).</summary>
    public bool LastResort { get; init; }

    /// <summary>
    /// Request: ranked right after the requests that close the gap although it does not (<c>firstStep</c>): the step to
    /// take while the gap cannot be sized yet, such as time while a new hardship's course is unknown.
    /// </summary>
    public bool FirstStep { get; init; }

    /// <summary>
    /// Request (instalment plan): computed at the relief rate (<c>atReliefRate</c>), as a plan offered on condition that the
    /// rate is lowered or interest stopped: its terms carry the rate and its schedule is at it, where relief closes the gap.
    /// </summary>
    public bool AtReliefRate { get; init; }

    /// <summary>Request: when it is proposed, the plan proposes it alone (<c>sole</c>): accepting a settlement settles everything.</summary>
    public bool Sole { get; init; }

    /// <summary>Material: whether the document is required for this case.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// The <see cref="Document"/> kind for the formal notices a case records as received (the others are the case's own
    /// document kinds): held when the case records any.
    /// </summary>
    public const string NoticesDocument = "notices";

    /// <summary>Material: the document kind it corresponds to, to tell whether the borrower holds it.</summary>
    public string? Document { get; init; }

    /// <summary>Material: practical tips.</summary>
    public IReadOnlyList<LocalizedTemplate> Tips { get; init; } = [];

    /// <summary>Guidance: <c>opening</c> or <c>point</c>.</summary>
    public string? Part { get; init; }

    /// <summary>Watchpoint and warning: <c>info</c>, <c>caution</c> or <c>high</c>.</summary>
    public string? Severity { get; init; }

    /// <summary>Watchpoint: the fact holding its due date.</summary>
    public string? DueFact { get; init; }

    /// <summary>Remedy: the step's place in the ladder.</summary>
    public int Step { get; init; }

    /// <summary>Remedy: where to turn (a code such as <c>12378</c> or <c>complaint</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>Remedy: days to wait before this step, resolved from a number or a parameter.</summary>
    public int? WaitDays { get; init; }

    /// <summary>The facts, case fields and parameters the rule's expressions read, for the trace.</summary>
    public IReadOnlyList<string> Reads { get; init; } = [];
}
