using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using NodaTime;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// A JSON writer into a reusable character buffer that writes exactly what Newtonsoft's <c>JsonTextWriter</c> writes
/// with default settings: its indentation (two spaces, <c>"name": value</c>, <c>[]</c> and <c>{}</c> when empty), its
/// escaping (the default <c>StringEscapeHandling</c>) and its number formats.
/// </summary>
/// <remarks>
/// Not thread-safe: <see cref="Rent"/> hands each thread its own. The caller keeps the structure valid; the writer
/// only places commas, line breaks and indentation.
/// </remarks>
internal sealed class JsonTextBuffer
{
    /// <summary>A plan with a trace is some 50,000 characters on one line, 90,000 indented.</summary>
    private const int InitialCapacity = 128 * 1024;

    /// <summary>A buffer grown beyond this by an unusual plan is not kept for the next one.</summary>
    private const int LargestKept = 1024 * 1024;

    /// <summary>
    /// UTF-8 is transcoded in slices of this many characters: the byte sink is asked for at most three times as many
    /// bytes at a time, so that a buffer sized for a plan is not grown for the worst case of its last slice.
    /// </summary>
    private const int Utf8Slice = 4 * 1024;

    /// <summary>How many object texts <see cref="Remember"/> keeps for <see cref="TryRepeat"/>; a power of two.</summary>
    private const int RememberedSlots = 256;

    [ThreadStatic]
    private static JsonTextBuffer? cached;

    /// <summary>
    /// Object texts written earlier in this document, by the identity of the object they were written from, for
    /// <see cref="TryRepeat"/>: a direct-mapped table, where a collision only means writing the object again.
    /// </summary>
    private readonly (object? Item, int Depth, int Start, int Length)[] remembered = new (object?, int, int, int)[RememberedSlots];

    private readonly string newLine = Environment.NewLine;
    private char[] buffer = new char[InitialCapacity];
    private int length;
    private int depth;
    private bool hasItems;
    private bool afterName;

    /// <summary>Gets whether the writer indents; set by <see cref="Rent"/>.</summary>
    public bool Indented { get; private set; }

    /// <summary>Gets the current nesting depth (0 outside any object or array).</summary>
    public int Depth => depth;

    /// <summary>Gets what has been written so far.</summary>
    public ReadOnlySpan<char> Written => buffer.AsSpan(0, length);

    /// <summary>Takes this thread's writer, empty; give it back with <see cref="Return"/>.</summary>
    public static JsonTextBuffer Rent(bool indented)
    {
        var writer = cached ?? new JsonTextBuffer();
        cached = null;
        writer.Indented = indented;
        writer.length = 0;
        writer.depth = 0;
        writer.hasItems = false;
        writer.afterName = false;
        Array.Clear(writer.remembered);
        return writer;
    }

    /// <summary>Keeps the writer for this thread's next plan, unless an unusual plan grew it too far.</summary>
    public static void Return(JsonTextBuffer writer)
    {
        if (writer.buffer.Length <= LargestKept)
        {
            cached = writer;
        }
    }

    /// <summary>Writes what has been written to <paramref name="output"/> as UTF-8; an unpaired surrogate becomes U+FFFD, as <see cref="UTF8Encoding"/> writes it.</summary>
    public void CopyUtf8To(IBufferWriter<byte> output)
    {
        ReadOnlySpan<char> rest = Written;
        while (!rest.IsEmpty)
        {
            var slice = rest.Length <= Utf8Slice ? rest : rest[..Utf8Slice];
            var target = output.GetSpan(Encoding.UTF8.GetMaxByteCount(slice.Length));
            var status = Utf8.FromUtf16(slice, target, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: slice.Length == rest.Length);
            if (status is not (OperationStatus.Done or OperationStatus.NeedMoreData) || read == 0)
            {
                throw new InvalidOperationException($"UTF-8 transcoding stopped: {status}.");
            }

            output.Advance(written);
            rest = rest[read..];
        }
    }

    /// <summary>Starts an object.</summary>
    /// <returns>Where its <c>{</c> is in the buffer, for <see cref="Remember"/>.</returns>
    public int StartObject()
    {
        BeginValue();
        var start = length;
        Raw('{');
        depth++;
        hasItems = false;
        return start;
    }

    /// <summary>
    /// Keeps the text of the object just ended, which started at <paramref name="start"/>, so that <see cref="TryRepeat"/>
    /// can write it again for the same <paramref name="item"/> at the same depth later in this document.
    /// </summary>
    public void Remember(object item, int start) =>
        remembered[RuntimeHelpers.GetHashCode(item) & (RememberedSlots - 1)] = (item, depth, start, length - start);

    /// <summary>
    /// Writes, as the next value, the text kept by <see cref="Remember"/> for this very object at this depth, when it is
    /// still kept. The copy is the same text as writing the object again, since the object is the same (immutable)
    /// object and the depth, and so the indentation, is the same.
    /// </summary>
    /// <returns>Whether it was written; when false, write the object.</returns>
    public bool TryRepeat(object item)
    {
        var kept = remembered[RuntimeHelpers.GetHashCode(item) & (RememberedSlots - 1)];
        if (!ReferenceEquals(kept.Item, item) || kept.Depth != depth)
        {
            return false;
        }

        BeginValue();
        var span = Reserve(kept.Length);
        buffer.AsSpan(kept.Start, kept.Length).CopyTo(span);
        length += kept.Length;
        hasItems = true;
        return true;
    }

