using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Negotiation.Core.Diagnostics;

/// <summary>
/// Checks that a text is JSON as RFC 8259 writes it, and says where and why it is not: before Newtonsoft reads a rule or
/// scenario file, and when the case reader meets a syntax error. Newtonsoft also takes comments, trailing commas, single
/// quotes, bare property names, <c>NaN</c>, and reads <c>010</c> as 8 and <c>0x0C</c> as 12, which no other reader does: a
/// file must not mean one thing here and another to the editor or service that wrote it.
/// </summary>
/// <remarks>
/// System.Text.Json's reader is strict by default and keeps no stack to overflow; its first complaint is said again in the
/// library's words, at the line and column Newtonsoft would give (CR, LF and CRLF each end a line), with the JSON path of
/// the value being read. A message quotes at most the offending token, shortened, never more of the text.
/// </remarks>
internal static class StrictJson
{
    private const int MaxQuoted = 20;

    /// <summary>Returns where and why <paramref name="text"/> is not strict JSON, or null when it is.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="maxDepth">
    /// The deepest nesting accepted. Unbounded by default, where a later read bounds depth with its own message (rule
    /// files); this reader does not recurse, so no depth can overflow its stack.
    /// </param>
    public static JsonSyntaxError? Check(string text, int maxDepth = int.MaxValue)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetByteCount(text)));
        try
        {
            var utf8 = rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented));
            return Check(text, utf8, Options(maxDepth));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static JsonReaderOptions Options(int maxDepth) => new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = maxDepth,
    };

    private static JsonSyntaxError? Check(string text, ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new List<Frame>();
        var last = JsonTokenType.None;
        try
        {
            while (reader.Read())
            {
                last = reader.TokenType;
                switch (last)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = checked((int)reader.TokenStartIndex) };
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountElement(frames);
                        frames.Add(new Frame(last == JsonTokenType.StartArray, -1, -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        CountElement(frames);
                        break;
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            var offset = ByteOffset(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var index = Math.Min(text.Length, Encoding.UTF8.GetCharCount(utf8[..offset]));
            var (at, message) = Describe(text, index, frames, last, e.Message);
            var (line, column) = Position(text, at);
            return new JsonSyntaxError(PathOf(utf8, frames, last), line, column, "invalid JSON: " + message);
        }
    }

    private static void CountElement(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    /// <summary>The reader counts lines at LF only, and bytes within them; the offset of the byte it complains about.</summary>
    private static int ByteOffset(ReadOnlySpan<byte> utf8, long line, long positionInLine)
    {
        var start = 0;
        for (long l = 0; l < line; l++)
        {
            var next = utf8[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        return (int)Math.Min(utf8.Length, start + positionInLine);
    }

    /// <summary>What is wrong at <paramref name="index"/>, and the character to point at (the start of a token, a trailing comma).</summary>
    private static (int At, string Message) Describe(string text, int index, List<Frame> frames, JsonTokenType last, string readerMessage)
    {
        if (text.AsSpan(index).TrimStart(" \t\r\n").IsEmpty)
        {
            return (index, last == JsonTokenType.None ? "there is no JSON value; the text is empty" : "the text ends before the JSON value is complete");
        }

        var c = text[index];
        var previous = PreviousNonSpace(text, index);
        var (tokenStart, token) = TokenAt(text, index);
        if (c == '/')
        {
            return (index, "comments are not allowed in JSON");
        }

        if (c == '\'')
        {
            return (index, "text and property names must be in double quotes (\"), not single quotes");
        }

        if (c is '}' or ']' && previous >= 0 && text[previous] == ',')
        {
            return (previous, $"a comma before '{c}' is not allowed in JSON");
        }

        if (c < ' ')
        {
            return (index, string.Create(CultureInfo.InvariantCulture, $"a control character (U+{(int)c:X4}) may only appear escaped, inside text (\\u{(int)c:x4})"));
        }

        if (char.IsWhiteSpace(c) || c == '\ufeff')
        {
            return (index, string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} is not white space in JSON; only spaces, tabs and line breaks are"));
        }

        if (frames.Count == 0 && last != JsonTokenType.None)
        {
            return (index, $"nothing may follow the JSON value (found {Quote(token ?? c.ToString())})");
        }

        if (previous >= 0 && previous < index - 1 && text[previous] is not (',' or ':' or '[' or '{'))
        {
            return (index, $"a ',' is missing before {Quote(token ?? c.ToString())}");
        }

        if (token is null)
        {
            return (index, WithoutPosition(readerMessage));
        }

        var nameExpected = frames.Count > 0 && !frames[^1].IsArray && last != JsonTokenType.PropertyName && previous >= 0 && text[previous] is '{' or ',';
        if (nameExpected && (char.IsLetter(token[0]) || token[0] is '_' or '$'))
        {
            return (tokenStart, $"a property name must be in double quotes (\"{Shorten(token)}\")");
        }

        if (char.IsAsciiDigit(token[0]) || token[0] is '-' or '+' or '.')
        {
            return (tokenStart, $"{Quote(token)} is not a JSON number; numbers are decimal, with no leading zero, no '+' and a digit on each side of a '.'");
        }

        return (tokenStart, $"{Quote(token)} is not a JSON value; a value is a number, \"text\", true, false, null, an object or a list");
    }

    private static int PreviousNonSpace(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// The run of letters, digits and number signs at <paramref name="index"/>, or just before it (the reader complains at
    /// the character after <c>6800.</c>): a bare word or a malformed number; null when there is none.
    /// </summary>
    private static (int Start, string? Token) TokenAt(string text, int index)
    {
        static bool Part(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '+' or '-' or '.';

        if (!Part(text[index]))
        {
            if (index == 0 || !Part(text[index - 1]))
            {
                return (index, null);
            }

            index--;
        }

        var start = index;
        while (start > 0 && Part(text[start - 1]))
        {
            start--;
        }

        var end = index;
        while (end < text.Length && end - start <= MaxQuoted && Part(text[end]))
        {
            end++;
        }

        return (start, text[start..end]);
    }

    private static string Quote(string token) => "'" + Shorten(token) + "'";

    private static string Shorten(string token) => token.Length <= MaxQuoted ? token : token[..MaxQuoted] + "…";

    /// <summary>Drops the "LineNumber: 0 | BytePositionInLine: 7." the reader appends; the problem carries the position.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>Line and column, both from 1, of the character at <paramref name="index"/>; CR, LF and CRLF each end a line, as Newtonsoft counts.</summary>
    internal static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>The path Newtonsoft would give: the enclosing containers, and the property whose value was being read.</summary>
    private static string PathOf(ReadOnlySpan<byte> utf8, List<Frame> frames, JsonTokenType last)
    {
        var path = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var innermost = i == frames.Count - 1;
            if (frame.IsArray)
            {
                if (!innermost && frame.Index >= 0)
                {
                    path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (frame.Name >= 0 && (!innermost || last == JsonTokenType.PropertyName))
            {
                AppendName(path, NameAt(utf8, frame.Name));
            }
        }

        return path.ToString();
    }

    private static string NameAt(ReadOnlySpan<byte> utf8, int start)
    {
        var reader = new Utf8JsonReader(utf8[start..], Options(int.MaxValue));
        reader.Read();
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate cannot become a .NET string through the reader; the name as written still can.
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>Appends a name as Newtonsoft writes paths: <c>a.b</c>, or <c>['a b']</c> when the name holds a special character.</summary>
    internal static void AppendName(StringBuilder path, string name)
    {
        name = name.Length <= 40 ? name : name[..40] + "…";
        if (name.AsSpan().IndexOfAny(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029") >= 0)
        {
            path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            return;
        }

        if (path.Length > 0)
        {
            path.Append('.');
        }

        path.Append(name);
    }

    /// <summary>An object or list being read: for a list, the index of its last element; for an object, where its last name starts.</summary>
    private readonly record struct Frame(bool IsArray, int Index, int Name);
}
