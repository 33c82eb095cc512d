using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Advice;

/// <summary>What a rule set's plan layout works out once gives what the plan used to work out per message.</summary>
public sealed class PlanLayoutTests
{
    private static readonly RuleSet Rules = RuleSet.Default;

    public static TheoryData<string> Examples() => [.. TestFiles.ExampleCases().Select(Path.GetFileNameWithoutExtension).Select(n => n!)];

    // How the plan resolved a placeholder before messages were bound: by name, per message, as a boxed value.
    private static (object? Value, FactFormat Format) Resolve(Placeholder p, Assessment facts, RequestTerms? terms) => p.Scope switch
    {
        "params" => (Rules.Parameters[p.Name], FactFormat.Plain),
        "terms" when terms is not null && FactCatalog<RequestTerms>.Find(p.Name) is { } term => (term.Get(terms), term.Format),
        "terms" => (null, FactFormat.Plain),
        _ => FactCatalog<Assessment>.Find(p.Name) is { } fact ? (fact.Get(facts), fact.Format) : (null, FactFormat.Plain),
    };

    private static string RenderedByName(MessageTemplate template, Assessment facts, RequestTerms? terms, string language) =>
        template.Render(static (p, state) => Resolve(p, state.facts, state.terms), (facts, terms), language, facts.Currency, 2);

