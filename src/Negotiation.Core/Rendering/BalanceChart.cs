using System.Globalization;
using System.Text;
using Negotiation.Core.Advice;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Rendering;

/// <summary>A point of a balance line: days after <c>asOf</c> and what is owed then.</summary>
internal readonly record struct BalancePoint(int Day, decimal Balance);

/// <summary>
/// The balance over time, as-is against the proposed request, and its SVG drawing.
/// </summary>
/// <remarks>
/// <para>As-is: nothing is paid, and the overdue daily rate (<see cref="Charges.OverdueDailyRate"/>: the
/// penalty rate, else the contract rate) runs on the principal as simple interest, exactly as
/// <see cref="ReliefComparison"/> defines doing nothing: owed + principal × daily rate × days, rounded once.
/// One point per month from <c>asOf</c>.</para>
/// <para>Proposed: the best-ranked request that has a timeline. An instalment plan follows its schedule's
/// balances (the schedule carries the accrued charges alongside the principal, so month 0 is the total owed);
/// an extension keeps the debt, plus the contract interest the added days cost, until the new due date, when the
/// instalment that fell due is paid; the rest of the debt then follows the contract, which the chart does not know, so
/// the line stays level. Other requests have no timeline: the chart then shows the as-is line alone.</para>
/// <para>Coordinates are rounded to one decimal and written with the invariant culture: the same plan gives the same bytes.</para>
/// </remarks>
internal sealed class BalanceChart
{
    private const int DefaultMonths = 6;
    private const decimal Width = 680, Height = 340, Left = 92, Right = 664, Top = 16, Bottom = 250;

    private BalanceChart(LocalDate start, int months, IReadOnlyList<BalancePoint> asIs, IReadOnlyList<BalancePoint>? proposed, ProposedRequest? source, LocalDate? clearedOn, LocalDate? paidOn)
    {
        Start = start;
        Months = months;
        AsIs = asIs;
        Proposed = proposed;
        Source = source;
        ClearedOn = clearedOn;
        InstalmentPaidOn = paidOn;
    }

    public LocalDate Start { get; }

    public int Months { get; }

    public IReadOnlyList<BalancePoint> AsIs { get; }

    public IReadOnlyList<BalancePoint>? Proposed { get; }

    public ProposedRequest? Source { get; }

    public LocalDate? ClearedOn { get; }

    /// <summary>Gets the new due date an extension asks for, when the instalment that fell due is paid; null for other requests.</summary>
    public LocalDate? InstalmentPaidOn { get; }

    public int HorizonDays => Period.DaysBetween(Start, Start.PlusMonths(Months));

    /// <summary>Builds the lines for a plan and its case, or returns null when nothing is owed.</summary>
    public static BalanceChart? Build(DossierContent content)
    {
        var account = content.Case.Account;
        var start = content.Plan.AsOf;
        var owed = account.TotalOwed;
        if (owed <= 0)
        {
            return null;
        }

        List<BalancePoint>? proposed = null;
        LocalDate? clearedOn = null;
        LocalDate? paidOn = null;
        var months = DefaultMonths;
        var source = content.Plan.Requests.FirstOrDefault(r => r.Schedule is { Count: > 0 } || (r.Type == RequestType.Extension && r.Terms.NewDueDate > start));
        if (source?.Schedule is { Count: > 0 } schedule)
        {
            months = schedule.Count;
            proposed = [new BalancePoint(0, owed)];
            for (var k = 0; k < schedule.Count; k++)
            {
                var due = schedule[k].DueDate ?? start.PlusMonths(k + 1);
                proposed.Add(new BalancePoint(Period.DaysBetween(start, due), schedule[k].Balance));
            }

            clearedOn = schedule[^1].DueDate ?? start.PlusMonths(schedule.Count);
        }
        else if (source?.Terms.NewDueDate is { } newDue)
        {
            // Show a month beyond the new due date, so the cleared line is visible against the growing one.
            months = 1;
            while (start.PlusMonths(months) < newDue)
            {
                months++;
            }

            months++;
            var day = Period.DaysBetween(start, newDue);
            var atNewDue = owed + (source.Terms.ExtraInterest ?? 0m);
            var after = Math.Max(0m, atNewDue - content.Plan.Assessment.AmountDue);
            proposed = [new(0, owed), new(day, atNewDue), new(day, after), new(Period.DaysBetween(start, start.PlusMonths(months)), after)];
            clearedOn = after == 0 ? newDue : null;
            paidOn = newDue;
        }

        var dailyRate = Charges.OverdueDailyRate(account);
        var asIs = new List<BalancePoint>(months + 1);
        for (var m = 0; m <= months; m++)
        {
            var days = Period.DaysBetween(start, start.PlusMonths(m));
            asIs.Add(new BalancePoint(days, owed + Charges.SimpleInterest(account.Principal, Math.Min(dailyRate, 0.1m), days, content.Decimals)));
        }

        return new BalanceChart(start, months, asIs, proposed, proposed is null ? null : source, clearedOn, paidOn);
    }

