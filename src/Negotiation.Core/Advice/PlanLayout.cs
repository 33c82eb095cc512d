using System.Runtime.CompilerServices;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using Negotiation.Core.RuleSets;
using NodaTime;

namespace Negotiation.Core.Advice;

/// <summary>
/// Everything about a rule set's plans that does not depend on the case, worked out once per rule set and
/// language: each rule's bound messages, its citations as a list, each request's caveats per kind of lender,
/// each citation as the plan cites it per kind of lender.
/// </summary>
/// <remarks>Immutable after construction, and shared by every thread that assembles plans with the rule set.</remarks>
internal sealed class PlanLayout
{
    private static readonly ConditionalWeakTable<RuleSet, PlanLayout> Layouts = new();

    private static readonly LenderKind[] LenderKinds = Enum.GetValues<LenderKind>();

    private readonly RuleSet rules;
    private readonly IReadOnlyList<RuleSpec> specs;
    private readonly SpecLayout[] bySpecIndex;
    private readonly Dictionary<RuleSpec, SpecLayout> bySpec = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, CitedSource[]> citedByLanguage;

    private PlanLayout(RuleSet rules, string language)
    {
        this.rules = rules;
        RuleSetInfo = new RuleSetInfo { Id = rules.Id, Version = rules.Version, EffectiveFrom = rules.EffectiveFrom };
        Language = language;
        specs = rules.Rules;
        bySpecIndex = new SpecLayout[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            bySpecIndex[i] = new SpecLayout(rules, specs[i], language);
            bySpec.TryAdd(specs[i], bySpecIndex[i]);
        }

        BudgetGroups = [.. rules.BudgetGroups(language).Select(g => (g.Name, ValueList<ExpenseCategory>.Own([.. g.Categories])))];
        citedByLanguage = new Dictionary<string, CitedSource[]>(StringComparer.Ordinal);
        foreach (var citation in rules.Citations)
        {
            citedByLanguage.TryAdd(citation.Id, Array.ConvertAll(LenderKinds, kind => Cite(citation, kind, language)));
        }
    }

    /// <summary>Gets which rule set the plans come from, as each plan names it.</summary>
    public RuleSetInfo RuleSetInfo { get; }

    /// <summary>Gets the language the layout's messages are written in.</summary>
    public string Language { get; }

    /// <summary>Gets the rule set's budget groups, named in the layout's language; empty for the essential/flexible split.</summary>
    public (string Name, ValueList<ExpenseCategory> Categories)[] BudgetGroups { get; }

    /// <summary>Gets the layout of a rule set in a language, worked out on first use.</summary>
    public static PlanLayout For(RuleSet rules, string language)
    {
        var layouts = Layouts.GetValue(rules, static r => new PlanLayout(r, r.Languages[0]));
        if (layouts.Language == language)
        {
            return layouts;
        }

        // The other languages hang off the first one's layout, one immutable array replaced whole on first use.
        var others = layouts.others;
        foreach (var other in others)
        {
            if (other.Language == language)
            {
                return other;
            }
        }

        var added = new PlanLayout(rules, language);
        Interlocked.CompareExchange(ref layouts.others, [.. others, added], others);
        return added;
    }

    private PlanLayout[] others = [];

    /// <summary>Gets the layout of the rule behind the <paramref name="index"/>th firing (firings come in rule order unless rules are disabled).</summary>
    public SpecLayout Spec(RuleSpec spec, int index) =>
        index < bySpecIndex.Length && ReferenceEquals(bySpecIndex[index].Spec, spec) ? bySpecIndex[index] : bySpec[spec];

    /// <summary>Gets a citation as the plan lists it for a lender of the given kind.</summary>
    public CitedSource Cited(string id, LenderKind lender) =>
        citedByLanguage.TryGetValue(id, out var byKind) && (int)lender >= 0 && (int)lender < byKind.Length && byKind[(int)lender] is { } cited
            ? cited
            : Cite(rules.FindCitation(id)!, lender, Language);

    private static CitedSource Cite(Citation x, LenderKind lender, string language) =>
        new() { Id = x.Id, Title = x.Title[language], Source = x.Source, Certainty = x.Certainty, BindsThisLender = x.Binds(lender) };

