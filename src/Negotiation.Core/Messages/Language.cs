namespace Negotiation.Core.Messages;

/// <summary>The languages messages are written and formatted in.</summary>
public static class Language
{
    /// <summary>Simplified Chinese, the default.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>British English: English words, dates written out in full (<c>20 November 2026</c>).</summary>
    public const string BritishEnglish = "en-GB";

    /// <summary>Gets every language the library can format numbers and dates for.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Chinese, English, BritishEnglish];

    /// <summary>Gets whether the library can write in <paramref name="language"/>.</summary>
    /// <param name="language">A language tag.</param>
    public static bool IsSupported(string? language) => language is Chinese or English or BritishEnglish;
}
