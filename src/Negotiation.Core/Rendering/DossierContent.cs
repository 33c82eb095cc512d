using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using NodaTime;

namespace Negotiation.Core.Rendering;

/// <summary>What a row of the monthly budget is: a group heading, an item, a group's subtotal or the bottom line.</summary>
internal enum BudgetRowKind
{
    Group,
    Item,
    Subtotal,
    Total,
}

/// <summary>A row of the monthly budget table.</summary>
internal sealed record BudgetRow(BudgetRowKind Kind, string Label, decimal? Monthly);

/// <summary>A row of the repayment history table.</summary>
internal sealed record HistoryRow(LocalDate DueDate, decimal AmountDue, LocalDate? PaidOn, decimal? AmountPaid, string Status);

/// <summary>A term of a request, ready to show: its label and its formatted value.</summary>
internal sealed record TermLine(string Label, string Value);

/// <summary>
/// The parts of a plan and its case that the Markdown and HTML renderers both show, written in the plan's
/// language with <see cref="MessageFormat"/>: fixed labels, the budget, the history in date order, request terms.
/// Nothing here escapes text; each renderer escapes for its own format.
/// </summary>
internal sealed class DossierContent
{
    public DossierContent(NegotiationPlan plan, BorrowerCase @case)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(@case);
        if (!Messages.Language.IsSupported(plan.Language))
        {
            throw new ArgumentException($"Language '{plan.Language}' is not supported; use one of: {string.Join(", ", Messages.Language.Supported)}.", nameof(plan));
        }

        if (@case.AsOf != plan.AsOf || !string.Equals(@case.Currency, plan.Currency, StringComparison.Ordinal) || @case.Account.TotalOwed != plan.Assessment.TotalOwed)
        {
            throw new ArgumentException("The case is not the one the plan was made for: its asOf, currency or total owed differ.", nameof(@case));
        }

