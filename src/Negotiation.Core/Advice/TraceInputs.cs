using Negotiation.Core.Assessments;
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
/// result is kept; so is what <see cref="HeldBy"/> found.
/// </remarks>
internal sealed class TraceInputs(RuleReads reads)
{
    private TraceInput?[]? inputs;
    private ValueList<TraceInput>?[]? lists;
    private Held? held;

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

        var values = new TraceInput[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            values[i] = Input(paths[i]);
        }

        // A new array that nothing else holds: the list takes it without a copy.
        return shared[list] = ValueList<TraceInput>.Own(values);
    }

    /// <summary>The paths rule <paramref name="rule"/> read, as indexes for <see cref="Input"/>, in the order its expressions name them.</summary>
    public int[] PathsOf(int rule) => reads.List(reads.ListOf(rule));

    /// <summary>
    /// The paths rule <paramref name="rule"/> read that <paramref name="facts"/> cannot hold: all of them, or, when
    /// <paramref name="facts"/> is the instance the rules saw, only those that are not facts.
    /// </summary>
    public int[] PathsNotHeldBy(int rule, Assessment facts) =>
        ReferenceEquals(reads.Facts, facts) ? reads.NonFacts(reads.ListOf(rule)) : PathsOf(rule);

    /// <summary>The value of path <paramref name="path"/>, read once and shared.</summary>
    public TraceInput Input(int path)
    {
        var cache = inputs ??= new TraceInput?[reads.PathCount];
        return cache[path] ??= new TraceInput(reads.Path(path), reads.Read(path));
    }

    /// <summary>
    /// Whether <paramref name="facts"/> (the plan's assessment) holds path <paramref name="path"/> with the value the rules
    /// saw: the path is a fact, and <paramref name="facts"/> is the instance they saw or has the same value there (the
    /// plan's assessment is a later instance than the first workflows saw, with the outcome and the ranked requests set).
    /// A list counts by its size, as the trace shows it.
    /// </summary>
    public bool HeldBy(int path, Assessment facts)
    {
        // Known per path against one assessment (the plan's), and asked again for every rule that read the path.
        var known = held;
        if (known is null || !ReferenceEquals(known.Facts, facts))
        {
            held = known = new Held(facts, new sbyte[reads.PathCount]);
        }

        var state = known.States[path];
        if (state == 0)
        {
            state = !reads.IsFact(path) ? (sbyte)-1
                : ReferenceEquals(reads.Facts, facts) || Equals(reads.Read(path), reads.Read(path, facts)) ? (sbyte)1
                : (sbyte)-1;
            known.States[path] = state;
        }

        return state > 0;
    }

    /// <summary>Per path, whether <see cref="Facts"/> holds it: 0 not yet known, 1 held, -1 not.</summary>
    private sealed record Held(Assessment Facts, sbyte[] States);
}
