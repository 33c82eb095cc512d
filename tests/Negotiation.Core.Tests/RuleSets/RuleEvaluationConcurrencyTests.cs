using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>One compiled rule set serves many threads: the plans are exactly those one thread produces.</summary>
public sealed class RuleEvaluationConcurrencyTests
{
    [Fact]
    public void Shared_advisor_gives_every_thread_the_single_threaded_plans()
    {
        var advisor = NegotiationAdvisor.Create(RuleSetKit.Minimal().Load());
        var cases = FsCheck.Fluent.Gen.Sample(CaseGenerators.ValidCase(), 200).ToArray();
        var expected = cases.Select(c => advisor.Advise(c, "en").ToJson()).ToArray();

        var mismatches = 0;
        Parallel.For(0, 8 * cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % cases.Length;
            if (advisor.Advise(cases[index], "en").ToJson() != expected[index])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }
}
