using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// The text rules of the plan writer that do not depend on the kind of output: which characters Newtonsoft escapes by
/// default, how it writes a decimal, and the copy of plain ASCII text into UTF-8.
/// </summary>
internal static class JsonText
{
    /// <summary>"00" to "99", for <see cref="FormatDecimal"/>.</summary>
    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>10 to the power of the index, for <see cref="CountDigits"/>.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>
    /// Whether Newtonsoft escapes <paramref name="c"/> by default with a double-quote quote character: a C0 control,
    /// the quote, the backslash, NEL (U+0085) or a line or paragraph separator (U+2028, U+2029).
    /// </summary>
    internal static bool IsEscaped(char c) => c < 0x20 || c is '"' or '\\' or '\u0085' || (c & 0xFFFE) == 0x2028;

    /// <summary>
    /// The index of the first character of <paramref name="text"/> that <see cref="IsEscaped"/>, or -1. One pass, 16 or
    /// 8 characters at a time; <c>SearchValues</c> would need two, its fast path being for ASCII sets only.
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
            if (IsEscaped(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Copies the longest start of <paramref name="text"/> that is ASCII and needs no escaping to <paramref name="utf8"/>,
    /// where each such character is its own byte, and returns its length. <paramref name="utf8"/> must be at least as
    /// long as <paramref name="text"/>: bytes past the returned length may be overwritten.
    /// </summary>
    internal static int CopyPlainAscii(ReadOnlySpan<char> text, Span<byte> utf8)
    {
        unchecked
        {
            if (utf8.Length < text.Length)
            {
                throw new ArgumentException("The target is shorter than the text.", nameof(utf8));
            }

            ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref var target = ref MemoryMarshal.GetReference(utf8);
            var i = 0;
            if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
            {
                var last = text.Length - Vector256<ushort>.Count;
                while (true)
                {
                    var block = Vector256.LoadUnsafe(ref source, (nuint)i);

                    // Narrowing first is harmless: the bytes from the first stop on are not counted.
                    Vector128.Narrow(block.GetLower(), block.GetUpper()).StoreUnsafe(ref target, (nuint)i);
                    var stops = Stops(block);
                    if (stops != 0)
                    {
                        return i + BitOperations.TrailingZeroCount(stops);
                    }

                    if (i == last)
                    {
                        return text.Length;
                    }

                    // The last block may overlap the one before, which only stores the same bytes again.
                    i = Math.Min(i + Vector256<ushort>.Count, last);
                }
            }

            for (; i < text.Length; i++)
            {
                // Plain ASCII is U+0020 to U+007F less the quote and the backslash.
                var c = Unsafe.Add(ref source, i);
                if (unchecked((uint)(c - 0x20)) > 0x5F || c is '"' or '\\')
                {
                    return i;
                }

                Unsafe.Add(ref target, i) = (byte)c;
            }

            return text.Length;
        }
    }

    /// <summary>
    /// Writes what <c>decimal.ToString(CultureInfo.InvariantCulture)</c> writes — every digit of the coefficient, the
    /// point <c>scale</c> digits from the end — then ".0" when there is no point, as Newtonsoft does. Written from the
    /// bits when the coefficient fits 64 bits (every amount in a plan): up to eight digits from a table of digit pairs,
    /// more one at a time; about twice as fast as the general formatter, to which larger coefficients and negative zero
    /// go.
    /// </summary>
    /// <returns>The units written to <paramref name="span"/>, at most 33.</returns>
    internal static int FormatDecimal<TUnit>(decimal value, Span<TUnit> span)
        where TUnit : unmanaged
    {
        unchecked
        {
            // Into a local rather than stackalloc, which would bring a stack cookie and its check to every call.
            var parts = default(DecimalParts);
            Span<int> bits = parts;
            decimal.GetBits(value, bits);
            var scale = (bits[3] >> 16) & 0xFF;
            var negative = bits[3] < 0;
            var coefficient = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            int written;
            if (bits[2] != 0 || (negative && coefficient == 0))
            {
                // The general formatter keeps the scale too: a point exactly when the scale is not zero.
                written = typeof(TUnit) == typeof(byte)
                    ? Format(value, MemoryMarshal.Cast<TUnit, byte>(span))
                    : Format(value, MemoryMarshal.Cast<TUnit, char>(span));
            }
            else
            {
                // At least one digit before the point: 98 with scale 4 is 0.0098.
                var digits = Math.Max(CountDigits(coefficient), scale + 1);
                written = (negative ? 1 : 0) + digits + (scale > 0 ? 1 : 0);
                if (negative)
                {
                    span[0] = Unit<TUnit>('-');
                }

                if (scale > 0)
                {
                    span[written - scale - 1] = Unit<TUnit>('.');
                }

                // The digits from the right: the last `scale` after the point, the rest before it.
                if (coefficient < 100_000_000 && digits <= 8 && BitConverter.IsLittleEndian)
                {
                    // Eight digits as four pairs from two independent chains of divisions by constants (multiplications),
                    // the pairs' characters packed into one word, the first digit in its lowest byte.
                    var value8 = (uint)coefficient;
                    var high = value8 / 10_000;
                    var low = value8 - (high * 10_000);
                    var pair3 = high / 100;
                    var pair1 = low / 100;
                    var pairs = PairOf(pair3) | (PairOf(high - (pair3 * 100)) << 16) | (PairOf(pair1) << 32) | (PairOf(low - (pair1 * 100)) << 48);
                    var end = written;
                    for (var j = 0; j < digits; j++)
                    {
                        if (j == scale && scale > 0)
                        {
                            end--;
                        }

                        span[end - 1 - j] = Unit<TUnit>((char)(byte)(pairs >> (8 * (7 - j))));
                    }
                }
                else
                {
                    var j = 0;
                    var at = written;
                    for (; j < digits; j++)
                    {
                        if (j == scale && scale > 0)
                        {
                            at--;
                        }

                        var rest = coefficient / 10;
                        span[at - 1 - j] = Unit<TUnit>((char)('0' + (int)(coefficient - (rest * 10))));
                        coefficient = rest;
                    }
                }
            }

            if (scale == 0)
            {
                span[written++] = Unit<TUnit>('.');
                span[written++] = Unit<TUnit>('0');
            }

            return written;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="utf8"/> as UTF-8, an unpaired surrogate as U+FFFD, exactly as
    /// <c>Utf8.FromUtf16</c> with replacement does, but eight characters at a time through runs of three-byte
    /// characters (CJK text), where the runtime's transcoder goes one or two at a time. <paramref name="utf8"/> must
    /// hold three bytes for each character. With <paramref name="untilEscaped"/> it stops before the first character
    /// that <see cref="IsEscaped"/>, so that a string needs no separate search for one.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="utf8">Where to write it.</param>
    /// <param name="untilEscaped">Whether to stop before a character JSON escapes.</param>
    /// <param name="read">How many characters were written: all unless stopped.</param>
    /// <returns>The bytes written.</returns>
    internal static int TranscodeToUtf8(ReadOnlySpan<char> text, Span<byte> utf8, bool untilEscaped, out int read)
    {
        unchecked
        {
            if (utf8.Length < 3L * text.Length)
            {
                throw new ArgumentException("The target is shorter than three bytes a character.", nameof(utf8));
            }

            ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref var target = ref MemoryMarshal.GetReference(utf8);
            var i = 0;
            var written = 0;
            var oneByOneUntil = 0;
            while (i < text.Length)
            {
                // A block is tried where a three-byte character starts, unless the last block showed what lies ahead.
                if (Vector128.IsHardwareAccelerated && i >= oneByOneUntil && Unsafe.Add(ref source, i) >= 0x800 &&
                    text.Length - i >= Vector128<ushort>.Count && utf8.Length - written >= 32)
                {
                    var block = Vector128.LoadUnsafe(ref source, (nuint)i);
                    var others = NotThreeBytes(block) | (untilEscaped ? LineSeparators(block) : 0);
                    if (others == 0)
                    {
                        ThreeByteBlock(block, ref Unsafe.Add(ref target, written));
                        i += Vector128<ushort>.Count;
                        written += 3 * Vector128<ushort>.Count;
                        continue;
                    }

                    // One at a time up to and including the first character that is not three bytes.
                    oneByOneUntil = i + BitOperations.TrailingZeroCount(others) + 1;
                }

                var c = (uint)Unsafe.Add(ref source, i);
                if (c < 0x80)
                {
                    if (untilEscaped && (c < 0x20 || c is '"' or '\\'))
                    {
                        break;
                    }

                    Unsafe.Add(ref target, written++) = (byte)c;
                }
                else if (c < 0x800)
                {
                    if (untilEscaped && c == 0x85)
                    {
                        break;
                    }

                    Unsafe.Add(ref target, written++) = (byte)(0xC0 | (c >> 6));
                    Unsafe.Add(ref target, written++) = (byte)(0x80 | (c & 0x3F));
                }
                else if (c - 0xD800 >= 0x800)
                {
                    if (untilEscaped && (c & 0xFFFE) == 0x2028)
                    {
                        break;
                    }

                    Unsafe.Add(ref target, written++) = (byte)(0xE0 | (c >> 12));
                    Unsafe.Add(ref target, written++) = (byte)(0x80 | ((c >> 6) & 0x3F));
                    Unsafe.Add(ref target, written++) = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0xDC00 && i + 1 < text.Length && (uint)Unsafe.Add(ref source, i + 1) - 0xDC00 < 0x400)
                {
                    // A pair: four bytes, in the room of the two characters' six.
                    var scalar = 0x10000 + ((c - 0xD800) << 10) + ((uint)Unsafe.Add(ref source, ++i) - 0xDC00);
                    Unsafe.Add(ref target, written++) = (byte)(0xF0 | (scalar >> 18));
                    Unsafe.Add(ref target, written++) = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    Unsafe.Add(ref target, written++) = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    Unsafe.Add(ref target, written++) = (byte)(0x80 | (scalar & 0x3F));
                }
                else
                {
                    // An unpaired surrogate: U+FFFD.
                    Unsafe.Add(ref target, written++) = 0xEF;
                    Unsafe.Add(ref target, written++) = 0xBF;
                    Unsafe.Add(ref target, written++) = 0xBD;
                }

                i++;
            }

            read = i;
            return written;
        }
    }

    /// <summary>An ASCII character as a unit of either kind.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TUnit Unit<TUnit>(char ascii)
        where TUnit : unmanaged =>
        typeof(TUnit) == typeof(byte) ? Unsafe.BitCast<byte, TUnit>((byte)ascii) : Unsafe.BitCast<char, TUnit>(ascii);

    /// <summary>Formats an ASCII-only value into units of either kind.</summary>
    internal static int Format<TUnit, TValue>(TValue value, Span<TUnit> span)
        where TUnit : unmanaged
        where TValue : ISpanFormattable, IUtf8SpanFormattable
    {
        var done = typeof(TUnit) == typeof(byte)
            ? value.TryFormat(MemoryMarshal.Cast<TUnit, byte>(span), out var written, default, CultureInfo.InvariantCulture)
            : value.TryFormat(MemoryMarshal.Cast<TUnit, char>(span), out written, default, CultureInfo.InvariantCulture);
        return done ? written : throw new InvalidOperationException("The number did not fit the room reserved for it.");
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

    /// <summary>Characters that end plain ASCII: not ASCII (below 0x20 wraps round to above too), the quote, the backslash.</summary>
    private static uint Stops(Vector256<ushort> v) =>
        (Vector256.GreaterThan(v - Vector256.Create((ushort)0x20), Vector256.Create((ushort)0x5F)) |
         Vector256.Equals(v, Vector256.Create((ushort)'"')) |
         Vector256.Equals(v, Vector256.Create((ushort)'\\'))).ExtractMostSignificantBits();

    /// <summary>The two characters of 0 to 99 as a word, the first in the low byte (on a little-endian machine).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PairOf(uint pair) => Unsafe.ReadUnaligned<ushort>(ref Unsafe.AsRef(in DigitPairs[(int)(2 * pair)]));

    /// <summary>The number of decimal digits of <paramref name="value"/>, at least one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountDigits(ulong value)
    {
        // log10 from log2 (1233 / 4096 is just above log10(2)), less one where the value falls short of that power.
        var guess = ((BitOperations.Log2(value) + 1) * 1233) >> 12;
        return Math.Max(1, guess + (value >= PowersOfTen[guess] ? 1 : 0));
    }

    /// <summary>A bit for each line or paragraph separator (U+2028, U+2029) in the block: three-byte characters that JSON escapes.</summary>
    private static uint LineSeparators(Vector128<ushort> block) =>
        Vector128.Equals(block & Vector128.Create((ushort)0xFFFE), Vector128.Create((ushort)0x2028)).ExtractMostSignificantBits();

    /// <summary>A bit for each character of the block that is not written as three bytes (below U+0800, or a surrogate).</summary>
    private static uint NotThreeBytes(Vector128<ushort> block) =>
        (Vector128.LessThan(block, Vector128.Create((ushort)0x800)) |
         Vector128.Equals(block & Vector128.Create((ushort)0xF800), Vector128.Create((ushort)0xD800))).ExtractMostSignificantBits();

    /// <summary>
    /// Writes eight three-byte characters as their 24 bytes (and 8 more that the next write overwrites): the lead, middle
    /// and last bytes of all eight are made side by side, then interleaved by two byte shuffles.
    /// </summary>
    private static void ThreeByteBlock(Vector128<ushort> block, ref byte target)
    {
        var lead = Vector128.ShiftRightLogical(block, 12) | Vector128.Create((ushort)0xE0);
        var middle = (Vector128.ShiftRightLogical(block, 6) & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);
        var last = (block & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);

        // leadMiddle: lead bytes 0-7, then middle bytes 8-15; lasts: last bytes 0-7, twice. An index of 0xFF gives zero.
        var leadMiddle = Vector128.Narrow(lead, middle);
        var lasts = Vector128.Narrow(last, last);
        var first16 =
            Vector128.Shuffle(leadMiddle, Vector128.Create((byte)0, 8, 0xFF, 1, 9, 0xFF, 2, 10, 0xFF, 3, 11, 0xFF, 4, 12, 0xFF, 5)) |
            Vector128.Shuffle(lasts, Vector128.Create((byte)0xFF, 0xFF, 0, 0xFF, 0xFF, 1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 3, 0xFF, 0xFF, 4, 0xFF));
        var next16 =
            Vector128.Shuffle(leadMiddle, Vector128.Create((byte)13, 0xFF, 6, 14, 0xFF, 7, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)) |
            Vector128.Shuffle(lasts, Vector128.Create((byte)0xFF, 5, 0xFF, 0xFF, 6, 0xFF, 0xFF, 7, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
        first16.StoreUnsafe(ref target);
        next16.StoreUnsafe(ref target, 16);
    }

    /// <summary>Room for what <c>decimal.GetBits</c> writes: low, middle and high coefficient words, then the flags.</summary>
    [InlineArray(4)]
    private struct DecimalParts
    {
        private int word;
    }
}
