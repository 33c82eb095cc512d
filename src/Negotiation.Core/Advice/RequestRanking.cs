using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;

namespace Negotiation.Core.Advice;

/// <summary>A request the plan proposes: the firing whose rule words it, its computed terms, and whether it closes the gap.</summary>
internal sealed record RankedRequest(int Firing, RuleSpec Spec, ComputedRequest Computed, bool ClosesGap);

/// <summary>
/// The one ranking policy: rules decide which requests are eligible and how they are worded; this orders them by what
/// closes the gap, the source's principle of asking for the smallest concession that solves the problem.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Requests are proposed when the outcome is <c>negotiate</c> or <c>seek-debt-advice</c> (an adviser negotiates them),
/// when it is <c>ask-customer-service</c> (a fee waiver or refund to put to customer service, where a rule makes one
/// eligible), and when obligations come first by a reason marked <c>requestsOnceMet</c> (a promise to
/// keep, an amount to pay: the requests are the ones to make once that is done). Paying now needs no concession, and a
/// borrower who must first get back in touch or answer a suspicion hears the lender before asking anything.</item>
/// <item>A request type an earlier contact agreed is not asked again, unless a promise was broken and it is a plan for the
/// arrears alone, an extension that pays part now or, with payments made since, a plan on today's budget, which mend the
/// agreement; a request that asks for nothing (a waiver
/// of 0, a rate no lower than the current one) is dropped. (One refused twice stays: the rules word it as a changed
/// request.)</item>
/// <item>A request whose rule marks it <c>sole</c> (accepting a settlement the lender offered) is then the only one.</item>
/// <item>Every request that closes the gap, smallest concession first (the rule set's <see cref="RuleSet.RequestOrder"/>).
/// The borrower's stated goal is honoured by being in the list (the rules make it eligible, or a reason says why not), not
/// by jumping the order: a goal first whatever it costs would let more income lead to a larger concession.</item>
/// <item>Then a request whose rule marks it <c>firstStep</c> (time while a new hardship's course is unknown): the gap cannot
/// be sized yet, so the step that keeps the options open comes before the concessions sized on today's budget.</item>
/// <item>Then the requests that do not close it alone, largest first: the one that narrows the gap most leads. Interest
/// relief leads them while what the budget sustains is less than a month's interest (<c>monthlyInterest</c>): then every
/// payment only slows the balance's growth.</item>
/// <item>Last, requests whose rule marks them <c>lastResort</c> (the default set's write-off while most of the debt could
/// still be repaid), in the same order: a write-off closes any gap by definition, which says nothing about whether it
/// should lead.</item>
/// </list>
/// Whether a request closes the gap is a fact the calculators computed (<c>extensionClosesGap</c>, <c>feeWaiverClosesGap</c>,
/// <c>planClosesGap</c>, <c>reliefClosesGap</c>; a plan that fits only at the relief rate is computed at it and closes the gap
/// with it); a principal reduction, proposed only beyond any plan, always does.
/// </remarks>
internal sealed class RequestRanking(RuleSet rules, BorrowerCase @case, int decimals)
{
    private const string AskCustomerService = "ask-customer-service";
    private List<RankedRequest> ranked = [];
    private int requestFirings;

    /// <summary>Gets the ranked requests as of the last workflow.</summary>
    public List<RankedRequest> Ranked => ranked;

    /// <summary>
    /// The facts the next workflow sees: the outcome decided so far, and, once request rules have fired, the ranked
    /// requests' types; the same instance when nothing changed.
    /// </summary>
    public Assessment AfterWorkflow(List<RuleFiring> firings, Assessment facts)
    {
        // After the first workflow an outcome always stands: the one the fired reasons argue, else the default.
        var deciding = RuleEvaluator.DecidingReason(firings);
        var outcome = deciding?.Outcome ?? PlanAssembler.DefaultOutcome;
        facts = outcome == facts.Outcome ? facts : facts with { Outcome = outcome };
        var fired = 0;
        foreach (var f in firings)
        {
            fired += f.Success && f.Spec.Kind == RuleKind.Request ? 1 : 0;
        }

        if (fired == requestFirings)
        {
            return facts;
        }

        requestFirings = fired;
        ranked = Rank(firings, facts, deciding?.RequestsOnceMet ?? false);
        var types = new string[ranked.Count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = ranked[i].Spec.RequestType!;
        }

        return facts with { TopRequest = types.Length > 0 ? types[0] : "", RankedRequests = ValueList<string>.Own(types) };
    }

    private List<RankedRequest> Rank(List<RuleFiring> firings, Assessment facts, bool requestsOnceMet)
    {
        var candidates = new List<RankedRequest>();
        // Customer service can take off a charge; moving a payment, a plan, a write-off and the relief rate (a hardship's
        // terms, not a discount) are for a negotiation.
        var serviceOnly = facts.Outcome == AskCustomerService;
        if (!PlanAssembler.AsksLender(facts.Outcome) && !serviceOnly && !requestsOnceMet)
        {
            return candidates;
        }

        // The wording of each type is its fired rule of the lowest rank (the first of equals).
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < firings.Count; i++)
        {
            if (firings[i] is { Success: true, Spec: { Kind: RuleKind.Request, RequestType: { } type } spec } &&
                (!best.TryGetValue(type, out var at) || (spec.Rank ?? int.MaxValue) < (firings[at].Spec.Rank ?? int.MaxValue)))
            {
                best[type] = i;
            }
        }

