namespace Negotiation.Core.Advice;

/// <summary>How much of a plan's <see cref="NegotiationPlan.Trace"/> its JSON carries.</summary>
/// <remarks>
/// The plan itself always holds every rule; the choice is made when it is written. A stored plan rarely needs the rules
/// that did not fire, and they are most of the trace.
/// </remarks>
public enum PlanTrace
{
    /// <summary>No trace: the <c>trace</c> property is left out.</summary>
    None,

    /// <summary>
    /// The rules that fired, by workflow, and once each the values they read that the assessment does not hold (the default):
    /// <c>{"workflow": {"rules": [...], "values": {...}}}</c>.
    /// </summary>
    Fired,

    /// <summary>Every top-level rule, fired or not, each with the values it read and any run-time error.</summary>
    All,
}
