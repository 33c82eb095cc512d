using Negotiation.Core.Inputs;

namespace Negotiation.Core.Tests.Inputs;

public sealed class BoundedTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100_000)]
    public void An_endless_reader_is_read_one_character_past_the_bound_and_no_further(int limit)
    {
        var reader = new EndlessReader();

        var text = BoundedText.Read(reader, limit);

        Assert.Equal(limit + 1, text.Length);
        Assert.Equal(limit + 1, reader.Given);
    }

    [Fact]
    public void A_text_within_the_bound_is_read_whole()
    {
        Assert.Equal("{ \"a\": 1 }", BoundedText.Read(new StringReader("{ \"a\": 1 }"), 10));
    }

    [Fact]
    public void A_file_is_read_as_utf8_and_its_byte_order_mark_dropped()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ \"name\": \"享花卡\" }", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            Assert.Equal("{ \"name\": \"享花卡\" }", BoundedText.ReadFile(file, 100));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Spaces for ever, counting how many were handed out.</summary>
    private sealed class EndlessReader : TextReader
    {
        public long Given { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, ' ', index, count);
            Given += count;
            return count;
        }
    }
}
