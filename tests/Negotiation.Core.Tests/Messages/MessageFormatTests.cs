using System.Globalization;
using Negotiation.Core.Assessments;
using Negotiation.Core.Messages;
using NodaTime;

namespace Negotiation.Core.Tests.Messages;

public sealed class MessageFormatTests
{
    [Theory]
    [InlineData(6964.90, "CNY", "zh-CN", "6,964.90元")]
    [InlineData(6964.90, "CNY", "en", "CNY 6,964.90")]
    [InlineData(1234567.5, "USD", "zh-CN", "USD 1,234,567.50")]
    [InlineData(0, "CNY", "en", "CNY 0.00")]
    [InlineData(1250, "GBP", "en-GB", "£1,250.00")]
    [InlineData(1250, "GBP", "zh-CN", "£1,250.00")]
    [InlineData(99.5, "EUR", "en", "€99.50")]
    [InlineData(-130, "GBP", "en-GB", "-£130.00")]
    [InlineData(-1800, "CNY", "en", "-CNY 1,800.00")]
    [InlineData(-1800, "CNY", "zh-CN", "-1,800.00元")]
    public void Money_is_written_with_groups_and_the_minor_unit_and_a_minus_before_the_currency(decimal amount, string currency, string language, string expected)
    {
        Assert.Equal(expected, MessageFormat.Money(amount, currency, language));
    }

    [Theory]
    [InlineData(0.18, "18%")]
    [InlineData(0.0005, "0.05%")]
    [InlineData(0.1315789, "13.16%")]
    [InlineData(1, "100%")]
    public void Percent_has_at_most_two_decimals(decimal fraction, string expected)
    {
        Assert.Equal(expected, MessageFormat.Percent(fraction, "en"));
    }

    [Fact]
    public void Dates_days_and_months_read_naturally_in_each_language()
    {
        var date = new LocalDate(2026, 11, 10);

        Assert.Equal("2026年11月10日", MessageFormat.Date(date, "zh-CN"));
        Assert.Equal("10 Nov 2026", MessageFormat.Date(date, "en"));
        Assert.Equal("10 November 2026", MessageFormat.Date(date, "en-GB"));
        Assert.Equal("1 day", MessageFormat.Days(1, "en-GB"));
        Assert.Equal("10天", MessageFormat.Days(10, "zh-CN"));
        Assert.Equal("1 day", MessageFormat.Days(1, "en"));
        Assert.Equal("6个月", MessageFormat.Months(6, "zh-CN"));
        Assert.Equal("6 months", MessageFormat.Months(6, "en"));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void Formatting_does_not_depend_on_the_machine_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("CNY 1,234.50", MessageFormat.Money(1234.5m, "CNY", "en"));
            Assert.Equal("12.5%", MessageFormat.Percent(0.125m, "zh-CN"));
            Assert.Equal("1 Jan 2027", MessageFormat.Date(new LocalDate(2027, 1, 1), "en"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("100000000000000000000", FactFormat.Days, "en", "100000000000000000000 days")]
    [InlineData("100000000000000000000", FactFormat.Days, "zh-CN", "100000000000000000000天")]
    [InlineData("3000000000.75", FactFormat.Months, "en", "3000000000 months")]
    [InlineData("-79228162514264337593543950335", FactFormat.Months, "zh-CN", "-79228162514264337593543950335个月")]
    [InlineData("2147483647.9", FactFormat.Days, "en", "2147483647 days")]
    [InlineData("1.5", FactFormat.Days, "en", "1 day")]
    [InlineData("7000000000000000000000000000", FactFormat.Percent, "en", "700000000000000000000000000000%")]
    [InlineData("-79228162514264337593543950335", FactFormat.Percent, "zh-CN", "-7922816251426433759354395033500%")]
    [InlineData("792281625142643375935439504", FactFormat.Percent, "en", "79228162514264337593543950400%")]
    [InlineData("79228162514264337593543950.335", FactFormat.Percent, "en", "7922816251426433759354395033.5%")]
    public void Values_beyond_what_days_months_and_percent_used_to_hold_are_written_not_thrown(string value, FactFormat format, string language, string expected)
    {
        // {params.big:days}, {totalOwed:days} above 2^31 and {params.big:percent} above 7.9e26 threw OverflowException at
        // advice time: the plan was an internal error, and so was every line of a batch.
        var number = decimal.Parse(value, CultureInfo.InvariantCulture);
        var appended = new System.Text.StringBuilder();
        MessageFormat.Append(appended, number, format, "CNY", language, 2);

        Assert.Equal(expected, MessageFormat.Value(number, format, "CNY", language, 2));
        Assert.Equal(expected, appended.ToString());
    }

    [Fact]
    public void Unsupported_language_is_an_argument_error_naming_the_supported_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => MessageFormat.Date(new LocalDate(2026, 1, 1), "fr"));

        Assert.Contains("zh-CN, en", error.Message, StringComparison.Ordinal);
    }
}

