using System.Globalization;
using Negotiation.Core.Cases;

namespace Negotiation.Core.Inputs;

/// <summary>
/// How much of each input the library and the command read, in one place. Each is read up to its bound plus one
/// character, never further, so a huge or endless input (a 3 GB file, <c>/dev/zero</c>, a line without end) costs no
/// more memory than its bound, and is refused with a message that names the bound.
/// </summary>
internal static class InputLimits
{
    /// <summary>A case: the text given to <see cref="BorrowerCase.FromJson"/>, a case file, a scenario's <c>caseFile</c>, one line of a batch.</summary>
    public const int CaseLength = CaseLimits.MaxJsonLength;

    /// <summary>Each file of a rule set: <c>ruleset.json</c>, <c>citations.json</c>, each workflow (2 MiB).</summary>
    public const int RuleFileLength = 2 * 1024 * 1024;

    /// <summary>A scenario file, with its inline case (4 MiB).</summary>
    public const int ScenarioLength = 4 * 1024 * 1024;

    /// <summary>Lines of a batch held at once, in characters: four cases at the bound (32 MB), whatever the number of lines.</summary>
    public const int BatchBlockLength = 4 * CaseLength;

    /// <summary>The message for an input past its bound, e.g. "the file is longer than the 4,194,304 characters accepted".</summary>
    public static string TooLong(string what, int limit) =>
        $"{what} is longer than the {limit.ToString("N0", CultureInfo.InvariantCulture)} characters accepted";
}
