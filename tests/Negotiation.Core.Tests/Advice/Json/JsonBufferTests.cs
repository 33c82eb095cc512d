using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Advice.Json;
using Newtonsoft.Json;

namespace Negotiation.Core.Tests.Advice.Json;

/// <summary>
/// The plan writer's text and numbers against Newtonsoft's own formatting of a lone value, written as characters and as
/// UTF-8 (which must be what a UTF-8 encoder makes of Newtonsoft's characters).
/// </summary>
public sealed class JsonBufferTests
{
    /// <summary>Characters around every boundary of Newtonsoft's escaping, and surrogates, weighted towards plain text.</summary>
    private static readonly char[] Alphabet =
    [
        'a', 'a', 'a', 'a', 'Z', ' ', '0', '中', '中', '文', '\u00e9',
        '"', '\\', '/', '\'', '<', '>', '&', '\u007f', '\u0080',
        '\0', '\u0001', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001f',
        '\u0084', '\u0085', '\u0086', '\u2027', '\u2028', '\u2029', '\u202a', '\ufeff', '\uffff',
        '\ud83d', '\ude42', '\ud800', '\udfff',
    ];

    private static Gen<string> Text =>
        from length in Gen.Choose(0, 80)
        from chars in Gen.Elements(Alphabet).ArrayOf(length)
        select new string(chars);

    /// <summary>Mostly three-byte text in runs long and short, broken by ASCII, two-byte characters, pairs and lone surrogates.</summary>
    private static Gen<string> CjkText =>
        from parts in Gen.OneOf(
                Gen.Elements("中", "文字", "协商还款", "，", "。", "\uffff", "\ue000", "\ud7ff", "\u0800", "\u2028", "\u2029", "\u0085", "\n", "\""),
                Gen.Choose(1, 40).Select(n => new string('长', n)),
                Gen.Elements("a", "10", " ", "\u00e9", "\u07ff", "\u0080", "🙂", "\ud800", "\udfff", "\udc00\ud800", "\ud83d\ud83d\ude42"))
            .ListOf()
        select string.Concat(parts);

