using System.Globalization;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>Rendering never depends on the machine's culture: decimal commas, Arabic calendars and invariant data give the same bytes.</summary>
public sealed class CultureIndependenceTests
{
    [Fact]
    public void Every_format_gives_the_same_bytes_under_german_arabic_and_invariant_cultures()
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in new[] { "de-DE", "ar-SA", "" })
        {
            var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                foreach (var file in TestFiles.ExampleCases())
                {
                    foreach (var language in RenderingKit.Languages)
                    {
                        foreach (var format in RenderingKit.Formats)
                        {
                            var output = RenderingKit.Render(RenderingKit.ReadCase(file), language, format);
                            var key = $"{Path.GetFileName(file)}.{language}.{format}";
                            if (outputs.TryGetValue(key, out var first))
                            {
                                Assert.True(first == output, $"{key} differs under culture '{culture}'");
                            }
                            else
                            {
                                outputs[key] = output;
                            }
                        }
                    }
                }

                foreach (var language in RenderingKit.Languages)
                {
                    var (plan, @case) = RenderingKit.FullPlan(language);
                    var key = $"full.{language}";
                    var output = Core.Rendering.HtmlRenderer.Render(plan, @case) + Core.Rendering.MarkdownRenderer.Render(plan, @case);
                    if (outputs.TryGetValue(key, out var first))
                    {
                        Assert.True(first == output, $"{key} differs under culture '{culture}'");
                    }
                    else
                    {
                        outputs[key] = output;
                    }
                }
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
            }
        }

        Assert.NotEmpty(outputs);
    }

    [Fact]
    public void German_culture_does_not_turn_decimal_points_into_commas()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var (plan, @case) = RenderingKit.FullPlan("en");

            var html = Core.Rendering.HtmlRenderer.Render(plan, @case);

            Assert.Contains("CNY 6,964.90", html, StringComparison.Ordinal);
            Assert.DoesNotContain("6.964,90", html, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
