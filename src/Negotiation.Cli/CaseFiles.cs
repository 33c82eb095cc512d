using Negotiation.Core.Cases;

namespace Negotiation.Cli;

/// <summary>Reads case files for the commands, reporting problems as <c>file:line:col: path: message</c>.</summary>
internal static class CaseFiles
{
    /// <summary>Reads and checks a case; on failure writes every problem to <paramref name="stderr"/> and returns null.</summary>
    public static BorrowerCase? TryRead(string path, TextWriter stderr)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
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
