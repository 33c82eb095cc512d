namespace Negotiation.Core.Diagnostics;

/// <summary>Finds the known name nearest to a misspelt one, for "did you mean" hints.</summary>
internal static class NameSuggestions
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        string? prefixHint = null;
        var prefixShared = 0;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, typed, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Squash(candidate), Squash(typed), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            // "bank" for "bank-card", "extend" for "extension": a clear shared start is a good hint, the longest one best.
            var shared = SharedPrefix(typed, candidate);
            if (((typed.Length >= 3 && shared == typed.Length) || shared >= 5) && shared > prefixShared)
            {
                (prefixHint, prefixShared) = (candidate, shared);
            }

            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // A typo (two edits at most) beats a shared start: "extension-gaol" means "extension-goal", not the first rule that
        // begins "extension-". A suggestion that needs more edits than a third of the word is a guess, not a hint.
        return best is not null && bestDistance <= 2 ? best
            : prefixHint is not null ? prefixHint
            : best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int SharedPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && char.ToLowerInvariant(a[n]) == char.ToLowerInvariant(b[n]))
        {
            n++;
        }

        return n;
    }

    // "paid_on", "paid-on" and "PaidOn" all mean paidOn.
    private static string Squash(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
