using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Reliability;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.RuleSets.Evaluation;

/// <summary>A plan's trace entries read their inputs when first asked for; they must be indistinguishable from entries built with their inputs.</summary>
public sealed class LazyTraceTests
{
    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    public static TheoryData<string> Examples => new(TestFiles.ExampleCases());

    [Theory]
    [MemberData(nameof(Examples))]
    public void Trace_entries_equal_entries_built_with_their_inputs(string example)
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(example)));
        var again = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(example)));

        foreach (var (entry, lazy) in plan.Trace.Zip(again.Trace))
        {
            // Hash and text first, before anything asked for the lazy entry's inputs.
            var built = new TraceEntry { Workflow = entry.Workflow, Rule = entry.Rule, Success = entry.Success, Inputs = new ValueList<TraceInput>(entry.Inputs.ToArray()), Error = entry.Error };
            Assert.Equal(built.GetHashCode(), lazy.GetHashCode());
            Assert.Equal(built.ToString(), lazy.ToString());
            Assert.Equal(built, lazy);
            Assert.Equal(lazy, built);
        }

        Assert.Equal(plan, again);
        Assert.Equal(plan.ToJson(), again.ToJson());
    }

    [Fact]
    public void An_entry_differs_when_one_of_its_members_differs()
    {
        var plan = Advisor.Advise(Samples.Of(CaseGenerators.ValidCase(), 1, seed: 9)[0]);
        var entry = plan.Trace.First(t => t.Inputs.Count > 0);

        Assert.NotEqual(entry, entry with { Inputs = [.. entry.Inputs.Skip(1)] });
        Assert.NotEqual(entry, entry with { Success = !entry.Success });
        Assert.NotEqual(entry, entry with { Error = "an error" });
        Assert.NotEqual(entry, entry with { Rule = "another" });
        Assert.Equal(entry, entry with { });
    }

    [Fact]
    public void Trace_read_on_many_threads_at_once_is_the_trace_read_on_one()
    {
        var cases = Samples.Of(CaseGenerators.ValidCase(), 50, seed: 12);
        var expected = cases.Select(c => Advisor.Advise(c).ToJson()).ToArray();
        var plans = cases.Select(c => Advisor.Advise(c)).ToArray();

        // Every plan's trace is first read by several threads at once.
        var mismatches = 0;
        Parallel.For(0, plans.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (plans[i % plans.Length].ToJson() != expected[i % plans.Length])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }
}
