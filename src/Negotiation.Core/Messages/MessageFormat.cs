using System.Globalization;
using Negotiation.Core.Assessments;
using NodaTime;

namespace Negotiation.Core.Messages;

/// <summary>
/// Writes numbers, money, percentages and dates for a language. The patterns are fixed here rather
/// than taken from the machine's culture data, so a plan reads the same on every machine.
/// </summary>
public static class MessageFormat
{
    private static readonly NumberFormatInfo Numbers = CultureInfo.InvariantCulture.NumberFormat;

    /// <summary>The "N0" … "N4" formats, so that writing an amount does not build its format string.</summary>
    private static readonly string[] GroupedFormats = ["N0", "N1", "N2", "N3", "N4"];

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Writes an amount of money with group separators and the currency's minor unit, e.g. <c>6,964.90元</c> or <c>CNY 6,964.90</c>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <param name="language">A supported language.</param>
    /// <param name="decimals">The currency's minor unit (2 for CNY).</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Money(decimal amount, string currency, string language, int decimals = 2)
    {
        var digits = amount.ToString(decimals >= 0 && decimals < GroupedFormats.Length ? GroupedFormats[decimals] : "N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);
        return Check(language) switch
        {
            Language.Chinese when currency == "CNY" => digits + "元",
            _ => currency + " " + digits,
        };
    }

    /// <summary>Writes a fraction as a percentage with at most two decimals: 0.18 → <c>18%</c>, 0.0005 → <c>0.05%</c>.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <param name="language">A supported language.</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Percent(decimal fraction, string language)
    {
        Check(language);
        return (fraction * 100m).ToString("0.##", Numbers) + "%";
    }

    /// <summary>Writes a date: <c>2026年11月10日</c> in Chinese, <c>10 Nov 2026</c> in English.</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">A supported language.</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Date(LocalDate date, string language) => Check(language) switch
    {
        Language.Chinese => $"{date.Year}年{date.Month}月{date.Day}日",
        _ => $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}",
    };

    /// <summary>Writes a number of days: <c>10天</c>, <c>10 days</c>, <c>1 day</c>.</summary>
    /// <param name="days">The number of days.</param>
    /// <param name="language">A supported language.</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Days(int days, string language) => Check(language) switch
    {
        Language.Chinese => $"{days.ToString(Numbers)}天",
        _ => days == 1 ? "1 day" : $"{days.ToString(Numbers)} days",
    };

    /// <summary>Writes a number of months: <c>6个月</c>, <c>6 months</c>, <c>1 month</c>.</summary>
    /// <param name="months">The number of months.</param>
    /// <param name="language">A supported language.</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Months(int months, string language) => Check(language) switch
    {
        Language.Chinese => $"{months.ToString(Numbers)}个月",
        _ => months == 1 ? "1 month" : $"{months.ToString(Numbers)} months",
    };

    /// <summary>Writes a value in the given format for the language.</summary>
    internal static string Value(object? value, FactFormat format, string currency, string language, int decimals) => (value, format) switch
    {
        (decimal d, FactFormat.Money) => Money(d, currency, language, decimals),
        (decimal d, FactFormat.Percent) => Percent(d, language),
        (LocalDate d, _) => Date(d, language),
        (int n, FactFormat.Days) => Days(n, language),
        (decimal n, FactFormat.Days) => Days((int)n, language),
        (int n, FactFormat.Months) => Months(n, language),
        (decimal n, FactFormat.Months) => Months((int)n, language),
        (bool b, _) => language == Language.Chinese ? (b ? "是" : "否") : (b ? "yes" : "no"),
        (string s, _) => Vocabulary.Label(s, language),
        (decimal d, _) => d.ToString("0.##########", Numbers),
        (IFormattable f, _) => f.ToString(null, Numbers),
        (null, _) => "",
        _ => value.ToString() ?? "",
    };

    private static string Check(string language) =>
        Language.IsSupported(language)
            ? language
            : throw new ArgumentException($"Language '{language}' is not supported; use one of: {string.Join(", ", Language.Supported)}.", nameof(language));
}
