using Negotiation.Core.Advice;
using Negotiation.Core.Cases;

namespace Negotiation.Core.Tests.Docs;

/// <summary>The README's quick start, compiled here so that it cannot rot; ReadmeTests checks the README shows it verbatim.</summary>
internal static class ReadmeQuickStart
{
    // begin-snippet: quick-start
    // One advisor for the whole process: it holds the compiled rules and is safe to share across threads.
    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    public static void Advise(string path, TextWriter output)
    {
        try
        {
            BorrowerCase c = BorrowerCase.FromJson(File.ReadAllText(path));
            NegotiationPlan plan = Advisor.Advise(c, "en");
            output.WriteLine($"{plan.Decision.Outcome}; lead with {plan.Requests[0].Type}: {plan.Requests[0].Rationale}");
            File.WriteAllText(Path.ChangeExtension(path, ".plan.json"), plan.ToJson());
        }
        catch (CaseValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                output.WriteLine($"{path}:{problem}");   // file:line:col: json.path: what is wrong
            }
        }
    }
    // end-snippet
}
