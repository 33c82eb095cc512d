using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>Terminal tables line up by display columns, Chinese characters counting two.</summary>
public sealed class TextTableTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Budget_and_schedule_tables_line_up_in_a_terminal(string language)
    {
        var c = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("lasting-hardship.json")));
        var lines = TextRenderer.Render(NegotiationAdvisor.CreateDefault().Advise(c, language)).Split('\n');

        foreach (var heading in new[] { language == "en" ? "Monthly budget" : "每月收支", language == "en" ? "Proposed repayment schedule (an instalment plan)" : "拟议还款计划（分期还款）" })
        {
            // The table starts at its header, the line over the dashes; a note may stand between the heading and it.
            var start = Array.IndexOf(lines, heading) + 2;
            while (!lines[start + 1].StartsWith("--", StringComparison.Ordinal))
            {
                start++;
            }

            var table = lines.Skip(start).TakeWhile(l => l.Length > 0).ToList();
            Assert.True(table.Count >= 4, heading);
            Assert.Single(table.Select(TextRenderer.DisplayWidth).Distinct());
        }
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("每月金额", 8)]
    [InlineData("2026年12月20日", 14)]
    [InlineData("1,373.72元", 10)]
    public void Display_width_counts_wide_characters_twice(string text, int width)
    {
        Assert.Equal(width, TextRenderer.DisplayWidth(text));
    }
}
