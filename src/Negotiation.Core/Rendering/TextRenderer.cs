using System.Text;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;

namespace Negotiation.Core.Rendering;

/// <summary>Writes a plan as plain text for a terminal, in the plan's language.</summary>
/// <remarks>Pure and thread-safe; independent of the machine's culture.</remarks>
public static class TextRenderer
{
    /// <summary>Renders the plan as plain text: decision, requests, materials, script, watchpoints, warnings, remedies.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static string Render(NegotiationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var zh = plan.Language == Language.Chinese;
        string T(string chinese, string english) => zh ? chinese : english;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        void Heading(string title)
        {
            Line();
            Line(title);
            Line(new string('=', Math.Max(8, DisplayWidth(title))));
        }

        var facts = plan.Assessment;
        Line(T("协商建议", "Negotiation plan") + $" — {plan.RuleSet.Id} {plan.RuleSet.Version} — {MessageFormat.Date(plan.AsOf, plan.Language)}");
        // Late within grace is not yet overdue on the record: the header says so, as the plan does. The grace period is a card
        // convention; another lender's contract may give one, and a penalty already charged shows it gave none.
        var days = MessageFormat.Days(facts.DaysPastDue, plan.Language);
        var lateness = (facts.InGracePeriod && facts.PenaltyInterest == 0, facts.LenderIsBankCard, facts.DaysPastDue > 0) switch
        {
            (true, true, _) => T($"已过还款日{days}，仍在宽限期内", $"{days} after the due date, still within grace"),
            (true, false, _) => T($"已过还款日{days}，如合同有宽限期，仍在宽限期内", $"{days} after the due date, within any grace period your contract gives"),
            (false, _, true) => T($"逾期{days}", $"{days} past due"),
            _ => T($"{MessageFormat.Date(facts.DueDate, plan.Language)}到期", $"falling due on {MessageFormat.Date(facts.DueDate, plan.Language)}"),
        };
        Line(DossierContent.AccountLine(plan, lateness, facts.DaysPastDue > 0 ? "due now" : "to pay"));

        Heading(T("结论：", "Decision: ") + DossierContent.OutcomeTitle(plan, plan.Decision.Outcome));
        foreach (var reason in plan.Decision.Reasons)
        {
            Line($"- {reason.Message}");
        }

        // Warnings (a scam, a deadline) come straight after the decision, as in the Markdown and HTML dossiers: the reader
        // must not find them only after the talking points.
        if (plan.Warnings.Count > 0)
        {
            Heading(T("警告", "Warnings"));
            foreach (var warning in plan.Warnings)
            {
                // The severity in the plan's language: a Chinese plan reads 【高风险】, not [high].
                var severity = warning.Severity switch
                {
                    Severity.High => T("【高风险】", "[high]"),
                    Severity.Caution => T("【注意】", "[caution]"),
                    _ => T("【提示】", "[info]"),
                };
                Line(T($"{severity}{warning.Message}", $"{severity} {warning.Message}"));
            }
        }

        if (plan.Requests.Count > 0)
        {
            Heading(DossierContent.RequestsHeading(plan));
            foreach (var request in plan.Requests)
            {
                var effect = request.Savings switch
                {
                    > 0 and var saves => T($"（预计节省{Money(saves)}）", $" (saves about {Money(saves)})"),
                    < 0 and var costs => T($"（预计多花{Money(-costs)}）", $" (costs about {Money(-costs)} more)"),
                    _ => "",
                };
                Line($"{request.Rank}. {DossierContent.Heading(plan, request.Type)}{effect}");
                Line($"   {request.Rationale}");
                foreach (var caveat in request.Caveats)
                {
                    Line($"   ! {caveat}");
                }
            }
        }

        if (facts.HasFinances)
        {
            Heading(T("每月收支", "Monthly budget"));
            Table(
                text,
                [T("项目", "Item"), T("每月金额", "Monthly")],
                [
                    [T("收入", "Income"), Money(facts.MonthlyIncome)],
                    .. plan.BudgetGroups is { } groups
                        ? groups.Select(g => new[] { g.Name, Money(g.Monthly) })
                        : [[T("必要支出", "Essential spending"), Money(facts.EssentialExpenses)], [T("弹性支出", "Flexible spending"), Money(facts.FlexibleExpenses)]],
                    .. facts.PriorityDebtPayments > 0 ? [[T("优先债务", "Priority debts"), Money(facts.PriorityDebtPayments)]] : Array.Empty<string[]>(),
                    [T("其他债务月供", "Other debt payments"), Money(facts.OtherDebtPayments)],
                    [T("结余", "Left over"), Money(facts.DisposableIncome)],
                ]);
        }

