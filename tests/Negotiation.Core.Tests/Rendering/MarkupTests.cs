using Negotiation.Core.Rendering;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>User text cannot become HTML or Markdown markup, and HTML output stays well-formed XML.</summary>
public sealed class MarkupTests
{
    [Theory]
    [InlineData("plain 文字", "plain 文字")]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    [InlineData("A & \"B\"", "A &amp; &quot;B&quot;")]
    [InlineData("line\r\nbreak\rend", "line\nbreak\nend")]
    [InlineData("bell\u0007 nul\0", "bell\uFFFD nul\uFFFD")]
    [InlineData("pair 😀", "pair 😀")]
    [InlineData("\uFFFE", "\uFFFD")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Html_escapes_markup_and_replaces_what_xml_forbids(string? text, string expected) =>
        Assert.Equal(expected, Markup.Html(text));

    [Fact]
    public void Html_replaces_lone_surrogates()
    {
        // Built in code: attribute data cannot carry a lone surrogate.
        var text = "lone " + '\uDC00' + " high " + '\uD800';

        Assert.Equal("lone \uFFFD high \uFFFD", Markup.Html(text));
    }

    [Theory]
    [InlineData("plain 文字", "plain 文字")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("<b>[link](x) *em* _u_ `c` ~s~ #h", "\\<b\\>\\[link\\](x) \\*em\\* \\_u\\_ \\`c\\` \\~s\\~ \\#h")]
    [InlineData("two\nlines\r\nhere", "two lines  here")]
    [InlineData("67.07元", "67.07元")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData(null, "")]
    public void Markdown_escapes_inline_markers(string? text, string expected) =>
        Assert.Equal(expected, Markup.Markdown(text));

    [Theory]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("+ not a list", "\\+ not a list")]
    [InlineData("=== not an underline", "\\=== not an underline")]
    [InlineData("12. not numbered", "12\\. not numbered")]
    [InlineData("3) not numbered", "3\\) not numbered")]
    [InlineData("    not code", "not code")]
    [InlineData("2026 is a year", "2026 is a year")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData(null, "")]
    public void Markdown_block_also_escapes_a_leading_block_marker(string? text, string expected) =>
        Assert.Equal(expected, Markup.MarkdownBlock(text));
}
