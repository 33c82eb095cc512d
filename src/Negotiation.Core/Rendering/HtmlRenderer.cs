using System.Text;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.Rendering;

/// <summary>
/// Writes a plan as the HTML dossier the borrower brings to the negotiation: a draft letter to the lender,
/// the monthly budget, the repayment history, the proposed schedule, a chart of the balance over time, the
/// materials checklist, the script, the watchpoints and the remedies ladder.
/// </summary>
/// <remarks>
/// The document is self-contained (one inline style sheet; no scripts, fonts, images or links), prints on
/// A4, and is well-formed XML apart from its <c>&lt;!DOCTYPE html&gt;</c> line. Every text from the plan or
/// the case is escaped. Pure, deterministic and thread-safe; independent of the machine's culture.
/// </remarks>
public static class HtmlRenderer
{
    private const string Style = """
        @page { size: A4; margin: 16mm 15mm 18mm 15mm; }
        html { color: #111; background: #fff; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.5; max-width: 180mm; margin: 0 auto; padding: 10mm 0; }
        h1 { font-size: 17pt; margin: 0 0 4pt 0; }
        h2 { font-size: 13pt; margin: 16pt 0 6pt 0; padding-bottom: 2pt; border-bottom: 1.5pt solid #444; break-after: avoid; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt 0; break-after: avoid; }
        p { margin: 4pt 0; }
        .meta { color: #444; }
        .facts { display: grid; grid-template-columns: max-content auto; gap: 1pt 12pt; margin: 6pt 0; }
        .facts dt { color: #444; }
        .facts dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; break-inside: avoid; }
        table.long { break-inside: auto; }
        thead { display: table-header-group; }
        tr, li, figure, blockquote, .request, .warning { break-inside: avoid; }
        th, td { border: 0.75pt solid #999; padding: 2pt 6pt; text-align: left; vertical-align: top; }
        thead th { background: #eee; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.group th { background: #f6f6f6; }
        tr.subtotal td, tr.subtotal th { font-weight: bold; }
        tr.total td, tr.total th { font-weight: bold; border-top: 1.5pt solid #444; }
        .letter { break-before: page; break-after: page; border: 0.75pt solid #999; padding: 10mm 12mm; }
        .letter h2 { text-align: center; border: none; font-size: 15pt; }
        .letter p { text-indent: 2em; }
        .letter p.salutation, .letter p.valediction { text-indent: 0; }
        .letter .blanks { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt 16pt; margin-top: 14pt; }
        .letter .blank { border-bottom: 0.75pt solid #333; min-height: 16pt; }
        .checklist { list-style: none; padding-left: 0; }
        .checklist li { margin: 3pt 0; padding-left: 1.6em; text-indent: -1.6em; }
        .checklist ul { padding-left: 1.2em; }
        .checklist ul li { padding-left: 0; text-indent: 0; margin: 1pt 0; }
        .box { display: inline-block; width: 1.4em; text-indent: 0; font-size: 12pt; }
        .required { font-weight: bold; }
        .caveat { color: #6b4a00; }
        .warning { border-left: 4pt solid #b26b00; padding: 2pt 8pt; margin: 4pt 0; }
        .warning.high { border-left-color: #b00020; }
        .tag { display: inline-block; border: 0.75pt solid #666; border-radius: 3pt; padding: 0 4pt; font-size: 8.5pt; margin-right: 4pt; }
        time { white-space: nowrap; }
        .watchpoints time { font-weight: bold; }
        table.terms { width: auto; min-width: 60%; }
        blockquote { margin: 6pt 0; padding: 4pt 10pt; border-left: 3pt solid #1f5f8b; background: #f3f7fa; }
        figure { margin: 8pt 0; }
        figure svg { width: 100%; height: auto; }
        figcaption { font-size: 9.5pt; color: #333; }
        svg text { font-size: 10px; fill: #222; }
        svg .axis-title, svg .legend { font-size: 11px; }
        svg .plot { fill: #fff; stroke: none; }
        svg .grid { stroke: #ddd; stroke-width: 0.75; }
        svg .axis { stroke: #333; stroke-width: 1; }
        svg .as-is { fill: none; stroke: #b00020; stroke-width: 2; stroke-dasharray: 6 4; }
        svg .proposed { fill: none; stroke: #1f5f8b; stroke-width: 2.5; }
        ol.ladder li { margin: 3pt 0; }
        .small { font-size: 9pt; color: #444; }
        footer { margin-top: 16pt; border-top: 0.75pt solid #999; padding-top: 4pt; }
        @media print { body { max-width: none; padding: 0; } .letter { border: none; padding: 0; } }
        """;