    public void EndObject() => End('}');

    public void StartArray()
    {
        BeginValue();
        Raw('[');
        depth++;
        hasItems = false;
    }

    public void EndArray() => End(']');

    /// <summary>Writes a property name that needs no escaping (a contract name), with its separator.</summary>
    public void Name(string name)
    {
        Separate();
        var span = Reserve(name.Length + 4);
        span[0] = '"';
        name.CopyTo(span[1..]);
        span[name.Length + 1] = '"';
        span[name.Length + 2] = ':';
        if (Indented)
        {
            span[name.Length + 3] = ' ';
            length += name.Length + 4;
        }
        else
        {
            length += name.Length + 3;
        }

        afterName = true;
    }

    public void Null()
    {
        BeginValue();
        Raw("null");
        hasItems = true;
    }

    public void Value(bool value)
    {
        BeginValue();
        Raw(value ? "true" : "false");
        hasItems = true;
    }

    public void Value(int value)
    {
        BeginValue();
        value.TryFormat(Reserve(11), out var written, default, CultureInfo.InvariantCulture);
        length += written;
        hasItems = true;
    }

    public void Value(long value)
    {
        BeginValue();
        value.TryFormat(Reserve(20), out var written, default, CultureInfo.InvariantCulture);
        length += written;
        hasItems = true;
    }

    /// <summary>Writes a decimal as Newtonsoft does: its invariant text, scale kept, with ".0" added when it has no point.</summary>
    public void Value(decimal value)
    {
        BeginValue();
        var span = Reserve(34);
        var written = FormatDecimal(value, span);
        if (span[..written].IndexOf('.') < 0)
        {
            span[written++] = '.';
            span[written++] = '0';
        }

        length += written;
        hasItems = true;
    }

    /// <summary>
    /// What <c>decimal.ToString(CultureInfo.InvariantCulture)</c> writes — every digit of the coefficient, the point
    /// <c>scale</c> digits from the end — formatted from the bits when the coefficient fits 64 bits (every amount in a
    /// plan), about ten times faster than the general formatter; zero and larger coefficients go to it.
    /// </summary>
    /// <returns>The characters written to <paramref name="span"/>, at most 31.</returns>
    internal static int FormatDecimal(decimal value, Span<char> span)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var coefficient = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        if (bits[2] != 0 || coefficient == 0)
        {
            value.TryFormat(span, out var general, default, CultureInfo.InvariantCulture);
            return general;
        }

        var scale = (bits[3] >> 16) & 0xFF;
        var sign = bits[3] < 0 ? 1 : 0;
        if (sign == 1)
        {
            span[0] = '-';
        }

        var digits = span[sign..];
        coefficient.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        if (scale == 0)
        {
            return sign + count;
        }

        if (count > scale)
        {
            // 123456 with scale 2: 1234.56
            digits.Slice(count - scale, scale).CopyTo(digits[(count - scale + 1)..]);
            digits[count - scale] = '.';
            return sign + count + 1;
        }

