using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using Negotiation.Core.Rendering;
using Negotiation.Core.Scenarios;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NodaTime;

namespace Negotiation.Core.Tests.Advice;

public sealed class NegotiationPlanTests
{
    private static readonly string SchemaPath = TestFiles.Path("rules", "schemas", "negotiation-plan.schema.json");

    private static BorrowerCase Seed() => BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

    public static TheoryData<string, string> ExamplesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TestFiles.ExampleCases())
        {
            data.Add(Path.GetFileName(file), "zh-CN");
            data.Add(Path.GetFileName(file), "en");
        }

        return data;
    }

    [Fact]
    public void A_plan_that_puts_obligations_first_leaves_out_the_reasons_that_argue_for_negotiating_now()
    {
        var plan = AdviseScenario("cn-consumer-credit", "b39-165-days-overdue-never-contacted.json", RuleSet.Default);

        Assert.Equal(Outcome.FulfilObligationsFirst, plan.Decision.Outcome);
        Assert.Contains(plan.Trace, t => t.Rule == "negotiate-cannot-pay" && t.Success);
        Assert.DoesNotContain(plan.Decision.Reasons, r => r.Code == "cannot-pay-amount-due");
        Assert.Contains(plan.Decision.Reasons, r => r.Code == "long-arrears-no-contact");
    }

    [Fact]
    public void A_plan_that_sends_the_borrower_to_an_adviser_keeps_the_reasons_a_negotiation_needs()
    {
        var plan = AdviseScenario("uk-consumer-credit", Path.Combine("blind2", "v18-in-breathing-space-lender-still-calls.json"), RuleSet.Embedded("uk-consumer-credit"));

        Assert.Equal(Outcome.SeekDebtAdvice, plan.Decision.Outcome);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == "disputed-charge");
    }

    [Fact]
    public void A_caveat_is_shown_under_the_first_request_that_cites_its_clause_and_not_repeated_under_the_next()
    {
        // b25-03: the instalment plan and interest relief both cite the persistent-debt rules, known from reports (reading 28).
        var plan = AdviseScenario("uk-consumer-credit", Path.Combine("blind36", "b25-03-bank-card-separation-single-income-70-months-at-apr.json"), RuleSet.Embedded("uk-consumer-credit"));

        var cited = plan.Requests.SelectMany(r => r.Citations).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Contains("conc-6-7-persistent-debt-18-27-36", cited);
        var caveats = plan.Requests.SelectMany(r => r.Caveats).ToList();
        Assert.Equal(caveats.Distinct().Count(), caveats.Count);
        Assert.Contains(caveats, c => c.StartsWith("FCA CONC 6.7", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notices_a_case_records_are_marked_held_in_the_materials()
    {
        var uk = RuleSet.Embedded("uk-consumer-credit");
        var withNotices = AdviseScenario("uk-consumer-credit", Path.Combine("blind25", "b14-05-unpayable-debts-dro-range.json"), uk);
        Assert.True(Assert.Single(withNotices.Materials, m => m.Code == "notices-received").Held);
    }

    [Theory]
    [InlineData("zh-CN", "做到这些之后，可以提出的请求")]
    [InlineData("en", "Once that is done, the requests to make, best first")]
    public void A_plan_that_puts_a_broken_promise_first_lists_the_requests_to_make_once_it_is_kept(string language, string heading)
    {
        var plan = AdviseScenario("cn-consumer-credit", "e13-broken-phone-promise-bank-loan.json", RuleSet.Default, language);

        Assert.Equal(Outcome.FulfilObligationsFirst, plan.Decision.Outcome);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == "broken-promise-pay-first");
        Assert.NotEmpty(plan.Requests);
        Assert.Contains("\n" + heading + "\n", Negotiation.Core.Rendering.TextRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b36-unreachable-borrower.json")]
    [InlineData("b39-165-days-overdue-never-contacted.json")]
    public void A_plan_that_puts_getting_back_in_touch_first_proposes_no_request_though_request_rules_fired(string scenario)
    {
        var plan = AdviseScenario("cn-consumer-credit", scenario, RuleSet.Default);

        Assert.Equal(Outcome.FulfilObligationsFirst, plan.Decision.Outcome);
        Assert.Contains(plan.Trace, t => t.Success && t.Workflow == "requests" && t.Rule != "goal-after-obligations");
        Assert.Empty(plan.Requests);
    }

    [Fact]
    public void A_two_month_illness_moves_the_payment_and_the_instalments_falling_due_meanwhile_to_its_end()
    {
        // Due 20 Oct, 1,858.12 a month, 30 Oct today, two more months off work: to 30 Dec, with 20 Nov and 20 Dec, 50 paid on
        // each of them (what the sick pay sustains): 1,858.12 + 2 × 1,808.12 moves.
        var plan = AdviseScenario("cn-consumer-credit", "f05-fracture-sick-leave-bank-loan.json", RuleSet.Default);
        var extension = plan.Requests[0];

        Assert.Equal(RequestType.Extension, extension.Type);
        Assert.Equal(new LocalDate(2026, 12, 30), extension.Terms.NewDueDate);
        Assert.Equal(61, extension.Terms.ExtensionDays);
        Assert.Equal(2, extension.Terms.InstalmentsMoved);
        Assert.Equal((50m, 5_474.36m), (extension.Terms.PaidEachMonth, extension.Terms.AmountMoved));
        Assert.Contains("每个还款日先还50.00元", extension.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The contract interest for these days (about CNY 100.60)")]
    [InlineData("zh-CN", "这段时间的合同利息（约100.60元）")]
    public void An_extension_names_the_contract_interest_it_leaves_running_only_where_there_is_some(string language, string clause)
    {
        // The seed's debt as a card at 18 %, whose balance runs up interest for the days; the seed's loan itself, whose
        // instalment already holds its interest (reading 36: a34-01); and the card at 0 %: no "about CNY 0.00".
        var advisor = NegotiationAdvisor.CreateDefault();
        var card = Seed() with { Lender = Seed().Lender with { Kind = LenderKind.BankCard }, Account = Seed().Account with { Product = ProductKind.CreditCard } };
        var atRate = advisor.Advise(card, language).Requests[0];
        var loan = advisor.Advise(Seed(), language).Requests[0];
        var free = advisor.Advise(card with { Account = card.Account with { AnnualRate = 0m, Interest = 0m } }, language).Requests[0];

        Assert.Equal((RequestType.Extension, RequestType.Extension, RequestType.Extension), (atRate.Type, loan.Type, free.Type));
        Assert.Contains(clause, atRate.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain(clause[..8], loan.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain(clause[..8], free.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "CNY 0.00" : "约0.00元", free.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "结论：按时还款")]
    [InlineData("en", "Decision: pay on time")]
    public void Paying_a_bill_not_yet_due_is_titled_paying_on_time(string language, string title)
    {
        var plan = AdviseScenario("cn-consumer-credit", "f12-bnpl-dip-covered-by-savings.json", RuleSet.Default, language);

        Assert.Equal(Outcome.PayNow, plan.Decision.Outcome);
        Assert.False(plan.Assessment.IsOverdue);
        Assert.Contains(title + "\n", Negotiation.Core.Rendering.TextRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void A_borrower_told_to_pay_the_undisputed_part_first_opens_by_saying_it_is_paid()
    {
        var plan = AdviseScenario("cn-consumer-credit", "f03-withheld-card-payment-dispute.json", RuleSet.Default);

        Assert.Equal(Outcome.FulfilObligationsFirst, plan.Decision.Outcome);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == "pay-undisputed-first");
        Assert.Equal(RequestType.FeeWaiver, plan.Requests[0].Type);
        Assert.Contains("没有争议的部分我已经还上了", plan.Communication.Opening, StringComparison.Ordinal);
    }

    private static NegotiationPlan AdviseScenario(string ruleSet, string scenario, RuleSet rules, string? language = null)
    {
        var json = JObject.Parse(File.ReadAllText(TestFiles.Path("rules", ruleSet, "scenarios", scenario)));
        var @case = BorrowerCase.FromJson(json["case"]!.ToString());
        return language is null ? NegotiationAdvisor.Create(rules).Advise(@case) : NegotiationAdvisor.Create(rules).Advise(@case, language);
    }

    [Theory]
    [MemberData(nameof(ExamplesAndLanguages))]
    public void A_tip_shown_under_one_material_is_not_repeated_under_another(string example, string language)
    {
        var plan = NegotiationAdvisor.CreateDefault().Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase(example))), language);
        var tips = plan.Materials.SelectMany(m => m.Tips).ToList();

        Assert.NotEmpty(tips);
        Assert.Equal(tips.Count, tips.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ExamplesAndLanguages))]
    public async Task Plan_json_of_each_example_validates_against_the_published_schema_with_each_trace(string example, string language)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var plan = NegotiationAdvisor.CreateDefault().Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase(example))), language);

        Assert.All([PlanTrace.None, PlanTrace.Fired, PlanTrace.All], trace => Assert.Empty(schema.Validate(plan.ToJson(trace)).Select(e => $"{trace}: {e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Plan_json_of_generated_cases_validates_against_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var advisor = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load());

        foreach (var c in FsCheck.Fluent.Gen.Sample(CaseGenerators.ValidCase(), 100))
        {
            Assert.Empty(schema.Validate(advisor.Advise(c, "en").ToJson()).Select(e => $"{e.Path}: {e.Kind}"));
        }
    }

    [Fact]
    public void Schema_lists_every_fact_of_the_assessment()
    {
        var schema = JObject.Parse(File.ReadAllText(SchemaPath));
        var inSchema = ((JObject)schema["properties"]!["assessment"]!["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal);
        var inPlan = ((JObject)JObject.Parse(NegotiationAdvisor.CreateDefault().Advise(Seed()).ToJson())["assessment"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(inPlan, inSchema);
        Assert.Subset(inPlan.ToHashSet(), FactCatalog<Assessment>.ByName.Keys.ToHashSet());
    }

    [Fact]
    public void Same_case_gives_the_same_plan_byte_for_byte()
    {
        var advisor = NegotiationAdvisor.CreateDefault();

        var first = advisor.Advise(Seed(), "en");
        var second = NegotiationAdvisor.CreateDefault().Advise(Seed(), "en");

        Assert.Equal(first, second);
        Assert.Equal(first.ToJson(), second.ToJson());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    [InlineData("")]
    public void Plan_json_does_not_depend_on_the_machine_culture(string culture)
    {
        var expected = NegotiationAdvisor.CreateDefault().Advise(Seed(), "zh-CN").ToJson();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(expected, NegotiationAdvisor.CreateDefault().Advise(Seed(), "zh-CN").ToJson());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Case_in_another_currency_is_refused_naming_both()
    {
        var usd = Seed() with { Currency = "USD" };

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => NegotiationAdvisor.CreateDefault().Advise(usd)).Problems);

        Assert.Equal("currency", problem.Path);
        Assert.Contains("USD", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CNY", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Language_the_rule_set_lacks_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => NegotiationAdvisor.CreateDefault().Advise(Seed(), "fr"));

        Assert.Contains("zh-CN, en", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("EN", "en")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    public void Another_form_of_a_language_the_rule_set_is_written_in_gets_that_language(string asked, string written)
    {
        Assert.Equal(written, NegotiationAdvisor.CreateDefault().Advise(Seed(), asked).Language);
    }

    [Fact]
    public void A_language_tag_resolves_to_the_exact_tag_before_its_primary_language()
    {
        var uk = RuleSet.Embedded("uk-consumer-credit");

        Assert.Equal(("en-GB", "en-GB", null), (uk.LanguageFor("en"), uk.LanguageFor("en-gb"), uk.LanguageFor("zh-CN")));
    }

    [Fact]
    public void Default_language_is_the_rule_sets_first()
    {
        Assert.Equal("zh-CN", NegotiationAdvisor.CreateDefault().Advise(Seed()).Language);
    }

    [Fact]
    public void Extension_pays_the_savings_now_and_moves_the_rest_with_the_penalty_it_avoids_on_the_rest()
    {
        // The seed: 1,250 overdue and 800 saved. 800 now, 450 moved 30 days; the penalty avoided is 450 × 0.05 % × 30.
        var plan = NegotiationAdvisor.CreateDefault().Advise(Seed(), "en");
        var extension = plan.Requests[0];

        Assert.Equal(("extension", 800m, 450m, 6.75m), (extension.Type.Code(), extension.Terms.PaidNow, extension.Terms.AmountMoved, extension.Terms.PenaltyAvoided));
        Assert.Contains("CNY 800.00", extension.Rationale, StringComparison.Ordinal);
        Assert.Contains("remaining CNY 450.00", extension.Rationale, StringComparison.Ordinal);

        // Nothing saved: nothing is paid now, and the whole 1,250 moves (the amount moved is then what is due, left out).
        var none = NegotiationAdvisor.CreateDefault().Advise(Seed() with { Finances = Seed().Finances! with { Savings = 0m } }, "en");
        var whole = none.Requests[0];
        Assert.Equal(("extension", (decimal?)null, (decimal?)null, 18.75m), (whole.Type.Code(), whole.Terms.PaidNow, whole.Terms.AmountMoved, whole.Terms.PenaltyAvoided));
        Assert.Equal(0m, none.Assessment.PartPaymentNow);
    }

    [Fact]
    public void A_request_its_rule_marks_last_resort_ranks_after_every_other_whatever_gap_it_closes()
    {
        // Scenario 29: 303,568.40 owed, 2,800 a month sustainable; a 0 % plan over 60 months repays 168,000, more than half,
        // so the default set keeps the write-off in reserve, and the interest stop leads.
        var c = Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "29-huge-debt.json")).Case;
        var plan = NegotiationAdvisor.CreateDefault().Advise(c, "en");

        Assert.Equal("interest-relief", plan.Requests[0].Type.Code());
        Assert.Equal(("principal-reduction", "principal-reduction-in-reserve"), (plan.Requests[^1].Type.Code(), plan.Requests[^1].Code));

        // Without the mark the same rule's write-off closes the gap, and a request that closes it leads.
        var unmarked = RuleSetKit.From(TestFiles.Path("rules", "cn-consumer-credit"))
            .Edit("requests.json", wf => ((JObject)wf["Rules"]!.Single(r => (string?)r["RuleName"] == "principal-reduction-in-reserve")["Properties"]!).Remove("lastResort"))
            .Load();
        Assert.Equal("principal-reduction", NegotiationAdvisor.Create(unmarked).Advise(c, "en").Requests[0].Type.Code());
    }

    [Fact]
    public void A_deferral_to_a_hardships_end_pays_what_the_budget_sustains_on_each_due_date_and_moves_only_the_shortfall()
    {
        // r55: £150 a month, £150 behind, two more payments by the end of a two-month illness, £40 a month sustainable:
        // £40 on each due date, and £150 + 2 × (150 − 40) = £370 deferred.
        var scenario = Scenario.FromFile(TestFiles.Path("rules", "uk-consumer-credit", "scenarios", "r55-short-illness-deferral-to-its-end.json"));
        var plan = NegotiationAdvisor.Create(RuleSet.Embedded("uk-consumer-credit")).Advise(scenario.Case, "en-GB");
        var terms = plan.Requests[0].Terms;

        Assert.Equal(("extension", 2, 40m, 370m), (plan.Requests[0].Type.Code(), terms.InstalmentsMoved, terms.PaidEachMonth, terms.AmountMoved));

        // With no budget there is nothing to pay meanwhile: the whole £450 is deferred.
        var none = NegotiationAdvisor.Create(RuleSet.Embedded("uk-consumer-credit")).Advise(scenario.Case with { Finances = null }, "en-GB");
        Assert.Equal(((decimal?)null, 450m), (none.Requests[0].Terms.PaidEachMonth, none.Requests[0].Terms.AmountMoved));
    }

    [Fact]
    public void Token_payments_offer_what_the_budget_sustains_when_it_is_more_than_the_token()
    {
        // x08: £5 a month left after priority debts; the UK set's token is £1.
        var scenario = Scenario.FromFile(TestFiles.Path("rules", "uk-consumer-credit", "scenarios", "blind4", "x08-priority-debts-first-store-card-token.json"));
        var advisor = NegotiationAdvisor.Create(RuleSet.Embedded("uk-consumer-credit"));
        var token = advisor.Advise(scenario.Case, "en-GB").Requests.Single(r => r.Type == RequestType.TokenPayments);

        Assert.Equal((5m, 1m), (token.Terms.Instalment, RuleSet.Embedded("uk-consumer-credit").Parameters["tokenPayment"]));
    }

    [Fact]
    public void Interest_relief_where_no_plan_fits_saves_a_years_interest_on_the_principal_not_a_plan_nobody_can_pay()
    {
        // k2-01: £15 short each month after essentials, token payments; no plan fits even with interest stopped. Measured over the
        // longest plan (96 months) the saving was £5,414.15 on £4,292.60 owed; a year of 24.9 % on the £4,120 principal is £1,025.88.
        var scenario = Scenario.FromFile(TestFiles.Path("rules", "uk-consumer-credit", "scenarios", "blind13", "k2-01-england-wales-dro-range-no-surplus.json"));
        var plan = NegotiationAdvisor.Create(RuleSet.Embedded("uk-consumer-credit")).Advise(scenario.Case, "en-GB");
        var relief = plan.Requests.Single(r => r.Type == RequestType.InterestRelief);

        Assert.Equal(0, plan.Assessment.ReliefPlanMonths);
        Assert.Equal(12, relief.Terms.Months);
        Assert.Equal(Currencies.ToMinorUnit(plan.Assessment.Principal * plan.Assessment.AnnualRate, 2), relief.Terms.InterestSaved);
        Assert.True(relief.Terms.InterestSaved < plan.Assessment.TotalOwed);
    }

    [Fact]
    public void Savings_are_not_a_part_payment_before_anything_is_overdue()
    {
        // Five days before the due date, 800 saved against 1,250: nothing is overdue yet, so nothing is paid towards it.
        var early = Seed() with { AsOf = new LocalDate(2026, 11, 5) };
        var plan = NegotiationAdvisor.CreateDefault().Advise(early, "en");

        Assert.False(plan.Assessment.IsOverdue);
        Assert.Equal(0m, plan.Assessment.PartPaymentNow);
        Assert.All(plan.Requests, r => Assert.Null(r.Terms.PaidNow));
    }

    [Fact]
    public void Instalment_plan_for_the_arrears_pays_the_savings_now_and_adds_the_rest_to_the_regular_instalment_over_the_fewest_months_that_fit()
    {
        // 1,250 due and 800 saved: 800 now, and the 450 left on top of the regular 1,250 within the 3,440 sustainable;
        // 2,190 of room clears it in one month, and a plan is two.
        var rules = RuleSetKit.Minimal().Edit("ruleset.json", m => m["parameters"]!["catchUpUpToDays"] = 180).Load();
        var plan = NegotiationAdvisor.Create(rules).Advise(Seed(), "en");
        var request = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan");

        Assert.Equal(2, plan.Assessment.CatchUpMonths);
        Assert.Equal(2, request.Terms.Months);
        Assert.Equal(800m, request.Terms.PaidNow);
        Assert.Equal(450m, request.Terms.ArrearsCaughtUp);
        Assert.Equal(225m, request.Terms.ArrearsPerMonth);
        Assert.Equal(1_475m, request.Terms.Instalment);
        Assert.Equal(new LocalDate(2026, 12, 10), request.Terms.FirstInstalmentDue);
        Assert.Equal(2_950m, request.Terms.TotalRepaid);

        // Without savings the whole 1,250 is caught up: 625 on top of each of two instalments.
        var none = NegotiationAdvisor.Create(rules).Advise(Seed() with { Finances = Seed().Finances! with { Savings = 0m } }, "en");
        var whole = Assert.Single(none.Requests, r => r.Type.Code() == "instalment-plan");
        Assert.Null(whole.Terms.PaidNow);
        Assert.Equal(625m, whole.Terms.ArrearsPerMonth);
        Assert.Equal(3_750m, whole.Terms.TotalRepaid);
        Assert.Null(request.Schedule);
    }

    [Fact]
    public void Instalment_plan_for_the_whole_debt_has_a_schedule_that_repays_exactly_what_is_owed_plus_interest_on_principal_only()
    {
        // The minimal set allows no catch-up (it leaves catchUpUpToDays out), so the plan re-spreads the whole debt; with no
        // savings, nothing is paid before it.
        var plan = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(Seed() with { Finances = Seed().Finances! with { Savings = 0m } }, "en");
        Assert.Equal(0, plan.Assessment.CatchUpMonths);
        var request = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan");
        var schedule = request.Schedule!;

        Assert.Equal(plan.Assessment.Principal, schedule.Sum(i => i.Principal));
        Assert.Equal(plan.Assessment.Interest + plan.Assessment.Fees + plan.Assessment.PenaltyInterest, schedule.Sum(i => i.Fee));
        Assert.Equal(request.Terms.TotalRepaid, schedule.Sum(i => i.Payment));
        Assert.Equal(0m, schedule[^1].Balance);
        Assert.Equal(request.Terms.Months, schedule.Count);
        Assert.True(request.Terms.Instalment <= plan.Assessment.AffordableInstalment);
        Assert.Null(request.Terms.ProposedRate);
    }

    [Fact]
    public void A_plan_paid_on_the_31st_falls_on_each_months_last_payday_after_a_shorter_month()
    {
        // b25-02: paid on the 31st, three days away on 27 November (November's is the 30th), so first due then; the first
        // period begins on 30 October, and no later instalment stays on the 30th or drifts to the 28th.
        var uk = RuleSetKit.From(TestFiles.Path("rules", "uk-consumer-credit")).Load();
        var plan = AdviseScenario("uk-consumer-credit", Path.Combine("blind36", "b25-02-online-loan-redundancy-council-job-payday-31st-in-three-days.json"), uk);
        var schedule = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan").Schedule!;

        Assert.Equal(new LocalDate(2026, 11, 30), schedule[0].DueDate);
        Assert.Equal(new LocalDate(2026, 12, 31), schedule[1].DueDate);
        Assert.All(schedule, i => Assert.Equal(i.DueDate!.Value.Calendar.GetDaysInMonth(i.DueDate.Value.Year, i.DueDate.Value.Month), i.DueDate.Value.Day));
        Assert.Equal(new LocalDate(2027, 2, 28), schedule[3].DueDate);
    }

    [Fact]
    public void Savings_short_of_what_is_due_are_paid_now_and_the_whole_debt_plan_repays_the_rest()
    {
        // The seed: 800 saved against 1,250 due. They go to the 164.90 of interest and charges first, then 635.10 to the
        // principal; the schedule repays the rest, and its note says so.
        var plan = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(Seed(), "en");
        var request = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan");
        var schedule = request.Schedule!;

        Assert.Equal(800.00m, request.Terms.PaidNow);
        Assert.Equal(0m, schedule.Sum(i => i.Fee));
        Assert.Equal(plan.Assessment.Principal - (800.00m - 164.90m), schedule.Sum(i => i.Principal));
        Assert.Equal(request.Terms.TotalRepaid, schedule.Sum(i => i.Payment));
        Assert.Contains(", less the CNY 800.00 you pay now from your savings.", DossierContent.ScheduleNote(plan, request), StringComparison.Ordinal);
    }

    [Fact]
    public void Savings_beyond_what_is_overdue_clear_it_before_the_plan_and_the_rest_stays_in_hand()
    {
        // The seed with 3,000 saved against 1,250 due: 1,250 is paid now, not the 3,000.
        var seed = Seed();
        var plan = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(seed with { Finances = seed.Finances! with { Savings = 3_000m } }, "en");
        var request = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan");

        Assert.Equal(1_250.00m, plan.Assessment.PlanPaidNow);
        Assert.Equal(0m, plan.Assessment.PartPaymentNow);
        Assert.Equal(1_250.00m, request.Terms.PaidNow);
        Assert.Equal(plan.Assessment.TotalOwed - 1_250.00m, request.Schedule!.Sum(i => i.Principal) + request.Schedule!.Sum(i => i.Fee));
    }

    [Fact]
    public void A_plan_sized_on_the_budget_after_a_hardship_is_first_due_in_the_month_after_it_and_repays_the_interest_of_the_wait()
    {
        // Two more months of illness on 6,000 (50 a month left), then full pay of 9,500 again. The case budgets those two
        // months on 6,000, so they are the low start (50 each) and the plan starts when they are over, first due a month
        // later; 6,800 at 18 % for those 61 days adds 204.56 to the 164.90 accrued, and the low start pays 100 of that.
        var seed = Seed();
        var ill = seed with
        {
            Hardship = new Hardship { Cause = HardshipCause.Illness, ExpectedMonths = 2, IncomeAfter = 9500m },
            Finances = seed.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 6000m }]), Savings = 0m },
        };
        var plan = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(ill, "en");
        var request = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan");
        var schedule = request.Schedule!;

        Assert.Equal(new LocalDate(2027, 1, 20), plan.Assessment.PlanStartsOn);
        Assert.Equal(new LocalDate(2027, 2, 20), request.Terms.FirstInstalmentDue);
        Assert.Equal(request.Terms.FirstInstalmentDue, schedule[0].DueDate);
        Assert.Equal(plan.Assessment.Principal, schedule.Sum(i => i.Principal));
        Assert.Equal((2, 50.00m), (plan.Assessment.PlanLowStartMonths, plan.Assessment.PlanLowStartPayment));
        Assert.Equal(50.00m, request.Terms.PaidEachMonth);
        Assert.Equal(164.90m + 204.56m - 100.00m, schedule.Sum(i => i.Fee));
        Assert.Equal(100.00m + schedule.Sum(i => i.Payment), request.Terms.TotalRepaid);
        Assert.True(request.Terms.Instalment <= plan.Assessment.PlanAffordable);

        // Without the income after, the plan is sized on today's budget and starts today.
        var unknown = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load()).Advise(ill with { Hardship = ill.Hardship with { IncomeAfter = null } }, "en");
        Assert.Equal(ill.AsOf, unknown.Assessment.PlanStartsOn);
    }

    [Theory]
    [InlineData("22-plan-needs-lower-rate.json", "zh-CN", "拟议还款计划（分期还款，年利率6%）")]
    [InlineData("66-plan-at-lower-rate-consumer-finance.json", "en", "Proposed repayment schedule (an instalment plan, at 6% a year)")]
    public void Instalment_plan_that_fits_only_at_the_relief_rate_is_computed_at_it_and_leads_the_relief(string scenario, string language, string heading)
    {
        // 38,000 at 15 %: no plan within 60 months fits the 800 a month she can sustain at that rate; at the relief rate of 6 % one of 56 months does.
        var plan = AdviseScenario("cn-consumer-credit", scenario, RuleSet.Default, language);
        var facts = plan.Assessment;
        Assert.False(facts.PlanClosesGap);
        Assert.True(facts.ReliefClosesGap);

        Assert.Equal(["instalment-plan", "interest-relief"], plan.Requests.Take(2).Select(r => r.Type.Code()));
        var request = plan.Requests[0];
        Assert.Equal(0.15m, request.Terms.CurrentRate);
        Assert.Equal(facts.ReliefRate, request.Terms.ProposedRate);
        Assert.Equal(facts.ReliefPlanMonths, request.Terms.Months);
        var schedule = request.Schedule!;
        // The 1,000 saved is paid now: 930.00 to the interest and charges, 70.00 to the principal.
        Assert.Equal(1_000m, request.Terms.PaidNow);
        Assert.Equal(facts.Principal - 70.00m, schedule.Sum(i => i.Principal));
        Assert.Equal(189.65m, schedule[0].Interest); // 37,930 × 6 % / 12, not 474.13 at 15 %
        Assert.True(schedule.Max(i => i.Payment) <= facts.AffordableInstalment);
        Assert.Equal(request.Terms.TotalRepaid, schedule.Sum(i => i.Payment));
        Assert.Equal(heading, DossierContent.ScheduleHeading(plan, request));
    }

    [Fact]
    public void A_plan_for_the_arrears_mends_a_broken_agreed_plan_and_is_asked_though_the_plan_was_agreed()
    {
        // An £80 arrangement agreed in writing, then one payment missed: with no deferral beyond the usual 30 days (which the
        // December payment leaves short), catching up the £80 over two months is asked.
        var noDeferral = RuleSetKit.From(TestFiles.Path("rules", "uk-consumer-credit"))
            .Edit("ruleset.json", m => ((JObject)m["parameters"]!).Remove("maxDeferralMonths")).Load();
        var plan = AdviseScenario("uk-consumer-credit", Path.Combine("blind2", "v09-arrangement-one-payment-missed.json"), noDeferral);
        Assert.Contains("instalment-plan", plan.Assessment.AgreedRequests);
        var request = Assert.Single(plan.Requests, r => r.Type.Code() == "instalment-plan");
        Assert.Equal(40m, request.Terms.ArrearsPerMonth);
        Assert.Equal(2, request.Terms.Months);

        // With the promise kept (nothing broken), the agreed plan is not asked again.
        var json = JObject.Parse(File.ReadAllText(TestFiles.Path("rules", "uk-consumer-credit", "scenarios", "blind2", "v09-arrangement-one-payment-missed.json")));
        var @case = BorrowerCase.FromJson(json["case"]!.ToString());
        var kept = NegotiationAdvisor.Create(noDeferral).Advise(@case with { Conduct = @case.Conduct with { BrokenPromises = 0 } });
        Assert.DoesNotContain(kept.Requests, r => r.Type.Code() == "instalment-plan");
    }

    [Fact]
    public void A_new_plan_on_todays_budget_mends_broken_arrangements_once_payments_resumed()
    {
        // b24-06: a £150 plan and £100 token payments agreed, both broken; £50 paid each month since August, and now a
        // full-time wage. The new whole-debt plan is asked though a plan was agreed before; without the payments since (or
        // savings to pay part of the arrears now), not.
        var uk = RuleSetKit.From(TestFiles.Path("rules", "uk-consumer-credit")).Load();
        var scenario = Path.Combine("blind35", "b24-06-consumer-loan-two-broken-arrangements-50-a-month-full-time-again.json");
        var plan = AdviseScenario("uk-consumer-credit", scenario, uk);
        Assert.True(plan.Assessment.PaidSincePromiseBroken);
        Assert.Contains("instalment-plan", plan.Assessment.AgreedRequests);
        Assert.Equal("instalment-plan", plan.Requests[0].Type.Code());

        var json = JObject.Parse(File.ReadAllText(TestFiles.Path("rules", "uk-consumer-credit", "scenarios", scenario)));
        var @case = BorrowerCase.FromJson(json["case"]!.ToString());
        var notPaying = @case with { History = ValueList<RepaymentRecord>.Own([.. @case.History.Where(h => h.PaidOn is null || h.PaidOn < new NodaTime.LocalDate(2026, 7, 15))]), Account = @case.Account with { LastPaymentOn = null }, Finances = @case.Finances! with { Savings = 0m } };
        var without = NegotiationAdvisor.Create(uk).Advise(notPaying);
        Assert.False(without.Assessment.PaidSincePromiseBroken);
        Assert.DoesNotContain(without.Requests, r => r.Type.Code() == "instalment-plan" && r.Terms.ArrearsPerMonth is null);
    }

    [Fact]
    public void A_waiver_beside_a_disputed_purchase_counts_the_purchase_and_the_charges()
    {
        // b24-04: a £96.00 cancelled order never refunded (more than the charges could hold, so in the balance) and £36.00 of
        // charges: the waiver asked is the £132.00 of both, not the £96.00 less the fees.
        var uk = RuleSetKit.From(TestFiles.Path("rules", "uk-consumer-credit")).Load();
        var plan = AdviseScenario("uk-consumer-credit", Path.Combine("blind35", "b24-04-store-card-single-income-cancelled-order-refund-never-credited.json"), uk);
        var facts = plan.Assessment;
        var waiver = Assert.Single(plan.Requests, r => r.Type.Code() == "fee-waiver");

        Assert.True(facts.DisputedAmount > facts.Interest + facts.Fees + facts.PenaltyInterest);
        Assert.Equal(facts.FeesAndPenalties + facts.DisputedAmount, waiver.Terms.FeesWaived);
    }
}