    /// <summary>Renders the dossier for a plan and the case it was made for.</summary>
    /// <param name="plan">The plan, in <c>zh-CN</c> or <c>en</c>; headings and fixed labels follow its language.</param>
    /// <param name="case">The case the plan was made for: it supplies the repayment history, the budget lines and the account for the chart.</param>
    /// <returns>One HTML document, lines separated by <c>\n</c>, the same bytes for the same plan and case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="case"/> is null.</exception>
    /// <exception cref="ArgumentException">The plan's language is not supported, or the case is not the one the plan was made for (its asOf, currency or total owed differ).</exception>
    public static string Render(NegotiationPlan plan, BorrowerCase @case)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(@case);
        var content = new DossierContent(plan, @case);
        var html = new StringBuilder(32 * 1024);
        void Line(string line = "") => html.Append(line).Append('\n');
        string T(string chinese, string english) => content.T(chinese, english);
        string E(string? text) => Markup.Html(text);
        var facts = plan.Assessment;

        Line("<!DOCTYPE html>");
        Line($"<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{E(plan.Language)}\" xml:lang=\"{E(plan.Language)}\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\"/>");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        var title = T("协商材料", "Negotiation dossier") + (content.LenderName is { } name ? " — " + name : "");
        Line($"<title>{E(title)}</title>");
        Line("<style>");
        Line(Style.Replace("\r\n", "\n", StringComparison.Ordinal));
        Line("</style>");
        Line("</head>");
        Line("<body>");

        // ---- for the borrower: the summary, the decision and any warnings ----
        Line("<header id=\"summary\">");
        Line($"<h1>{E(title)}</h1>");
        Line($"<p class=\"meta\">{E($"{plan.RuleSet.Id} {plan.RuleSet.Version} — {content.Date(plan.AsOf)}")}</p>");
        Line("<dl class=\"facts\">");
        Fact(T("欠款合计", "Total owed"), content.Money(facts.TotalOwed));
        Fact(facts.IsCard ? T("最低还款额", "Minimum payment due") : T("本期应还", "Amount due"), content.Money(facts.AmountDue));
        Fact(T("到期日", "Due date"), content.Date(facts.DueDate));
        if (facts.DaysPastDue > 0)
        {
            Fact(T("逾期天数", "Days past due"), content.Days(facts.DaysPastDue));
        }

        if (content.LenderName is { } lender)
        {
            Fact(T("贷款机构", "Lender"), lender + (facts.LenderKind is "" or "other" ? "" : T($"（{content.Word(facts.LenderKind)}）", $" ({content.Word(facts.LenderKind)})")));
        }

        Line("</dl>");
        Line("</header>");

        Line("<section id=\"decision\">");
        Line($"<h2>{E(T("结论：", "Decision: ") + content.Outcome(plan.Decision.Outcome))}</h2>");
        List(plan.Decision.Reasons.Select(r => E(r.Message)));
        if (plan.Decision.Outcome == Outcome.PayNow)
        {
            Line($"<p class=\"small\">{E(T("建议是现在就还款：下面的协商申请书只在您仍需与机构协商时使用。", "The advice is to pay now: use the letter below only if you still need to negotiate."))}</p>");
        }

        Line("</section>");

        if (plan.Warnings.Count > 0)
        {
            Line("<section id=\"warnings\">");
            Line($"<h2>{E(T("警告", "Warnings"))}</h2>");
            foreach (var warning in plan.Warnings)
            {
                Line($"<p class=\"warning {E(EnumNames<Severity>.Of(warning.Severity))}\"><span class=\"tag\">{E(content.Severity(warning.Severity))}</span>{E(warning.Message)}</p>");
            }

            Line("</section>");
        }

        // ---- for the lender: the letter, on pages of its own ----
        var letter = NegotiationLetter.Write(content);
        Line("<section id=\"letter\" class=\"letter\">");
        Line($"<h2>{E(letter.Title)}</h2>");
        Line($"<p class=\"salutation\">{E(letter.Salutation)}</p>");
        foreach (var paragraph in letter.Paragraphs)
        {
            Line($"<p>{E(paragraph)}</p>");
        }

        if (letter.FurtherRequestsIntro is { } intro)
        {
            Line($"<p>{E(intro)}</p>");
            Line("<ol class=\"further-requests\">");
            foreach (var request in letter.FurtherRequests)
            {
                Line($"<li>{E(request)}</li>");
            }

            Line("</ol>");
        }