    private static (BorrowerCase Case, Assessment Facts, List<RequestTerms?> Terms) Load(string example)
    {
        var c = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase(example + ".json")));
        var facts = Assessor.Assess(c, AssessmentSettings.From(Rules.Parameters)) with { Outcome = "negotiate" };
        List<RequestTerms?> terms = [null, .. new[] { "extension", "fee-waiver", "interest-relief", "instalment-plan", "principal-reduction" }
            .Select(type => RequestTermsCalculator.Compute(type, c, facts, Rules.Parameters, 2).Terms)];
        return (c, facts, terms);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_bound_rule_message_and_tip_reads_as_the_template_resolved_by_name(string example)
    {
        var (_, facts, allTerms) = Load(example);
        foreach (var language in Rules.Languages)
        {
            foreach (var spec in Rules.Rules)
            {
                foreach (var template in new[] { spec.Message[language] }.Concat(spec.Tips.Select(t => t[language])))
                {
                    var bound = PlanMessage.Bind(template, Rules.Parameters);
                    foreach (var terms in allTerms)
                    {
                        Assert.Equal(RenderedByName(template, facts, terms, language), bound.Render(facts, terms, language, 2));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("plain text, no placeholder")]
    [InlineData("")]
    [InlineData("{daysPastDue}")]
    [InlineData("{noSuchFact} and {terms.noSuchTerm} and {terms.months} and {other.daysPastDue:plain}")]
    [InlineData("{params.maxExtensionDays:days} {params.affordableShare:percent} {params.followUpDays} {{braces}}")]
    [InlineData("{totalOwed:plain} {annualRate:money} {nextFollowUp:days} {lenderKind} {isOverdue:money}")]
    [InlineData("{?terms.extraInterest}about {terms.extraInterest} of interest, {/}then {?isOverdue}late{/}{?isFirstOverdue}first{/}")]
    [InlineData("{?params.maxExtensionDays}up to {params.maxExtensionDays:days}{/}{?noSuchFact}never{/}{?terms.noSuchTerm}never{/}.")]
    [InlineData("{?brokenPromises}{brokenPromises} broken{/}{?savings} with {savings}{/}{?agreedRequests} agreed{/}")]
    [InlineData("{!brokenPromises}none broken{/}{!savings} no savings{/}{!terms.extraInterest} no interest{/}{!params.maxExtensionDays}never{/}{!noSuchFact} unknown{/}")]
    [InlineData("{?isOverdue}late{!brokenPromises}, none broken{?savings} with {savings}{/}{/}{?noSuchFact} never{/}.{/}{!isOverdue}current{/} end")]
    [InlineData("{!isOverdue}a{?savings}b{/}c{/}{?isOverdue}{!savings}d{/}{?savings}{?terms.months}e {terms.months}{/}{/}{/}f")]
    public void Hand_written_templates_read_as_resolved_by_name(string text)
    {
        var template = MessageTemplate.Parse(text, out var error);
        Assert.Null(error);
        var (_, facts, allTerms) = Load("lasting-hardship");
        foreach (var language in Rules.Languages)
        {
            foreach (var terms in allTerms)
            {
                Assert.Equal(RenderedByName(template, facts, terms, language), PlanMessage.Bind(template, Rules.Parameters).Render(facts, terms, language, 2));
            }
        }
    }

    [Fact]
    public void A_parameter_the_rule_set_lacks_fails_when_rendered_as_the_lookup_by_name_did()
    {
        var template = MessageTemplate.Parse("{params.noSuchParameter}", out _);
        var (_, facts, _) = Load("seed-oversight");

        Assert.Throws<KeyNotFoundException>(() => PlanMessage.Bind(template, Rules.Parameters).Render(facts, null, Language.English, 2));
    }

    [Fact]
    public void Caveats_worked_out_once_per_lender_kind_are_those_worked_out_per_plan()
    {
        foreach (var language in Rules.Languages)
        {
            var layout = PlanLayout.For(Rules, language);
            Assert.Same(layout, PlanLayout.For(Rules, language));
            for (var i = 0; i < Rules.Rules.Count; i++)
            {
                var spec = Rules.Rules[i];
                foreach (var kind in Enum.GetValues<LenderKind>().Where(_ => spec.Kind == RuleKind.Request))
                {
                    Assert.Equal(PlanLayout.Caveats(Rules, spec.Citations, kind, language), layout.Spec(spec, i).Caveats(kind));
                }
            }
        }
    }

    [Property(MaxTest = 2000)]
    public Property Amounts_already_in_minor_units_are_kept_bit_for_bit_as_rounding_would_write_them() =>
        Prop.ForAll(
            Gen.OneOf(
                from n in Gen.Choose(int.MinValue, int.MaxValue) from scale in Gen.Choose(0, 6) select new decimal(Math.Abs(n), n % 3, 0, n < 0, (byte)scale),
                Gen.Elements(0m, -0m, 0.00m, new decimal(0, 0, 0, true, 2), new decimal(0, 0, 0, true, 0), 1.005m, -1.005m, 0.125m)).ToArbitrary(),
            Gen.Choose(0, 4).ToArbitrary(),
            (amount, decimals) => decimal.GetBits(RequestTermsCalculator.Cents(amount, decimals)).SequenceEqual(decimal.GetBits(Currencies.ToMinorUnit(amount, decimals))));

    [Theory]
    [InlineData("en", "may not bind your lender, depending on what kind of lender it is; where it does not, point to it as a reference")]
    [InlineData("zh-CN", "是否约束您的贷款机构，要看它是哪一类机构：不约束时，它只是可以参照的标准")]
    public void Caveat_for_a_lender_of_kind_other_says_the_clause_may_not_bind_it_and_names_no_kind(string language, string expected)
    {
        var caveat = Assert.Single(PlanLayout.Caveats(Rules, ["card-measures-art-70"], LenderKind.Other, language));

        Assert.Contains(expected, caveat, StringComparison.Ordinal);
        Assert.DoesNotContain("other", caveat, StringComparison.Ordinal);
        Assert.DoesNotContain("其他", caveat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", LenderKind.OnlineLender, "does not bind your lender (online lender), and it comes from reports or summaries")]
    [InlineData("zh-CN", LenderKind.OnlineLender, "不约束您的贷款机构（网络贷款机构）；而且这一条我们只见到公开报道或摘要")]
    [InlineData("en", LenderKind.Other, "may not bind your lender, depending on what kind of lender it is, and it comes from reports or summaries")]
    [InlineData("zh-CN", LenderKind.Other, "是否约束您的贷款机构，要看它是哪一类机构；而且这一条我们只见到公开报道或摘要")]
    public void Reported_clause_that_does_not_bind_the_lender_gets_one_caveat_saying_both(string language, LenderKind lender, string expected)
    {
        // pboc-2016-111 binds bank cards only and is known from reports (secondary): two caveats stood back to back (reading 27).
        var caveat = Assert.Single(PlanLayout.Caveats(Rules, ["pboc-2016-111"], lender, language));

        Assert.Contains(expected, caveat, StringComparison.Ordinal);
        Assert.Single(PlanLayout.Caveats(Rules, ["pboc-2016-111"], LenderKind.BankCard, language));
    }
}
