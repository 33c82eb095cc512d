namespace Negotiation.Core.Calculators;

/// <summary>Rounding of money to a currency's minor unit, with the midpoint rule always stated.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class Money
{
    /// <summary>The default midpoint rule: half away from zero (四舍五入), as lenders' statements round.</summary>
    public const MidpointRounding DefaultRounding = MidpointRounding.AwayFromZero;

    /// <summary>Rounds <paramref name="amount"/> to <paramref name="decimals"/> places with the given midpoint rule.</summary>
    /// <param name="amount">The amount to round.</param>
    /// <param name="decimals">Decimal places of the minor unit: 2 for yuan and fen; 0 to 10.</param>
    /// <param name="rounding">What to do with an amount exactly half-way between two minor units.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside [0-10] or <paramref name="rounding"/> is not defined.</exception>
    public static decimal Round(decimal amount, int decimals = 2, MidpointRounding rounding = DefaultRounding)
    {
        Guard.Decimals(decimals);
        Guard.Rounding(rounding);
        return decimal.Round(amount, decimals, rounding);
    }

    /// <summary>Rounds <paramref name="amount"/> down (towards zero) to <paramref name="decimals"/> places.</summary>
    /// <param name="amount">The amount to truncate.</param>
    /// <param name="decimals">Decimal places of the minor unit; 0 to 10.</param>
    /// <returns>The amount with any fraction of a minor unit dropped.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside [0-10].</exception>
    public static decimal Truncate(decimal amount, int decimals = 2)
    {
        Guard.Decimals(decimals);
        return decimal.Round(amount, decimals, MidpointRounding.ToZero);
    }
}
