namespace Negotiation.Core.Calculators;

/// <summary>An equation in one unknown that can report its value and slope, or that it has none there.</summary>
internal interface IRootEquation
{
    /// <summary>Evaluates the equation at <paramref name="z"/>; false when the value or slope is not finite.</summary>
    bool Evaluate(double z, out double value, out double slope);
}

/// <summary>
/// Newton's method from a starting point, falling back to a sign-change search over a grid and a
/// safeguarded Newton–bisection inside the bracket it finds. Allocates nothing.
/// </summary>
internal static class RootFinder
{
    private const int NewtonIterations = 60;
    private const int BracketIterations = 300;
    private const double Tolerance = 1e-13;

    /// <param name="equation">The equation.</param>
    /// <param name="start">Where Newton's method starts.</param>
    /// <param name="lowerBound">Newton never steps to or below this (the edge of the equation's domain).</param>
    /// <param name="grid">Ascending points above <paramref name="lowerBound"/> at which to look for a sign change.</param>
    /// <param name="root">The root, or 0 when none was found.</param>
    /// <param name="iterations">How many evaluations were used.</param>
    public static bool Solve<T>(ref T equation, double start, double lowerBound, ReadOnlySpan<double> grid, out double root, out int iterations)
        where T : IRootEquation, allows ref struct
    {
        iterations = 0;
        if (TryNewton(ref equation, start, lowerBound, ref iterations, out root))
        {
            return true;
        }

        return TryBracket(ref equation, start, grid, ref iterations, out root);
    }

    private static bool TryNewton<T>(ref T equation, double z, double lowerBound, ref int iterations, out double root)
        where T : IRootEquation, allows ref struct
    {
        root = 0;
        if (!equation.Evaluate(z, out var value, out var slope))
        {
            return false;
        }

        for (var i = 0; i < NewtonIterations; i++)
        {
            iterations++;
            if (value == 0)
            {
                root = z;
                return true;
            }

            if (slope == 0)
            {
                return false;
            }

            var next = z - (value / slope);
            if (!double.IsFinite(next))
            {
                return false;
            }

            if (next <= lowerBound)
            {
                next = (z + lowerBound) / 2;
            }

            // Where the equation overflows, the step went too far: pull it back towards z.
            double nextValue = 0, nextSlope = 0;
            var damping = 0;
            while (!equation.Evaluate(next, out nextValue, out nextSlope))
            {
                if (++damping > 60)
                {
                    return false;
                }

                next = (z + next) / 2;
            }

            if (Math.Abs(next - z) <= Tolerance * Math.Max(1, Math.Abs(next)))
            {
                root = next;
                return true;
            }

            z = next;
            value = nextValue;
            slope = nextSlope;
        }

        return false;
    }

    private static bool TryBracket<T>(ref T equation, double start, ReadOnlySpan<double> grid, ref int iterations, out double root)
        where T : IRootEquation, allows ref struct
    {
        root = 0;

        // Pick the sign change nearest the starting point, so that the guess chooses among several roots.
        double bestLow = 0, bestHigh = 0, bestLowValue = 0, bestDistance = double.PositiveInfinity;
        var found = false;
        var havePrevious = false;
        double previous = 0, previousValue = 0;
        foreach (var z in grid)
        {
            iterations++;
            if (!equation.Evaluate(z, out var value, out _))
            {
                havePrevious = false;
                continue;
            }

            if (value == 0)
            {
                root = z;
                return true;
            }

            if (havePrevious && Math.Sign(value) != Math.Sign(previousValue))
            {
                var distance = start < previous ? previous - start : start > z ? start - z : 0;
                if (distance < bestDistance)
                {
                    (bestLow, bestHigh, bestLowValue, bestDistance, found) = (previous, z, previousValue, distance, true);
                }
            }

            (previous, previousValue, havePrevious) = (z, value, true);
        }

        if (!found)
        {
            return false;
        }

        var low = bestLow;
        var high = bestHigh;
        var lowSign = Math.Sign(bestLowValue);
        var mid = (low + high) / 2;
        for (var i = 0; i < BracketIterations; i++)
        {
            iterations++;
            if (!equation.Evaluate(mid, out var value, out var slope))
            {
                return false;
            }

            if (value == 0)
            {
                root = mid;
                return true;
            }

            if (Math.Sign(value) == lowSign)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }

            // A Newton step when it stays inside the bracket, bisection otherwise.
            var next = slope != 0 ? mid - (value / slope) : double.NaN;
            if (!(next > Math.Min(low, high) && next < Math.Max(low, high)))
            {
                next = (low + high) / 2;
            }

            if (Math.Abs(next - mid) <= Tolerance * Math.Max(1, Math.Abs(next)) || Math.Abs(high - low) <= Tolerance * Math.Max(1, Math.Abs(mid)))
            {
                root = next;
                return true;
            }

            mid = next;
        }

        return false;
    }
}
