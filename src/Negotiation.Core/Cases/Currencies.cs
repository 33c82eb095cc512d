using System.Collections.Frozen;

namespace Negotiation.Core.Cases;

/// <summary>ISO 4217 currencies the case reader accepts, with the number of decimals of their minor unit.</summary>
internal static class Currencies
{
    // The minor units come from ISO 4217. Only currencies in this table are accepted, so that every
    // amount can be rounded to a real minor unit; add a line here to support another one.
    private static readonly FrozenDictionary<string, int> MinorUnits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["CNY"] = 2, ["HKD"] = 2, ["MOP"] = 2, ["TWD"] = 2, ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2,
        ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["SGD"] = 2, ["MYR"] = 2, ["THB"] = 2,
        ["PHP"] = 2, ["INR"] = 2, ["IDR"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RUB"] = 2, ["TRY"] = 2, ["ZAR"] = 2, ["BRL"] = 2, ["MXN"] = 2,
        ["ARS"] = 2, ["SAR"] = 2, ["AED"] = 2, ["ILS"] = 2, ["EGP"] = 2, ["NGN"] = 2, ["KES"] = 2,
        ["PKR"] = 2, ["BDT"] = 2, ["LKR"] = 2, ["MNT"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Names people write instead of the ISO code.
    private static readonly FrozenDictionary<string, string> CommonMistakes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["RMB"] = "CNY", ["YUAN"] = "CNY", ["人民币"] = "CNY", ["元"] = "CNY", ["NTD"] = "TWD", ["YEN"] = "JPY",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // How amounts are customarily written: a sign after the digits in Chinese text, a symbol before them. A currency in
    // neither column is written with its code and a space before the digits (CNY 6,964.90 in English).
    private static readonly FrozenDictionary<string, (string? ChineseSuffix, string? Symbol)> Signs = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal)
    {
        ["CNY"] = ("元", null), ["GBP"] = (null, "£"), ["EUR"] = (null, "€"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What goes before and after the digits of an amount in <paramref name="currency"/>: its customary sign, else its code.</summary>
    public static (string Before, string After) Sign(string currency, bool chinese) => Signs.TryGetValue(currency, out var sign) switch
    {
        true when chinese && sign.ChineseSuffix is { } suffix => ("", suffix),
        true when sign.Symbol is { } symbol => (symbol, ""),
        _ => (currency + " ", ""),
    };

    // Zeros with 0 to 4 decimal places: adding one gives an amount the currency's scale (0 → 0.00, 68.0 → 68.00).
    private static readonly decimal[] Zeros = [0m, 0.0m, 0.00m, 0.000m, 0.0000m];

    /// <summary>Rounds to the minor unit (half away from zero) and writes it with exactly that many decimals, so JSON shows 68.00, not 68.0.</summary>
    public static decimal ToMinorUnit(decimal amount, int decimals) =>
        decimal.Round(amount, decimals, MidpointRounding.AwayFromZero) + Zeros[decimals];

    // The same table, looked up by a slice of the case text; the value carries the table's own string for the code.
    private static readonly FrozenDictionary<string, (string Iso, int Decimals)>.AlternateLookup<ReadOnlySpan<char>> MinorUnitsBySpan =
        MinorUnits.ToFrozenDictionary(u => u.Key, u => (u.Key, u.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGetMinorUnit(string code, out int decimals) => MinorUnits.TryGetValue(code, out decimals);

    /// <summary>Looks a code up without making a string of it; <paramref name="iso"/> is the table's own string for it.</summary>
    public static bool TryGetMinorUnit(ReadOnlySpan<char> code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? iso, out int decimals)
    {
        var found = MinorUnitsBySpan.TryGetValue(code, out var unit);
        (iso, decimals) = found ? unit : (null, 0);
        return found;
    }

    public static string? Suggest(string code)
    {
        if (CommonMistakes.TryGetValue(code.Trim(), out var iso))
        {
            return iso;
        }

        var upper = code.Trim().ToUpperInvariant();
        return MinorUnits.ContainsKey(upper) ? upper : null;
    }
}