        if (letter.DisputedCharges.Count > 0)
        {
            Line($"<p>{E(NegotiationLetter.DisputedHeading(content))}</p>");
            List(letter.DisputedCharges.Select(E), "disputed");
        }

        foreach (var paragraph in letter.Closing)
        {
            Line($"<p>{E(paragraph)}</p>");
        }

        foreach (var line in letter.Valediction)
        {
            Line($"<p class=\"valediction\">{E(line)}</p>");
        }

        Line("<div class=\"blanks\">");
        foreach (var blank in letter.Blanks)
        {
            Line($"<div class=\"blank\">{E(blank)}{E(T("：", ":"))}</div>");
        }

        Line("</div>");
        Line("</section>");

        // ---- the figures behind the requests ----
        if (plan.Requests.Count > 0)
        {
            Line("<section id=\"requests\">");
            Line($"<h2>{E(DossierContent.RequestsHeading(plan))}</h2>");
            foreach (var request in plan.Requests)
            {
                Line($"<div class=\"request\" data-type=\"{E(EnumNames<RequestType>.Of(request.Type))}\">");
                Line($"<h3>{DossierContent.Number(request.Rank)}. {E(DossierContent.Heading(content.Plan, request.Type))}</h3>");
                Line($"<p>{E(request.Rationale)}</p>");
                var terms = content.Terms(request);
                if (terms.Count > 0)
                {
                    Line("<table class=\"terms\">");
                    Line("<tbody>");
                    foreach (var term in terms)
                    {
                        Line($"<tr><th scope=\"row\">{E(term.Label)}</th><td class=\"num\">{E(term.Value)}</td></tr>");
                    }

                    Line("</tbody>");
                    Line("</table>");
                }

                foreach (var caveat in request.Caveats)
                {
                    Line($"<p class=\"caveat\">! {E(caveat)}</p>");
                }

                Line("</div>");
            }

            Line("</section>");
        }

        Line("<section id=\"budget\">");
        Line($"<h2>{E(T("每月收支", "Monthly income and expenses"))}</h2>");
        var budget = content.Budget();
        if (budget.Count == 0)
        {
            Line($"<p>{E(T("案件没有提供收支情况。", "The case gives no budget."))}</p>");
        }
        else
        {
            Line("<table class=\"budget\">");
            Line($"<thead><tr><th scope=\"col\">{E(T("项目", "Item"))}</th><th scope=\"col\" class=\"num\">{E(T("每月金额", "Monthly"))}</th></tr></thead>");
            Line("<tbody>");
            foreach (var row in budget)
            {
                var amount = row.Monthly is { } monthly ? E(content.Money(monthly)) : "";
                Line(row.Kind switch
                {
                    BudgetRowKind.Group => $"<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"2\">{E(row.Label)}</th></tr>",
                    BudgetRowKind.Item => $"<tr><td>{E(row.Label)}</td><td class=\"num\">{amount}</td></tr>",
                    BudgetRowKind.Subtotal => $"<tr class=\"subtotal\"><th scope=\"row\">{E(row.Label)}</th><td class=\"num\">{amount}</td></tr>",
                    _ => $"<tr class=\"total\"><th scope=\"row\">{E(row.Label)}</th><td class=\"num\">{amount}</td></tr>",
                });
            }

            Line("</tbody>");
            Line("</table>");
        }

        Line("</section>");

        Line("<section id=\"history\">");
        Line($"<h2>{E(T("还款记录", "Repayment history"))}</h2>");
        var history = content.History();
        if (history.Count == 0)
        {
            Line($"<p>{E(T("案件没有提供还款记录。", "The case gives no repayment record."))}</p>");
        }
        else
        {
            Line($"<table class=\"history{(history.Count > 24 ? " long" : "")}\">");
            Line($"<thead><tr><th scope=\"col\">{E(T("到期日", "Due date"))}</th><th scope=\"col\" class=\"num\">{E(T("应还金额", "Amount due"))}</th><th scope=\"col\">{E(T("还款日", "Paid on"))}</th><th scope=\"col\" class=\"num\">{E(T("实还金额", "Amount paid"))}</th><th scope=\"col\">{E(T("情况", "Status"))}</th></tr></thead>");
            Line("<tbody>");
            foreach (var row in history)
            {
                Line($"<tr>{DateCell(row.DueDate)}<td class=\"num\">{E(content.Money(row.AmountDue))}</td>{(row.PaidOn is { } paid ? DateCell(paid) : "<td>—</td>")}<td class=\"num\">{(row.AmountPaid is { } amount ? E(content.Money(amount)) : "—")}</td><td>{E(row.Status)}</td></tr>");
            }

            Line("</tbody>");
            Line("</table>");
        }

