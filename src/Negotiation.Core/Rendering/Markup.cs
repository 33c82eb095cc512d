using System.Text;

namespace Negotiation.Core.Rendering;

/// <summary>
/// Escapes text for HTML and Markdown. Every string from a plan or a case passes through here: they carry
/// user data (names, descriptions) that must never become markup.
/// </summary>
internal static class Markup
{
    /// <summary>
    /// Escapes text for HTML element content and quoted attribute values. The result is also well-formed XML:
    /// characters XML forbids (controls other than tab and line feed, lone surrogates, U+FFFE/U+FFFF) become
    /// U+FFFD, and carriage returns become line feeds so the output keeps <c>\n</c> line ends.
    /// </summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var html = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\r':
                    html.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\t' or '\n': html.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': html.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        html.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        html.Append('\uFFFD');
                    }
                    else
                    {
                        html.Append(c);
                    }

                    break;
            }
        }

        return html.ToString();
    }

    /// <summary>
    /// Escapes text that starts a Markdown block (a paragraph or a list item's content): as
    /// <see cref="Markdown"/>, and a leading list, heading-underline or numbered-list marker is escaped too, so
    /// that the text never opens a block of its own.
    /// </summary>
    public static string MarkdownBlock(string? text)
    {
        var markdown = Markdown(text?.TrimStart(' ', '\t'));
        var digits = 0;
        while (digits < markdown.Length && char.IsAsciiDigit(markdown[digits]))
        {
            digits++;
        }

        if (markdown.Length > 0 && markdown[0] is '-' or '+' or '=')
        {
            return "\\" + markdown;
        }

        return digits > 0 && digits < markdown.Length && markdown[digits] is '.' or ')'
            ? string.Concat(markdown.AsSpan(0, digits), "\\", markdown.AsSpan(digits))
            : markdown;
    }

    /// <summary>
    /// Escapes text for Markdown inline content: characters that start emphasis, code, links or raw HTML are
    /// backslash-escaped, <c>|</c> too (so the text is safe in a table cell), and line breaks become spaces so
    /// that text never ends a list item or a table row early.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var markdown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#':
                    markdown.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\t':
                    markdown.Append(' ');
                    break;
                case < ' ':
                    markdown.Append('\uFFFD');
                    break;
                default:
                    markdown.Append(c);
                    break;
            }
        }

        return markdown.ToString();
    }
}