        if (plan.Requests.FirstOrDefault(r => r.Schedule is { Count: > 0 }) is { Schedule: { } schedule } scheduled)
        {
            Heading(DossierContent.ScheduleHeading(plan, scheduled));
            if (DossierContent.ScheduleNote(plan, scheduled) is { } note)
            {
                Line(note);
                Line();
            }

            Table(
                text,
                [T("期数", "#"), T("到期日", "Due"), T("还款额", "Payment"), T("本金", "Principal"), T("利息", "Interest"), T("费用", "Charges"), T("剩余", "Balance")],
                schedule.Select(i => (IReadOnlyList<string>)
                [
                    i.Period.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.DueDate is { } due ? MessageFormat.Date(due, plan.Language) : "",
                    Money(i.Payment), Money(i.Principal), Money(i.Interest), Money(i.Fee), Money(i.Balance),
                ]).ToList());
        }

        if (plan.Materials.Count > 0)
        {
            Heading(T("需要准备的材料", "Materials to prepare"));
            foreach (var material in plan.Materials)
            {
                var mark = material.Held ? "[x]" : "[ ]";
                var need = material.Required ? T("（必需）", " (required)") : "";
                Line($"{mark} {material.Why}{need}");
                foreach (var tip in material.Tips)
                {
                    Line($"    · {tip}");
                }
            }
        }

        if (plan.Communication.Opening is not null || plan.Communication.Points.Count > 0)
        {
            Heading(T("沟通要点", "How to talk"));
            if (plan.Communication.Opening is { } opening)
            {
                Line(T("开场：", "Opening: ") + opening);
            }

            foreach (var point in plan.Communication.Points)
            {
                Line($"- {point.Message}");
            }
        }

        if (plan.Watchpoints.Count > 0)
        {
            Heading(T("注意事项", "Watch out for"));
            foreach (var watchpoint in plan.Watchpoints)
            {
                // The date once: not again when the message already names it; in Chinese in full-width brackets.
                var day = watchpoint.DueDate is { } date ? MessageFormat.Date(date, plan.Language) : null;
                var when = day is null || watchpoint.Message.Contains(day, StringComparison.Ordinal) ? "" : T($"（{day}）", $" ({day})");
                Line($"- {watchpoint.Message}{when}");
            }
        }

        if (plan.Remedies.Count > 0)
        {
            Heading(DossierContent.RemediesHeading(plan));
            // Numbered by place on the ladder: two routes at the same rung would otherwise both read "3.".
            for (var i = 0; i < plan.Remedies.Count; i++)
            {
                Line($"{i + 1}. {plan.Remedies[i].Message}");
            }
        }

        if (plan.NextFollowUp is { } followUp)
        {
            Line();
            Line(T("下次跟进：", "Next follow-up: ") + MessageFormat.Date(followUp, plan.Language));
        }

        return text.ToString();

        string Money(decimal amount) => MessageFormat.Money(amount, plan.Currency, plan.Language);
    }

    /// <summary>Writes an aligned table: the first column left-aligned, the others right-aligned, by terminal columns.</summary>
    private static void Table(StringBuilder text, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, c) => Math.Max(DisplayWidth(h), rows.Max(r => DisplayWidth(r[c])))).ToArray();
        void Row(IReadOnlyList<string> cells)
        {
            var line = new StringBuilder();
            for (var c = 0; c < cells.Count; c++)
            {
                var pad = new string(' ', widths[c] - DisplayWidth(cells[c]));
                line.Append(c == 0 ? cells[c] + pad : "  " + pad + cells[c]);
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        Row(header);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in rows)
        {
            Row(row);
        }
    }

    /// <summary>Columns a string takes in a terminal: East Asian wide characters take two.</summary>
    internal static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
        }

        return width;
    }
}
