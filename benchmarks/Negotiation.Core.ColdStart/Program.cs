using System.Diagnostics;
using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;

// dotnet benchmarks/Negotiation.Core.ColdStart/bin/Release/net10.0/Negotiation.Core.ColdStart.dll <case.json>
// Prints the outcome and the time inside the process; benchmarks/cold-start.sh measures the wall time around it.
if (args is not [var path])
{
    Console.Error.WriteLine("usage: Negotiation.Core.ColdStart <case.json>");
    return 2;
}

var clock = Stopwatch.StartNew();
var json = File.ReadAllText(path);
var advisor = NegotiationAdvisor.CreateDefault();
var loaded = clock.Elapsed;
var loadJit = (Methods: System.Runtime.JitInfo.GetCompiledMethodCount(), Time: System.Runtime.JitInfo.GetCompilationTime());
var plan = advisor.Advise(BorrowerCase.FromJson(json));

// A plan reads its trace values on first use; read them all, so that the first plan is complete in every part.
var inputs = plan.Trace.Sum(entry => entry.Inputs.Count);
var advised = clock.Elapsed;
var allJit = (Methods: System.Runtime.JitInfo.GetCompiledMethodCount(), Time: System.Runtime.JitInfo.GetCompilationTime());
var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{plan.Decision.Outcome} requests={plan.Requests.Count} trace={plan.Trace.Count} inputs={inputs} load={loaded.TotalMilliseconds:F0}ms advise={(advised - loaded).TotalMilliseconds:F0}ms process={sinceStart.TotalMilliseconds:F0}ms jitted={loadJit.Methods}+{allJit.Methods - loadJit.Methods} methods in {loadJit.Time.TotalMilliseconds:F0}+{(allJit.Time - loadJit.Time).TotalMilliseconds:F0}ms"));
return 0;
