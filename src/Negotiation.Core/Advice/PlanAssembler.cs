using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using Negotiation.Core.Messages;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;
using NodaTime;

namespace Negotiation.Core.Advice;

/// <summary>Builds the plan from the rules that fired: orders items, renders messages, computes request terms, adds caveats.</summary>
internal static class PlanAssembler
{
    /// <summary>The outcome when no fired reason names one.</summary>
    public const string DefaultOutcome = "negotiate";

    public static NegotiationPlan Assemble(RuleSet rules, BorrowerCase c, Assessment facts, List<RuleFiring> firings, string language)
    {
        var decimals = Currencies.TryGetMinorUnit(c.Currency, out var minor) ? minor : 2;
        facts = facts.Outcome.Length > 0 ? facts : facts with { Outcome = DefaultOutcome };
        var fired = firings.Where(f => f.Success).Select((f, order) => (f.Spec, Order: order)).ToList();
        var render = new Renderer(rules, facts, language, decimals);

        IEnumerable<(RuleSpec Spec, int Order)> Of(RuleKind kind) =>
            fired.Where(f => f.Spec.Kind == kind).OrderBy(f => f.Spec.Rank ?? int.MaxValue).ThenBy(f => f.Order);

        var reasons = Of(RuleKind.Reason).ToList();
        var outcome = facts.Outcome.Length > 0 ? facts.Outcome : DefaultOutcome;
        var decision = new Decision(outcome, List(reasons.Select(r => new Reason(r.Spec.Code, render.Message(r.Spec), List(r.Spec.Citations)))));

        var requests = Of(RuleKind.Request).DistinctBy(r => r.Spec.RequestType).Select((r, i) =>
        {
            var computed = RequestTermsCalculator.Compute(r.Spec.RequestType!, c, facts, rules.Parameters, decimals);
            return new ProposedRequest(
                i + 1,
                r.Spec.RequestType!,
                r.Spec.Code,
                render.Message(r.Spec, computed.Terms),
                computed.Terms,
                computed.Savings,
                computed.Schedule,
                List(Caveats(rules, r.Spec.Citations, c.Lender.Kind, language)),
                List(r.Spec.Citations));
        });

        var materials = Of(RuleKind.Material).DistinctBy(m => m.Spec.Code).Select(m => new Material(
            m.Spec.Code,
            m.Spec.Required,
            m.Spec.Document is { } document && facts.Documents.Contains(document),
            render.Message(m.Spec),
            List(m.Spec.Tips.Select(t => render.Text(t[language]))),
            List(m.Spec.Citations)));

        // The opening names the top request's terms: the first request, already computed, not a second computation.
        var requestList = List(requests);
        var guidance = Of(RuleKind.Guidance).ToList();
        var opening = guidance.FirstOrDefault(g => g.Spec.Part == "opening").Spec;
        var communication = new Communication(
            opening is null ? null : render.Message(opening, requestList.Count > 0 ? requestList[0].Terms : null),
            List(guidance.Where(g => g.Spec.Part == "point").DistinctBy(g => g.Spec.Code).Select(g => new TalkingPoint(g.Spec.Code, render.Message(g.Spec)))));

        var watchpoints = Of(RuleKind.Watchpoint).DistinctBy(w => w.Spec.Code).Select(w => new Watchpoint(
            w.Spec.Code,
            w.Spec.Severity!,
            w.Spec.DueFact is { } fact ? (LocalDate?)FactCatalog<Assessment>.Find(fact)!.Get(facts) : null,
            render.Message(w.Spec)));
        var warnings = Of(RuleKind.Warning).DistinctBy(w => w.Spec.Code)
            .OrderBy(w => SeverityOrder(w.Spec.Severity)).ThenBy(w => w.Spec.Rank ?? int.MaxValue).ThenBy(w => w.Order)
            .Select(w => new PlanWarning(w.Spec.Code, w.Spec.Severity!, render.Message(w.Spec)));
        var remedies = fired.Where(f => f.Spec.Kind == RuleKind.Remedy).DistinctBy(r => r.Spec.Code)
            .OrderBy(r => r.Spec.Step).ThenBy(r => r.Spec.Rank ?? int.MaxValue).ThenBy(r => r.Order)
            .Select(r => new Remedy(r.Spec.Step, r.Spec.Code, render.Message(r.Spec), r.Spec.Channel, r.Spec.WaitDays));

        var materialList = List(materials);
        var cited = fired.SelectMany(f => f.Spec.Citations).Distinct(StringComparer.Ordinal).Select(id => rules.FindCitation(id)!)
            .Select(x => new CitedSource(x.Id, x.Title[language], x.Source, CaseJson.EnumName(x.Certainty), x.Binds(c.Lender.Kind)));

        return new NegotiationPlan
        {
            RuleSet = new RuleSetInfo(rules.Id, rules.Version, rules.EffectiveFrom),
            AsOf = c.AsOf,
            Language = language,
            Currency = c.Currency,
            Assessment = facts,
            Decision = decision,
            Requests = requestList,
            Materials = materialList,
            Communication = communication,
            Watchpoints = List(watchpoints),
            Warnings = List(warnings),
            Remedies = List(remedies),
            NextFollowUp = outcome == "pay-now" ? null : facts.HasPendingPromise && facts.NextPromiseDue < facts.NextFollowUp ? facts.NextPromiseDue : facts.NextFollowUp,
            Citations = List(cited),
            Trace = List(firings.Select(f => new TraceEntry(f.Workflow, f.Rule, f.Success, f.Inputs, f.Error))),
        };
    }

