using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Advice.Json;
using Newtonsoft.Json;

namespace Negotiation.Core.Tests.Advice.Json;

/// <summary>The plan writer's text and numbers against Newtonsoft's own formatting of a lone value.</summary>
public sealed class JsonTextBufferTests
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

    private static Gen<decimal> Decimals =>
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Elements(0, 0, 1, -1, 12345, int.MaxValue, int.MinValue)
        from hi in Gen.Elements(0, 0, 0, 1, -1)
        from negative in Gen.Elements(true, false)
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale);

    private static string Write(Action<JsonTextBuffer> write)
    {
        var buffer = JsonTextBuffer.Rent(indented: false);
        write(buffer);
        var json = buffer.Written.ToString();
        JsonTextBuffer.Return(buffer);
        return json;
    }

    [Fact]
    public void A_remembered_object_is_repeated_only_for_the_same_object_at_the_same_depth()
    {
        var shared = new object();
        var other = new object();
        var buffer = JsonTextBuffer.Rent(indented: true);
        buffer.StartObject();
        buffer.Name("first");
        buffer.StartArray();
        var start = buffer.StartObject();
        buffer.Name("path");
        buffer.Value("facts.daysPastDue");
        buffer.EndObject();
        buffer.Remember(shared, start);
        Assert.True(buffer.TryRepeat(shared));
        Assert.False(buffer.TryRepeat(other));
        buffer.EndArray();

        // One level deeper the indentation differs, so the kept text must not be copied there.
        buffer.Name("deeper");
        buffer.StartArray();
        buffer.StartArray();
        Assert.False(buffer.TryRepeat(shared));
        buffer.EndArray();
        buffer.EndArray();
        buffer.EndObject();
        var json = buffer.Written.ToString();
        JsonTextBuffer.Return(buffer);

        var item = new { path = "facts.daysPastDue" };
        Assert.Equal(JsonConvert.SerializeObject(new { first = new[] { item, item }, deeper = new[] { Array.Empty<object>() } }, Formatting.Indented), json);

        // A new document forgets what the last one wrote.
        var next = JsonTextBuffer.Rent(indented: true);
        next.StartObject();
        next.Name("first");
        next.StartArray();
        Assert.False(next.TryRepeat(shared));
        JsonTextBuffer.Return(next);
    }

    [Property(MaxTest = 2000)]
    public Property Text_is_escaped_as_Newtonsoft_escapes_it() =>
        Prop.ForAll(Text.ToArbitrary(), text => Write(b => b.Value(text)) == JsonConvert.ToString(text));

    [Property(MaxTest = 2000)]
    public Property The_first_escaped_character_is_found_wherever_it_is() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var expected = Array.FindIndex(text.ToCharArray(), c => JsonConvert.ToString(c.ToString()) != $"\"{c}\"");
            return JsonTextBuffer.NextEscaped(text) == expected;
        });

    [Property(MaxTest = 3000)]
    public Property Decimals_are_written_as_Newtonsoft_writes_them() =>
        Prop.ForAll(Decimals.ToArbitrary(), value => Write(b => b.Value(value)) == JsonConvert.ToString(value));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Whole_numbers_are_written_as_Newtonsoft_writes_them(int value)
    {
        Assert.Equal(JsonConvert.ToString(value), Write(b => b.Value(value)));
        Assert.Equal(JsonConvert.ToString((long)value * 3), Write(b => b.Value((long)value * 3)));
    }

    [Fact]
    public void Special_decimals_are_written_as_Newtonsoft_writes_them()
    {
        foreach (var value in new[] { 0m, 0.000m, -0.000m, decimal.Negate(0m), 1m, -1m, 10m, 1.0m, 0.1m, 0.0001m, 1e-28m, -1e-28m, decimal.MaxValue, decimal.MinValue, 18446744073709551615m, 18446744073709551616m, 1844674407370955161.5m })
        {
            Assert.Equal(JsonConvert.ToString(value), Write(b => b.Value(value)));
        }
    }

    [Fact]
    public void UTF8_is_what_a_UTF8_encoder_writes_with_pairs_and_lone_surrogates_on_slice_boundaries()
    {
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        for (var shift = 0; shift < 8; shift++)
        {
            // Pairs at both parities across several 4,096-character slices, then lone surrogates around a boundary.
            var text = new string('a', shift) + string.Concat(Enumerable.Repeat("🙂中", 3000)) +
                new string('b', 8192 - ((6001 + shift) % 4096) - 3 + shift) + "\ud800\ud83d" + "\udc00c" + "\ud800";
            var buffer = JsonTextBuffer.Rent(indented: false);
            buffer.Value(text);
            var output = new System.Buffers.ArrayBufferWriter<byte>(1);

            buffer.CopyUtf8To(output);

            Assert.Equal(utf8.GetBytes(JsonConvert.ToString(text)), output.WrittenSpan.ToArray());
            JsonTextBuffer.Return(buffer);
        }
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

                    Assert.Equal(at, JsonTextBuffer.NextEscaped(text));
                    Assert.Equal(JsonConvert.ToString(text), Write(b => b.Value(text)));
                }
            }

            Assert.Equal(-1, JsonTextBuffer.NextEscaped(new string('中', length)));
        }
    }
}
