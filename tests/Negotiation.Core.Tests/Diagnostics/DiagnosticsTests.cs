using Negotiation.Core.Diagnostics;

namespace Negotiation.Core.Tests.Diagnostics;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("princpal", "principal")]
    [InlineData("AsOf", "asOf")]
    [InlineData("paid_on", "paidOn")]
    [InlineData("bank", "bank-card")]
    [InlineData("extend", "extension")]
    [InlineData("zzzzzz", null)]
    public void Nearest_known_name_is_suggested_only_when_close(string typed, string? expected)
    {
        string[] known = ["principal", "asOf", "paidOn", "bank-card", "extension", "other"];

        Assert.Equal(expected, NameSuggestions.Nearest(typed, known));
    }

    [Fact]
    public void A_typo_beats_a_shared_start_whatever_the_order()
    {
        string[] known = ["extension-to-lump-sum", "extension-goal", "extension-short-term"];

        Assert.Equal("extension-goal", NameSuggestions.Nearest("extension-gaol", known));
        Assert.Equal("extension-goal", NameSuggestions.Nearest("extension-gaol", known.Reverse()));
        Assert.Equal("extension-short-term", NameSuggestions.Nearest("extension-short", known));
    }
}

public sealed class JsonTextTests
{
    [Fact]
    public void Numbers_are_read_as_decimals_exactly()
    {
        var token = JsonText.TryParse("""{ "a": 0.1, "b": 79228162514264337593543950335 }""", 8, out var error)!;

        Assert.Null(error);
        Assert.Equal(0.1m, (decimal)token["a"]!);
    }

    [Theory]
    [InlineData("""{ "a": 1, "a": 2 }""", "invalid JSON")]
    [InlineData("""{ "a": 1 } { }""", "nothing may follow the JSON value")]
    [InlineData("""{ "a": 1, }""", "a comma before '}'")]
    [InlineData("""{ "a": 010 }""", "'010' is not a JSON number")]
    [InlineData("""{ "a": """, "invalid JSON")]
    [InlineData("[[[[[[[[[[1]]]]]]]]]]", "depth")]
    public void Bad_text_gives_a_positioned_error(string text, string fragment)
    {
        Assert.Null(JsonText.TryParse(text, 8, out var error));
        Assert.Contains(fragment, error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Newtonsoft_position_suffix_is_dropped()
    {
        Assert.Equal("Unexpected end", JsonText.TrimPosition("Unexpected end. Path 'a', line 1, position 7."));
    }
}
