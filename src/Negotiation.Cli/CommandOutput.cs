namespace Negotiation.Cli;

/// <summary>Writes a command's result to standard output or to the file named by <c>--out</c>.</summary>
internal static class CommandOutput
{
    public static int Write(string? file, string text, TextWriter stdout, TextWriter stderr)
    {
        if (file is null)
        {
            stdout.Write(text);
            return ExitCodes.Ok;
        }

        try
        {
            File.WriteAllText(file, text);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{file}: cannot write the file: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
