using System.Diagnostics;
using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Harness;

// dotnet run -c Release --project benchmarks/Negotiation.Core.Harness -- generate <count> <seed> <out.jsonl>
// dotnet run -c Release --project benchmarks/Negotiation.Core.Harness -- check <count> <seed>
// dotnet run -c Release --project benchmarks/Negotiation.Core.Harness -- soak [calls] [seed]
// dotnet run -c Release --project benchmarks/Negotiation.Core.Harness -- pipeline <cases.jsonl> [count]
return args switch
{
    ["generate", var count, var seed, var path] => Generate(long.Parse(count, CultureInfo.InvariantCulture), int.Parse(seed, CultureInfo.InvariantCulture), path),
    ["check", var count, var seed] => Check(int.Parse(count, CultureInfo.InvariantCulture), int.Parse(seed, CultureInfo.InvariantCulture)),
    ["pipeline", var path, ..] => Pipeline(path, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000),
    ["soak", ..] => Soak(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate <count> <seed> <out.jsonl> | check <count> <seed> | soak [calls] [seed] | pipeline <cases.jsonl> [count]");
    return 2;
}

static int Generate(long count, int seed, string path)
{
    using var output = new BufferedStream(File.Create(path), 1 << 16);
    new SyntheticCases(seed).Write(output, count);
    return 0;
}

// Every generated case must read as valid, and the plans must vary: print how they spread.
static int Check(int count, int seed)
{
    var cases = new SyntheticCases(seed);
    var advisor = NegotiationAdvisor.CreateDefault();
    var invalid = 0;
    var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
    var requests = new SortedDictionary<string, int>(StringComparer.Ordinal);
    for (var i = 0; i < count; i++)
    {
        var json = cases.Next();
        try
        {
            var plan = advisor.Advise(BorrowerCase.FromJson(json));
            outcomes[plan.Decision.Outcome.ToString()] = outcomes.GetValueOrDefault(plan.Decision.Outcome.ToString()) + 1;
            var top = plan.Requests.Count > 0 ? plan.Requests[0].Type.ToString() : "(none)";
            requests[top] = requests.GetValueOrDefault(top) + 1;
        }
        catch (CaseValidationException e)
        {
            if (invalid++ < 5)
            {
                Console.WriteLine($"case {i + 1}: {e.Message}");
            }
        }
    }

    Console.WriteLine($"{count} cases, {invalid} invalid");
    Console.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
    Console.WriteLine("top request: " + string.Join(", ", requests.Select(o => $"{o.Key} {o.Value}")));
    return invalid == 0 ? 0 : 1;
}

// The batch baseline: the same per-line work as `negotiation batch` (parse, advise, the plan as one line of UTF-8 into
// a reused buffer) in a plain loop on one thread, lines in memory, output discarded; and how much CPU two spinning
// threads get right now, since the machine is shared. The loop is warmed on the same lines first, so that the JIT's
// tiers have settled (a fresh process takes several seconds to reach its steady speed).
static int Pipeline(string path, int count)
{
    var lines = File.ReadLines(path).Take(count).ToArray();
    var advisor = Negotiation.Core.Advice.NegotiationAdvisor.CreateDefault();
    var output = new System.Buffers.ArrayBufferWriter<byte>(96 * 1024);
    foreach (var line in lines)
    {
        output.ResetWrittenCount();
        advisor.Advise(BorrowerCase.FromJson(line)).WriteJsonLine(output);
    }

    TimeSpan parse = default, advise = default, json = default;
    long bytes = 0;
    var total = Stopwatch.StartNew();
    foreach (var line in lines)
    {
        var start = Stopwatch.GetTimestamp();
        var c = BorrowerCase.FromJson(line);
        var parsed = Stopwatch.GetTimestamp();
        var plan = advisor.Advise(c);
        var advised = Stopwatch.GetTimestamp();
        output.ResetWrittenCount();
        plan.WriteJsonLine(output);
        bytes += output.WrittenCount;
        parse += Stopwatch.GetElapsedTime(start, parsed);
        advise += Stopwatch.GetElapsedTime(parsed, advised);
        json += Stopwatch.GetElapsedTime(advised);
    }

    var n = lines.Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"one thread, {n:N0} lines of {path}: {n / total.Elapsed.TotalSeconds:N0} cases/s; per case FromJson {parse.TotalMicroseconds / n:N0} us, Advise {advise.TotalMicroseconds / n:N0} us, WriteJsonLine (UTF-8) {json.TotalMicroseconds / n:N0} us; {bytes / n:N0} bytes of JSON"));

    // Two threads that only spin: on an idle 2-core machine they get 200 %.
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
    {
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3;
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(1000);
        }
    });
    process.Refresh();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"two spinning threads got {(process.TotalProcessorTime - cpu).TotalSeconds / wall.Elapsed.TotalSeconds * 100:N0} % CPU over {wall.Elapsed.TotalSeconds:N1} s"));
    return 0;
}

// Advise over and over on 1,000 varied cases and sample the heap after every tenth of the run.
static int Soak(int calls, int seed)
{
    var generator = new SyntheticCases(seed);
    var cases = Enumerable.Range(0, 1000).Select(_ => BorrowerCase.FromJson(generator.Next())).ToArray();
    var advisor = NegotiationAdvisor.CreateDefault();
    var sample = Math.Max(1, calls / 10);
    Console.WriteLine($"soak: {calls:N0} Advise calls over {cases.Length} synthetic cases (seed {seed}); sample every {sample:N0}");
    Console.WriteLine("| calls | elapsed s | GetTotalMemory(true) | heap after last GC | committed | working set | gen0 | gen1 | gen2 |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    Report(0, TimeSpan.Zero);
    var clock = Stopwatch.StartNew();
    long checksum = 0;
    for (var i = 1; i <= calls; i++)
    {
        // Every trace value is read too: a plan reads them on first use, and that path must not hold on to anything either.
        foreach (var entry in advisor.Advise(cases[i % cases.Length]).Trace)
        {
            checksum += entry.Inputs.Count;
        }

        if (i % sample == 0)
        {
            Report(i, clock.Elapsed);
        }
    }

    Console.WriteLine($"checksum {checksum}; {calls / clock.Elapsed.TotalSeconds:N0} calls/s on one thread");
    return 0;

    static void Report(int calls, TimeSpan elapsed)
    {
        var total = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"| {calls:N0} | {elapsed.TotalSeconds:N1} | {Mb(total)} | {Mb(info.HeapSizeBytes)} | {Mb(info.TotalCommittedBytes)} | {Mb(process.WorkingSet64)} | " +
            $"{GC.CollectionCount(0):N0} | {GC.CollectionCount(1):N0} | {GC.CollectionCount(2):N0} |");
    }

    static string Mb(long bytes) => (bytes / 1048576.0).ToString("N2", CultureInfo.InvariantCulture) + " MB";
}