        // 98 with scale 4: 0.0098
        digits[..count].CopyTo(digits[(2 + scale - count)..]);
        digits[0] = '0';
        digits[1] = '.';
        digits.Slice(2, scale - count).Fill('0');
        return sign + 2 + scale;
    }

    /// <summary>Writes an ISO date as NodaTime's JSON.NET converter does (<c>uuuu-MM-dd</c>), or returns false for a date it would write otherwise.</summary>
    public bool TryValue(LocalDate date)
    {
        var year = date.Year;
        if (year is < 0 or > 9999 || date.Calendar != CalendarSystem.Iso)
        {
            return false;
        }

        BeginValue();
        var span = Reserve(12);
        span[0] = '"';
        Digits(span.Slice(1, 4), year);
        span[5] = '-';
        Digits(span.Slice(6, 2), date.Month);
        span[8] = '-';
        Digits(span.Slice(9, 2), date.Day);
        span[11] = '"';
        length += 12;
        hasItems = true;
        return true;
    }

    /// <summary>Writes text as a JSON string, escaped as Newtonsoft escapes it by default.</summary>
    public void Value(string value)
    {
        BeginValue();
        Raw('"');
        ReadOnlySpan<char> rest = value;
        while (true)
        {
            var next = NextEscaped(rest);
            if (next < 0)
            {
                Raw(rest);
                break;
            }

            Raw(rest[..next]);
            Escape(rest[next]);
            rest = rest[(next + 1)..];
        }

        Raw('"');
        hasItems = true;
    }

    /// <summary>
    /// Writes a value Newtonsoft wrote on its own, standalone (indented from depth 0 when indenting), as the value in
    /// the current position: its line breaks are indented to the current depth.
    /// </summary>
    public void RawValue(string json)
    {
        BeginValue();
        if (Indented && depth > 0 && json.Contains(newLine, StringComparison.Ordinal))
        {
            Raw(json.Replace(newLine, newLine + new string(' ', 2 * depth), StringComparison.Ordinal));
        }
        else
        {
            Raw(json);
        }

        hasItems = true;
    }

    /// <summary>
    /// The index of the first character Newtonsoft escapes by default with a double-quote quote character, or -1: a C0
    /// control, the quote, the backslash, NEL (U+0085) or a line or paragraph separator (U+2028, U+2029). One pass,
    /// 16 or 8 characters at a time; <c>SearchValues</c> would need two, its fast path being for ASCII sets only.
    /// </summary>
    internal static int NextEscaped(ReadOnlySpan<char> text)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var i = 0;
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            var last = text.Length - Vector256<ushort>.Count;
            while (true)
            {
                var hits = Escapes(Vector256.LoadUnsafe(ref first, (nuint)i));
                if (hits != 0)
                {
                    return i + BitOperations.TrailingZeroCount(hits);
                }

                if (i == last)
                {
                    return -1;
                }

                // The last block may overlap the one before: no scalar tail.
                i = Math.Min(i + Vector256<ushort>.Count, last);
            }
        }

        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            var last = text.Length - Vector128<ushort>.Count;
            while (true)
            {
                var hits = Escapes(Vector128.LoadUnsafe(ref first, (nuint)i));
                if (hits != 0)
                {
                    return i + BitOperations.TrailingZeroCount(hits);
                }

                if (i == last)
                {
                    return -1;
                }

                i = Math.Min(i + Vector128<ushort>.Count, last);
            }
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || c is '"' or '\\' or '\u0085' || (c & 0xFFFE) == 0x2028)
            {
                return i;
            }
        }

        return -1;
    }

    private static uint Escapes(Vector256<ushort> v) =>
        (Vector256.LessThan(v, Vector256.Create((ushort)0x20)) |
         Vector256.Equals(v, Vector256.Create((ushort)'"')) |
         Vector256.Equals(v, Vector256.Create((ushort)'\\')) |
         Vector256.Equals(v, Vector256.Create((ushort)0x85)) |
         Vector256.Equals(v & Vector256.Create((ushort)0xFFFE), Vector256.Create((ushort)0x2028))).ExtractMostSignificantBits();

    private static uint Escapes(Vector128<ushort> v) =>
        (Vector128.LessThan(v, Vector128.Create((ushort)0x20)) |
         Vector128.Equals(v, Vector128.Create((ushort)'"')) |
         Vector128.Equals(v, Vector128.Create((ushort)'\\')) |
         Vector128.Equals(v, Vector128.Create((ushort)0x85)) |
         Vector128.Equals(v & Vector128.Create((ushort)0xFFFE), Vector128.Create((ushort)0x2028))).ExtractMostSignificantBits();

    private void End(char close)
    {
        depth--;
        if (hasItems && Indented)
        {
            LineBreak();
        }

        Raw(close);
        hasItems = true;
        afterName = false;
    }

    /// <summary>Before a value: nothing after a property name; otherwise the comma and line break of an array item.</summary>
    private void BeginValue()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }

        if (depth > 0)
        {
            Separate();
        }
    }

    private void Separate()
    {
        if (hasItems)
        {
            Raw(',');
        }

        if (Indented)
        {
            LineBreak();
        }
    }

    private void LineBreak()
    {
        var span = Reserve(newLine.Length + (2 * depth));
        newLine.CopyTo(span);
        span.Slice(newLine.Length, 2 * depth).Fill(' ');
        length += newLine.Length + (2 * depth);
    }

    private void Escape(char c)
    {
        switch (c)
        {
            case '"': Raw("\\\""); break;
            case '\\': Raw("\\\\"); break;
            case '\b': Raw("\\b"); break;
            case '\t': Raw("\\t"); break;
            case '\n': Raw("\\n"); break;
            case '\f': Raw("\\f"); break;
            case '\r': Raw("\\r"); break;
            default:
                // Newtonsoft's hex digits are lower case.
                var span = Reserve(6);
                span[0] = '\\';
                span[1] = 'u';
                span[2] = Hex(c >> 12);
                span[3] = Hex((c >> 8) & 0xF);
                span[4] = Hex((c >> 4) & 0xF);
                span[5] = Hex(c & 0xF);
                length += 6;
                break;
        }
    }

    private static char Hex(int digit) => (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);

    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Raw(char c)
    {
        if (length == buffer.Length)
        {
            Grow(1);
        }

        buffer[length++] = c;
    }

    private void Raw(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        length += text.Length;
    }

    /// <summary>Gets room for at least <paramref name="size"/> characters at the end; the caller advances <see cref="length"/>.</summary>
    private Span<char> Reserve(int size)
    {
        if (buffer.Length - length < size)
        {
            Grow(size);
        }

        return buffer.AsSpan(length);
    }

    private void Grow(int size)
    {
        var larger = new char[Math.Max(checked(buffer.Length * 2), checked(length + size))];
        buffer.AsSpan(0, length).CopyTo(larger);
        buffer = larger;
    }
}
