using Negotiation.Core.Rendering;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>The Markdown has the text renderer's sections, GitHub tables and a checklist, and user data cannot break it.</summary>
public sealed class MarkdownRendererTests
{
    [Fact]
    public void Markdown_has_the_sections_tables_and_checklist_in_english()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        var markdown = MarkdownRenderer.Render(plan, @case);
        var lines = markdown.Split('\n');

        Assert.StartsWith("# Negotiation plan — 享花卡\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Decision: negotiate with the lender", lines);
        Assert.Contains("## Warnings", lines);
        Assert.Contains("## Requests, best first", lines);
        Assert.Contains("### 1. Instalment plan", lines);
        Assert.Contains("## Proposed repayment schedule (an instalment plan)", lines);
        Assert.Contains("## Monthly income and expenses", lines);
        Assert.Contains("## Repayment history", lines);
        Assert.Contains("## Materials to prepare", lines);
        Assert.Contains("## How to talk", lines);
        Assert.Contains("## Watch out for", lines);
        Assert.Contains("## If the lender says no", lines);
        Assert.Contains("| salary | CNY 9,500.00 |", lines);
        Assert.Contains("| **Total essential** | **CNY 5,200.00** |", lines);
        Assert.Contains("- [x] Proof of identity **(required)**", lines);
        Assert.Contains("- [ ] Proof of income", lines);
        Assert.Contains("- Follow up if you hear nothing **(27 Nov 2026)**", lines);
        // Two routes at one rung are numbered by place, 3 and 4, not both "3.".
        Assert.Contains(lines, l => l.StartsWith("3. Call 12378", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4. Object to a credit-report entry", StringComparison.Ordinal));
        Assert.DoesNotContain("\n\n\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', markdown);
        Assert.EndsWith("\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_headings_are_chinese_for_a_chinese_plan()
    {
        var (plan, @case) = RenderingKit.FullPlan("zh-CN");

        var lines = MarkdownRenderer.Render(plan, @case).Split('\n');

        Assert.Contains("## 结论：与贷款机构协商", lines);
        Assert.Contains("## 每月收支", lines);
        Assert.Contains("## 还款记录", lines);
        Assert.Contains("## 需要准备的材料", lines);
        Assert.Contains("| **必要支出合计** | **5,200.00元** |", lines);
    }

    [Fact]
    public void History_rows_are_in_date_order()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        var rows = MarkdownRenderer.Render(plan, @case).Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(" 2026 | CNY 1,250.00 |", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, rows.Count);
        Assert.StartsWith("| 10 Aug 2026 |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 10 Nov 2026 | CNY 1,250.00 | — | — | unpaid |", rows[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_row_has_as_many_cells_as_its_header_even_with_pipes_in_user_data()
    {
        var (plan, @case) = RenderingKit.FullPlan("en", lenderName: "A | B");
        @case = @case with
        {
            Finances = @case.Finances! with
            {
                Income = new([new Core.Cases.IncomeSource { Source = "rent | side job\nnight shift", Monthly = 9500m }]),
            },
        };

        var markdown = MarkdownRenderer.Render(plan, @case);

        var cells = 0;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                cells = 0;
                continue;
            }

            var count = System.Text.RegularExpressions.Regex.Matches(line, @"(?<!\\)\|").Count;
            if (cells == 0)
            {
                cells = count;
            }

            Assert.True(count == cells, $"'{line}' has {count - 1} cells, its table {cells - 1}");
        }

        Assert.Contains("| rent \\| side job night shift | CNY 9,500.00 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_user_data_is_escaped()
    {
        var (plan, @case) = RenderingKit.FullPlan("en", lenderName: "<script>alert(1)</script> [click](http://x) *bold*");

        var markdown = MarkdownRenderer.Render(plan, @case);

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>alert(1)\\</script\\> \\[click\\](http://x) \\*bold\\*", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var (plan, @case) = RenderingKit.FullPlan("en");

        Assert.Throws<ArgumentNullException>(() => MarkdownRenderer.Render(null!, @case));
        Assert.Throws<ArgumentNullException>(() => MarkdownRenderer.Render(plan, null!));
    }
}
