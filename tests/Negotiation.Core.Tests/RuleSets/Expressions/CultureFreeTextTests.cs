using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets.Expressions;

/// <summary>
/// Text in expressions is compared ordinally and cased invariantly, whatever the thread's culture: rules that a culture
/// would decide differently (Turkish dotted i, ignorable characters, Czech "ch", Swedish case order) fire the same
/// everywhere. RuleSetCommandTests runs the command in a Turkish locale and in invariant-globalisation mode.
/// </summary>
public sealed class CultureFreeTextTests
{
    /// <summary>Each rule, and whether it fires with ordinal comparisons and invariant casing.</summary>
    private static readonly (string Name, string Expression, bool Fires)[] TextRules =
    [
        ("upper-i", "\"i\".ToUpper() == \"I\"", true),
        ("lower-i", "\"I\".ToLower() == \"i\"", true),
        ("upper-i-null-culture", "\"i\".ToUpper(null) == \"I\"", true),
        ("starts-past-soft-hyphen", "case.lender.name.StartsWith(\"i-lender\")", false),
        ("ends-with-soft-hyphen", "case.lender.name.EndsWith(\"r\u00AD\")", false),
        ("starts-ignoring-case", "case.lender.name.StartsWith(\"\u00ADI\", true, null)", true),
        ("equals-ignoring-case", "string.Equals(case.lender.name, \"\u00ADI-LENDER\", 1)", true),
        ("contains-ignoring-case", "case.lender.name.Contains(\"I-L\", 1)", true),
        ("starts-ordinal-comparison", "case.lender.name.StartsWith(\"i\", 0)", false),
        ("max-text", "case.finances.income.Max(i => i.source) == \"ä\"", true),
        ("min-text", "case.finances.income.Min(i => i.source) == \"B\"", true),
        ("max-of-texts", "case.finances.income.Select(i => i.source).Max() == \"ä\"", true),
    ];

    public static TheoryData<string> Cultures => new("tr-TR", "cs-CZ", "sv-SE", "en-US", "");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Text_rules_fire_the_same_under_every_culture(string culture)
    {
        var fired = InCulture(culture, () =>
        {
            var advisor = NegotiationAdvisor.Create(RuleSetWith(TextRules.Select(r => (r.Name, r.Expression))).Load());
            return advisor.Advise(TextCase()).Trace.ToDictionary(t => t.Rule, t => (t.Success, t.Error), StringComparer.Ordinal);
        });

        Assert.All(TextRules, rule => Assert.Equal((rule.Name, rule.Fires, (string?)null), (rule.Name, fired[rule.Name].Success, fired[rule.Name].Error)));
    }

    [Fact]
    public void The_cultures_under_test_really_decide_these_rules_differently()
    {
        // Guards the test above: without the rewriting, each of these cultures gets at least one rule wrong.
        var seed = TextCase();
        string[] sources = [.. seed.Finances!.Income.Select(i => i.Source!)];
        Assert.NotEqual("I", InCulture("tr-TR", () => "i".ToUpper()));
        Assert.True(InCulture("en-US", () => seed.Lender.Name!.StartsWith("i-lender")));
        Assert.NotEqual("ä", InCulture("cs-CZ", () => sources.Max()));
        Assert.NotEqual("B", InCulture("sv-SE", () => sources.Min()));
        Assert.NotEqual("ä", InCulture("", () => sources.Max()));
    }

    /// <summary>The minimal set with one more decision rule per expression, each a reason naming no outcome.</summary>
    internal static RuleSetKit RuleSetWith(IEnumerable<(string Name, string Expression)> rules) =>
        RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            foreach (var (name, expression) in rules)
            {
                ((JArray)w["Rules"]!).Add(new JObject
                {
                    ["RuleName"] = name,
                    ["Expression"] = expression,
                    ["Properties"] = new JObject { ["kind"] = "reason", ["code"] = name, ["message"] = new JObject { ["zh-CN"] = "测试", ["en"] = "test" } },
                });
            }
        });

    /// <summary>The seed case with a lender name behind a soft hyphen and income sources that cultures sort differently.</summary>
    private static BorrowerCase TextCase()
    {
        var seed = BorrowerCase.FromJson(TestFiles.Read("rules", "cn-consumer-credit", "examples", "seed-oversight.json"));
        return seed with
        {
            Lender = seed.Lender with { Name = "\u00ADi-lender" },
            Finances = seed.Finances! with { Income = [.. new[] { "ch", "h", "B", "ä", "a" }.Select(s => new IncomeSource { Source = s, Monthly = 1000m })] },
        };
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
