using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets.Loading;

/// <summary>What a jurisdiction brings as data in its manifest: regions, asset tiers, channel names, a partial request order, shared phrases.</summary>
public sealed class ManifestDataTests
{
    private static BorrowerCase Seed() => BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

    [Fact]
    public void A_case_naming_a_region_the_set_does_not_list_is_refused_with_the_regions_it_does()
    {
        var rules = RuleSetKit.Minimal().Edit("ruleset.json", m => m["regions"] = new JArray("north", "south")).Load();
        var advisor = NegotiationAdvisor.Create(rules);

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => advisor.Advise(Seed() with { Region = "east" })).Problems);

        Assert.Equal("region", problem.Path);
        Assert.Contains("north, south", problem.Message, StringComparison.Ordinal);
        Assert.Equal("south", advisor.Advise(Seed() with { Region = "south" }).Assessment.Region);
        Assert.Equal(["north", "south"], rules.Regions);
    }

    [Fact]
    public void A_set_without_regions_takes_any_region_and_the_fact_carries_it()
    {
        var plan = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(Seed() with { Region = "anywhere-else" });

        Assert.Equal("anywhere-else", plan.Assessment.Region);
    }

    [Fact]
    public void Asset_tier_bands_must_run_in_order_and_name_known_lender_kinds_and_tiers()
    {
        var problems = RuleSetKit.Minimal().Edit("ruleset.json", m => m["assetTiers"] = JObject.Parse("""
            {
              "bank-card": [ { "tier": "special-mention", "fromDays": 1, "toDays": 90 }, { "tier": "loss", "fromDays": 50 } ],
              "credit-union": [],
              "default": [ { "tier": "awful", "fromDays": 1 } ]
            }
            """)).Problems();

        Assert.Contains(problems, p => p.Message.Contains("in order of days without overlapping", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'credit-union' is not a lender kind", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("awful", StringComparison.Ordinal));
    }

    [Fact]
    public void Asset_tiers_come_from_the_set_and_a_set_without_them_gives_an_empty_tier()
    {
        var late = Seed() with { AsOf = Seed().Account.DueDate.PlusDays(100) };
        var withTiers = RuleSetKit.Minimal().Edit("ruleset.json", m => m["assetTiers"] = JObject.Parse("""
            { "default": [ { "tier": "special-mention", "fromDays": 1, "toDays": 60 }, { "tier": "doubtful", "fromDays": 61 } ] }
            """)).Load();

        Assert.Equal("doubtful", NegotiationAdvisor.Create(withTiers).Advise(late).Assessment.AssetTier);
        Assert.Equal("", NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(late).Assessment.AssetTier);
        Assert.Equal("", NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(late).Assessment.AllocationOrder);
    }

    [Fact]
    public void Channel_names_are_required_in_every_language_of_the_set()
    {
        var problems = RuleSetKit.Minimal().Edit("ruleset.json", m => m["channels"] = JObject.Parse("""
            { "ombudsman": { "en": "the ombudsman" }, "Bad Code": { "zh-CN": "x", "en": "x" } }
            """)).Problems();

        Assert.Contains(problems, p => p.Message.Contains("zh-CN", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("kebab-case", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_sets_remedies_carry_the_names_its_manifest_gives_their_channels()
    {
        var plan = NegotiationAdvisor.CreateDefault().Advise(Seed(), "en");

        var regulator = plan.Remedies.Single(r => r.Channel == "12378");
        Assert.Equal("12378, the financial regulator's complaint line", regulator.ChannelName);
    }

    [Fact]
    public void A_request_order_may_name_some_types_and_the_rest_follow_in_the_default_order()
    {
        var rules = RuleSetKit.Minimal().Edit("ruleset.json", m => m["requestOrder"] = new JArray("instalment-plan", "extension")).Load();

        Assert.Equal(["instalment-plan", "extension", "fee-waiver", "interest-relief", "token-payments", "principal-reduction"], rules.RequestOrder);
        Assert.Contains(RuleSetKit.Minimal().Edit("ruleset.json", m => m["requestOrder"] = new JArray("extension", "extension")).Problems(),
            p => p.Message.Contains("'extension' appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Budget_groups_must_hold_every_expense_category_once()
    {
        var problems = RuleSetKit.Minimal().Edit("ruleset.json", m => m["budgetGroups"] = JArray.Parse("""
            [
              { "name": { "zh-CN": "固定", "en": "Fixed" }, "categories": ["housing", "food"] },
              { "name": { "zh-CN": "弹性", "en": "Flexible" }, "categories": ["food", "gadgets"] }
            ]
            """)).Problems();

        Assert.Contains(problems, p => p.Message.Contains("'food' is in two budget groups", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'gadgets' is not an expense category", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("missing: utilities", StringComparison.Ordinal));
    }

    [Fact]
    public void A_set_with_budget_groups_gives_plans_their_names_and_totals_and_the_default_set_gives_none()
    {
        var uk = BorrowerCase.FromJson(File.ReadAllText(TestFiles.Path("rules", "uk-consumer-credit", "examples", "card-arrears-england.json")));

        var plan = NegotiationAdvisor.Create(RuleSet.Embedded("uk-consumer-credit")).Advise(uk);

        Assert.Equal(["Fixed costs", "Flexible costs"], plan.BudgetGroups!.Select(g => g.Name));
        Assert.Equal(uk.Finances!.Expenses.Sum(e => e.Monthly), plan.BudgetGroups!.Sum(g => g.Monthly));
        Assert.Contains("Fixed costs", Negotiation.Core.Rendering.TextRenderer.Render(plan), StringComparison.Ordinal);
        Assert.Null(NegotiationAdvisor.CreateDefault().Advise(Seed()).BudgetGroups);
    }

    [Fact]
    public void Embedded_sets_load_by_id_and_an_unknown_id_lists_those_that_exist()
    {
        Assert.Contains("cn-consumer-credit", RuleSet.EmbeddedIds);
        Assert.Same(RuleSet.Default, RuleSet.Embedded("cn-consumer-credit"));

        var e = Assert.Throws<ArgumentException>(() => RuleSet.Embedded("xx-nothing"));
        Assert.Contains("cn-consumer-credit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_reads_as_if_written_in_the_message_with_its_sections_and_braces()
    {
        var rules = RuleSetKit.Minimal()
            .Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""
                { "due": { "zh-CN": "{?isCard}最低还款{/}{!isCard}月供{/}", "en": "{?isCard}minimum payment{/}{!isCard}instalment{/} of {amountDue}" } }
                """))
            .Edit("decision.json", w => w["Rules"]![1]!["Properties"]!["message"] = JObject.Parse("""
                { "zh-CN": "逾期的{phrases.due}{amountDue}。", "en": "The {phrases.due} is {{late}}{?isOverdue}: {daysPastDue}{/}." }
                """))
            .Load();
        var late = Seed() with { AsOf = Seed().Account.DueDate.PlusDays(20) };
        var card = late with { Account = late.Account with { Product = ProductKind.CreditCard } };

        string Reason(BorrowerCase c, string language) => NegotiationAdvisor.Create(rules).Advise(c, language).Decision.Reasons
            .Single(r => r.Code == "overdue-negotiate").Message;

        Assert.StartsWith("The instalment of CNY", Reason(late, "en"), StringComparison.Ordinal);
        Assert.StartsWith("The minimum payment of CNY", Reason(card, "en"), StringComparison.Ordinal);
        Assert.EndsWith(" is {late}: 20 days.", Reason(card, "en"), StringComparison.Ordinal);
        Assert.StartsWith("逾期的最低还款", Reason(card, "zh-CN"), StringComparison.Ordinal);
        Assert.StartsWith("逾期的月供", Reason(late, "zh-CN"), StringComparison.Ordinal);
    }
}