        Plan = plan;
        Case = @case;
        IsChinese = plan.Language == Messages.Language.Chinese;
        Decimals = Currencies.TryGetMinorUnit(plan.Currency, out var minor) ? minor : 2;
    }

    public NegotiationPlan Plan { get; }

    public BorrowerCase Case { get; }

    public bool IsChinese { get; }

    public int Decimals { get; }

    public string Language => Plan.Language;

    /// <summary>Picks the Chinese or the English wording.</summary>
    public string T(string chinese, string english) => IsChinese ? chinese : english;

    /// <summary>Writes a count or a rank with invariant digits, whatever the machine's culture.</summary>
    public static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Money(decimal amount) => MessageFormat.Money(amount, Plan.Currency, Plan.Language, Decimals);

    public string Date(LocalDate date) => MessageFormat.Date(date, Plan.Language);

    public string Days(int days) => MessageFormat.Days(days, Plan.Language);

    public string Months(int months) => MessageFormat.Months(months, Plan.Language);

    public string Percent(decimal fraction) => MessageFormat.Percent(fraction, Plan.Language);

    public string Word(string code) => Title(Plan, code);

    /// <summary>A closed set's value as words in the plan's language (its kebab-case code looked up).</summary>
    public string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => Title(Plan, EnumNames<TEnum>.Of(value));

    /// <summary>A request's kind as words in the plan's language, as the plan's terms make it (see <see cref="Title(NegotiationPlan, RequestType)"/>).</summary>
    public string Word(RequestType type) => Title(Plan, type);

    /// <summary>
    /// A request's kind as words in the plan's language; a fee waiver is named by what the account holds: penalty interest
    /// where it has some, else fees and charges (an account without penalty interest has none to waive); a principal
    /// reduction where the lender has offered a written settlement is accepting it (its terms are the settlement's).
    /// </summary>
    internal static string Title(NegotiationPlan plan, RequestType type) => type switch
    {
        RequestType.FeeWaiver when plan.Language != Messages.Language.Chinese && plan.Assessment.PenaltyInterest == 0 => "a waiver of fees and charges",
        _ when AcceptsSettlement(plan, type) =>
            plan.Language == Messages.Language.Chinese ? "接受书面和解（付清约定金额，其余核销）" : "accepting the written settlement",
        _ => Title(plan, EnumNames<RequestType>.Of(type)),
    };

    /// <summary>A code as words in the plan's language.</summary>
    internal static string Title(NegotiationPlan plan, string code) => Vocabulary.Label(code, plan.Language);

    /// <summary>
    /// A request's kind as a heading: in English without its article and with a capital ("Instalment plan", not "an
    /// instalment plan", which reads as a form's label); in Chinese as <see cref="Title(NegotiationPlan, RequestType)"/>.
    /// </summary>
    internal static string Heading(NegotiationPlan plan, RequestType type)
    {
        var words = StripArticle(Title(plan, type));
        return plan.Language == Messages.Language.Chinese || words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>English words without a leading "a " or "an ".</summary>
    internal static string StripArticle(string words) =>
        words.StartsWith("a ", StringComparison.Ordinal) ? words[2..] : words.StartsWith("an ", StringComparison.Ordinal) ? words[3..] : words;

    /// <summary>Whether a request of <paramref name="type"/> accepts the written settlement the lender offered: its terms are the settlement's.</summary>
    private static bool AcceptsSettlement(NegotiationPlan plan, RequestType type) =>
        type == RequestType.PrincipalReduction && plan.Assessment.SettlementOffered;

    /// <summary>
    /// The heading over the requests: those of a plan that puts obligations first are to be made once they are met.
    /// </summary>
    internal static string RequestsHeading(NegotiationPlan plan) =>
        (plan.Decision.Outcome == Advice.Outcome.FulfilObligationsFirst, plan.Language == Messages.Language.Chinese) switch
        {
            (true, true) => "做到这些之后，可以提出的请求",
            (true, false) => "Once that is done, the requests to make, best first",
            (false, true) => "建议提出的请求",
            (false, false) => "Requests, best first",
        };

    /// <summary>What a fee waiver waives, in words: fees and penalty interest, or fees and charges where the account has no penalty interest.</summary>
    public string FeesWord => IsChinese ? "费用和罚息" : Plan.Assessment.PenaltyInterest > 0 ? "fees and penalty interest" : "fees and charges";

    /// <summary>Gets the lender's name from the assessment, or null when the case gives none.</summary>
    public string? LenderName => string.IsNullOrWhiteSpace(Plan.Assessment.LenderName) ? null : Plan.Assessment.LenderName.Trim();

    /// <summary>
    /// The decision in words: paying now, before anything is due, is paying on time; paying what is overdue from the next
    /// pay (the cash now falls short of it) is paying on payday.
    /// </summary>
    public string Outcome(Outcome outcome) => OutcomeTitle(Plan, outcome);

    /// <summary>The decision in words (see <see cref="Outcome(Advice.Outcome)"/>).</summary>
    internal static string OutcomeTitle(NegotiationPlan plan, Outcome outcome) => (outcome, plan.Assessment) switch
    {
        (Advice.Outcome.PayNow, { IsOverdue: false }) => plan.Language == Messages.Language.Chinese ? "按时还款" : "pay on time",
        (Advice.Outcome.PayNow, { CanPayAmountDueNow: false }) => plan.Language == Messages.Language.Chinese ? "发薪后马上还上" : "pay it on payday",
        (Advice.Outcome.Negotiate, { PlanOfferToAccept: true }) when KeepsAgreement(plan) =>
            plan.Language == Messages.Language.Chinese ? "接受机构的分期方案，并要求书面协议" : "accept the lender's plan and get it in writing",
        (Advice.Outcome.Negotiate, { HasWrittenConfirmation: false }) when KeepsAgreement(plan) =>
            plan.Language == Messages.Language.Chinese ? "按约定还款，并要求书面确认" : "pay as agreed and get it in writing",
        (Advice.Outcome.Negotiate, _) when KeepsAgreement(plan) => plan.Language == Messages.Language.Chinese ? "按约定还款" : "pay as agreed",
        _ => Vocabulary.Label(EnumNames<Outcome>.Of(outcome), plan.Language),
    };

    /// <summary>
    /// Whether the plan keeps an instalment plan agreed since the arrears and asks for nothing new: the lender has already said
    /// yes, so its headings speak of keeping and confirming the agreement rather than of negotiating.
    /// </summary>
    internal static bool KeepsAgreement(NegotiationPlan plan) => plan.Assessment.PlanJustAgreed && plan.Requests.Count == 0;

    /// <summary>The heading of the steps for when the lender says no (or, for an agreement kept, goes back on it).</summary>
    public string RemediesHeading() => RemediesHeading(Plan);

    /// <summary>The heading of the steps for when the lender says no (see <see cref="RemediesHeading()"/>).</summary>
    internal static string RemediesHeading(NegotiationPlan plan) => (plan.Language == Messages.Language.Chinese, KeepsAgreement(plan)) switch
    {
        (true, true) => "如果机构不肯书面确认或事后不认约定",
        (false, true) => "If the lender does not confirm the agreement or goes back on it",
        (true, false) => "协商失败后的步骤",
        (false, false) => "If the lender says no",
    };

    public string Severity(Severity severity) => severity switch
    {
        Advice.Severity.High => T("高风险", "high"),
        Advice.Severity.Caution => T("注意", "caution"),
        _ => T("提示", "info"),
    };

    /// <summary>The one-line summary of the account, worded as the text renderer words it.</summary>
    public string AccountSummary()
    {
        var facts = Plan.Assessment;
        var lateness = facts.DaysPastDue > 0
            ? T($"逾期{Days(facts.DaysPastDue)}", $"{Days(facts.DaysPastDue)} past due")
            : T($"{Date(facts.DueDate)}到期", $"falls due on {Date(facts.DueDate)}");
        return AccountLine(Plan, lateness, "due now");
    }

    /// <summary>
    /// What the account line adds when the plan keeps an agreement (<see cref="KeepsAgreement"/>): the arrears it states are
    /// repaid under the plan agreed, or offered, not due at once; empty otherwise.
    /// </summary>
    private static string RepaidByAgreement(NegotiationPlan plan) => (KeepsAgreement(plan), plan.Assessment.PlanOfferToAccept, plan.Language == Messages.Language.Chinese) switch
    {
        (false, _, _) => "",
        (true, false, true) => "；按已谈妥的分期偿还，不必一次还清",
        (true, false, false) => "; the plan agreed repays it, not at once",
        (true, true, true) => "；接受机构提出的分期方案后，按方案偿还",
        (true, true, false) => "; the plan the lender offered would repay it, not at once",
    };

    /// <summary>
    /// The one line that states the account: everything owed, what is due (from how many unpaid instalments, when more than
    /// one, and how many of them were paid in part; or all of it once the agreement is ended) and how late. A single
    /// instalment's amount is <paramref name="dueWord"/> in English ("due now", "to pay"). On a card what falls due is a
    /// minimum payment. Where the plan keeps an agreement, the arrears are overdue, and the agreement repays them.
    /// </summary>
    public static string AccountLine(NegotiationPlan plan, string lateness, string dueWord)
    {
        var facts = plan.Assessment;
        var (chinese, unpaid, card) = (plan.Language == Messages.Language.Chinese, facts.UnpaidInstalments, facts.IsCard);
        var (owed, due) = (PlanMoney(plan, facts.TotalOwed), PlanMoney(plan, facts.AmountDue));
        var (single, several) = KeepsAgreement(plan) ? ("overdue", "overdue") : (dueWord, "due now");
        var line = (chinese, unpaid > 1) switch
        {
            // The instalment the case names is paid (late, perhaps) and nothing else is unpaid.
            _ when unpaid == 0 => chinese ? $"欠款合计{owed}，目前没有未还的款项" : $"Total owed {owed}; nothing unpaid at present",
            // Once the lender has ended the agreement, what is due is the balance, not a count of instalments.
            _ when WholeBalanceDemanded(facts) => chinese ? $"欠款合计{owed}，机构已要求全部还清，最早未还的一期{lateness}" : $"Total owed {owed}, all of it demanded now; the oldest unpaid instalment {lateness}",
            (true, true) => $"欠款合计{owed}，{UnpaidCount(true, unpaid, facts.PartPaidInstalments, card)}，共{due}，最早一期{lateness}",
            (true, false) => card ? $"欠款合计{owed}，最低还款额{due}，{lateness}" : $"欠款合计{owed}，本期应还{due}，{lateness}",
            (false, true) => $"Total owed {owed}; {due} {several} from {UnpaidCount(false, unpaid, facts.PartPaidInstalments, card)}, the oldest {lateness}",
            (false, false) => $"Total owed {owed}; {due} {single}, {lateness}",
        };
        return line + RepaidByAgreement(plan);
    }

    /// <summary>
    /// How many instalments are behind, saying which were paid in part: "2 instalments paid only in part", "3 instalments not
    /// paid in full (1 of them in part)", or "2 unpaid instalments" when nothing was paid towards them.
    /// </summary>
    public static string UnpaidCount(bool chinese, int unpaid, int partPaid, bool card)
    {
        var what = chinese ? (card ? "期最低还款" : "期") : card ? "minimum payments" : "instalments";
        return (chinese, partPaid) switch
        {
            (true, 0) => $"{unpaid}{what}未还",
            (true, _) when partPaid >= unpaid => $"{unpaid}{what}只还了一部分",
            (true, _) => $"{unpaid}{what}没有还足（其中{partPaid}期还了一部分）",
            (false, 0) => card ? $"{unpaid} missed minimum payments" : $"{unpaid} unpaid instalments",
            (false, _) when partPaid >= unpaid => $"{unpaid} {what} paid only in part",
            _ => $"{unpaid} {what} not paid in full ({partPaid} of them in part)",
        };
    }

    /// <summary>Whether the lender has ended the agreement and what is due is all that is owed.</summary>
    public static bool WholeBalanceDemanded(Assessment facts) => facts.HasTerminationNotice && facts.AmountDue >= facts.TotalOwed;

    /// <summary>Gets the request whose schedule the dossier shows: the best-ranked one that has a schedule.</summary>
    public ProposedRequest? ScheduledRequest => Plan.Requests.FirstOrDefault(r => r.Schedule is { Count: > 0 });

    /// <summary>The schedule's heading: "proposed" only when its payments fit the monthly capacity, as a request that closes the gap does.</summary>
    public string ScheduleHeading(ProposedRequest request) => ScheduleHeading(Plan, request);

    /// <summary>
    /// The heading of a request's schedule. A schedule whose largest payment is above what the borrower can afford a month
    /// (a plan that does not close the gap alone) is shown as what the lender's terms would be, not as a proposal. The last
    /// payment, which takes the schedule's rounding residue, is not what the plan asks each month, so it does not count.
    /// </summary>
    public static string ScheduleHeading(NegotiationPlan plan, ProposedRequest request)
    {
        var zh = plan.Language == Messages.Language.Chinese;
        var word = request.Terms.ProposedRate is { } lower
            ? zh ? $"{Title(plan, request.Type)}，年利率{MessageFormat.Percent(lower, plan.Language)}" : $"{Title(plan, request.Type)}, at {MessageFormat.Percent(lower, plan.Language)} a year"
            : Title(plan, request.Type);
        var facts = plan.Assessment;
        var largest = request.Schedule is { Count: > 0 } schedule ? schedule.Take(Math.Max(1, schedule.Count - 1)).Max(i => i.Payment) : 0m;
        if (!facts.HasFinances || largest <= facts.PlanAffordable)
        {
            return zh ? $"拟议还款计划（{word}）" : $"Proposed repayment schedule ({word})";
        }

        var affordable = PlanMoney(plan, facts.PlanAffordable);
        return zh
            ? $"还款计划（{word}）：每期高于您每月能承担的{affordable}，不宜照此承诺"
            : $"Repayment schedule ({word}): above the {affordable} a month you can afford, so do not commit to it as it stands";
    }

    /// <summary>An amount in the plan's currency and language, for the static helpers the text renderer calls without a case.</summary>
    private static string PlanMoney(NegotiationPlan plan, decimal amount) =>
        MessageFormat.Money(amount, plan.Currency, plan.Language, Currencies.TryGetMinorUnit(plan.Currency, out var minor) ? minor : 2);

    /// <summary>The line under a schedule's heading that says what it starts from; see <see cref="ScheduleNote(NegotiationPlan, ProposedRequest)"/>.</summary>
    public string? ScheduleNote(ProposedRequest request) => ScheduleNote(Plan, request);

    /// <summary>
    /// What a schedule starts from, where it is not simply the total owed: the interest until the plan starts, which makes
    /// its first balance larger than the header's total, less what a low start pays before it (the months of a hardship of
    /// known end, paid at today's budget) and what savings pay now, and the interest and charges already accrued, which it
    /// repays in equal parts beside the principal, bearing no interest, and the disputed charges it leaves out. Null when the
    /// schedule repays nothing accrued, has no low start, nothing paid now and leaves nothing out.
    /// </summary>
    public static string? ScheduleNote(NegotiationPlan plan, ProposedRequest request)
    {
        if (request.Schedule is not { Count: > 0 } schedule)
        {
            return null;
        }

        var facts = plan.Assessment;
        var accrued = schedule.Sum(i => i.Fee);
        // Only the whole-debt plan carries the low start, as what it pays each month before its first instalment.
        var lowStart = request.Terms.PaidEachMonth is { } low && low == facts.PlanLowStartPayment && facts.PlanLowStartMonths > 0
            ? facts.PlanLowStartMonths * low : 0m;
        // What savings pay now comes off before the schedule starts.
        var paidNow = request.Terms.PaidNow ?? 0m;
        if (accrued <= 0 && lowStart == 0 && paidNow == 0)
        {
            return null;
        }

        var zh = plan.Language == Messages.Language.Chinese;
        string Money(decimal amount) => PlanMoney(plan, amount);
        var first = schedule[0];
        var startsFrom = first.Balance + first.Principal + first.Fee;
        // Disputed charges are left out of a plan; the dispute settles them.
        var disputed = facts.DisputedLeftOut;
        var waiting = startsFrom - facts.TotalOwed + lowStart + disputed + paidNow;
        // Penalty interest is named only where the case has some (a card charges 违约金, a fee).
        var charges = facts.PenaltyInterest > 0 ? "利息、罚息和费用" : "利息和费用";
        var spread = accrued <= 0 ? "" : zh
            ? $"其中的{charges}共{Money(accrued)}，随每期平均分摊偿还，不再计息。"
            : $"The interest and charges in that ({Money(accrued)}) are repaid in equal parts with each instalment, with no interest on them.";
        if (waiting == 0 && lowStart == 0 && disputed == 0 && paidNow == 0)
        {
            return zh
                ? $"欠款中的{charges}共{Money(accrued)}，随每期平均分摊偿还，不再计息。"
                : $"The interest and charges in what you owe ({Money(accrued)}) are repaid in equal parts with each instalment, with no interest on them.";
        }

        var starts = MessageFormat.Date(facts.PlanStartsOn, plan.Language);
        // A low start pays interest and charges first, then principal, as lenders apply payments.
        var months = MessageFormat.Months(facts.PlanLowStartMonths, plan.Language);
        return zh
            ? $"还款计划从{Money(startsFrom)}起算：即目前欠款{Money(facts.TotalOwed)}" +
              (disputed > 0 ? $"，减去有争议、留待核查的{Money(disputed)}" : "") +
              (paidNow > 0 ? $"，减去现在先用存款还的{Money(paidNow)}" : "") +
              (waiting > 0 ? $"，加上到{starts}（首期前一个月）为止还会产生的利息{Money(waiting)}" : "") +
              // A first period that began before today charges again the interest of its days before today, already owed.
              (waiting < 0 ? $"，减去已计入欠款的利息{Money(-waiting)}（首期的利息从{starts}算起，已包含这几天）" : "") +
              (lowStart > 0 ? $"，减去计划开始前{months}每月还的{Money(facts.PlanLowStartPayment)}（共{Money(lowStart)}，先抵利息和费用）" : "") + "。" + spread
            : $"The schedule starts from {Money(startsFrom)}: the {Money(facts.TotalOwed)} you owe now" +
              (disputed > 0 ? $", less the {Money(disputed)} you dispute (left aside until the dispute is settled)" : "") +
              (paidNow > 0 ? $", less the {Money(paidNow)} you pay now from your savings" : "") +
              (waiting > 0 ? $", plus {Money(waiting)} of interest to {starts}, a month before the first instalment" : "") +
              (waiting < 0 ? $", less {Money(-waiting)} of interest already in what you owe, because the first instalment charges interest from {starts}" : "") +
              (lowStart > 0 ? $", less the {Money(lowStart)} you pay before it ({Money(facts.PlanLowStartPayment)} a month for {months}, going to interest and charges first)" : "") +
              "." + (spread.Length > 0 ? " " + spread : "");
    }

    /// <summary>The monthly budget: income, essential and flexible expenses, other debts, and what is left.</summary>
    public IReadOnlyList<BudgetRow> Budget()
    {
        var rows = new List<BudgetRow>();
        if (Case.Finances is not { } finances)
        {
            return rows;
        }

        var facts = Plan.Assessment;
        rows.Add(new(BudgetRowKind.Group, T("收入", "Income"), null));
        foreach (var income in finances.Income)
        {
            var source = string.IsNullOrWhiteSpace(income.Source) ? T("收入", "income") : income.Source.Trim();
            rows.Add(new(BudgetRowKind.Item, income.Stable ? source : source + T("（不稳定）", " (not steady)"), income.Monthly));
        }

        rows.Add(new(BudgetRowKind.Subtotal, T("收入合计", "Total income"), facts.MonthlyIncome));

        // The rule set's groups where it gives them (the UK's fixed and flexible costs), else essential and flexible spending.
        if (Plan.BudgetGroups is { } groups)
        {
            foreach (var group in groups)
            {
                rows.Add(new(BudgetRowKind.Group, group.Name, null));
                foreach (var expense in finances.Expenses.Where(e => group.Categories.Contains(e.Category)))
                {
                    rows.Add(new(BudgetRowKind.Item, Category(expense.Category), expense.Monthly));
                }

                rows.Add(new(BudgetRowKind.Subtotal, T("小计", "Total"), group.Monthly));
            }
        }
        else
        {
            rows.Add(new(BudgetRowKind.Group, T("必要支出", "Essential expenses"), null));
            foreach (var expense in finances.Expenses.Where(e => e.IsEssential))
            {
                rows.Add(new(BudgetRowKind.Item, Category(expense.Category), expense.Monthly));
            }

            rows.Add(new(BudgetRowKind.Subtotal, T("必要支出合计", "Total essential"), facts.EssentialExpenses));

            rows.Add(new(BudgetRowKind.Group, T("弹性支出", "Flexible expenses"), null));
            foreach (var expense in finances.Expenses.Where(e => !e.IsEssential))
            {
                rows.Add(new(BudgetRowKind.Item, Category(expense.Category), expense.Monthly));
            }

            rows.Add(new(BudgetRowKind.Subtotal, T("弹性支出合计", "Total flexible"), facts.FlexibleExpenses));
        }

        // Priority debts (rent, council tax, energy …) come before the others, as a debt adviser's statement puts them.
        if (Case.PriorityDebts.Count > 0)
        {
            rows.Add(new(BudgetRowKind.Group, T("优先债务（房租、税费、能源等）", "Priority debts (rent, council tax, energy …)"), null));
            foreach (var debt in Case.PriorityDebts)
            {
                var kind = Word(debt.Kind);
                rows.Add(new(BudgetRowKind.Item, debt.Arrears > 0 ? kind + T($"（欠{Money(debt.Arrears)}）", $" ({Money(debt.Arrears)} in arrears)") : kind, debt.MonthlyPayment));
            }

            rows.Add(new(BudgetRowKind.Subtotal, T("优先债务合计", "Total priority debts"), facts.PriorityDebtPayments));
        }

        rows.Add(new(BudgetRowKind.Group, T("其他债务月供", "Other debt payments"), null));
        foreach (var debt in finances.OtherDebts)
        {
            var lender = string.IsNullOrWhiteSpace(debt.Lender) ? T("其他贷款", "another lender") : debt.Lender.Trim();
            rows.Add(new(BudgetRowKind.Item, lender, debt.MonthlyPayment));
        }

        rows.Add(new(BudgetRowKind.Subtotal, T("其他债务月供合计", "Total other debt payments"), facts.OtherDebtPayments));
        rows.Add(new(BudgetRowKind.Total, Case.PriorityDebts.Count > 0
            ? T("每月可支配结余（收入 − 支出 − 优先债务 − 其他月供）", "Disposable each month (income − expenses − priority debts − other debt payments)")
            : T("每月可支配结余（收入 − 支出 − 其他月供）", "Disposable each month (income − expenses − other debt payments)"), facts.DisposableIncome));
        // Savings already spoken for are shown apart: what is left is what the plan can use.
        if (finances.SavingsReserved > 0)
        {
            rows.Add(new(BudgetRowKind.Total, T("储蓄中已有用途的部分", "Savings already set aside"), finances.SavingsReserved));
            rows.Add(new(BudgetRowKind.Total, T("可动用的储蓄", "Savings you can use"), facts.Savings));
        }
        else
        {
            rows.Add(new(BudgetRowKind.Total, T("储蓄", "Savings"), facts.Savings));
        }

        return rows;
    }

    /// <summary>The repayment record in date order (due date, then payment date), with what became of each instalment.</summary>
    public IReadOnlyList<HistoryRow> History() =>
        Case.History
            .OrderBy(r => r.DueDate)
            .ThenBy(r => r.PaidOn ?? LocalDate.MaxIsoValue)
            .ThenBy(r => r.AmountDue)
            .ThenBy(r => r.AmountPaid ?? -1m)
            .Select(r => new HistoryRow(r.DueDate, r.AmountDue, r.PaidOn, r.AmountPaid, Status(r)))
            .ToList();

    private string Status(RepaymentRecord record)
    {
        if (record.PaidOn is not { } paidOn)
        {
            return record.DueDate > Case.AsOf ? T("未到期", "not yet due") : T("未还", "unpaid");
        }

        var daysLate = Period.DaysBetween(record.DueDate, paidOn);
        var timing = daysLate > 0 ? T($"晚{Days(daysLate)}", $"{Days(daysLate)} late") : T("按时", "on time");
        return (record.AmountPaid ?? 0m) < record.AmountDue ? T($"部分还款，{timing}", $"part paid, {timing}") : timing;
    }

    /// <summary>The terms of a request as labelled values, in the order a reader needs them.</summary>
    public IReadOnlyList<TermLine> Terms(ProposedRequest request)
    {
        var terms = request.Terms;
        var lines = new List<TermLine>();
        void Add(string chinese, string english, string? value)
        {
            if (value is not null)
            {
                lines.Add(new(T(chinese, english), value));
            }
        }

        Add("延期", "Extension", terms.ExtensionDays is { } days ? Days(days) : null);
        Add("新的还款日", "New due date", terms.NewDueDate is { } due ? Date(due) : null);
        Add("增加的合同利息", "Extra contract interest", terms.ExtraInterest is { } extra ? Money(extra) : null);
        Add("避免的罚息", "Penalty interest avoided", terms.PenaltyAvoided is { } avoided ? Money(avoided) : null);
        Add("申请减免的费用和罚息", $"{char.ToUpperInvariant(FeesWord[0])}{FeesWord[1..]} to waive", terms.FeesWaived is { } waived ? Money(waived) : null);
        Add("现行年利率", "Current annual rate", terms.CurrentRate is { } current ? Percent(current) : null);
        Add("申请的年利率", "Annual rate asked for", terms.ProposedRate is { } proposed ? Percent(proposed) : null);
        Add("节省的利息", "Interest saved", terms.InterestSaved is { } saved ? Money(saved) : null);
        Add("期限", "Term", terms.Months is { } months ? Months(months) : null);
        Add("每月还款", "Monthly instalment", terms.Instalment is { } instalment ? Money(instalment) : null);
        Add("首期还款日", "First instalment due", terms.FirstInstalmentDue is { } first ? Date(first) : null);
        Add("合计还款", "Total repaid", terms.TotalRepaid is { } total ? Money(total) : null);
        Add("可偿还金额", "You can repay", terms.Repayable is { } repayable ? Money(repayable) : null);
        Add("申请减免的本金", "Principal reduction asked", terms.ReductionAsked is { } reduction ? Money(reduction) : null);
        // The saving is often one of the terms already (the fees waived, the interest saved): say it once.
        if (request.Savings is > 0 and var savings && !lines.Any(l => l.Value == Money(savings)))
        {
            Add("预计节省", "Saves about", Money(savings));
        }
        else if (request.Savings is < 0 and var costsMore)
        {
            // Cheaper than doing nothing is not guaranteed: an extension at a contract rate above the penalty rate costs more.
            Add("预计多花", "Costs about this much more", Money(-costsMore));
        }

        return lines;
    }

    /// <summary>A request in the first person, as the borrower puts it to the lender ("move the payment … to …").</summary>
    public string RequestSentence(ProposedRequest request)
    {
        var t = request.Terms;
        var facts = Plan.Assessment;
        return request.Type switch
        {
            RequestType.Extension when t.NewDueDate is { } due => T(
                $"将{Date(facts.DueDate)}到期的{Money(facts.AmountDue)}" + (t.ExtensionDays is { } d ? $"延期{Days(d)}" : "延期") + $"，本人于{Date(due)}前还清",
                $"move the payment of {Money(facts.AmountDue)} due on {Date(facts.DueDate)}" + (t.ExtensionDays is { } e ? $" by {Days(e)}" : "") + $" to {Date(due)}, when I will pay it in full"),
            RequestType.FeeWaiver when t.FeesWaived is { } waived => T(
                $"减免已产生的费用和罚息共{Money(waived)}",
                $"waive the {Money(waived)} of {FeesWord} charged"),
            RequestType.InterestRelief when t.ProposedRate is { } rate => (rate == 0m, t.Months, t.CurrentRate) switch
            {
                (true, { } m, _) => T($"在此后{Months(m)}内停止计息", $"stop charging interest for the next {Months(m)}"),
                (false, { } m, { } current) => T($"在此后{Months(m)}内将年利率由{Percent(current)}降至{Percent(rate)}", $"lower the annual rate from {Percent(current)} to {Percent(rate)} for the next {Months(m)}"),
                _ => T($"将年利率降至{Percent(rate)}", $"lower the annual rate to {Percent(rate)}"),
            },
            RequestType.InstalmentPlan when t.Months is { } months && t.Instalment is { } instalment => T(
                $"同意本人分{Months(months)}偿还全部欠款，每月{Money(instalment)}" + (t.FirstInstalmentDue is { } f ? $"，首期于{Date(f)}还款" : "") + (t.TotalRepaid is { } total ? $"，合计{Money(total)}" : ""),
                $"let me repay the whole debt over {Months(months)} at {Money(instalment)} a month" + (t.FirstInstalmentDue is { } g ? $", the first instalment due on {Date(g)}" : "") + (t.TotalRepaid is { } all ? $", {Money(all)} in all" : "")),
            RequestType.PrincipalReduction when AcceptsSettlement(Plan, request.Type) && t.ReductionAsked is { } written && t.Repayable is { } settles => T(
                $"书面确认本人付清{Money(settles)}即结清全部欠款，其余{Money(written)}予以核销",
                $"confirm in writing that my paying {Money(settles)} settles the account in full and the remaining {Money(written)} is written off"),
            RequestType.PrincipalReduction when t.ReductionAsked is { } reduction && t.Repayable is { } repayable => T(
                $"减免本金{Money(reduction)}，其余{Money(repayable)}由本人分期偿还",
                $"reduce the principal by {Money(reduction)}; I will repay the remaining {Money(repayable)} by instalments"),
            _ => T($"同意{Word(request.Type)}", $"grant {Word(request.Type)}"),
        };
    }

    /// <summary>An expense category as words in the plan's language.</summary>
    public string Category(ExpenseCategory category) => category switch
    {
        ExpenseCategory.Housing => T("住房", "housing"),
        ExpenseCategory.Utilities => T("水电燃气", "utilities"),
        ExpenseCategory.Food => T("餐饮", "food"),
        ExpenseCategory.Transport => T("交通", "transport"),
        ExpenseCategory.Health => T("医疗", "health"),
        ExpenseCategory.Childcare => T("育儿", "childcare"),
        ExpenseCategory.Education => T("教育", "education"),
        ExpenseCategory.Insurance => T("保险", "insurance"),
        ExpenseCategory.OtherEssential => T("其他必要支出", "other essentials"),
        ExpenseCategory.Communications => T("通讯", "communications"),
        ExpenseCategory.Personal => T("个人消费", "personal spending"),
        ExpenseCategory.Leisure => T("休闲娱乐", "leisure"),
        ExpenseCategory.Other => T("其他", "other"),
        _ => category.ToString(),
    };
}
