namespace Negotiation.Core.Cases;

/// <summary>Thrown when a case is not valid; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class CaseValidationException : Exception
{
    /// <summary>Creates the exception for the given problems.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public CaseValidationException(IReadOnlyList<CaseProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, in document order.</summary>
    public IReadOnlyList<CaseProblem> Problems { get; }

    private static string Describe(IReadOnlyList<CaseProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(problems));
        }

        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The case has {problems.Count} {noun}:" + Environment.NewLine +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
