using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// A JSON writer into a reusable buffer of UTF-16 characters (<typeparamref name="TUnit"/> is <see cref="char"/>, for
/// the string forms) or of UTF-8 bytes (<see cref="byte"/>, for <c>negotiation batch</c> and other byte sinks) that
/// writes exactly what Newtonsoft's <c>JsonTextWriter</c> writes with default settings: its indentation (two spaces,
/// <c>"name": value</c>, <c>[]</c> and <c>{}</c> when empty), its escaping (the default <c>StringEscapeHandling</c>) and
/// its number formats. The UTF-8 form is what a UTF-8 encoder makes of the characters: an unpaired surrogate becomes
/// U+FFFD.
/// </summary>
/// <remarks>
/// Not thread-safe: <see cref="Rent"/> hands each thread its own. The caller keeps the structure valid; the writer
/// only places commas, line breaks and indentation. The JIT compiles the class once per unit, and the checks of the unit
/// in it are constants there.
/// </remarks>
/// <typeparam name="TUnit"><see cref="char"/> or <see cref="byte"/>.</typeparam>
internal sealed class JsonBuffer<TUnit>
    where TUnit : unmanaged
{
    /// <summary>A plan with a trace is some 50,000 characters on one line, 90,000 indented.</summary>
    private const int InitialCapacity = 128 * 1024;

    /// <summary>A buffer grown beyond this by an unusual plan is not kept for the next one.</summary>
    private const int LargestKept = 1024 * 1024;

    /// <summary>How many object texts <see cref="Remember"/> keeps for <see cref="TryRepeat"/> in a plan's writer; a power of two.</summary>
    private const int RememberedSlots = 256;

    private static readonly TUnit[] NewLine = Environment.NewLine.Select(JsonText.Unit<TUnit>).ToArray();

    [ThreadStatic]
    private static JsonBuffer<TUnit>? cached;

    /// <summary>
    /// Object texts written earlier in this document, by the identity of the object they were written from, for
    /// <see cref="TryRepeat"/>: a direct-mapped table, where a collision only means writing the object again.
    /// </summary>
    private readonly (object? Item, int Depth, int Start, int Length)[] remembered;

    private TUnit[] buffer;
    private int length;
    private int depth;
    private bool hasItems;
    private bool afterName;

    static JsonBuffer()
    {
        if (typeof(TUnit) != typeof(char) && typeof(TUnit) != typeof(byte))
        {
            throw new NotSupportedException($"A JSON buffer holds UTF-16 characters or UTF-8 bytes, not {typeof(TUnit).Name}.");
        }
    }

    /// <summary>A writer of <paramref name="capacity"/> units; one for whole plans remembers objects, a small one next to nothing.</summary>
    private JsonBuffer(int capacity)
    {
        buffer = new TUnit[capacity];
        remembered = new (object?, int, int, int)[capacity >= InitialCapacity ? RememberedSlots : 1];
    }

    /// <summary>Gets whether the writer indents; set by <see cref="Rent"/>.</summary>
    public bool Indented { get; private set; }

    /// <summary>Gets what has been written so far.</summary>
    public ReadOnlySpan<TUnit> Written => buffer.AsSpan(0, length);

    /// <summary>Whether the units are UTF-8 bytes; a constant in the compiled code.</summary>
    private static bool Utf8Units => typeof(TUnit) == typeof(byte);

    /// <summary>Takes this thread's writer, empty; give it back with <see cref="Return"/>.</summary>
    public static JsonBuffer<TUnit> Rent(bool indented)
    {
        var writer = cached ?? new JsonBuffer<TUnit>(InitialCapacity);
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
    public static void Return(JsonBuffer<TUnit> writer)
    {
        if (writer.buffer.Length <= LargestKept)
        {
            cached = writer;
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
    /// Starts an object on one line with text made for it by <see cref="Compact"/>: its <c>{</c>, whole properties and
    /// then a property name, so that the next call writes that property's value.
    /// </summary>
    public void StartObject(ReadOnlySpan<TUnit> head)
    {
        if (Indented)
        {
            throw new InvalidOperationException("A head made on one line cannot start an indented object.");
        }

        BeginValue();
        Raw(head);
        depth++;
        hasItems = true;
        afterName = true;
    }

    /// <summary>What <paramref name="write"/> writes of <paramref name="state"/> on one line, from a small writer of its own, as an array.</summary>
    public static TUnit[] Compact<TState>(TState state, Action<JsonBuffer<TUnit>, TState> write)
    {
        var writer = new JsonBuffer<TUnit>(capacity: 256);
        write(writer, state);
        return writer.Written.ToArray();
    }

    /// <summary>
    /// Keeps the text of the object just ended, which started at <paramref name="start"/>, so that <see cref="TryRepeat"/>
    /// can write it again for the same <paramref name="item"/> at the same depth later in this document.
    /// </summary>
    public void Remember(object item, int start) =>
        remembered[RuntimeHelpers.GetHashCode(item) & (remembered.Length - 1)] = (item, depth, start, length - start);

    /// <summary>
    /// Writes, as the next value, the text kept by <see cref="Remember"/> for this very object at this depth, when it is
    /// still kept. The copy is the same text as writing the object again, since the object is the same (immutable)
    /// object and the depth, and so the indentation, is the same.
    /// </summary>
    /// <returns>Whether it was written; when false, write the object.</returns>
    public bool TryRepeat(object item)
    {
        var kept = remembered[RuntimeHelpers.GetHashCode(item) & (remembered.Length - 1)];
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

    /// <summary>Writes a property name with its separator.</summary>
    public void Name(JsonName name)
    {
        bool comma;
        if (Indented)
        {
            Separate();
            comma = false;
        }
        else
        {
            // On one line the separator is only the comma, which the name carries.
            comma = hasItems;
        }

        length += name.CopyTo(Reserve(name.Room), comma, Indented);
        afterName = true;
    }

    public void Null()
    {
        BeginValue();
        Raw("null", "null"u8);
        hasItems = true;
    }

    public void Value(bool value)
    {
        BeginValue();
        if (value)
        {
            Raw("true", "true"u8);
        }
        else
        {
            Raw("false", "false"u8);
        }

        hasItems = true;
    }

    public void Value(int value)
    {
        BeginValue();
        length += JsonText.Format(value, Reserve(11));
        hasItems = true;
    }

    public void Value(long value)
    {
        BeginValue();
        length += JsonText.Format(value, Reserve(20));
        hasItems = true;
    }

    /// <summary>Writes a decimal as Newtonsoft does: its invariant text, scale kept, with ".0" added when it has no point.</summary>
    public void Value(decimal value)
    {
        BeginValue();
        length += JsonText.FormatDecimal(value, Reserve(34));
        hasItems = true;
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
        span[0] = JsonText.Unit<TUnit>('"');
        Digits(span.Slice(1, 4), year);
        span[5] = JsonText.Unit<TUnit>('-');
        Digits(span.Slice(6, 2), date.Month);
        span[8] = JsonText.Unit<TUnit>('-');
        Digits(span.Slice(9, 2), date.Day);
        span[11] = JsonText.Unit<TUnit>('"');
        length += 12;
        hasItems = true;
        return true;
    }

    /// <summary>Writes text as a JSON string, escaped as Newtonsoft escapes it by default.</summary>
    public void Value(string value)
    {
        BeginValue();
        hasItems = true;

        // Most text needs no escaping (and, in UTF-8, is ASCII): one reservation for it and its quotes.
        var span = Reserve(value.Length + 2);
        span[0] = JsonText.Unit<TUnit>('"');
        if (Utf8Units)
        {
            var plain = JsonText.CopyPlainAscii(value, MemoryMarshal.Cast<TUnit, byte>(span.Slice(1, value.Length)));
            if (plain == value.Length)
            {
                span[plain + 1] = JsonText.Unit<TUnit>('"');
                length += plain + 2;
                return;
            }

            length += plain + 1;
            Utf8Text(value.AsSpan(plain));
        }
        else
        {
            var next = JsonText.NextEscaped(value);
            if (next < 0)
            {
                MemoryMarshal.Cast<char, TUnit>(value.AsSpan()).CopyTo(span[1..]);
                span[value.Length + 1] = JsonText.Unit<TUnit>('"');
                length += value.Length + 2;
                return;
            }

            length++;
            ReadOnlySpan<char> rest = value;
            while (next >= 0)
            {
                Raw(MemoryMarshal.Cast<char, TUnit>(rest[..next]));
                Escape(rest[next]);
                rest = rest[(next + 1)..];
                next = JsonText.NextEscaped(rest);
            }

            Raw(MemoryMarshal.Cast<char, TUnit>(rest));
        }

        Raw('"');
    }

    /// <summary>
    /// Writes a value Newtonsoft wrote on its own, standalone (indented from depth 0 when indenting), as the value in
    /// the current position: its line breaks are indented to the current depth.
    /// </summary>
    public void RawValue(string json)
    {
        BeginValue();
        var newLine = Environment.NewLine;
        if (Indented && depth > 0 && json.Contains(newLine, StringComparison.Ordinal))
        {
            json = json.Replace(newLine, newLine + new string(' ', 2 * depth), StringComparison.Ordinal);
        }

        if (Utf8Units)
        {
            Transcode(json, untilEscaped: false);
        }
        else
        {
            Raw(MemoryMarshal.Cast<char, TUnit>(json.AsSpan()));
        }

        hasItems = true;
    }

    private static void Digits(Span<TUnit> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = JsonText.Unit<TUnit>((char)('0' + (value % 10)));
            value /= 10;
        }
    }

    private static char Hex(int digit) => (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);

    /// <summary>
    /// The inside of a string as UTF-8: runs of plain ASCII are narrowed, escapes written, and any other run, up to the
    /// next escape, transcoded, with an unpaired surrogate as U+FFFD. A pair is never split, since runs end only at
    /// characters that are not surrogates.
    /// </summary>
    private void Utf8Text(ReadOnlySpan<char> rest)
    {
        // Called where plain ASCII stopped. The transcoder stops only before an escape, after which the text may be
        // plain ASCII again.
        while (!rest.IsEmpty)
        {
            if (!JsonText.IsEscaped(rest[0]))
            {
                rest = rest[Transcode(rest, untilEscaped: true)..];
                continue;
            }

            Escape(rest[0]);
            rest = rest[1..];
            var plain = JsonText.CopyPlainAscii(rest, MemoryMarshal.Cast<TUnit, byte>(Reserve(rest.Length)));
            length += plain;
            rest = rest[plain..];
        }
    }

    /// <returns>How many characters were written.</returns>
    private int Transcode(ReadOnlySpan<char> text, bool untilEscaped)
    {
        // Three bytes a character, and room for the transcoder's last block of 32.
        length += JsonText.TranscodeToUtf8(text, MemoryMarshal.Cast<TUnit, byte>(Reserve((3 * text.Length) + 32)), untilEscaped, out var read);
        return read;
    }

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
        var span = Reserve(NewLine.Length + (2 * depth));
        NewLine.CopyTo(span);
        span.Slice(NewLine.Length, 2 * depth).Fill(JsonText.Unit<TUnit>(' '));
        length += NewLine.Length + (2 * depth);
    }

    private void Escape(char c)
    {
        switch (c)
        {
            case '"': Raw("\\\"", "\\\""u8); break;
            case '\\': Raw("\\\\", "\\\\"u8); break;
            case '\b': Raw("\\b", "\\b"u8); break;
            case '\t': Raw("\\t", "\\t"u8); break;
            case '\n': Raw("\\n", "\\n"u8); break;
            case '\f': Raw("\\f", "\\f"u8); break;
            case '\r': Raw("\\r", "\\r"u8); break;
            default:
                // Newtonsoft's hex digits are lower case.
                var span = Reserve(6);
                span[0] = JsonText.Unit<TUnit>('\\');
                span[1] = JsonText.Unit<TUnit>('u');
                span[2] = JsonText.Unit<TUnit>(Hex(c >> 12));
                span[3] = JsonText.Unit<TUnit>(Hex((c >> 8) & 0xF));
                span[4] = JsonText.Unit<TUnit>(Hex((c >> 4) & 0xF));
                span[5] = JsonText.Unit<TUnit>(Hex(c & 0xF));
                length += 6;
                break;
        }
    }

    /// <summary>Writes one ASCII character.</summary>
    private void Raw(char ascii)
    {
        if (length == buffer.Length)
        {
            Grow(1);
        }

        buffer[length++] = JsonText.Unit<TUnit>(ascii);
    }

    /// <summary>Writes ASCII text given in both forms (a literal and its <c>u8</c> twin).</summary>
    private void Raw(ReadOnlySpan<char> chars, ReadOnlySpan<byte> bytes)
    {
        if (Utf8Units)
        {
            Raw(MemoryMarshal.Cast<byte, TUnit>(bytes));
        }
        else
        {
            Raw(MemoryMarshal.Cast<char, TUnit>(chars));
        }
    }

    private void Raw(ReadOnlySpan<TUnit> units)
    {
        units.CopyTo(Reserve(units.Length));
        length += units.Length;
    }

    /// <summary>Gets room for at least <paramref name="size"/> units at the end; the caller advances <see cref="length"/>.</summary>
    private Span<TUnit> Reserve(int size)
    {
        if (buffer.Length - length < size)
        {
            Grow(size);
        }

        return buffer.AsSpan(length);
    }

    private void Grow(int size)
    {
        var larger = new TUnit[Math.Max(checked(buffer.Length * 2), checked(length + size))];
        buffer.AsSpan(0, length).CopyTo(larger);
        buffer = larger;
    }
}
