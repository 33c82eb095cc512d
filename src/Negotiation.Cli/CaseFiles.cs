using Negotiation.Core.Cases;
using Negotiation.Core.Inputs;
using Negotiation.Core.Scenarios;

namespace Negotiation.Cli;

/// <summary>Reads case files for the commands, reporting problems as <c>file:line:col: path: message</c>.</summary>
internal static class CaseFiles
{
    /// <summary>
    /// Reads and checks a case; on failure writes every problem to <paramref name="stderr"/> and returns null. At most one
    /// character past the bound is read, so a huge file or an endless device (<c>/dev/zero</c>) is refused, not loaded.
    /// A scenario file (an object with <c>case</c> or <c>caseFile</c>, and <c>expect</c>) gives its case, with a line on
    /// <paramref name="stderr"/> saying so: rule editors advise on and explain the cases they test.
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
        catch (CaseValidationException e) when (IsScenario(e.Problems))
        {
            try
            {
                var scenario = Scenario.FromFile(path);
                stderr.WriteLine($"{path}: a scenario file; using its case (\"{scenario.Name}\")");
                return scenario.Case;
            }
            catch (ScenarioException problem)
            {
                stderr.WriteLine(problem.Message);
                return null;
            }
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

    /// <summary>True when the case reader found the top-level properties of a scenario: <c>expect</c>, and <c>case</c> or <c>caseFile</c>.</summary>
    private static bool IsScenario(IReadOnlyList<CaseProblem> problems) =>
        problems.Any(p => p.Path == "expect") && problems.Any(p => p.Path is "case" or "caseFile");
}
