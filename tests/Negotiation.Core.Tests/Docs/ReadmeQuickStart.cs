using Negotiation.Core.Cases;

namespace Negotiation.Core.Tests.Docs;

/// <summary>The README's quick start, compiled here so that it cannot rot; ReadmeTests checks the README shows it verbatim.</summary>
internal static class ReadmeQuickStart
{
    // begin-snippet: quick-start
    public static void CheckCase(string path, TextWriter output)
    {
        try
        {
            BorrowerCase c = BorrowerCase.FromJson(File.ReadAllText(path));
            output.WriteLine($"{c.Lender.Name}: owes {c.Account.TotalOwed} {c.Currency}, due {c.Account.DueDate:yyyy-MM-dd}");
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