    /// <summary>The legend's words for the as-is line.</summary>
    public static string AsIsLabel(DossierContent content) => content.T("不协商：什么都不还，罚息继续累计", "As is: nothing paid, penalty interest keeps running");

    /// <summary>The legend's words for the proposed line.</summary>
    public string ProposedLabel(DossierContent content) =>
        Source is null ? "" : content.T($"按建议：{content.Word(Source.Type)}", $"Proposed: {content.Word(Source.Type)}");

    /// <summary>One sentence saying what the chart shows, for its caption and its SVG description.</summary>
    public string Summary(DossierContent content)
    {
        var end = AsIs[^1].Balance;
        var asIs = content.T(
            $"若什么都不还，{content.Months(Months)}后欠款约为{content.Money(end)}（罚息按本金{content.Money(content.Case.Account.Principal)}、日利率{content.Percent(Charges.OverdueDailyRate(content.Case.Account))}单利计算）。",
            $"Paying nothing, the debt would be about {content.Money(end)} after {content.Months(Months)} (simple interest on the principal of {content.Money(content.Case.Account.Principal)} at {content.Percent(Charges.OverdueDailyRate(content.Case.Account))} a day).");
        if (ClearedOn is null && InstalmentPaidOn is { } paid && Source is not null)
        {
            var due = content.Money(content.Plan.Assessment.AmountDue);
            return asIs + content.T($"按建议的{content.Word(Source.Type)}，应还的{due}于{content.Date(paid)}还上，其余欠款按合同继续归还。", $" Under the proposed {DossierContent.StripArticle(content.Word(Source.Type))}, the {due} due is paid on {content.Date(paid)} and the rest is repaid as the contract says.");
        }

        if (ClearedOn is { } cleared && Source is not null)
        {
            return asIs + content.T($"按建议的{content.Word(Source.Type)}，欠款于{content.Date(cleared)}还清。", $" Under the proposed {DossierContent.StripArticle(content.Word(Source.Type))}, it is cleared on {content.Date(cleared)}.");
        }

        return asIs + content.T("建议的请求没有可画出的还款时间表，图中只显示不协商的情形。", " No proposed request has a repayment timeline, so the chart shows the as-is line alone.");
    }

