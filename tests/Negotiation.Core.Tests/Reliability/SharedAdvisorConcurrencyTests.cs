using System.Diagnostics;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// One default advisor shared by 16 threads gives, on every call, exactly the plan one thread gives: each call's
/// plan is compared with the single-threaded plan of the same case (value equality of the whole plan, trace included),
/// and each distinct case's plan JSON is also compared byte for byte at least once under contention.
/// </summary>
public sealed class SharedAdvisorConcurrencyTests(ITestOutputHelper output)
{
    private const int Threads = 16;
    private const int DistinctCases = 2_000;

    private static readonly Lazy<(NegotiationAdvisor Advisor, BorrowerCase[] Cases, string[] Languages, NegotiationPlan[] Plans, string[] Json)> Reference = new(() =>
    {
        // A fresh advisor, warmed by the single-threaded pass: the reference plans come from one thread only.
        var advisor = NegotiationAdvisor.CreateDefault();
        var cases = Samples.Of(CaseGenerators.ValidCase(), DistinctCases, seed: 16);
        var languages = cases.Select((_, i) => i % 3 == 0 ? "en" : "zh-CN").ToArray();
        var plans = cases.Select((c, i) => advisor.Advise(c, languages[i])).ToArray();
        return (advisor, cases, languages, plans, plans.Select(p => p.ToJson()).ToArray());
    });

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Sixteen_threads_sharing_one_advisor_get_the_single_threaded_plans()
    {
        // 16 × 1,250 = 20,000 checked calls, every case run concurrently at least 10 times: about 3 s alone on 2 shared
        // cores. The full 16 × 50,000 (119 s) is the soak test below.
        Run(callsPerThread: 1_250);
    }

    [Fact]
    [Trait("Category", "Soak")]
    public void Soak_sixteen_threads_times_fifty_thousand_advises()
    {
        // 800,000 checked calls take several minutes on 2 cores, so the test runs when asked:
        // NEGOTIATION_SOAK=1 dotnet test --filter Category=Soak
        if (Environment.GetEnvironmentVariable("NEGOTIATION_SOAK") != "1")
        {
            output.WriteLine("skipped: set NEGOTIATION_SOAK=1 to run the 16 × 50,000 soak");
            return;
        }

        Run(callsPerThread: 50_000);
    }

    private void Run(int callsPerThread)
    {
        var (advisor, cases, languages, plans, json) = Reference.Value;
        var mismatches = 0;
        var jsonDone = new int[DistinctCases];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new ManualResetEventSlim();
        var clock = new Stopwatch();
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.Wait();
            for (var k = 0; k < callsPerThread; k++)
            {
                // Threads walk the cases from different starting points, so that different cases run side by side.
                var i = (k + t * (DistinctCases / Threads)) % DistinctCases;
                try
                {
                    var plan = advisor.Advise(cases[i], languages[i]);
                    var same = plan.Equals(plans[i]);

                    // The first call for each case, whichever thread makes it, also compares the JSON bytes.
                    if (same && Interlocked.Exchange(ref jsonDone[i], 1) == 0)
                    {
                        same = plan.ToJson() == json[i];
                    }

                    if (!same && Interlocked.Increment(ref mismatches) <= 5)
                    {
                        failures.Enqueue($"thread {t}, call {k}, case {i}: plan differs from the single-threaded one");
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref mismatches);
                    failures.Enqueue($"thread {t}, call {k}, case {i}: {e}");
                }
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        clock.Start();
        start.Set();
        workers.ForEach(w => w.Join());
        clock.Stop();

        var jsonChecked = jsonDone.Sum();
        output.WriteLine($"{Threads} threads × {callsPerThread:N0} advises = {Threads * callsPerThread:N0} checked calls ({jsonChecked:N0} also by JSON) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(mismatches == 0, $"{mismatches} of {Threads * callsPerThread:N0} calls differed:\n" + string.Join("\n", failures.Take(5)));
        Assert.Equal(DistinctCases, jsonChecked);
    }
}
