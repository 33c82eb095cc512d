namespace Negotiation.Cli.Input;

/// <summary>
/// Reads a JSON Lines input record by record, each with its line number. A record ends at a line feed only: a carriage
/// return elsewhere is JSON white space and stays in its record (<see cref="TextReader.ReadLine"/> would split the record
/// there and shift every line number after it); one just before the line feed is dropped. A record longer than the bound
/// is skipped to its line feed without being kept, so one huge line costs no more memory than the bound.
/// </summary>
internal sealed class JsonLinesReader(TextReader input, int maxLength)
{
    /// <summary>A record buffer grown beyond this is dropped after its record, so that one long line does not pin it for the run.</summary>
    private const int LargestKeptRecord = 1024 * 1024;

    private static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly char[] buffer = new char[64 * 1024];
    private char[] record = new char[4 * 1024];
    private int start;
    private int end;
    private long number;

    /// <summary>Opens a JSON Lines file as UTF-8 (a byte order mark is honoured), or says on <paramref name="stderr"/> why it cannot.</summary>
    /// <returns>The reader, or null when the file cannot be opened.</returns>
    public static StreamReader? TryOpen(string path, TextWriter stderr)
    {
        try
        {
            return new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
            return null;
        }
    }

    /// <summary>Reads the next record.</summary>
    /// <param name="line">The record's line number, from 1.</param>
    /// <param name="text">The record without its line end; null when it was longer than the bound and skipped unread.</param>
    /// <returns>False at the end of the input.</returns>
    public bool TryRead(out long line, out string? text)
    {
        var length = 0;
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (start == end)
            {
                (start, end) = (0, input.Read(buffer, 0, buffer.Length));
                if (end == 0)
                {
                    break;
                }
            }

            any = true;
            var rest = buffer.AsSpan(start, end - start);
            var lineFeed = rest.IndexOf('\n');
            var piece = lineFeed < 0 ? rest : rest[..lineFeed];
            start += lineFeed < 0 ? piece.Length : lineFeed + 1;

            // One character past the bound is kept, so that a carriage return before the line feed does not count.
            tooLong |= length + piece.Length > maxLength + 1;
            if (!tooLong)
            {
                Append(piece, ref length);
            }

            if (lineFeed >= 0)
            {
                break;
            }
        }

        (line, text) = (0, null);
        if (!any)
        {
            return false;
        }

        line = ++number;
        if (length > 0 && record[length - 1] == '\r')
        {
            length--;
        }

        text = tooLong || length > maxLength ? null : new string(record, 0, length);
        if (record.Length > LargestKeptRecord)
        {
            record = new char[4 * 1024];
        }

        return true;
    }

    private void Append(ReadOnlySpan<char> piece, ref int length)
    {
        if (length + piece.Length > record.Length)
        {
            Array.Resize(ref record, Math.Max(length + piece.Length, Math.Min(2 * record.Length, maxLength + 1)));
        }

        piece.CopyTo(record.AsSpan(length));
        length += piece.Length;
    }
}