    /// <summary>Draws the chart as inline SVG (no scripts, no external references), with text escaped.</summary>
    public string Svg(DossierContent content)
    {
        var max = Math.Max(AsIs.Max(p => p.Balance), Proposed?.Max(p => p.Balance) ?? 0m);
        var step = NiceStep(max / 4m);
        var top = Math.Ceiling(max / step) * step;
        var horizon = Math.Max(1, HorizonDays);
        decimal X(int day) => Left + ((Right - Left) * day / horizon);
        decimal Y(decimal balance) => Bottom - ((Bottom - Top) * balance / top);

        var svg = new StringBuilder();
        void Line(string line) => svg.Append(line).Append('\n');
        Line($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"balance-chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">");
        Line($"<title id=\"chart-title\">{Markup.Html(content.T("欠款余额走势", "Balance over time"))}</title>");
        Line($"<desc id=\"chart-desc\">{Markup.Html(Summary(content))}</desc>");
        Line($"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Right - Left)}\" height=\"{N(Bottom - Top)}\" class=\"plot\"/>");

        for (var value = 0m; value <= top; value += step)
        {
            var y = Y(value);
            Line($"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Right)}\" y2=\"{N(y)}\" class=\"grid\"/>");
            Line($"<text x=\"{N(Left - 6)}\" y=\"{N(y + 3.5m)}\" text-anchor=\"end\" class=\"tick\">{Markup.Html(MoneyLabel(content, value))}</text>");
        }

        var every = Math.Max(1, (int)Math.Ceiling(Months / 12m));
        for (var m = 0; m <= Months; m += every)
        {
            var x = X(Period.DaysBetween(Start, Start.PlusMonths(m)));
            Line($"<line x1=\"{N(x)}\" y1=\"{N(Bottom)}\" x2=\"{N(x)}\" y2=\"{N(Bottom + 4)}\" class=\"axis\"/>");
            Line($"<text x=\"{N(x)}\" y=\"{N(Bottom + 16)}\" text-anchor=\"middle\" class=\"tick\">{m.ToString(CultureInfo.InvariantCulture)}</text>");
        }

        Line($"<line x1=\"{N(Left)}\" y1=\"{N(Bottom)}\" x2=\"{N(Right)}\" y2=\"{N(Bottom)}\" class=\"axis\"/>");
        Line($"<line x1=\"{N(Left)}\" y1=\"{N(Top)}\" x2=\"{N(Left)}\" y2=\"{N(Bottom)}\" class=\"axis\"/>");
        Line($"<text x=\"{N((Left + Right) / 2)}\" y=\"{N(Bottom + 34)}\" text-anchor=\"middle\" class=\"axis-title\">{Markup.Html(content.T($"自{content.Date(Start)}起的月数", $"Months from {content.Date(Start)}"))}</text>");

        // The proposed line first, so that the dashed as-is line stays visible where the two run together.
        if (Proposed is not null)
        {
            Line($"<polyline class=\"proposed\" points=\"{Points(Proposed, X, Y)}\"/>");
        }

        Line($"<polyline class=\"as-is\" points=\"{Points(AsIs, X, Y)}\"/>");

        var legendY = Bottom + 62;
        Line($"<line x1=\"{N(Left)}\" y1=\"{N(legendY)}\" x2=\"{N(Left + 28)}\" y2=\"{N(legendY)}\" class=\"as-is\"/>");
        Line($"<text x=\"{N(Left + 34)}\" y=\"{N(legendY + 4)}\" class=\"legend\">{Markup.Html(AsIsLabel(content))}</text>");
        if (Proposed is not null)
        {
            legendY += 20;
            Line($"<line x1=\"{N(Left)}\" y1=\"{N(legendY)}\" x2=\"{N(Left + 28)}\" y2=\"{N(legendY)}\" class=\"proposed\"/>");
            Line($"<text x=\"{N(Left + 34)}\" y=\"{N(legendY + 4)}\" class=\"legend\">{Markup.Html(ProposedLabel(content))}</text>");
        }

        Line("</svg>");
        return svg.ToString();
    }

    private static string Points(IReadOnlyList<BalancePoint> points, Func<int, decimal> x, Func<decimal, decimal> y) =>
        string.Join(" ", points.Select(p => $"{N(x(p.Day))},{N(y(p.Balance))}"));

    private static string MoneyLabel(DossierContent content, decimal value) =>
        Messages.MessageFormat.Money(value, content.Plan.Currency, content.Language, 0);

    /// <summary>A round step (1, 2, 2.5 or 5 times a power of ten) at least <paramref name="rough"/>.</summary>
    private static decimal NiceStep(decimal rough)
    {
        if (rough <= 0)
        {
            return 1m;
        }

        var power = 1m;
        while (power * 10 <= rough)
        {
            power *= 10;
        }

        while (power > rough)
        {
            power /= 10;
        }

        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (power * factor >= rough)
            {
                return power * factor;
            }
        }

        return power * 10;
    }

    /// <summary>Writes a coordinate rounded to one decimal, invariant.</summary>
    private static string N(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}
