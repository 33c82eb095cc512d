using System.Globalization;
using System.Text;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
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

    private static readonly string[] FullEnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The largest fraction whose percentage a <see cref="decimal"/> holds (<see cref="decimal.MaxValue"/> / 100).</summary>
    internal const decimal MaxPercentFraction = 792_281_625_142_643_375_935_439_503.35m;

    /// <summary>
    /// Writes an amount of money with group separators and the currency's minor unit, with the currency's customary sign
    /// where the library knows it (<c>6,964.90元</c> in Chinese, <c>£1,250.00</c>), else its code (<c>CNY 6,964.90</c>).
    /// </summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <param name="language">A supported language.</param>
    /// <param name="decimals">The currency's minor unit (2 for CNY).</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Money(decimal amount, string currency, string language, int decimals = 2)
    {
        // A minus sign comes before the currency's: -£130.00, not £-130.00.
        var digits = Math.Abs(amount).ToString(decimals >= 0 && decimals < GroupedFormats.Length ? GroupedFormats[decimals] : "N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);
        var (before, after) = Currencies.Sign(currency, Check(language) == Language.Chinese);
        return (amount < 0 ? "-" : "") + before + digits + after;
    }

    /// <summary>Writes a fraction as a percentage with at most two decimals: 0.18 → <c>18%</c>, 0.0005 → <c>0.05%</c>.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <param name="language">A supported language.</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Percent(decimal fraction, string language)
    {
        Check(language);
        return PercentDigits(fraction) + "%";
    }

    /// <summary>Writes a date: <c>2026年11月10日</c> in Chinese, <c>10 Nov 2026</c> in English, <c>10 November 2026</c> in British English.</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">A supported language.</param>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static string Date(LocalDate date, string language) => Check(language) switch
    {
        Language.Chinese => $"{date.Year}年{date.Month}月{date.Day}日",
        Language.BritishEnglish => $"{date.Day} {FullEnglishMonths[date.Month - 1]} {date.Year}",
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
        (decimal n, FactFormat.Days) => FitsInt(n) ? Days((int)n, language) : WholeBeyondInt(n, language, "天", " days"),
        (int n, FactFormat.Months) => Months(n, language),
        (decimal n, FactFormat.Months) => FitsInt(n) ? Months((int)n, language) : WholeBeyondInt(n, language, "个月", " months"),
        (bool b, _) => language == Language.Chinese ? (b ? "是" : "否") : (b ? "yes" : "no"),
        (string s, _) => Vocabulary.Label(s, language),
        (decimal d, _) => d.ToString("0.##########", Numbers),
        (IFormattable f, _) => f.ToString(null, Numbers),
        (null, _) => "",
        _ => value.ToString() ?? "",
    };

    // ---- writing straight into a message, without an intermediate string or a boxed value ----
    // Each Append writes exactly what Value writes for the same value and format (a property test holds them equal).

    /// <summary>Writes an amount as <see cref="Value"/> would for a boxed <see cref="decimal"/>.</summary>
    internal static void Append(StringBuilder text, decimal value, FactFormat format, string currency, string language, int decimals)
    {
        Span<char> buffer = stackalloc char[FormatBufferLength];
        switch (format)
        {
            case FactFormat.Money when decimals >= 0 && decimals < GroupedFormats.Length && Math.Abs(value).TryFormat(buffer, out var written, GroupedFormats[decimals], Numbers):
                var (before, after) = Currencies.Sign(currency, Check(language) == Language.Chinese);
                text.Append(value < 0 ? "-" : "").Append(before).Append(buffer[..written]).Append(after);
                return;
            case FactFormat.Percent when Check(language) is not null && Math.Abs(value) <= MaxPercentFraction && (value * 100m).TryFormat(buffer, out var written, "0.##", Numbers):
                text.Append(buffer[..written]).Append('%');
                return;
            case FactFormat.Days when FitsInt(value):
                AppendDays(text, (int)value, language);
                return;
            case FactFormat.Months when FitsInt(value):
                AppendMonths(text, (int)value, language);
                return;
            case FactFormat.Plain or FactFormat.Date when value.TryFormat(buffer, out var written, "0.##########", Numbers):
                text.Append(buffer[..written]);
                return;
            default:
                text.Append(Value(value, format, currency, language, decimals));
                return;
        }
    }

    /// <summary>Writes a whole number as <see cref="Value"/> would for a boxed <see cref="int"/>.</summary>
    internal static void Append(StringBuilder text, int value, FactFormat format, string currency, string language, int decimals)
    {
        _ = currency;
        _ = decimals;
        switch (format)
        {
            case FactFormat.Days:
                AppendDays(text, value, language);
                return;
            case FactFormat.Months:
                AppendMonths(text, value, language);
                return;
            default:
                AppendInvariant(text, value);
                return;
        }
    }

    /// <summary>Writes yes or no as <see cref="Value"/> would for a boxed <see cref="bool"/>.</summary>
    internal static void Append(StringBuilder text, bool value, FactFormat format, string currency, string language, int decimals)
    {
        _ = (format, currency, decimals);
        text.Append(language == Language.Chinese ? (value ? "是" : "否") : (value ? "yes" : "no"));
    }

    /// <summary>Writes a code as a word (or nothing for null), as <see cref="Value"/> would for a string.</summary>
    internal static void Append(StringBuilder text, string? value, FactFormat format, string currency, string language, int decimals)
    {
        _ = (format, currency, decimals);
        if (value is not null)
        {
            text.Append(Vocabulary.Label(value, language));
        }
    }

    /// <summary>Writes a date as <see cref="Value"/> would for a boxed <see cref="LocalDate"/>.</summary>
    internal static void Append(StringBuilder text, LocalDate value, FactFormat format, string currency, string language, int decimals)
    {
        _ = (format, currency, decimals);

        // The same pieces as Date: the year, month and day are written as Date's interpolation writes them.
        if (Check(language) == Language.Chinese)
        {
            text.Append(value.Year).Append('年').Append(value.Month).Append('月').Append(value.Day).Append('日');
        }
        else
        {
            var months = language == Language.BritishEnglish ? FullEnglishMonths : EnglishMonths;
            text.Append(value.Day).Append(' ').Append(months[value.Month - 1]).Append(' ').Append(value.Year);
        }
    }

    /// <summary>Writes nothing for null, else the value as its non-null overload does.</summary>
    internal static void Append(StringBuilder text, decimal? value, FactFormat format, string currency, string language, int decimals)
    {
        if (value is { } v)
        {
            Append(text, v, format, currency, language, decimals);
        }
    }

    /// <summary>Writes nothing for null, else the value as its non-null overload does.</summary>
    internal static void Append(StringBuilder text, int? value, FactFormat format, string currency, string language, int decimals)
    {
        if (value is { } v)
        {
            Append(text, v, format, currency, language, decimals);
        }
    }

    /// <summary>Writes nothing for null, else the value as its non-null overload does.</summary>
    internal static void Append(StringBuilder text, LocalDate? value, FactFormat format, string currency, string language, int decimals)
    {
        if (value is { } v)
        {
            Append(text, v, format, currency, language, decimals);
        }
    }

    /// <summary>Writes nothing for null, else the value as its non-null overload does.</summary>
    internal static void Append(StringBuilder text, bool? value, FactFormat format, string currency, string language, int decimals)
    {
        if (value is { } v)
        {
            Append(text, v, format, currency, language, decimals);
        }
    }

    /// <summary>Writes any other value through <see cref="Value"/>.</summary>
    internal static void Append(StringBuilder text, object? value, FactFormat format, string currency, string language, int decimals) =>
        text.Append(Value(value, format, currency, language, decimals));

    // Room for any decimal in any of the formats above: 29 digits, their group separators, a sign and ten decimals.
    private const int FormatBufferLength = 64;

    private static void AppendDays(StringBuilder text, int days, string language)
    {
        if (Check(language) == Language.Chinese)
        {
            AppendInvariant(text, days).Append('天');
        }
        else if (days == 1)
        {
            text.Append("1 day");
        }
        else
        {
            AppendInvariant(text, days).Append(" days");
        }
    }

    private static void AppendMonths(StringBuilder text, int months, string language)
    {
        if (Check(language) == Language.Chinese)
        {
            AppendInvariant(text, months).Append("个月");
        }
        else if (months == 1)
        {
            text.Append("1 month");
        }
        else
        {
            AppendInvariant(text, months).Append(" months");
        }
    }

    private static StringBuilder AppendInvariant(StringBuilder text, int value) => text.Append(Numbers, $"{value}");

    /// <summary>Whether the whole part of <paramref name="value"/> is an <see cref="int"/>: a day or month count as the calculators make them.</summary>
    private static bool FitsInt(decimal value) => value > int.MinValue - 1m && value < int.MaxValue + 1m;

    /// <summary>
    /// A count of days or months beyond <see cref="int"/> (a parameter or a large amount written as days): its whole part,
    /// as a count within it is written, rather than the OverflowException a cast would throw at advice time.
    /// </summary>
    private static string WholeBeyondInt(decimal value, string language, string chinese, string english) =>
        decimal.Truncate(value).ToString("0", Numbers) + (Check(language) == Language.Chinese ? chinese : english);

    /// <summary>
    /// The fraction as a percentage without the sign: 0.18 → <c>18</c>. Beyond <see cref="MaxPercentFraction"/> the digits are
    /// moved two places instead of multiplied by 100, which would overflow; such a fraction has at most two decimals.
    /// </summary>
    private static string PercentDigits(decimal fraction)
    {
        if (Math.Abs(fraction) <= MaxPercentFraction)
        {
            return (fraction * 100m).ToString("0.##", Numbers);
        }

        var digits = fraction.ToString("0.##", Numbers);
        var point = digits.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? digits + "00" : digits[..point] + digits[(point + 1)..].PadRight(2, '0');
    }

    private static string Check(string language) =>
        Language.IsSupported(language)
            ? language
            : throw new ArgumentException($"Language '{language}' is not supported; use one of: {string.Join(", ", Language.Supported)}.", nameof(language));
}
