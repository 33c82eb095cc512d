using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>
/// The values the rules of one evaluation read, such as <c>facts.daysPastDue</c>, to be read when someone asks what a
/// rule saw: one instance per case and facts the rules saw.
/// </summary>
/// <remarks>
/// The case and facts are immutable records, so reading later gives exactly what the rules saw. Each distinct path has
/// an index, and rules that name the same paths share one read list. Thread-safe: nothing changes after construction.
/// </remarks>
internal sealed class RuleReads(RuleEvaluator evaluator, BorrowerCase c, Assessment facts)
{
    /// <summary>Gets the number of distinct paths the rule set reads.</summary>
    public int PathCount => evaluator.Reader.Paths.Length;

    /// <summary>Gets the number of distinct read lists.</summary>
    public int ListCount => evaluator.ReadLists.Length;

    /// <summary>Which read list the evaluator's rule <paramref name="rule"/> (its place among every workflow's rules) reads.</summary>
    public int ListOf(int rule) => evaluator.ReadListOf(rule);

    /// <summary>The paths of read list <paramref name="list"/>, as indexes, in the order its rule's expressions name them.</summary>
    public int[] List(int list) => evaluator.ReadLists[list];

    /// <summary>The paths of read list <paramref name="list"/> that are not facts, as indexes, in the same order.</summary>
    public int[] NonFacts(int list) => evaluator.NonFactReadLists[list];

    /// <summary>The path with index <paramref name="path"/>, e.g. <c>facts.daysPastDue</c>.</summary>
    public string Path(int path) => evaluator.Reader.Paths[path];

    /// <summary>Reads path <paramref name="path"/> from the case and facts the rules saw; a list is read as its size.</summary>
    public object? Read(int path) => evaluator.Reader.Read(path, c, facts, evaluator.Parameters);

    /// <summary>Gets the facts the rules saw.</summary>
    public Assessment Facts => facts;

    /// <summary>Whether path <paramref name="path"/> is a fact (<c>facts.…</c>), as opposed to a case field, a parameter or a named condition.</summary>
    public bool IsFact(int path) => InputReader.IsFact(evaluator.Reader.Paths[path]);

    /// <summary>Reads path <paramref name="path"/> as <see cref="Read(int)"/> does, but from <paramref name="other"/> facts.</summary>
    public object? Read(int path, Assessment other) => evaluator.Reader.Read(path, c, other, evaluator.Parameters);
}
