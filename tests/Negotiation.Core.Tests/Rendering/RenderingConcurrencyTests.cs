using Negotiation.Core.Rendering;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>The renderers are pure: many threads rendering at once get what one thread gets.</summary>
public sealed class RenderingConcurrencyTests
{
    [Fact]
    public void Parallel_rendering_gives_the_single_threaded_bytes()
    {
        var inputs = RenderingKit.Languages.Select(language => RenderingKit.FullPlan(language)).ToList();
        var expected = inputs.Select(i => HtmlRenderer.Render(i.Plan, i.Case) + MarkdownRenderer.Render(i.Plan, i.Case)).ToList();

        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var (plan, @case) = inputs[n % inputs.Count];
            results[n] = HtmlRenderer.Render(plan, @case) + MarkdownRenderer.Render(plan, @case);
        });

        for (var n = 0; n < results.Length; n++)
        {
            Assert.True(expected[n % inputs.Count] == results[n], $"render {n} differs");
        }
    }
}
