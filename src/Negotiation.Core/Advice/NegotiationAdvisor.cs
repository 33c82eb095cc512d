using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using Negotiation.Core.Diagnostics;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Advice.Explaining;

namespace Negotiation.Core.Advice;

/// <summary>
/// Turns a borrower's case into a <see cref="NegotiationPlan"/>: computes the facts with the calculators,
/// evaluates the rule set's workflows over them, and assembles an explained plan.
/// </summary>
/// <remarks>
/// Create one advisor for the life of the process and share it: <see cref="Advise(BorrowerCase, string)"/>
/// is thread-safe and deterministic (the same case gives the same plan, byte for byte), reads no clock,
/// no file and no environment.
/// </remarks>
public sealed class NegotiationAdvisor
{
    private readonly RuleSet rules;
    private readonly AssessmentSettings settings;

    private NegotiationAdvisor(RuleSet rules)
    {
        this.rules = rules;
        var tiers = rules.AssetTiers;
        settings = AssessmentSettings.From(rules.Parameters) with
        {
            TierBands = tiers.Where(t => t.Key != "default").ToDictionary(t => EnumNames<LenderKind>.Parse(t.Key), t => t.Value),
            DefaultTierBands = tiers.GetValueOrDefault("default"),
        };
    }

    /// <summary>Gets the rule set this advisor applies.</summary>
    public RuleSet RuleSet => rules;

    /// <summary>Creates an advisor with the embedded default rule set, <c>cn-consumer-credit</c>.</summary>
    /// <returns>The advisor.</returns>
    public static NegotiationAdvisor CreateDefault() => new(RuleSet.Default);

    /// <summary>Creates an advisor with the given rule set.</summary>
    /// <param name="rules">A loaded rule set, e.g. from <see cref="RuleSet.FromDirectory(string)"/>.</param>
    /// <returns>The advisor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    public static NegotiationAdvisor Create(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new NegotiationAdvisor(rules);
    }

    /// <summary>Advises on a case, writing every message in the rule set's first language (Chinese for the default set).</summary>
    /// <param name="case">A valid case, e.g. from <see cref="BorrowerCase.FromJson(string)"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> is null.</exception>
    /// <exception cref="CaseValidationException">The case's currency is not the rule set's, or it names a region the rule set does not list.</exception>
    public NegotiationPlan Advise(BorrowerCase @case) => Advise(@case, rules.Languages[0]);

    /// <summary>Advises on a case, writing every message in <paramref name="language"/>.</summary>
    /// <param name="case">A valid case, e.g. from <see cref="BorrowerCase.FromJson(string)"/>.</param>
    /// <param name="language">
    /// One of the rule set's languages (<c>zh-CN</c> or <c>en</c> for the default set), or another form of one: see
    /// <see cref="RuleSet.LanguageFor"/>. The plan says which it is written in.
    /// </param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentException">The rule set is written in no form of <paramref name="language"/>.</exception>
    /// <exception cref="CaseValidationException">The case's currency is not the rule set's, or it names a region the rule set does not list.</exception>
    public NegotiationPlan Advise(BorrowerCase @case, string language)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(language);
        language = rules.LanguageFor(language) ??
            throw new ArgumentException($"The rule set '{rules.Id}' is written in {string.Join(", ", rules.Languages)}, not '{language}'.", nameof(language));

        CheckFits(@case);

        var decimals = Currencies.TryGetMinorUnit(@case.Currency, out var minor) ? minor : 2;
        var ranking = new RequestRanking(rules, @case, decimals);
        var (firings, facts) = rules.Evaluator.Evaluate(@case, Assessor.Assess(@case, settings), ranking.AfterWorkflow);
        return PlanAssembler.Assemble(rules, @case, facts, firings, ranking.Ranked, language);
    }

    /// <summary>Refuses a case the rule set cannot advise on: in another currency, or naming a region the set does not know.</summary>
    private void CheckFits(BorrowerCase @case)
    {
        if (@case.Currency != rules.Currency)
        {
            throw new CaseValidationException(
                [new CaseProblem { Path = "currency", Message = $"the case is in {@case.Currency} but the rule set '{rules.Id}' is for {rules.Currency}; amounts in different currencies are never mixed" }]);
        }

        if (@case.Region is { } region && rules.Regions is { } regions && !regions.Contains(region, StringComparer.Ordinal))
        {
            throw new CaseValidationException(
                [new CaseProblem { Path = "region", Message = $"'{region}' is not a region of the rule set '{rules.Id}'; use {string.Join(", ", regions)}, or leave region out" }]);
        }
    }

    /// <summary>
    /// Explains why a top-level rule fired or did not for a case: its expression split on top-level <c>&amp;&amp;</c> and
    /// <c>||</c>, brackets and negated brackets, recursively, each part evaluated with the same guarded compiler and the same
    /// inputs <see cref="Advise(BorrowerCase, string)"/> gives the rule, facts from earlier workflows included
    /// (<c>facts.outcome</c>, <c>facts.topRequest</c> …), and the named conditions it uses with their values.
    /// </summary>
    /// <param name="case">A valid case.</param>
    /// <param name="ruleName">The name of a top-level rule of the advisor's rule set.</param>
    /// <returns>The explanation.</returns>
    /// <remarks>Thread-safe. Each part is compiled when asked for: meant for editors and support, not for every plan.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> or <paramref name="ruleName"/> is null.</exception>
    /// <exception cref="ArgumentException">The rule set has no top-level rule named <paramref name="ruleName"/>; the message names the nearest.</exception>
    /// <exception cref="CaseValidationException">The case's currency is not the rule set's, or it names a region the rule set does not list.</exception>
    public RuleExplanation Explain(BorrowerCase @case, string ruleName)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(ruleName);
        if (!rules.Sources.TryGetValue(ruleName, out var source))
        {
            var near = NameSuggestions.Nearest(ruleName, rules.Sources.Keys);
            throw new ArgumentException($"The rule set '{rules.Id}' has no top-level rule named '{ruleName}'{(near is null ? "" : $"; did you mean '{near}'?")}", nameof(ruleName));
        }

        CheckFits(@case);

        // The facts each workflow saw: the rule is explained over its own workflow's, as the evaluation gave them.
        var decimals = Currencies.TryGetMinorUnit(@case.Currency, out var minor) ? minor : 2;
        var ranking = new RequestRanking(rules, @case, decimals);
        var seen = new List<Assessment> { Assessor.Assess(@case, settings) };
        var (firings, _) = rules.Evaluator.Evaluate(@case, seen[0], (done, facts) =>
        {
            var next = ranking.AfterWorkflow(done, facts);
            seen.Add(next);
            return next;
        });
        var workflow = rules.Workflows.ToList().IndexOf(source.Workflow);
        var firing = firings.FindIndex(f => f.Rule == ruleName);
        var entry = firing < 0 ? null : new TraceEntry(firings[firing], new TraceInputs(firings[firing].Reads));
        return ConditionExplainer.Explain(rules, source, @case, seen[Math.Clamp(workflow, 0, seen.Count - 1)], entry);
    }
}
