using System.Text;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;

namespace Negotiation.Core.Rendering;

/// <summary>
/// Writes a plan as GitHub-flavoured Markdown, in the plan's language: the sections of the text renderer,
/// with tables for the monthly budget, the repayment history and the proposed schedule, and a checklist of
/// the materials.
/// </summary>
/// <remarks>
/// Every text from the plan or the case is escaped, so that a name or a description can neither break a
/// table nor become a link or raw HTML. Pure, deterministic and thread-safe; independent of the machine's culture.
/// </remarks>
public static class MarkdownRenderer
{
    /// <summary>Renders the plan as Markdown.</summary>
    /// <param name="plan">The plan, in <c>zh-CN</c> or <c>en</c>; headings and fixed labels follow its language.</param>
    /// <param name="case">The case the plan was made for: it supplies the repayment history and the budget lines.</param>
    /// <returns>The Markdown, lines separated by <c>\n</c>, the same bytes for the same plan and case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="case"/> is null.</exception>
    /// <exception cref="ArgumentException">The plan's language is not supported, or the case is not the one the plan was made for (its asOf, currency or total owed differ).</exception>
    public static string Render(NegotiationPlan plan, BorrowerCase @case)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(@case);
        var content = new DossierContent(plan, @case);
        var md = new StringBuilder(16 * 1024);
        void Line(string line = "") => md.Append(line).Append('\n');
        void Blank()
        {
            // One blank line between blocks, however many sections were empty.
            if (md.Length > 0 && !(md.Length >= 2 && md[^1] == '\n' && md[^2] == '\n'))
            {
                Line();
            }
        }

        void Heading(string title)
        {
            Blank();
            Line("## " + title);
            Line();
        }

        string T(string chinese, string english) => content.T(chinese, english);
        string E(string? text) => Markup.Markdown(text);
        string B(string? text) => Markup.MarkdownBlock(text);

        Line("# " + E(T("协商建议", "Negotiation plan") + (content.LenderName is { } lender ? " — " + lender : "")));
        Line();
        Line(B($"{plan.RuleSet.Id} {plan.RuleSet.Version} — {content.Date(plan.AsOf)}"));
        Line();
        Line(B(content.AccountSummary()));

        Heading(E(T("结论：", "Decision: ") + content.Outcome(plan.Decision.Outcome)));
        foreach (var reason in plan.Decision.Reasons)
        {
            Line("- " + B(reason.Message));
        }

        if (plan.Warnings.Count > 0)
        {
            Heading(E(T("警告", "Warnings")));
            foreach (var warning in plan.Warnings)
            {
                Line($"- **{E(content.Severity(warning.Severity))}** {E(warning.Message)}");
            }
        }

        if (plan.Requests.Count > 0)
        {
            Heading(E(DossierContent.RequestsHeading(plan)));
            foreach (var request in plan.Requests)
            {
                if (!ReferenceEquals(request, plan.Requests[0]))
                {
                    Line();
                }

                Line($"### {DossierContent.Number(request.Rank)}. {E(DossierContent.Heading(plan, request.Type))}");
                Line();
                Line(B(request.Rationale));
                Line();
                foreach (var term in content.Terms(request))
                {
                    Line($"- {B(term.Label)}{E(T("：", ": "))}{E(term.Value)}");
                }

                foreach (var caveat in request.Caveats)
                {
                    Line($"- ⚠ {E(caveat)}");
                }
            }
        }

