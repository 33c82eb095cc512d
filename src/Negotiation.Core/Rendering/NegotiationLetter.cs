using Negotiation.Core.Cases;

namespace Negotiation.Core.Rendering;

/// <summary>
/// The draft negotiation letter (协商申请书): the borrower's facts, the cause, the top request with its
/// terms, the good-faith facts, a request for written confirmation, and blanks to fill by hand.
/// </summary>
/// <param name="Title">The letter's title.</param>
/// <param name="Salutation">The line addressing the lender.</param>
/// <param name="Paragraphs">The body before the list of further requests.</param>
/// <param name="FurtherRequestsIntro">The sentence that introduces <paramref name="FurtherRequests"/>, or null when there are none.</param>
/// <param name="FurtherRequests">The other requests, best first.</param>
/// <param name="DisputedCharges">The charges the borrower disputes, as "description: amount".</param>
/// <param name="Closing">The paragraphs after the requests: cooperation, written confirmation.</param>
/// <param name="Valediction">The closing formula (此致 敬礼 / Yours faithfully).</param>
/// <param name="Blanks">Labels of the lines to fill by hand: name, ID, phone, account number, signature, date.</param>
internal sealed record NegotiationLetter(
    string Title,
    string Salutation,
    IReadOnlyList<string> Paragraphs,
    string? FurtherRequestsIntro,
    IReadOnlyList<string> FurtherRequests,
    IReadOnlyList<string> DisputedCharges,
    IReadOnlyList<string> Closing,
    IReadOnlyList<string> Valediction,
    IReadOnlyList<string> Blanks)
{
    /// <summary>Writes the letter for a plan and its case, in the plan's language. Its fixed sentences are ours; the figures are the case's.</summary>
    public static NegotiationLetter Write(DossierContent content)
    {
        var facts = content.Plan.Assessment;
        string T(string chinese, string english) => content.T(chinese, english);
        var paragraphs = new List<string>();

        var british = content.Language == Messages.Language.BritishEnglish;
        var salutation = content.LenderName is { } lender ? T($"致{lender}：", british ? $"Dear {lender}," : $"To {lender},") : T("尊敬的贷款机构：", "Dear Sir or Madam,");

        var account = facts.UnpaidInstalments > 1
            ? T($"本人是贵司的借款人。截至{content.Date(facts.AsOf)}，本人账户欠款合计{content.Money(facts.TotalOwed)}，其中自{content.Date(facts.DueDate)}起{DossierContent.UnpaidCount(true, facts.UnpaidInstalments, facts.PartPaidInstalments, facts.IsCard)}，共{content.Money(facts.AmountDue)}，最早一期已逾期{content.Days(facts.DaysPastDue)}。",
                $"I am writing about my loan with you. As of {content.Date(facts.AsOf)} my account shows {content.Money(facts.TotalOwed)} owed in total; since {content.Date(facts.DueDate)}, {DossierContent.UnpaidCount(false, facts.UnpaidInstalments, facts.PartPaidInstalments, facts.IsCard)} leave {content.Money(facts.AmountDue)} owing, the oldest now {content.Days(facts.DaysPastDue)} past due.")
            : facts.DaysPastDue > 0
            ? T($"本人是贵司的借款人。截至{content.Date(facts.AsOf)}，本人账户欠款合计{content.Money(facts.TotalOwed)}，其中{content.Date(facts.DueDate)}到期的{content.Money(facts.AmountDue)}尚未归还，已逾期{content.Days(facts.DaysPastDue)}。",
                $"I am writing about my loan with you. As of {content.Date(facts.AsOf)} my account shows {content.Money(facts.TotalOwed)} owed in total; the payment of {content.Money(facts.AmountDue)} due on {content.Date(facts.DueDate)} is unpaid and now {content.Days(facts.DaysPastDue)} past due.")
            : T($"本人是贵司的借款人。截至{content.Date(facts.AsOf)}，本人账户欠款合计{content.Money(facts.TotalOwed)}，其中{content.Money(facts.AmountDue)}将于{content.Date(facts.DueDate)}到期。",
                $"I am writing about my loan with you. As of {content.Date(facts.AsOf)} my account shows {content.Money(facts.TotalOwed)} owed in total, of which {content.Money(facts.AmountDue)} falls due on {content.Date(facts.DueDate)}.");
        paragraphs.Add(account);

        var lateWord = facts.DaysPastDue > 0 ? T("未能按期还款", "fell behind") : T("难以按期还款", "cannot pay on time");
        if (facts.HardshipCause is not ("" or "none"))
        {
            var cause = content.Word(facts.HardshipCause);
            var outlook = facts.HardshipExpectedMonths > 0
                ? T($"预计还将持续约{content.Months(facts.HardshipExpectedMonths)}。", $" I expect it to last about {content.Months(facts.HardshipExpectedMonths)} more.")
                : "";
            paragraphs.Add(T($"因{cause}，本人{lateWord}。{outlook}", $"I {lateWord} because of {cause}.{outlook}"));
        }

        var goodFaith = new List<string>();
        if (facts.HistoryCount > 0)
        {
            goodFaith.Add(T($"本人的还款记录共{DossierContent.Number(facts.HistoryCount)}期，按时还款比例为{content.Percent(facts.OnTimeRatio)}",
                            $"my repayment record holds {DossierContent.Number(facts.HistoryCount)} instalments, {content.Percent(facts.OnTimeRatio)} of them paid on time"));
        }

        if (facts.IsFirstOverdue && facts.DaysPastDue > 0)
        {
            goodFaith.Add(T("这是本人第一次逾期", "this is my first late payment"));
        }

        if (facts.HasFinances && facts.AffordableInstalment > 0)
        {
            goodFaith.Add(T($"按目前的收支，本人每月可拿出{content.Money(facts.AffordableInstalment)}用于还款",
                            $"from my present budget I can put {content.Money(facts.AffordableInstalment)} a month towards this debt"));
        }

        if (goodFaith.Count > 0)
        {
            paragraphs.Add(T("本人一直珍视自己的信用：" + string.Join("；", goodFaith) + "。",
                             "I value my credit record: " + string.Join("; ", goodFaith) + "."));
        }

        // What a lender must take into account: circumstances the borrower chose to share, and the priority bills paid first.
        var circumstances = content.Case.Vulnerability.Where(v => v != Vulnerability.Other).Select(v => content.Word(v)).ToList();
        if (circumstances.Count > 0)
        {
            paragraphs.Add(T($"另需说明：本人目前面临{string.Join("、", circumstances)}。请贵司记录这一情况，并在处理本人账户时予以考虑。",
                             $"You should also know that I am living with {string.Join(" and ", circumstances)}. Please record this on my account and take it into account in how you deal with me."));
        }

        if (content.Case.PriorityDebts.Count > 0)
        {
            // Each bill with what it costs a month and what is behind on it, as far as the case says.
            var bills = content.Case.PriorityDebts.Select(d =>
            {
                var parts = new List<string>();
                if (d.MonthlyPayment > 0)
                {
                    parts.Add(T($"每月{content.Money(d.MonthlyPayment)}", $"{content.Money(d.MonthlyPayment)} a month"));
                }

                if (d.Arrears > 0)
                {
                    parts.Add(T($"欠{content.Money(d.Arrears)}", $"{content.Money(d.Arrears)} in arrears"));
                }

                var kind = content.Word(d.Kind);
                return parts.Count == 0 ? kind : T($"{kind}（{string.Join("，", parts)}）", $"{kind} ({string.Join(", ", parts)})");
            }).ToList();
            paragraphs.Add(T($"本人必须优先处理{string.Join("、", bills)}等优先债务；以上可还款金额已扣除这部分支出。",
                             $"I have to deal with my priority bills first: {string.Join("; ", bills)}. What I offer you is what is left after them."));
        }

        if (content.Case.DebtAdvice is { SpokenToAdviser: true })
        {
            paragraphs.Add(T("本人已向免费的债务咨询机构寻求帮助。", "I am getting help from a free debt advice service."));
        }

        var requests = content.Plan.Requests;
        if (requests.Count > 0)
        {
            paragraphs.Add(T($"为此，本人恳请贵司{content.RequestSentence(requests[0])}。", $"I therefore ask you to {content.RequestSentence(requests[0])}."));
        }
        else
        {
            paragraphs.Add(T("为此，本人恳请贵司结合本人的实际情况，与本人协商可行的还款安排。", "I therefore ask you to agree with me on a way of repaying that I can keep to."));
        }

        var further = requests.Skip(1).Select(r => content.RequestSentence(r) + T("。", ".")).ToList();
        var disputed = content.Case.DisputedCharges
            .Select(d => $"{d.Description.Trim()}{T("：", ": ")}{content.Money(d.Amount)}")
            .ToList();

        var closing = new List<string>();
        if (disputed.Count > 0)
        {
            closing.Add(T("对于上列有异议的收费，恳请贵司核实并提供收费依据；核实前请暂缓对其计收罚息。",
                          "For the charges listed above, which I dispute, please check them and show me their basis; until then, please do not charge " + (facts.PenaltyInterest > 0 ? "penalty interest" : "interest or fees") + " on them."));
        }

        closing.Add(T("本人愿意积极配合，按约定履行还款义务，相关证明材料附后。",
                      "I am willing to work with you and to keep to whatever we agree; the supporting documents are enclosed."));
        closing.Add(T("协商结果敬请以书面形式（短信、电子邮件、App 消息或盖章文件）告知本人，并写明具体金额、日期和还款方式。",
                      british
                          ? "Please confirm the outcome to me in writing, by letter or email, stating the amounts, the dates and how to pay, and how the arrangement will be reported to my credit file."
                          : "Please confirm the outcome to me in writing (a text message, an email, an in-app message or a stamped letter), stating the amounts, the dates and how to pay."));

        return new NegotiationLetter(
            content.Language == Messages.Language.BritishEnglish ? "Financial difficulty: a request about my account" : T("协商申请书", "Request to negotiate"),
            salutation,
            paragraphs,
            further.Count > 0 ? T("此外，也恳请贵司考虑：", "I would also ask you to consider the following:") : null,
            further,
            disputed,
            closing,
            T("此致|敬礼", "Yours faithfully,").Split('|'),
            // A national ID number is asked for where such numbers are how lenders identify people; British English letters give the address instead.
            (content.Language == Messages.Language.BritishEnglish ? "Name|Address|Phone|Account number|Signature|Date" : T("申请人|身份证号码|联系电话|账户或合同编号|签名|日期", "Name|ID number|Phone|Account or contract number|Signature|Date")).Split('|'));
    }

    /// <summary>Gets the heading of the disputed-charges list.</summary>
    public static string DisputedHeading(DossierContent content) => content.T("本人对以下收费有异议：", "I dispute the following charges:");
}
