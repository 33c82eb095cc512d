using System.Text.RegularExpressions;

namespace Negotiation.Core.Assessments;

/// <summary>
/// The lender's reference in a contact's free-text note, as a plan can quote it to the lender in either language: the note
/// itself when it is one short code ("chat-20261118-5531"), otherwise the codes in it (letters followed by digits, such as
/// "ARR-58213", "CR/4471"; an agent's staff number is not one), and nothing when it holds none. The rest of a note (who said what,
/// when) is the borrower's record, in the borrower's words and language: pasted into a script it reads as a garbled quote.
/// </summary>
internal static partial class ReferenceCodes
{
    /// <summary>Gets the code or codes (joined with ", ") that <paramref name="note"/> gives, or "" when it gives none.</summary>
    public static string In(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return "";
        }

        var text = note.Trim();
        if (text.Length <= 40 && !NotACode().IsMatch(text))
        {
            return text;
        }

        var codes = new List<string>();
        foreach (Match m in Code().Matches(text))
        {
            if (m.Value.Length >= 4 && m.Value.Any(char.IsAsciiDigit) && !codes.Contains(m.Value) && !StaffNumber().IsMatch(text.AsSpan(0, m.Index)))
            {
                codes.Add(m.Value);
            }
        }

        return string.Join(", ", codes);
    }

    // A note rather than a code: it has spaces or sentence punctuation.
    [GeneratedRegex(@"[\s,;:，；：。、]", RegexOptions.CultureInvariant)]
    private static partial Regex NotACode();

    // What names the agent rather than the contact: a staff number ("工号 CF3317", "staff no. 4471") is not a reference.
    [GeneratedRegex(@"(工号|员工号|坐席号|staff\s*(no\.?|number|id)|agent\s*(no\.?|number|id))\s*[:：]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StaffNumber();

    // Letters then letters or digits, in parts joined by - or /, not inside a longer word or number.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
