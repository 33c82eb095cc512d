using System.Globalization;
using System.Xml.Linq;
using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>The dossier is one well-formed, self-contained document that holds everything the borrower brings.</summary>
public sealed class HtmlRendererTests
{
    public static TheoryData<string> Languages() => new(RenderingKit.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Dossier_is_one_well_formed_self_contained_document_in_the_plans_language(string language)
    {
        var (plan, @case) = RenderingKit.FullPlan(language);

        var html = HtmlRenderer.Render(plan, @case);
        var document = RenderingKit.ParseDossier(html);

        var root = document.Root!;
        Assert.Equal("html", root.Name.LocalName);
        Assert.Equal(language, (string?)root.Attribute("lang"));
        Assert.Single(root.All("meta"), m => (string?)m.Attribute("charset") == "utf-8");
        var style = Assert.Single(root.All("style")).Value;
        Assert.Contains("@page { size: A4;", style, StringComparison.Ordinal);
        Assert.Contains("break-inside: avoid", style, StringComparison.Ordinal);
        Assert.Empty(root.All("script"));
        Assert.Empty(root.All("link"));
        Assert.Empty(root.All("img"));
        Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain("url(", style, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", style, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', html);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Letter_is_addressed_to_the_lender_and_states_the_figures_the_top_request_and_the_blanks(string language)
    {
        var (plan, @case) = RenderingKit.FullPlan(language);
        var zh = language == "zh-CN";

        var letter = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("letter");
        var text = letter.Value;

        Assert.Equal(zh ? "协商申请书" : "Request to negotiate", letter.All("h2").Single().Value);
        Assert.Contains(zh ? "致享花卡：" : "To 享花卡,", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "6,964.90", "1,250.00" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        Assert.Contains(zh ? "2026年11月10日" : "10 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains(zh ? "已逾期10天" : "10 days past due", text, StringComparison.Ordinal);
        Assert.Contains(zh ? "因疏忽忘记还款" : "because of an oversight", text, StringComparison.Ordinal);
        Assert.Contains(zh ? "按时还款比例为75%" : "75% of them paid on time", text, StringComparison.Ordinal);
        Assert.Contains(zh ? "第一次逾期" : "my first late payment", text, StringComparison.Ordinal);
        // The top request is the instalment plan, with its terms.
        var top = plan.Requests[0];
        Assert.Equal("instalment-plan", top.Type.Code());
        Assert.Contains(zh ? $"分{top.Terms.Months}个月" : $"over {top.Terms.Months} months", text, StringComparison.Ordinal);
        Assert.Contains(top.Terms.Instalment!.Value.ToString("N2", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Equal(2, letter.All("ol").Single().All("li").Count());
        Assert.Contains(zh ? "书面形式" : "in writing", text, StringComparison.Ordinal);
        var blanks = letter.All("div").Where(d => (string?)d.Attribute("class") == "blank").Select(d => d.Value).ToList();
        Assert.Equal(6, blanks.Count);
        Assert.Contains(blanks, b => b.StartsWith(zh ? "签名" : "Signature", StringComparison.Ordinal));
        Assert.Contains(blanks, b => b.StartsWith(zh ? "日期" : "Date", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Priority_debts_and_shared_circumstances_are_in_the_budget_and_the_letter(string language)
    {
        var @case = RenderingKit.Seed() with
        {
            PriorityDebts = new ValueList<PriorityDebt>([new PriorityDebt { Kind = PriorityDebtKind.CouncilTax, Arrears = 300m, MonthlyPayment = 150m }]),
            Vulnerability = new ValueList<Vulnerability>([Vulnerability.Bereavement]),
        };
        var plan = RenderingKit.Advisor.Advise(@case, language);
        var zh = language == "zh-CN";

        var dossier = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case));
        var letter = dossier.ById("letter").Value;

        Assert.Contains(zh ? "地方税（欠300.00元）" : "council tax (CNY 300.00 in arrears)", dossier.Root!.Value, StringComparison.Ordinal);
        Assert.Contains(zh ? "优先债务合计" : "Total priority debts", dossier.Root!.Value, StringComparison.Ordinal);
        Assert.Contains(zh ? "近期丧亲" : "a recent bereavement", letter, StringComparison.Ordinal);
        Assert.Contains(zh ? "地方税（每月150.00元，欠300.00元）" : "council tax (CNY 150.00 a month, CNY 300.00 in arrears)", letter, StringComparison.Ordinal);
        Assert.Contains(zh ? "优先债务" : "Priority debts", TextRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_priority_debts_or_shared_circumstances_the_letter_says_nothing_of_them()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        var letter = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("letter").Value;

        Assert.DoesNotContain("priority bills", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("take it into account", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Letter_without_a_lender_name_uses_a_generic_salutation()
    {
        var (plan, @case) = RenderingKit.FullPlan("en", lenderName: "  ");

        var letter = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("letter");

        Assert.Equal("Dear Sir or Madam,", letter.All("p").First().Value);
    }

    [Fact]
    public void Letter_for_a_payment_not_yet_due_does_not_call_it_overdue()
    {
        var @case = RenderingKit.Seed();
        @case = @case with { AsOf = new NodaTime.LocalDate(2026, 11, 8), History = new(@case.History.Take(3)) };
        var plan = RenderingKit.Advisor.Advise(@case, "en");

        var letter = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("letter").Value;

        Assert.Contains("of which CNY 1,250.00 falls due on 10 Nov 2026", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("past due", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("first late payment", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pay_now_decision_says_the_letter_is_only_for_a_negotiation_still_needed()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");
        // Overdue, with the cash to pay it now (paid from the next pay instead, the title says so: TextHeaderTests).
        plan = plan with
        {
            Decision = plan.Decision with { Outcome = Negotiation.Core.Advice.Outcome.PayNow },
            Assessment = plan.Assessment with { CanPayAmountDueNow = true },
        };

        var decision = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("decision");

        Assert.Equal("Decision: pay now", decision.All("h2").Single().Value);
        Assert.Contains("use the letter below only if you still need to negotiate", decision.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_table_shows_income_essential_flexible_and_disposable_monthly_figures()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        var table = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("budget").All("table").Single();
        var rows = table.All("tr").Select(tr => tr.Elements().Select(c => c.Value).ToList()).ToList();

        Assert.Contains(rows, r => r.SequenceEqual(["salary", "CNY 9,500.00"]));
        Assert.Contains(rows, r => r.SequenceEqual(["housing", "CNY 3,200.00"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Total income", "CNY 9,500.00"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Total essential", "CNY 5,200.00"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Total flexible", "CNY 750.00"]));
        Assert.Contains(rows, r => r[0].StartsWith("Disposable each month", StringComparison.Ordinal) && r[1] == "CNY 3,550.00");
    }

    [Fact]
    public void History_table_lists_the_record_in_date_order_whatever_the_case_order()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");
        Assert.True(@case.History[0].DueDate > @case.History[^1].DueDate, "the fixture gives the record newest first");

        var table = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("history").All("table").Single();
        var dueDates = table.All("tbody").Single().All("tr").Select(tr => (string)tr.All("time").First().Attribute("datetime")!).ToList();

        Assert.Equal(["2026-08-10", "2026-09-10", "2026-10-10", "2026-11-10"], dueDates);
        Assert.Equal("unpaid", table.All("tbody").Single().All("tr").Last().Elements().Last().Value);
    }

    [Fact]
    public void Schedule_table_has_every_instalment_of_the_top_instalment_plan_and_the_totals()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");
        var schedule = plan.Requests[0].Schedule!;

        var table = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("schedule").All("table").Single();
        var rows = table.All("tbody").Single().All("tr").ToList();

        Assert.Equal(schedule.Count + 1, rows.Count);
        Assert.Equal("1", rows[0].Elements().First().Value);
        Assert.Equal("CNY 0.00", rows[^2].Elements().Last().Value);
        Assert.Equal(plan.Requests[0].Terms.TotalRepaid!.Value.ToString("N2", CultureInfo.InvariantCulture), rows[^1].Elements().ElementAt(1).Value.Replace("CNY ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void No_schedule_section_without_a_request_that_has_a_schedule()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");
        plan = plan with { Requests = new([plan.Requests[1], plan.Requests[2]]) };

        var document = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case));

        Assert.DoesNotContain(document.Descendants(), e => (string?)e.Attribute("id") == "schedule");
    }

    [Fact]
    public void Chart_is_inline_svg_with_the_as_is_and_the_proposed_balance_lines_axes_and_legend()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");
        var months = plan.Requests[0].Schedule!.Count;

        var svg = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("chart").All("svg").Single();

        Assert.Equal("http://www.w3.org/2000/svg", svg.Name.NamespaceName);
        var lines = svg.All("polyline").ToList();
        Assert.Equal(["as-is", "proposed"], lines.Select(l => (string)l.Attribute("class")!).Order(StringComparer.Ordinal));
        var asIs = Points(lines.Single(l => (string?)l.Attribute("class") == "as-is"));
        var proposed = Points(lines.Single(l => (string?)l.Attribute("class") == "proposed"));
        Assert.Equal(months + 1, asIs.Count);
        Assert.Equal(months + 1, proposed.Count);
        Assert.Equal(asIs[0], proposed[0]);
        Assert.True(asIs[^1].Y < asIs[0].Y, "as-is grows (up is smaller y)");
        Assert.True(proposed[^1].Y > proposed[0].Y, "the plan pays the debt down");
        Assert.Equal(250m, proposed[^1].Y);
        var labels = svg.All("text").Select(t => t.Value).ToList();
        Assert.Contains("CNY 0", labels);
        Assert.Contains(labels, l => l.StartsWith("Months from 20 Nov 2026", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("As is", StringComparison.Ordinal));
        Assert.Contains("Proposed: an instalment plan", labels);
        Assert.NotEmpty(svg.All("title").Single().Value);
    }

    [Fact]
    public void Chart_for_an_extension_pays_the_instalment_on_the_new_due_date_and_keeps_the_rest()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");
        plan = plan with { Requests = new([plan.Requests[1], plan.Requests[2]]) };

        var chart = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("chart");

        var proposed = Points(chart.All("polyline").Single(l => (string?)l.Attribute("class") == "proposed"));
        Assert.Equal(4, proposed.Count);
        Assert.Equal(proposed[1].X, proposed[2].X);
        Assert.True(proposed[2].Y > proposed[1].Y, "the balance drops by the instalment on the new due date");
        Assert.True(proposed[2].Y < 250m, "the rest of the debt stays: an extension is not a payment in full");
        Assert.Equal(proposed[2].Y, proposed[3].Y);
        Assert.Contains("the CNY 1,250.00 due is paid on 20 Dec 2026 and the rest is repaid as the contract says", chart.All("figcaption").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_coordinates_have_one_decimal_and_invariant_digits()
    {
        var (plan, @case) = RenderingKit.FullPlan("zh-CN");

        var svg = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("chart").All("svg").Single();

        foreach (var polyline in svg.All("polyline"))
        {
            Assert.Matches(@"^(\d+\.\d,\d+\.\d)( \d+\.\d,\d+\.\d)*$", (string)polyline.Attribute("points")!);
        }
    }

    [Fact]
    public void Materials_are_a_checklist_ticked_for_documents_held()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        var items = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case)).ById("materials").All("li").Where(li => li.Attribute("data-code") is not null).ToList();

        Assert.Equal(2, items.Count);
        Assert.StartsWith("☑", items[0].Value, StringComparison.Ordinal);
        Assert.Contains("(required)", items[0].Value, StringComparison.Ordinal);
        Assert.StartsWith("☐", items[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_watchpoints_with_dates_and_the_remedies_ladder_in_order()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        var document = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case));

        var script = document.ById("script");
        Assert.Equal(plan.Communication.Opening, script.All("blockquote").Single().Value);
        Assert.Equal(["Stay calm", "Take notes"], script.All("li").Select(li => li.Value));
        var dated = document.ById("watchpoints").All("li").Single(li => (string?)li.Attribute("data-code") == "follow-up-date");
        Assert.Equal("2026-11-27", (string)dated.All("time").Single().Attribute("datetime")!);
        Assert.Equal("27 Nov 2026", dated.All("time").Single().Value);
        var ladder = document.ById("remedies").All("li").ToList();
        // Numbered by place (an ordered list), so two routes at the same rung do not both read "3.".
        Assert.All(ladder, li => Assert.Null(li.Attribute("value")));
        Assert.Equal(plan.Remedies.Select(r => r.Code), ladder.Select(li => (string)li.Attribute("data-code")!));
        Assert.Contains("Where: 12378, the financial regulator's complaint line", ladder[2].Value, StringComparison.Ordinal);
        Assert.Contains("Wait: 30 days", ladder[2].Value, StringComparison.Ordinal);
        Assert.Contains("Where: the lender's complaints desk", ladder[1].Value, StringComparison.Ordinal);
        Assert.Contains("Where: 12363", ladder[3].Value, StringComparison.Ordinal); // a channel the rule set names no words for shows its code
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Markup_in_user_data_comes_out_escaped(string language)
    {
        const string Hostile = "<script>alert('x')</script> & \"Co\" <b>";
        var (plan, @case) = RenderingKit.FullPlan(language, lenderName: Hostile, extraText: " <img src=x onerror=alert(1)>");

        var html = HtmlRenderer.Render(plan, @case);
        var document = RenderingKit.ParseDossier(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Empty(document.Root!.All("script"));
        Assert.Empty(document.Root!.All("img"));
        Assert.Contains(Hostile.Trim(), document.ById("letter").Value, StringComparison.Ordinal);
        Assert.Contains(Hostile.Trim(), document.Root!.All("title").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_xml_forbids_in_user_data_do_not_break_the_document()
    {
        var (plan, @case) = RenderingKit.FullPlan("en", lenderName: "Bad\u0001name\r\nwith \uD800 lone surrogate and 😀");

        var html = HtmlRenderer.Render(plan, @case);

        var letter = RenderingKit.ParseDossier(html).ById("letter");
        Assert.Contains("Bad\uFFFDname\nwith \uFFFD lone surrogate and 😀", letter.Value, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', html);
    }

    [Fact]
    public void Null_arguments_and_a_mismatched_case_are_refused()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        Assert.Throws<ArgumentNullException>(() => HtmlRenderer.Render(null!, @case));
        Assert.Throws<ArgumentNullException>(() => HtmlRenderer.Render(plan, null!));
        Assert.Throws<ArgumentException>(() => HtmlRenderer.Render(plan, @case with { AsOf = @case.AsOf.PlusDays(1) }));
    }

    [Fact]
    public void Every_example_case_renders_a_well_formed_dossier_with_its_tables_and_chart()
    {
        foreach (var file in TestFiles.ExampleCases())
        {
            foreach (var language in RenderingKit.Languages)
            {
                var @case = RenderingKit.ReadCase(file);
                var plan = RenderingKit.Advisor.Advise(@case, language);

                var document = RenderingKit.ParseDossier(HtmlRenderer.Render(plan, @case));

                document.ById("letter");
                Assert.Single(document.ById("budget").All("table"));
                Assert.Single(document.ById("history").All("table"));
                Assert.NotEmpty(document.ById("chart").All("svg").Single().All("polyline"));
                Assert.Equal(plan.Requests.Any(r => r.Schedule is { Count: > 0 }), document.Descendants().Any(e => (string?)e.Attribute("id") == "schedule"));
            }
        }
    }

    [Theory]
    [InlineData("en", "Accepting the written settlement", "settles the account in full and the remaining")]
    [InlineData("zh-CN", "接受书面和解", "即结清全部欠款，其余")]
    public void A_written_settlement_accepted_is_titled_and_asked_for_as_such_not_as_a_reduction_repaid_by_instalments(string language, string title, string letter)
    {
        // a10-01: the lender's written settlement, which savings cover, is accepted: its request is a principal reduction by type,
        // but the borrower pays the sum once, so neither the heading nor the letter may speak of a reduction repaid by instalments.
        var @case = Negotiation.Core.Scenarios.Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "a10-01-official-settlement-savings-cover.json")).Case;
        var plan = RenderingKit.Advisor.Advise(@case, language);

        var html = HtmlRenderer.Render(plan, @case);

        Assert.Equal(RequestType.PrincipalReduction, plan.Requests[0].Type);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(letter, html, StringComparison.Ordinal);
        Assert.DoesNotContain("by instalments", html, StringComparison.Ordinal);
        Assert.DoesNotContain("由本人分期偿还", html, StringComparison.Ordinal);
    }

    private static List<(decimal X, decimal Y)> Points(XElement polyline) =>
        ((string)polyline.Attribute("points")!).Split(' ')
            .Select(p => p.Split(','))
            .Select(p => (decimal.Parse(p[0], CultureInfo.InvariantCulture), decimal.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
}
