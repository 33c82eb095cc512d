using System.Collections.Frozen;

namespace Negotiation.Core.RuleSets;

/// <summary>A text in several languages, keyed by language tag (<c>zh-CN</c>, <c>en</c>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LocalizedText
{
    private readonly FrozenDictionary<string, string> texts;

    internal LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
    {
        this.texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the languages the text is written in.</summary>
    public IEnumerable<string> Languages => texts.Keys;

    /// <summary>Gets the text in <paramref name="language"/>.</summary>
    /// <param name="language">A language tag the rule set declares.</param>
    /// <exception cref="KeyNotFoundException">The text is not written in that language.</exception>
    public string this[string language] =>
        texts.TryGetValue(language, out var text)
            ? text
            : throw new KeyNotFoundException($"No text in '{language}'; written in: {string.Join(", ", texts.Keys)}.");
}