    /// <summary>
    /// What the borrower should know about the clauses a request cites, written by the library so that every rule set says it
    /// the same way: one caveat a clause, saying whether it binds this lender and whether we have only seen reports of it.
    /// </summary>
    internal static IEnumerable<string> Caveats(RuleSet rules, IReadOnlyList<string> citations, LenderKind lender, string language)
    {
        var chinese = language == Messages.Language.Chinese;
        foreach (var citation in citations.Select(id => rules.FindCitation(id)!))
        {
            var title = citation.Title[language];
            var reported = citation.Certainty != Certainty.Primary;
            if (citation.Binds(lender))
            {
                if (reported)
                {
                    yield return chinese
                        ? $"{title}：这一条我们只见到公开报道或摘要，未能核对原文，仅供参考，不宜当作确定的规定来主张。"
                        : $"{title}: this comes from reports or summaries we could not check against the text itself; treat it as reported, not as settled law.";
                }

                continue;
            }

            // The title names whom the clause governs (a bank's card business, a bank's assets). A lender of kind "other" may be
            // one it governs, so that is said as a question, not as a fact. A bank's loan is not its card: for it, the clause does
            // not bind the account, rather than the lender.
            var yours = Vocabulary.Label(EnumNames.Of(lender), language);
            var whom = chinese
                ? lender == LenderKind.Other ? $"{title}是否约束您的贷款机构，要看它是哪一类机构"
                    : $"{title}不约束您的{(lender == LenderKind.BankLoan ? "这笔欠款" : "贷款机构")}（{yours}）"
                : lender == LenderKind.Other ? $"{title} may not bind your lender, depending on what kind of lender it is"
                    : $"{title} does not bind your {(lender == LenderKind.BankLoan ? "account" : "lender")} ({yours})";
            yield return (chinese, reported) switch
            {
                (true, false) => $"{whom}{(lender == LenderKind.Other ? "：不约束时，" : "：")}它只是可以参照的标准，并不是您可以主张的权利。",
                (true, true) => $"{whom}；而且这一条我们只见到公开报道或摘要，未能核对原文：仅供参考，不宜当作您可以主张的权利。",
                (false, false) => $"{whom}{(lender == LenderKind.Other ? "; where it does not," : ", so")} point to it as a reference, not as an entitlement.",
                (false, true) => $"{whom}, and it comes from reports or summaries we could not check against the text: point to it as a reference at most, not as an entitlement.",
            };
        }
    }

    /// <summary>One rule as plans use it in one language.</summary>
    internal sealed class SpecLayout
    {
        private readonly RuleSet rules;
        private readonly string language;
        private readonly PlanMessage message;
        private readonly ValueList<string>?[] caveats;
        private readonly Func<Assessment, LocalDate>? dueDate;

        public SpecLayout(RuleSet rules, RuleSpec spec, string language)
        {
            this.rules = rules;
            this.language = language;
            Spec = spec;
            RankKey = spec.Rank ?? int.MaxValue;
            // The loader admitted only known codes; the plan carries them as the enums they name.
            RequestType = spec.RequestType is { } type ? EnumNames<RequestType>.Parse(type) : null;
            Severity = spec.Severity is { } severity ? EnumNames<Severity>.Parse(severity) : null;
            Citations = spec.Citations.Count == 0 ? ValueList<string>.Empty : new ValueList<string>(spec.Citations);
            // A loaded rule set has every message and tip in every one of its languages.
            message = PlanMessage.Bind(spec.Message[language], rules.Parameters);
            Tips = spec.Tips.Count == 0 ? [] : [.. spec.Tips.Select(t => PlanMessage.Bind(t[language], rules.Parameters))];

            // A request's caveats depend only on its citations, the language and the kind of lender.
            caveats = new ValueList<string>?[LenderKinds.Length];
            if (spec.Kind == RuleKind.Request && spec.Citations.All(id => rules.FindCitation(id) is not null))
            {
                foreach (var kind in LenderKinds)
                {
                    var list = PlanLayout.Caveats(rules, spec.Citations, kind, language).ToList();
                    caveats[(int)kind] = list.Count == 0 ? ValueList<string>.Empty : new ValueList<string>(list);
                }
            }

            if (spec.DueFact is { } fact && FactCatalog<Assessment>.Find(fact) is { } info && info.Property.PropertyType == typeof(LocalDate))
            {
                dueDate = info.Property.GetMethod!.CreateDelegate<Func<Assessment, LocalDate>>();
            }
        }

        public RuleSpec Spec { get; }

        /// <summary>Gets a request rule's type, or null for other kinds.</summary>
        public RequestType? RequestType { get; }

        /// <summary>Gets a watchpoint's or warning's severity, or null for other kinds.</summary>
        public Severity? Severity { get; }

        /// <summary>Gets the rank items of one kind are ordered by: the rule's, else after every ranked one.</summary>
        public int RankKey { get; }

        /// <summary>Gets the ids of the clauses the rule cites, as the plan lists them.</summary>
        public ValueList<string> Citations { get; }

        /// <summary>Gets the material's tips, bound.</summary>
        public PlanMessage[] Tips { get; }

        /// <summary>Writes the rule's message.</summary>
        public string Message(Assessment facts, RequestTerms? terms, int decimals) =>
            message.Render(facts, terms, language, decimals);

        /// <summary>Writes the <paramref name="index"/>th tip.</summary>
        public string Tip(int index, Assessment facts, int decimals) =>
            Tips[index].Render(facts, null, language, decimals);

        /// <summary>Gets the request's caveats for a lender of the given kind.</summary>
        public ValueList<string> Caveats(LenderKind lender) =>
            (int)lender >= 0 && (int)lender < caveats.Length && caveats[(int)lender] is { } list
                ? list
                : new ValueList<string>(PlanLayout.Caveats(rules, Spec.Citations, lender, language));

        /// <summary>Gets the watchpoint's due date from the fact it names.</summary>
        public LocalDate? DueDate(Assessment facts) => Spec.DueFact is { } fact
            ? dueDate is not null ? dueDate(facts) : (LocalDate?)FactCatalog<Assessment>.Find(fact)!.Get(facts)
            : null;
    }
}