        Line("</section>");

        if (content.ScheduledRequest is { Schedule: { } schedule } scheduled)
        {
            Line("<section id=\"schedule\">");
            Line($"<h2>{E(content.ScheduleHeading(scheduled))}</h2>");
            if (content.ScheduleNote(scheduled) is { } note)
            {
                Line($"<p>{E(note)}</p>");
            }

            Line($"<table class=\"schedule{(schedule.Count > 12 ? " long" : "")}\">");
            Line($"<thead><tr><th scope=\"col\" class=\"num\">{E(T("期数", "No."))}</th><th scope=\"col\">{E(T("还款日", "Due date"))}</th><th scope=\"col\" class=\"num\">{E(T("还款额", "Payment"))}</th><th scope=\"col\" class=\"num\">{E(T("本金", "Principal"))}</th><th scope=\"col\" class=\"num\">{E(T("利息", "Interest"))}</th><th scope=\"col\" class=\"num\">{E(T("费用及欠费分摊", "Fees and accrued charges"))}</th><th scope=\"col\" class=\"num\">{E(T("剩余欠款", "Still owed"))}</th></tr></thead>");
            Line("<tbody>");
            foreach (var instalment in schedule)
            {
                Line($"<tr><td class=\"num\">{DossierContent.Number(instalment.Period)}</td>{(instalment.DueDate is { } due ? DateCell(due) : "<td>—</td>")}<td class=\"num\">{E(content.Money(instalment.Payment))}</td><td class=\"num\">{E(content.Money(instalment.Principal))}</td><td class=\"num\">{E(content.Money(instalment.Interest))}</td><td class=\"num\">{E(content.Money(instalment.Fee))}</td><td class=\"num\">{E(content.Money(instalment.Balance))}</td></tr>");
            }

            Line($"<tr class=\"total\"><th scope=\"row\" colspan=\"2\">{E(T("合计", "Total"))}</th><td class=\"num\">{E(content.Money(schedule.Sum(i => i.Payment)))}</td><td class=\"num\">{E(content.Money(schedule.Sum(i => i.Principal)))}</td><td class=\"num\">{E(content.Money(schedule.Sum(i => i.Interest)))}</td><td class=\"num\">{E(content.Money(schedule.Sum(i => i.Fee)))}</td><td></td></tr>");
            Line("</tbody>");
            Line("</table>");
            Line("</section>");
        }

        if (BalanceChart.Build(content) is { } chart)
        {
            Line("<section id=\"chart\">");
            Line($"<h2>{E(T("欠款余额走势", "Balance over time"))}</h2>");
            Line("<figure>");
            html.Append(chart.Svg(content));
            Line($"<figcaption>{E(chart.Summary(content))}</figcaption>");
            Line("</figure>");
            Line("</section>");
        }

        // ---- preparing and talking ----
        if (plan.Materials.Count > 0)
        {
            Line("<section id=\"materials\">");
            Line($"<h2>{E(T("需要准备的材料", "Materials to prepare"))}</h2>");
            Line($"<p class=\"small\">{E(T("☑ 已备好　☐ 尚需准备", "☑ held   ☐ still to prepare"))}</p>");
            Line("<ul class=\"checklist\">");
            foreach (var material in plan.Materials)
            {
                var box = material.Held
                    ? $"<span class=\"box\" role=\"img\" aria-label=\"{E(T("已备好", "held"))}\">☑</span>"
                    : $"<span class=\"box\" role=\"img\" aria-label=\"{E(T("尚需准备", "to prepare"))}\">☐</span>";
                var need = material.Required ? $" <span class=\"required\">{E(T("（必需）", "(required)"))}</span>" : "";
                html.Append($"<li class=\"material{(material.Held ? " held" : "")}\" data-code=\"{E(material.Code)}\">{box}{E(material.Why)}{need}");
                if (material.Tips.Count > 0)
                {
                    html.Append('\n');
                    List(material.Tips.Select(E), "tips");
                }

                Line("</li>");
            }

            Line("</ul>");
            Line("</section>");
        }