public sealed class MessageTemplateTests
{
    private static string Render(string template, string language = "en")
    {
        var parsed = MessageTemplate.Parse(template, out var error);
        Assert.Null(error);
        return parsed.Render(p => p.Name switch
        {
            "amount" => (1250m, FactFormat.Money),
            "due" => (new LocalDate(2026, 11, 10), FactFormat.Date),
            "days" => (10, FactFormat.Days),
            "kind" => ("consumer-finance", FactFormat.Plain),
            "rate" => (0.18m, FactFormat.Percent),
            _ => (null, FactFormat.Plain),
        }, language, "CNY", 2);
    }

    [Fact]
    public void Placeholders_take_their_facts_format()
    {
        Assert.Equal("Pay CNY 1,250.00 by 10 Nov 2026 (10 days).", Render("Pay {amount} by {due} ({days})."));
        Assert.Equal("请于2026年11月10日前还1,250.00元。", Render("请于{due}前还{amount}。", "zh-CN"));
    }

    [Fact]
    public void Explicit_format_overrides_the_default()
    {
        Assert.Equal("rate 0.18, 18%", Render("rate {rate:plain}, {rate}"));
    }

    [Fact]
    public void Codes_render_as_words_and_braces_escape()
    {
        Assert.Equal("a consumer-finance company {literal}", Render("a {kind} {{literal}}"));
        Assert.Equal("消费金融公司", Render("{kind}", "zh-CN"));
    }

    [Fact]
    public void A_section_is_written_only_when_its_value_is_there()
    {
        Assert.Equal("Pay CNY 1,250.00 (10 days late).", Render("Pay {amount}{?days} ({days} late){/}."));
        Assert.Equal("Pay CNY 1,250.00.", Render("Pay {amount}{?missing} ({missing} late){/}."));
        Assert.Equal("a consumer-finance company", Render("{?kind}a {kind}{/}"));
    }

    [Fact]
    public void An_inverted_section_is_written_only_when_its_value_is_not_there()
    {
        Assert.Equal("Pay CNY 1,250.00 (10 days late).", Render("Pay {amount}{?days} ({days} late){/}{!days} (not late){/}."));
        Assert.Equal("Pay CNY 1,250.00 (not late).", Render("Pay {amount}{?missing} ({missing} late){/}{!missing} (not late){/}."));
    }

    [Fact]
    public void A_section_inside_another_is_written_only_when_both_are()
    {
        const string template = "Pay {amount}{?days}{!missing} ({days} late){/}{?missing} (never){/}{/}.";
        Assert.Equal("Pay CNY 1,250.00 (10 days late).", Render(template));
        Assert.Equal("Pay CNY 1,250.00.", Render("Pay {amount}{?missing}{!days} (not late){/} soon{/}."));
        Assert.Equal("a, b.", Render("{!missing}a{?days}, b{/}{!days}, c{/}{/}."));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(3, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData("", false)]
    [InlineData("x", true)]
    public void A_section_asks_for_a_value_that_is_not_missing_zero_false_or_empty(object? value, bool present)
    {
        Assert.Equal(present, MessageTemplate.IsPresent(value));
        Assert.False(MessageTemplate.IsPresent(0.00m));
        Assert.True(MessageTemplate.IsPresent(0.01m));
        Assert.False(MessageTemplate.IsPresent(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("due {amount", "is not closed")]
    [InlineData("due {?amount} soon", "is not closed; end it with '{/}'")]
    [InlineData("due {/} soon", "closes no section")]
    [InlineData("{?amount}{?days}{/}", "is not closed; end it with '{/}'")]
    [InlineData("{?amount}{/}{/}", "closes no section")]
    [InlineData("due {!amount} soon", "is not closed; end it with '{/}'")]
    [InlineData("{?1abc}x{/}", "is not a name")]
    [InlineData("due amount}", "has no opening brace")]
    [InlineData("{amount:euros}", "unknown format 'euros'")]
    [InlineData("{1abc}", "is not a name")]
    [InlineData("{a.b.c}", "is not a name")]
    public void Malformed_templates_say_what_is_wrong(string template, string fragment)
    {
        MessageTemplate.Parse(template, out var error);

        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }
}