    /// <summary>What the borrower should know about the clauses a request cites, written by the library so that every rule set says it the same way.</summary>
    private static IEnumerable<string> Caveats(RuleSet rules, IReadOnlyList<string> citations, LenderKind lender, string language)
    {
        foreach (var citation in citations.Select(id => rules.FindCitation(id)!))
        {
            if (!citation.Binds(lender))
            {
                var kinds = string.Join(language == Language.Chinese ? "、" : ", ", citation.BindsLenderKinds.Select(k => Vocabulary.Label(CaseJson.EnumName(k), language)));
                var yours = Vocabulary.Label(CaseJson.EnumName(lender), language);
                yield return language == Language.Chinese
                    ? $"{citation.Title[language]}约束的是{kinds}；对您的贷款机构（{yours}）而言，它只是可以参照的标准，并不是您可以主张的权利。"
                    : $"{citation.Title[language]} binds only these lenders: {kinds}. Yours ({yours}) is not one of them, so point to it as a reference, not as an entitlement.";
            }

            if (citation.Certainty != Certainty.Primary)
            {
                yield return language == Language.Chinese
                    ? $"{citation.Title[language]}：这一点来自公开报道或摘要，我们未能核对原文，请当作“据报道”而非确定的规定。"
                    : $"{citation.Title[language]}: this comes from reports or summaries we could not check against the text itself; treat it as reported, not as settled law.";
            }
        }
    }

    private static int SeverityOrder(string? severity) => severity switch { "high" => 0, "caution" => 1, _ => 2 };

    private static ValueList<T> List<T>(IEnumerable<T> items) => new(items);

    /// <summary>Renders rule messages for one plan: facts, parameters and request terms in the plan's language.</summary>
    private sealed class Renderer(RuleSet rules, Assessment facts, string language, int decimals)
    {
        public string Message(RuleSpec spec, RequestTerms? terms = null) => Text(spec.Message[language], terms);

        public string Text(MessageTemplate template, RequestTerms? terms = null) =>
            template.Render(static (p, state) => state.Renderer.Resolve(p, state.Terms), (Renderer: this, Terms: terms), language, facts.Currency, decimals);

        private (object? Value, FactFormat Format) Resolve(Placeholder p, RequestTerms? terms) => p.Scope switch
        {
            "params" => (rules.Parameters[p.Name], FactFormat.Plain),
            "terms" when terms is not null && FactCatalog<RequestTerms>.Find(p.Name) is { } term => (term.Get(terms), term.Format),
            "terms" => (null, FactFormat.Plain),
            _ => FactCatalog<Assessment>.Find(p.Name) is { } fact ? (fact.Get(facts), fact.Format) : (null, FactFormat.Plain),
        };
    }
}
