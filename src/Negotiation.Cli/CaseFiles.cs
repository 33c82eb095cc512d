using Negotiation.Core.Cases;
using Negotiation.Core.Inputs;

namespace Negotiation.Cli;

/// <summary>Reads case files for the commands, reporting problems as <c>file:line:col: path: message</c>.</summary>
internal static class CaseFiles
{
    /// <summary>
    /// Reads and checks a case; on failure writes every problem to <paramref name="stderr"/> and returns null. At most one
    /// character past the bound is read, so a huge file or an endless device (<c>/dev/zero</c>) is refused, not loaded.
    /// </summary>
    public static BorrowerCase? TryRead(string path, TextWriter stderr)
    {
        string json;
        try
        {
            json = BoundedText.ReadFile(path, InputLimits.CaseLength);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
            return null;
        }

        if (json.Length > InputLimits.CaseLength)
        {
            stderr.WriteLine($"{path}: {InputLimits.TooLong("the file", InputLimits.CaseLength)}");
            return null;
        }

        try
        {
            return BorrowerCase.FromJson(json);
        }
        catch (CaseValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                stderr.WriteLine($"{path}:{problem}");
            }

            return null;
        }
    }
}
