using System.Buffers;
using System.Text;

namespace Negotiation.Core.Inputs;

/// <summary>Reads text up to a bound: never more than one character past it, so that a result longer than the bound means "too long".</summary>
internal static class BoundedText
{
    /// <summary>Reads <paramref name="reader"/> to its end or to <paramref name="limit"/> + 1 characters, whichever comes first.</summary>
    public static string Read(TextReader reader, int limit)
    {
        var text = new StringBuilder();
        var chunk = ArrayPool<char>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while (text.Length <= limit && (read = reader.Read(chunk, 0, Math.Min(chunk.Length, limit + 1 - text.Length))) > 0)
            {
                text.Append(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/> as text (UTF-8, or the encoding its byte-order mark names) up to the bound.
    /// Whatever the path names is opened: a pipe or a device too (<c>/dev/stdin</c>), and read only up to the bound.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a folder.</exception>
    public static string ReadFile(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16 * 1024, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, limit);
    }
}
