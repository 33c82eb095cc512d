using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Assessments;
using Negotiation.Core.Messages;
using NodaTime;

namespace Negotiation.Core.Tests.Messages;

/// <summary>Writing a value straight into a message gives what formatting it as a boxed value gives.</summary>
public sealed class MessageAppendProperties
{
    private static readonly Gen<FactFormat> Formats = Gen.Elements(Enum.GetValues<FactFormat>());
    private static readonly Gen<string> Languages = Gen.Elements(Language.Chinese, Language.English, Language.BritishEnglish);
    private static readonly Gen<string> Currencies = Gen.Elements("CNY", "USD", "JPY", "GBP");
    private static readonly Gen<int> Decimals = Gen.Choose(0, 4);

    // Amounts as cases and calculators make them, ratios, whole numbers, and scales from 0 to 10 places.
    private static readonly Gen<decimal> Amounts = Gen.OneOf(
        Gen.Choose(int.MinValue, int.MaxValue).Select(n => n / 100m),
        Gen.Choose(0, 1_000_000).Select(n => n / 1_000_000m),
        from n in Gen.Choose(-100_000, int.MaxValue) from scale in Gen.Choose(0, 10) select new decimal(Math.Abs(n), 0, 0, n < 0, (byte)scale),
        Gen.Elements(0m, 0.00m, 1m, 1.0m, 0.5m, 100m, 1234567.895m, 79228162514264337593543950.335m / 1_000_000_000m));

    private static string Appended(Action<StringBuilder> append)
    {
        var text = new StringBuilder("before|");
        append(text);
        return text.ToString()["before|".Length..];
    }

    [Property(MaxTest = 1000)]
    public Property Decimals_are_written_as_their_boxed_values_are() =>
        Prop.ForAll(
            (from value in Amounts
             from format in Formats
             from language in Gen.Elements(Language.Chinese, Language.English, "fr")
             from currency in Currencies
             from decimals in Decimals
             select (value, format, language, currency, decimals)).ToArbitrary(),
            x => Outcome(() => MessageFormat.Value(x.value, x.format, x.currency, x.language, x.decimals))
                == Outcome(() => Appended(text => MessageFormat.Append(text, x.value, x.format, x.currency, x.language, x.decimals))));

    [Property(MaxTest = 500)]
    public Property Whole_numbers_dates_and_yes_no_are_written_as_their_boxed_values_are() =>
        Prop.ForAll(
            (from number in Gen.OneOf(Gen.Choose(-5, 5), Gen.Choose(int.MinValue, int.MaxValue))
             from date in Gen.Choose(-3000, 60_000).Select(d => new LocalDate(1900, 1, 1).PlusDays(d))
             from format in Formats
             from language in Languages
             select (number, date, format, language)).ToArbitrary(),
            x =>
            {
                var (number, date, format, language) = x;
                return Appended(text => MessageFormat.Append(text, number, format, "CNY", language, 2)) == MessageFormat.Value(number, format, "CNY", language, 2)
                    && Appended(text => MessageFormat.Append(text, (int?)number, format, "CNY", language, 2)) == MessageFormat.Value(number, format, "CNY", language, 2)
                    && Appended(text => MessageFormat.Append(text, date, format, "CNY", language, 2)) == MessageFormat.Value(date, format, "CNY", language, 2)
                    && Appended(text => MessageFormat.Append(text, (LocalDate?)date, format, "CNY", language, 2)) == MessageFormat.Value(date, format, "CNY", language, 2)
                    && Appended(text => MessageFormat.Append(text, number % 2 == 0, format, "CNY", language, 2)) == MessageFormat.Value(number % 2 == 0, format, "CNY", language, 2);
            });

    [Theory]
    [InlineData("bank-card")]
    [InlineData("job-loss")]
    [InlineData("not-a-known-code")]
    [InlineData("")]
    [InlineData(null)]
    public void Codes_and_missing_values_are_written_as_their_boxed_values_are(string? code)
    {
        foreach (var language in Language.Supported)
        {
            Assert.Equal(MessageFormat.Value(code, FactFormat.Plain, "CNY", language, 2), Appended(text => MessageFormat.Append(text, code, FactFormat.Plain, "CNY", language, 2)));
            Assert.Equal(MessageFormat.Value(null, FactFormat.Money, "CNY", language, 2), Appended(text => MessageFormat.Append(text, (decimal?)null, FactFormat.Money, "CNY", language, 2)));
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Appending_does_not_depend_on_the_machine_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("1,234.50元", Appended(text => MessageFormat.Append(text, 1234.5m, FactFormat.Money, "CNY", Language.Chinese, 2)));
            Assert.Equal("12.5%", Appended(text => MessageFormat.Append(text, 0.125m, FactFormat.Percent, "CNY", Language.English, 2)));
            Assert.Equal("2027年1月1日", Appended(text => MessageFormat.Append(text, new LocalDate(2027, 1, 1), FactFormat.Date, "CNY", Language.Chinese, 2)));
            Assert.Equal("1234 days", Appended(text => MessageFormat.Append(text, 1234, FactFormat.Days, "CNY", Language.English, 2)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // A result, or the kind of error: an unsupported language or an overflow must fail the same way on both paths.
    private static string Outcome(Func<string> write)
    {
        try
        {
            return "= " + write();
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            return "! " + e.GetType().Name;
        }
    }
}