    private static Gen<decimal> Decimals =>
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Elements(0, 0, 1, -1, 12345, int.MaxValue, int.MinValue)
        from hi in Gen.Elements(0, 0, 0, 1, -1)
        from negative in Gen.Elements(true, false)
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale);

    /// <summary>What a UTF-8 <see cref="TextWriter"/> writes: an unpaired surrogate becomes U+FFFD.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string Write(Action<JsonBuffer<char>> write)
    {
        var buffer = JsonBuffer<char>.Rent(indented: false);
        write(buffer);
        var json = buffer.Written.ToString();
        JsonBuffer<char>.Return(buffer);
        return json;
    }

    private static byte[] WriteUtf8(Action<JsonBuffer<byte>> write)
    {
        var buffer = JsonBuffer<byte>.Rent(indented: false);
        write(buffer);
        var json = buffer.Written.ToArray();
        JsonBuffer<byte>.Return(buffer);
        return json;
    }

    /// <summary>Whether both writers write what Newtonsoft wrote, <paramref name="expected"/>.</summary>
    private static bool BothWrite(string expected, Action<JsonBuffer<char>> chars, Action<JsonBuffer<byte>> bytes) =>
        Write(chars) == expected && WriteUtf8(bytes).AsSpan().SequenceEqual(Utf8.GetBytes(expected));

    [Fact]
    public void A_remembered_object_is_repeated_only_for_the_same_object_at_the_same_depth()
    {
        var shared = new object();
        var other = new object();
        var buffer = JsonBuffer<char>.Rent(indented: true);
        buffer.StartObject();
        buffer.Name(new JsonName("first"));
        buffer.StartArray();
        var start = buffer.StartObject();
        buffer.Name(new JsonName("path"));
        buffer.Value("facts.daysPastDue");
        buffer.EndObject();
        buffer.Remember(shared, start);
        Assert.True(buffer.TryRepeat(shared));
        Assert.False(buffer.TryRepeat(other));
        buffer.EndArray();

        // One level deeper the indentation differs, so the kept text must not be copied there.
        buffer.Name(new JsonName("deeper"));
        buffer.StartArray();
        buffer.StartArray();
        Assert.False(buffer.TryRepeat(shared));
        buffer.EndArray();
        buffer.EndArray();
        buffer.EndObject();
        var json = buffer.Written.ToString();
        JsonBuffer<char>.Return(buffer);

        var item = new { path = "facts.daysPastDue" };
        Assert.Equal(JsonConvert.SerializeObject(new { first = new[] { item, item }, deeper = new[] { Array.Empty<object>() } }, Formatting.Indented), json);

        // A new document forgets what the last one wrote.
        var next = JsonBuffer<char>.Rent(indented: true);
        next.StartObject();
        next.Name(new JsonName("first"));
        next.StartArray();
        Assert.False(next.TryRepeat(shared));
        JsonBuffer<char>.Return(next);
    }

    [Property(MaxTest = 2000)]
    public Property Text_is_escaped_as_Newtonsoft_escapes_it() =>
        Prop.ForAll(Text.ToArbitrary(), text => BothWrite(JsonConvert.ToString(text), b => b.Value(text), b => b.Value(text)));

    [Property(MaxTest = 2000)]
    public Property The_first_escaped_character_is_found_wherever_it_is() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var expected = Array.FindIndex(text.ToCharArray(), c => JsonConvert.ToString(c.ToString()) != $"\"{c}\"");
            return JsonText.NextEscaped(text) == expected;
        });

    [Property(MaxTest = 3000)]
    public Property Decimals_are_written_as_Newtonsoft_writes_them() =>
        Prop.ForAll(Decimals.ToArbitrary(), value => BothWrite(JsonConvert.ToString(value), b => b.Value(value), b => b.Value(value)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Whole_numbers_are_written_as_Newtonsoft_writes_them(int value)
    {
        Assert.True(BothWrite(JsonConvert.ToString(value), b => b.Value(value), b => b.Value(value)));
        Assert.True(BothWrite(JsonConvert.ToString((long)value * 3), b => b.Value((long)value * 3), b => b.Value((long)value * 3)));
    }

    [Fact]
    public void Special_decimals_are_written_as_Newtonsoft_writes_them()
    {
        foreach (var value in new[] { 0m, 0.000m, -0.000m, decimal.Negate(0m), 1m, -1m, 10m, 1.0m, 0.1m, 0.0001m, 1e-28m, -1e-28m, decimal.MaxValue, decimal.MinValue, 18446744073709551615m, 18446744073709551616m, 1844674407370955161.5m })
        {
            Assert.True(BothWrite(JsonConvert.ToString(value), b => b.Value(value), b => b.Value(value)), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void UTF8_is_what_a_UTF8_encoder_writes_with_pairs_and_lone_surrogates_between_runs()
    {
        // Pairs and lone surrogates at every offset from a 16-character block, after ASCII and CJK runs and next to escapes.
        string[] around = ["", "a", "中", "\"", "\u2028", "\n"];
        for (var shift = 0; shift < 20; shift++)
        {
            foreach (var before in around)
            {
                foreach (var after in around)
                {
                    foreach (var surrogates in new[] { "🙂", "\ud800", "\udc00", "\udc00\ud800", "\ud83d\ud83d\ude42" })
                    {
                        var text = new string('a', shift) + before + surrogates + after + new string('b', 20 - shift) + surrogates;

                        Assert.True(BothWrite(JsonConvert.ToString(text), b => b.Value(text), b => b.Value(text)), $"{shift}: {text}");
                    }
                }
            }
        }
    }

    [Property(MaxTest = 2000)]
    public Property Plain_ASCII_is_copied_up_to_the_first_character_that_is_not() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var target = new byte[text.Length];
            var copied = JsonText.CopyPlainAscii(text, target);
            var expected = Array.FindIndex(text.ToCharArray(), c => c >= 0x80 || JsonConvert.ToString(c.ToString()) != $"\"{c}\"");
            expected = expected < 0 ? text.Length : expected;
            return copied == expected && target.AsSpan(0, copied).SequenceEqual(Encoding.ASCII.GetBytes(text[..copied]));
        });

    [Property(MaxTest = 3000)]
    public Property Transcoding_is_what_a_UTF8_encoder_writes() =>
        Prop.ForAll(CjkText.ToArbitrary(), text =>
        {
            var target = new byte[3 * text.Length];
            var written = JsonText.TranscodeToUtf8(text, target, untilEscaped: false, out var read);
            var all = read == text.Length && target.AsSpan(0, written).SequenceEqual(Utf8.GetBytes(text));

            // Stopping before the first character JSON escapes.
            var stop = JsonText.NextEscaped(text) is var next and >= 0 ? next : text.Length;
            written = JsonText.TranscodeToUtf8(text, target, untilEscaped: true, out read);
            return all && read == stop && target.AsSpan(0, written).SequenceEqual(Utf8.GetBytes(text[..stop]));
        });

    [Fact]
    public void Transcoding_handles_every_UTF16_code_unit_and_every_offset_of_a_block()
    {
        var every = new string(Enumerable.Range(0, 0x10000).Select(c => (char)c).ToArray());
        for (var offset = 0; offset < 9; offset++)
        {
            var text = every[offset..] + "🙂" + new string('中', offset);
            var target = new byte[3 * text.Length];

            var written = JsonText.TranscodeToUtf8(text, target, untilEscaped: false, out var read);

            Assert.Equal(text.Length, read);
            Assert.Equal(Utf8.GetBytes(text), target.AsSpan(0, written).ToArray());
        }
    }

    [Fact]
    public void A_property_name_is_encoded_once_and_one_that_would_need_escaping_is_refused()
    {
        foreach (var refused in new[] { "", "a\"b", "back\\slash", "tab\t", "名字", "del\u007f" })
        {
            Assert.ThrowsAny<ArgumentException>(() => new JsonName(refused));
        }

        var name = new JsonName("dueDate");
        Assert.Equal("\"dueDate\": ", new string(name.Units<char>(comma: false, indented: true)));
        Assert.Equal(",\"dueDate\":"u8.ToArray(), name.Units<byte>(comma: true, indented: false).ToArray());
        var target = new char[name.Room];
        Assert.Equal(",\"dueDate\": ", new string(target, 0, name.CopyTo<char>(target, comma: true, indented: true)));
        Assert.Throws<ArgumentException>(() => name.CopyTo<char>(new char[name.Units<char>(comma: true, indented: true).Length], comma: true, indented: true));
    }

    [Fact]
    public void A_long_text_crosses_every_block_boundary()
    {
        // An escape at each position of a text longer than two 16-character blocks, so that the overlapping last block counts.
        for (var length = 1; length <= 40; length++)
        {
            for (var at = 0; at < length; at++)
            {
                foreach (var escaped in new[] { '"', '\u2029', '\u001f' })
                {
                    var text = new string('x', at) + escaped + new string('中', length - at - 1);

                    Assert.Equal(at, JsonText.NextEscaped(text));
                    Assert.True(BothWrite(JsonConvert.ToString(text), b => b.Value(text), b => b.Value(text)), $"{length}, {at}, U+{(int)escaped:X4}");
                }
            }

            Assert.Equal(-1, JsonText.NextEscaped(new string('中', length)));
        }
    }
}
