using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Diagnostics;

/// <summary>Where and why a JSON text could not be read.</summary>
internal sealed record JsonSyntaxError(string Path, int? Line, int? Column, string Message);

/// <summary>
/// Reads untrusted JSON text the one way the library does everywhere: strict RFC 8259 syntax (<see cref="StrictJson"/>),
/// line numbers kept, duplicate keys refused, numbers read as decimal (never double), dates left as text, nesting
/// bounded, nothing after the value.
/// </summary>
internal static partial class JsonText
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    /// <summary>Parses <paramref name="text"/>; returns the tree, or null with <paramref name="error"/> set.</summary>
    public static JToken? TryParse(string text, int maxDepth, out JsonSyntaxError? error)
    {
        // Newtonsoft reads more than JSON (comments, trailing commas, single quotes, 010 as 8 ...): the text must be JSON first.
        error = StrictJson.Check(text);
        if (error is not null)
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = maxDepth,
        };
        try
        {
            var root = JToken.ReadFrom(reader, LoadSettings);

            // Reading on makes the reader refuse anything but comments after the value.
            while (reader.Read())
            {
            }

            return root;
        }
        catch (JsonReaderException e)
        {
            error = new JsonSyntaxError(e.Path ?? "", e.LineNumber == 0 ? null : e.LineNumber, e.LinePosition == 0 ? null : e.LinePosition, "invalid JSON: " + ShortenQuotes(TrimPosition(e.Message)));
        }
        catch (FormatException e)
        {
            // Newtonsoft reports some unreadable numbers this way.
            error = new JsonSyntaxError(reader.Path, reader.LineNumber, reader.LinePosition, "invalid JSON: " + ShortenQuotes(e.Message));
        }
        catch (OverflowException)
        {
            error = new JsonSyntaxError(reader.Path, reader.LineNumber, reader.LinePosition, "a number is too large to read");
        }

        return null;
    }

    /// <summary>Drops the "Path 'x', line 1, position 2." that Newtonsoft appends; problems carry the position themselves.</summary>
    public static string TrimPosition(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>Shortens what Newtonsoft quotes from the text ("Input string '0777…' is not a valid number"): a message names the token, never echoes the file.</summary>
    public static string ShortenQuotes(string message) =>
        LongQuote().Replace(message, m => "'" + m.Groups[1].Value + "…'");

    [System.Text.RegularExpressions.GeneratedRegex("'([^']{40})[^']+'", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LongQuote();
}
