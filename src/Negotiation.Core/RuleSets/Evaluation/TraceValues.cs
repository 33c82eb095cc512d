using Negotiation.Core.Advice;
using Negotiation.Core.Advice.Json;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>
/// The values the rules of one evaluation read, for the trace, read only when a trace entry's
/// <see cref="TraceEntry.Inputs"/> is first asked for: one instance per case and facts the rules saw.
/// </summary>
/// <remarks>
/// The case and facts are immutable records, so reading later gives exactly what the rules saw. Each path is read once
/// and its <see cref="TraceInput"/> shared by every rule that names it; rules that read the same paths share one list.
/// Thread-safe: two threads reading at once compute equal values, and either one's (immutable) result is kept.
/// </remarks>
internal sealed class TraceValues(RuleEvaluator evaluator, BorrowerCase c, Assessment facts)
{
    private TraceInput?[]? values;
    private ValueList<TraceInput>?[]? lists;

    /// <summary>The values the evaluator's rule <paramref name="rule"/> read, in the order its expressions name them.</summary>
    public ValueList<TraceInput> ReadRule(int rule) => Read(evaluator.ReadListOf(rule));

    /// <summary>The start of the evaluator's rule <paramref name="rule"/>'s trace entries as JSON.</summary>
    public TraceEntryHead Head(int rule) => evaluator.HeadOf(rule);

    /// <summary>The values of read list <paramref name="list"/>, in the order its rule's expressions name them.</summary>
    public ValueList<TraceInput> Read(int list)
    {
        var shared = lists ??= new ValueList<TraceInput>?[evaluator.ReadLists.Length];
        if (shared[list] is { } known)
        {
            return known;
        }

        var reads = evaluator.ReadLists[list];
        if (reads.Length == 0)
        {
            return shared[list] = ValueList<TraceInput>.Empty;
        }

        var reader = evaluator.Reader;
        var cache = values ??= new TraceInput?[reader.Paths.Length];
        var inputs = new TraceInput[reads.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            var index = reads[i];
            inputs[i] = cache[index] ??= new TraceInput(reader.Paths[index], reader.Read(index, c, facts, evaluator.Parameters));
        }

        // A new array that nothing else holds: the list takes it without a copy.
        return shared[list] = ValueList<TraceInput>.Own(inputs);
    }
}
