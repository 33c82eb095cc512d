using Negotiation.Cli.Input;

namespace Negotiation.Core.Tests.Cli;

/// <summary>Records end at LF only, and a record past the bound is skipped without being kept.</summary>
public sealed class JsonLinesReaderTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\nb", new[] { "a", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("{\"a\":\r1}\r\n\n", new[] { "{\"a\":\r1}", "" })]
    [InlineData("\r\r\n", new[] { "\r" })]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    public void Records_end_at_a_line_feed_and_lose_only_the_carriage_return_before_it(string input, string[] records)
    {
        Assert.Equal(records, ReadAll(new StringReader(input), 100).Select(r => r.Text));
    }

    [Fact]
    public void A_record_past_the_bound_is_skipped_and_the_numbering_goes_on()
    {
        var records = ReadAll(new StringReader("12345\n123456\n1234567\n12345\r\n"), 6);

        Assert.Equal([(1L, "12345"), (2L, "123456"), (3L, null), (4L, "12345")], records);
    }

    [Fact]
    public void A_line_of_a_gigabyte_is_skipped_without_being_kept()
    {
        // 1 GiB streamed from a generator: it never exists in memory, and the reader keeps at most its bound of it.
        var input = new StreamReader(new GeneratedStream(1L << 30), System.Text.Encoding.UTF8, false, 1 << 16);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var records = ReadAll(input, 1 << 20);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal([(1L, "{}"), (2L, null), (3L, "{}")], records);
        Assert.True(allocated < 16 << 20, $"{allocated:N0} bytes allocated");
    }

    private static List<(long Line, string? Text)> ReadAll(TextReader input, int maxLength)
    {
        var reader = new JsonLinesReader(input, maxLength);
        var records = new List<(long, string?)>();
        while (reader.TryRead(out var line, out var text))
        {
            records.Add((line, text));
        }

        return records;
    }

    /// <summary>"{}\n", then <c>length</c> bytes of 'x' without a line feed, then "\n{}\n".</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private static readonly byte[] Head = "{}\n"u8.ToArray();
        private static readonly byte[] Tail = "\n{}\n"u8.ToArray();
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => Head.Length + length + Tail.Length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var span = buffer.AsSpan(offset, count);
            var written = 0;
            while (written < span.Length && position < Length)
            {
                var rest = span[written..];
                int n;
                if (position < Head.Length)
                {
                    n = Math.Min(rest.Length, Head.Length - (int)position);
                    Head.AsSpan((int)position, n).CopyTo(rest);
                }
                else if (position < Head.Length + length)
                {
                    n = (int)Math.Min(rest.Length, Head.Length + length - position);
                    rest[..n].Fill((byte)'x');
                }
                else
                {
                    var at = (int)(position - Head.Length - length);
                    n = Math.Min(rest.Length, Tail.Length - at);
                    Tail.AsSpan(at, n).CopyTo(rest);
                }

                written += n;
                position += n;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