        foreach (var (type, at) in best)
        {
            if (serviceOnly && type != "fee-waiver")
            {
                continue;
            }

            var computed = RequestTermsCalculator.Compute(type, @case, facts, rules.Parameters, decimals, firings[at].Spec.AtReliefRate);
            if (facts.AgreedRequests.Contains(type) && !MayBeAskedAgain(facts, computed.Terms))
            {
                continue;
            }

            if (RequestTermsCalculator.AsksForSomething(computed.Terms))
            {
                candidates.Add(new RankedRequest(at, firings[at].Spec, computed, ClosesGap(type, facts, computed.Terms)));
            }
        }

        // A request its rule marks sole (accepting a settlement) is the plan's only one when it is proposed.
        var sole = candidates.FindIndex(r => r.Spec.Sole);
        if (sole >= 0)
        {
            return [candidates[sole]];
        }

        var order = rules.RequestOrder;
        // Of the requests that do not close the gap, stopping interest narrows it most while what the budget sustains does not
        // cover a month's interest: without it every payment only slows the balance's growth.
        var interestOutruns = facts.AffordableInstalment < facts.MonthlyInterest;
        candidates.Sort((a, b) =>
        {
            var (groupA, groupB) = (Group(a), Group(b));
            if (groupA != groupB)
            {
                return groupA.CompareTo(groupB);
            }

            var (reliefA, reliefB) = (a.Spec.RequestType == "interest-relief", b.Spec.RequestType == "interest-relief");
            if (groupA == Standing.Narrows && interestOutruns && reliefA != reliefB)
            {
                return reliefA ? -1 : 1;
            }

            var bySize = order.IndexOf(a.Spec.RequestType!).CompareTo(order.IndexOf(b.Spec.RequestType!));
            return groupA == Standing.Narrows ? -bySize : bySize;
        });

        // A plan the lender agreed and now ignores is what to ask for first: that it be honoured (a35-04, b36-04).
        var honoured = facts.AgreedPlanDenied ? candidates.FindIndex(r => r.Spec.RequestType == "instalment-plan") : -1;
        if (honoured > 0)
        {
            var plan = candidates[honoured];
            candidates.RemoveAt(honoured);
            candidates.Insert(0, plan);
        }

        return candidates;
    }

    /// <summary>
    /// Whether a request of a type already agreed may be asked again: it mends a broken agreement (see
    /// <see cref="MendsABrokenAgreement"/>), or it is the agreed plan the lender now ignores, asked to be honoured
    /// (<c>agreedPlanDenied</c>).
    /// </summary>
    private static bool MayBeAskedAgain(Assessment facts, RequestTerms terms) =>
        MendsABrokenAgreement(facts, terms) || (facts.AgreedPlanDenied && terms.Type == "instalment-plan");

    /// <summary>
    /// Whether a request of a type already agreed mends the agreement rather than reopening it, after a broken promise: a plan
    /// for the arrears alone, which catches up what was missed while the agreed payments go on, or an extension or plan that
    /// pays part of what is overdue now (<see cref="RequestTerms.PaidNow"/>) and asks time only for the rest, or, once the borrower
    /// has paid again since the last broken promise (<c>paidSincePromiseBroken</c>), a new plan sized on today's budget (b24-06).
    /// </summary>
    private static bool MendsABrokenAgreement(Assessment facts, RequestTerms terms) =>
        facts.BrokenPromises > 0 && (terms.ArrearsPerMonth is not null || terms.PaidNow is not null ||
                                     (terms.Type == "instalment-plan" && facts.PaidSincePromiseBroken));

    /// <summary>Where a request stands in the ranking, first to last.</summary>
    private enum Standing
    {
        /// <summary>Closes the gap.</summary>
        ClosesGap,

        /// <summary>Marked by its rule as the first step (<c>firstStep</c>) and not closing the gap.</summary>
        FirstStep,

        /// <summary>Does not close the gap alone.</summary>
        Narrows,

        /// <summary>Marked by its rule as a last resort (<c>lastResort</c>), asked after the rest.</summary>
        LastResort,
    }

    private static Standing Group(RankedRequest r) =>
        r.Spec.LastResort ? Standing.LastResort : r.ClosesGap ? Standing.ClosesGap : r.Spec.FirstStep ? Standing.FirstStep : Standing.Narrows;

    private static bool ClosesGap(string type, Assessment facts, RequestTerms terms) => type switch
    {
        "extension" => facts.ExtensionClosesGap,
        "fee-waiver" => facts.FeeWaiverClosesGap,
        // A plan computed at the relief rate (its terms carry the rate) closes the gap with that rate: it is the request the
        // lower rate is asked within, so it comes before the relief, as the smaller concession does.
        "instalment-plan" => facts.PlanClosesGap || terms.ProposedRate is not null,
        // Stopping interest closes the gap where the plan needs it: none fits at the contract rate, or the one that does runs
        // more than twice as long as with relief (interest would take over half of every payment), or the budget still meets
        // the regular instalment and only the interest stands in the way. Otherwise a reduced plan at the contract rate is
        // the request, and the relief only shortens it.
        "interest-relief" => facts.ReliefClosesGap &&
                             (!facts.PlanClosesGap || facts.AffordablePlanMonths > 2 * facts.ReliefPlanMonths || facts.PlanAffordable >= facts.CurrentInstalment),
        _ => true,
    };
}

file static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return list.Count;
    }
}
