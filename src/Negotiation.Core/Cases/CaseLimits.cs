namespace Negotiation.Core.Cases;

/// <summary>The bounds a case must stay within; beyond them a case is refused with a clear message.</summary>
public static class CaseLimits
{
    /// <summary>Gets the largest amount of money accepted in any field: one trillion (1e12) units.</summary>
    public const decimal MaxMoney = 1_000_000_000_000m;

    /// <summary>Gets the most elements any list in a case may hold.</summary>
    public const int MaxItems = 1000;

    /// <summary>Gets the longest free text accepted, in UTF-16 code units.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Gets the largest case text accepted, in characters (4 MiB of JSON).</summary>
    public const int MaxJsonLength = 4 * 1024 * 1024;

    /// <summary>
    /// The most problems one <see cref="CaseValidationException"/> lists; reading stops there and a last problem says so.
    /// Without it a 3 MB case of empty list items gave two million problems and a 160-million-character message.
    /// </summary>
    /// <remarks>Internal for now: making it public is a line in PublicAPI.Unshipped.txt.</remarks>
    internal const int MaxProblems = 200;

    /// <summary>Gets the earliest date accepted anywhere in a case.</summary>
    public static NodaTime.LocalDate EarliestDate { get; } = new(1970, 1, 1);

    /// <summary>Gets the latest date accepted anywhere in a case.</summary>
    public static NodaTime.LocalDate LatestDate { get; } = new(2100, 12, 31);
}
