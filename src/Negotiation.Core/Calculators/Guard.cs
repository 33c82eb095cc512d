using System.Globalization;

namespace Negotiation.Core.Calculators;

/// <summary>
/// Argument checks shared by the calculators. Every message names the parameter and states the valid
/// range, so that a caller sees at once what to fix.
/// </summary>
internal static class Guard
{
    public const int MaxDecimals = 10;

    public static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, Format($"Value should be in range [{min}-{max}]."));
        }
    }

    public static void AtLeast(int value, int min, string name)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, Format($"Value should be {min} or more."));
        }
    }

    public static void NonNegative(decimal value, string name)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value should be 0 or more.");
        }
    }

    public static void InRange(decimal value, decimal min, decimal max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, Format($"Value should be in range [{min}-{max}]."));
        }
    }

    public static void Decimals(int decimals, string name = "decimals") => InRange(decimals, 0, MaxDecimals, name);

    public static void Rounding(MidpointRounding rounding, string name = "rounding")
    {
        if (rounding is < MidpointRounding.ToEven or > MidpointRounding.ToPositiveInfinity)
        {
            throw new ArgumentOutOfRangeException(name, rounding, "Value should be a defined MidpointRounding.");
        }
    }

    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Format($"Value should be a defined {typeof(TEnum).Name}."));
        }
    }

    /// <summary>Throws unless <paramref name="amount"/> is a whole number of minor units (e.g. cents).</summary>
    public static void WholeMinorUnits(decimal amount, int decimals, string name)
    {
        // A scale within the decimals settles it without arithmetic; 100.000 (scale 3) still passes for 2.
        if (amount.Scale > decimals && decimal.Round(amount, decimals) != amount)
        {
            throw new ArgumentOutOfRangeException(name, amount, Format($"Value should have at most {decimals} decimal places."));
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Value should be a finite number.");
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