        if (plan.Communication.Opening is not null || plan.Communication.Points.Count > 0)
        {
            Line("<section id=\"script\">");
            Line($"<h2>{E(T("沟通要点", "How to talk"))}</h2>");
            if (plan.Communication.Opening is { } opening)
            {
                Line($"<h3>{E(T("开场白", "Opening"))}</h3>");
                Line($"<blockquote class=\"opening\"><p>{E(opening)}</p></blockquote>");
            }

            if (plan.Communication.Points.Count > 0)
            {
                Line($"<h3>{E(T("谈话中要做到", "During the conversation"))}</h3>");
                List(plan.Communication.Points.Select(p => E(p.Message)), "points");
            }

            Line("</section>");
        }

        if (plan.Watchpoints.Count > 0 || plan.NextFollowUp is not null)
        {
            Line("<section id=\"watchpoints\">");
            Line($"<h2>{E(T("注意事项", "Watch out for"))}</h2>");
            Line("<ul class=\"watchpoints\">");
            foreach (var watchpoint in plan.Watchpoints)
            {
                var when = watchpoint.DueDate is { } date ? Time(date) + " " : "";
                Line($"<li class=\"{E(EnumNames<Severity>.Of(watchpoint.Severity))}\" data-code=\"{E(watchpoint.Code)}\">{when}{E(watchpoint.Message)}</li>");
            }

            if (plan.NextFollowUp is { } followUp)
            {
                Line($"<li class=\"follow-up\">{E(T("下次跟进：", "Next follow-up: "))}{Time(followUp)}</li>");
            }

            Line("</ul>");
            Line("</section>");
        }

        if (plan.Remedies.Count > 0)
        {
            Line("<section id=\"remedies\">");
            Line($"<h2>{E(content.RemediesHeading())}</h2>");
            Line("<ol class=\"ladder\">");
            foreach (var remedy in plan.Remedies)
            {
                var details = new List<string>();
                if (remedy.Channel is { } channel)
                {
                    details.Add(T("渠道：", "Where: ") + (remedy.ChannelName ?? channel));
                }

                if (remedy.WaitDays is { } wait)
                {
                    details.Add(T($"等待：{content.Days(wait)}", $"Wait: {content.Days(wait)}"));
                }

                var meta = details.Count > 0 ? $" <span class=\"small\">{E(T($"（{string.Join("；", details)}）", $"({string.Join("; ", details)})"))}</span>" : "";
                Line($"<li data-code=\"{E(remedy.Code)}\">{E(remedy.Message)}{meta}</li>");
            }

            Line("</ol>");
            Line("</section>");
        }

        if (plan.Citations.Count > 0)
        {
            Line("<section id=\"sources\">");
            Line($"<h2>{E(T("依据", "Sources"))}</h2>");
            Line("<ul class=\"sources small\">");
            foreach (var citation in plan.Citations)
            {
                var binds = citation.BindsThisLender ? "" : T("（对本贷款机构仅作参考）", " (a reference point only for this lender)");
                Line($"<li>{E(citation.Title)}{E(binds)} — {E(citation.Source)}</li>");
            }

            Line("</ul>");
            Line("</section>");
        }

        Line("<footer class=\"small\">");
        Line($"<p>{E(T($"依据规则集 {plan.RuleSet.Id} {plan.RuleSet.Version}（自{content.Date(plan.RuleSet.EffectiveFrom)}起适用），按{content.Date(plan.AsOf)}的情况生成。本材料是协商参考，不构成法律意见。", $"Prepared with rule set {plan.RuleSet.Id} {plan.RuleSet.Version} (in force from {content.Date(plan.RuleSet.EffectiveFrom)}) on the facts as of {content.Date(plan.AsOf)}. A guide to negotiating, not legal advice."))}</p>");
        Line("</footer>");
        Line("</body>");
        Line("</html>");
        return html.ToString();

        void Fact(string label, string value) => Line($"<dt>{E(label)}</dt><dd>{E(value)}</dd>");

        void List(IEnumerable<string> escapedItems, string? cssClass = null)
        {
            Line(cssClass is null ? "<ul>" : $"<ul class=\"{cssClass}\">");
            foreach (var item in escapedItems)
            {
                Line($"<li>{item}</li>");
            }

            Line("</ul>");
        }

        string DateCell(LocalDate date) => $"<td>{Time(date)}</td>";

        string Time(LocalDate date) => $"<time datetime=\"{LocalDatePattern.Iso.Format(date)}\">{E(content.Date(date))}</time>";
    }
}
