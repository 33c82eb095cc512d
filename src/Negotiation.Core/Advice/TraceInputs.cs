using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets.Evaluation;

namespace Negotiation.Core.Advice;

/// <summary>
/// The trace inputs of one evaluation's rules, made from its <see cref="RuleReads"/> when a trace entry's
/// <see cref="TraceEntry.Inputs"/> is first asked for.
/// </summary>
/// <remarks>
/// Each path is read once and its <see cref="TraceInput"/> shared by every rule that names it; rules that read the same
/// paths share one list. Thread-safe: two threads reading at once compute equal values, and either one's (immutable)
/// result is kept.
/// </remarks>
internal sealed class TraceInputs(RuleReads reads)
{
    private TraceInput?[]? inputs;
    private ValueList<TraceInput>?[]? lists;

    /// <summary>Gets the values this trace is made from.</summary>
    public RuleReads Reads => reads;

    /// <summary>The values rule <paramref name="rule"/> (its place among every workflow's rules) read, in the order its expressions name them.</summary>
    public ValueList<TraceInput> Of(int rule)
    {
        var list = reads.ListOf(rule);
        var shared = lists ??= new ValueList<TraceInput>?[reads.ListCount];
        if (shared[list] is { } known)
        {
            return known;
        }

        var paths = reads.List(list);
        if (paths.Length == 0)
        {
            return shared[list] = ValueList<TraceInput>.Empty;
        }

        var cache = inputs ??= new TraceInput?[reads.PathCount];
        var values = new TraceInput[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            values[i] = cache[path] ??= new TraceInput(reads.Path(path), reads.Read(path));
        }

        // A new array that nothing else holds: the list takes it without a copy.
        return shared[list] = ValueList<TraceInput>.Own(values);
    }
}
