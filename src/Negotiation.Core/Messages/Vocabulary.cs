using System.Collections.Frozen;

namespace Negotiation.Core.Messages;

/// <summary>
/// Words for the case's kebab-case codes, so that a message naming <c>{lenderKind}</c> or
/// <c>{largestFlexibleCategory}</c> reads as a word, not a code. Codes it does not know stay as they are.
/// </summary>
internal static class Vocabulary
{
    private static readonly FrozenDictionary<string, (string Zh, string En)> Words = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        // lender kinds
        ["bank-card"] = ("银行信用卡", "bank credit card"),
        ["consumer-finance"] = ("消费金融公司", "consumer-finance company"),
        ["online-lender"] = ("网络贷款机构", "online lender"),
        ["bnpl"] = ("先用后付平台", "buy-now-pay-later provider"),
        ["bank-loan"] = ("银行贷款", "bank loan"),
        // hardship causes
        ["oversight"] = ("疏忽忘记还款", "an oversight"),
        ["temporary-cash-shortfall"] = ("临时资金周转困难", "a temporary cash shortfall"),
        ["income-drop"] = ("收入下降", "a drop in income"),
        ["job-loss"] = ("失业", "a job loss"),
        ["illness"] = ("生病", "illness"),
        ["family-emergency"] = ("家庭突发变故", "a family emergency"),
        ["business-failure"] = ("经营失败", "a business failure"),
        ["unexpected-expense"] = ("意外的大额支出", "an unexpected expense"),
        ["disputed-charge"] = ("对收费有争议", "a disputed charge"),
        // a family member's hardship that falls on the borrower (fact hardshipWords)
        ["family-illness"] = ("家人生病", "illness in the family"),
        ["family-job-loss"] = ("家人失业", "a job loss in the family"),
        ["family-income-drop"] = ("家里收入下降", "a drop in the household's income"),
        ["family-business-failure"] = ("家人经营失败", "a family business failing"),
        // requests and goals
        ["extension"] = ("延期还款", "a payment extension"),
        ["fee-waiver"] = ("减免或更正费用", "a waiver or correction of charges"),
        ["interest-relief"] = ("降息或停息", "interest relief"),
        ["instalment-plan"] = ("分期还款", "an instalment plan"),
        ["principal-reduction"] = ("减免部分本金", "a principal reduction"),
        ["token-payments"] = ("暂时只还象征性金额", "token payments for a while"),
        ["discount-or-lower-rate"] = ("优惠或降低利率", "a discount or a lower rate"),
        // decision outcomes
        ["pay-now"] = ("现在就还款", "pay now"),
        ["ask-customer-service"] = ("直接咨询客服", "ask customer service"),
        ["negotiate"] = ("与贷款机构协商", "negotiate with the lender"),
        ["fulfil-obligations-first"] = ("先履行基本义务", "fulfil your obligations first"),
        ["seek-debt-advice"] = ("先找免费的债务咨询机构", "get free debt advice first"),
        // flexible expense categories
        ["communications"] = ("通讯", "communications"),
        ["personal"] = ("个人消费", "personal spending"),
        ["leisure"] = ("休闲娱乐", "leisure"),
        ["other"] = ("其他", "other"),
        // priority debts
        ["rent"] = ("房租", "rent"),
        ["mortgage"] = ("房贷", "mortgage"),
        ["council-tax"] = ("地方税", "council tax"),
        ["energy"] = ("燃气和电费", "gas and electricity"),
        ["water"] = ("水费", "water"),
        ["tv-licence"] = ("电视许可费", "TV licence"),
        ["child-maintenance"] = ("子女抚养费", "child maintenance"),
        ["court-fine"] = ("法院罚款", "a court fine"),
        ["tax"] = ("欠税", "tax"),
        ["hire-purchase"] = ("分期购买的必需品", "hire purchase"),
        // vulnerability
        ["mental-health"] = ("心理健康问题", "a mental health condition"),
        ["mental-capacity"] = ("可能无法自行作出财务决定", "difficulty making financial decisions"),
        ["physical-illness"] = ("严重的身体疾病", "a serious illness or disability"),
        ["bereavement"] = ("近期丧亲", "a recent bereavement"),
        ["caring"] = ("需要照顾家人", "caring for someone"),
        ["low-literacy"] = ("阅读或计算有困难", "difficulty with reading or numbers"),
        // asset tiers
        ["normal"] = ("正常", "normal"),
        ["special-mention"] = ("关注", "special mention"),
        ["substandard"] = ("次级", "substandard"),
        ["doubtful"] = ("可疑", "doubtful"),
        ["loss"] = ("损失", "loss"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Label(string code, string language) =>
        Words.TryGetValue(code, out var word) ? (language == Language.Chinese ? word.Zh : word.En) : code;
}
