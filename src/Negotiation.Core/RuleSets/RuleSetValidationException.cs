namespace Negotiation.Core.RuleSets;

/// <summary>
/// Thrown when a rule set cannot be used; <see cref="Problems"/> lists every problem found in every file,
/// so that an editor fixes the set in one pass. Nothing is ever evaluated from a set that failed.
/// </summary>
public sealed class RuleSetValidationException : Exception
{
    /// <summary>Creates the exception for the given problems.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public RuleSetValidationException(IReadOnlyList<RuleSetProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, file by file in the order the files were read.</summary>
    public IReadOnlyList<RuleSetProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RuleSetProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(problems));
        }

        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The rule set has {problems.Count} {noun}:" + Environment.NewLine +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