        if (content.ScheduledRequest is { Schedule: { } schedule } scheduled)
        {
            Heading(E(content.ScheduleHeading(scheduled)));
            if (content.ScheduleNote(scheduled) is { } note)
            {
                Line(E(note));
                Line();
            }

            Line($"| {E(T("期数", "No."))} | {E(T("还款日", "Due date"))} | {E(T("还款额", "Payment"))} | {E(T("本金", "Principal"))} | {E(T("利息", "Interest"))} | {E(T("费用及欠费分摊", "Fees and accrued charges"))} | {E(T("剩余欠款", "Still owed"))} |");
            Line("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var i in schedule)
            {
                Line($"| {DossierContent.Number(i.Period)} | {(i.DueDate is { } due ? E(content.Date(due)) : "—")} | {E(content.Money(i.Payment))} | {E(content.Money(i.Principal))} | {E(content.Money(i.Interest))} | {E(content.Money(i.Fee))} | {E(content.Money(i.Balance))} |");
            }

            Line($"| **{E(T("合计", "Total"))}** |  | **{E(content.Money(schedule.Sum(i => i.Payment)))}** | **{E(content.Money(schedule.Sum(i => i.Principal)))}** | **{E(content.Money(schedule.Sum(i => i.Interest)))}** | **{E(content.Money(schedule.Sum(i => i.Fee)))}** |  |");
        }

        Heading(E(T("每月收支", "Monthly income and expenses")));
        var budget = content.Budget();
        if (budget.Count == 0)
        {
            Line(B(T("案件没有提供收支情况。", "The case gives no budget.")));
        }
        else
        {
            Line($"| {E(T("项目", "Item"))} | {E(T("每月金额", "Monthly"))} |");
            Line("| --- | ---: |");
            foreach (var row in budget)
            {
                var amount = row.Monthly is { } monthly ? E(content.Money(monthly)) : "";
                Line(row.Kind switch
                {
                    BudgetRowKind.Group => $"| ***{E(row.Label)}*** |  |",
                    BudgetRowKind.Item => $"| {E(row.Label)} | {amount} |",
                    _ => $"| **{E(row.Label)}** | **{amount}** |",
                });
            }
        }

        Heading(E(T("还款记录", "Repayment history")));
        var history = content.History();
        if (history.Count == 0)
        {
            Line(B(T("案件没有提供还款记录。", "The case gives no repayment record.")));
        }
        else
        {
            Line($"| {E(T("到期日", "Due date"))} | {E(T("应还金额", "Amount due"))} | {E(T("还款日", "Paid on"))} | {E(T("实还金额", "Amount paid"))} | {E(T("情况", "Status"))} |");
            Line("| --- | ---: | --- | ---: | --- |");
            foreach (var row in history)
            {
                Line($"| {E(content.Date(row.DueDate))} | {E(content.Money(row.AmountDue))} | {(row.PaidOn is { } paid ? E(content.Date(paid)) : "—")} | {(row.AmountPaid is { } amount ? E(content.Money(amount)) : "—")} | {E(row.Status)} |");
            }
        }

        if (plan.Materials.Count > 0)
        {
            Heading(E(T("需要准备的材料", "Materials to prepare")));
            foreach (var material in plan.Materials)
            {
                var need = material.Required ? " **" + E(T("（必需）", "(required)")) + "**" : "";
                Line($"- [{(material.Held ? "x" : " ")}] {B(material.Why)}{need}");
                foreach (var tip in material.Tips)
                {
                    Line($"  - {B(tip)}");
                }
            }
        }

        if (plan.Communication.Opening is not null || plan.Communication.Points.Count > 0)
        {
            Heading(E(T("沟通要点", "How to talk")));
            if (plan.Communication.Opening is { } opening)
            {
                Line($"> **{E(T("开场：", "Opening:"))}** {E(opening)}");
                Line();
            }

            foreach (var point in plan.Communication.Points)
            {
                Line("- " + B(point.Message));
            }
        }

        if (plan.Watchpoints.Count > 0)
        {
            Heading(E(T("注意事项", "Watch out for")));
            foreach (var watchpoint in plan.Watchpoints)
            {
                var when = watchpoint.DueDate is { } date ? $" **({E(content.Date(date))})**" : "";
                Line($"- {B(watchpoint.Message)}{when}");
            }
        }

        if (plan.Remedies.Count > 0)
        {
            Heading(E(content.RemediesHeading()));
            // Numbered by place on the ladder: two routes at the same rung would otherwise both read "3.".
            for (var i = 0; i < plan.Remedies.Count; i++)
            {
                Line($"{DossierContent.Number(i + 1)}. {E(plan.Remedies[i].Message)}");
            }
        }

        if (plan.NextFollowUp is { } followUp)
        {
            Blank();
            Line($"**{E(T("下次跟进：", "Next follow-up:"))}** {E(content.Date(followUp))}");
        }

        return md.ToString();
    }
}
