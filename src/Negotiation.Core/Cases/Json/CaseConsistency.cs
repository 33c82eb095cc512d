using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.Cases.Json;

/// <summary>
/// Checks that need more than one field: nothing may have happened after <c>asOf</c>, what is due cannot
/// exceed what is owed, paid entries name both day and amount.
/// </summary>
/// <remarks>
/// The reader first asks only whether there is any problem, so a valid case formats no message; when there is, it
/// collects every problem, in the order below. Plain loops, because a valid case runs every check and a batch reads
/// many thousands of cases.
/// </remarks>
internal static class CaseConsistency
{
    /// <summary>Gets whether <paramref name="c"/> has any consistency problem; formats nothing.</summary>
    public static bool HasProblems(BorrowerCase c) => Check(c, problems: null);

    /// <summary>Every consistency problem of <paramref name="c"/>, as (path, message), in the order the checks run.</summary>
    public static List<(string Path, string Message)> Check(BorrowerCase c)
    {
        var problems = new List<(string Path, string Message)>();
        Check(c, problems);
        return problems;
    }

    /// <summary>Runs the checks in order; with no list, stops at the first problem and returns true.</summary>
    private static bool Check(BorrowerCase c, List<(string Path, string Message)>? problems)
    {
        var found = false;
        if (IsAfterAsOf(c, c.Hardship.Since) && Add(problems, ref found, "hardship.since", c.Hardship.Since, c))
        {
            return true;
        }

        if (c.Hardship.IncomeAfter is not null && c.Hardship.ExpectedMonths is null or 0 &&
            Add(problems, ref found, "hardship.incomeAfter", c.Hardship.ExpectedMonths is null
                ? "give hardship.expectedMonths too: how many more months until this income comes"
                : "the hardship is over (expectedMonths 0): give today's income in finances.income instead"))
        {
            return true;
        }

        if (c.Hardship.IncomeAfter is not null && c.Finances is null &&
            Add(problems, ref found, "hardship.incomeAfter", "give finances too: the income after the hardship replaces the income there, against the same expenses"))
        {
            return true;
        }

        if (c.Finances is { } finances && finances.SavingsReserved > finances.Savings &&
            Add(problems, ref found, "finances.savingsReserved", problems is null ? "" : $"{finances.SavingsReserved} is more than the savings ({finances.Savings}); it is the part of them already spoken for"))
        {
            return true;
        }

        var lumpSums = c.Finances?.LumpSums ?? ValueList<LumpSum>.Empty;
        for (var i = 0; i < lumpSums.Count; i++)
        {
            if (lumpSums[i].On <= c.AsOf &&
                Add(problems, ref found, $"finances.lumpSums[{i}].on", problems is null ? "" : $"{Iso(lumpSums[i].On)} is not after asOf ({Iso(c.AsOf)}); a sum already received belongs in finances.savings"))
            {
                return true;
            }
        }

        var history = c.History;
        for (var i = 0; i < history.Count; i++)
        {
            if (IsAfterAsOf(c, history[i].PaidOn) && Add(problems, ref found, $"history[{i}].paidOn", history[i].PaidOn, c))
            {
                return true;
            }
        }

        var attempts = c.Attempts;
        for (var i = 0; i < attempts.Count; i++)
        {
            if (IsAfterAsOf(c, attempts[i].On) && Add(problems, ref found, $"attempts[{i}].on", attempts[i].On, c))
            {
                return true;
            }
        }

        if (IsAfterAsOf(c, c.Account.LastPaymentOn) && Add(problems, ref found, "account.lastPaymentOn", c.Account.LastPaymentOn, c))
        {
            return true;
        }

        if (IsAfterAsOf(c, c.Account.InterestStoppedOn) && Add(problems, ref found, "account.interestStoppedOn", c.Account.InterestStoppedOn, c))
        {
            return true;
        }

        var notices = c.Notices;
        for (var i = 0; i < notices.Count; i++)
        {
            if (IsAfterAsOf(c, notices[i].ReceivedOn) && Add(problems, ref found, $"notices[{i}].receivedOn", notices[i].ReceivedOn, c))
            {
                return true;
            }

            if (notices[i].Deadline < notices[i].ReceivedOn &&
                Add(problems, ref found, $"notices[{i}].deadline", problems is null ? "" : $"{Iso(notices[i].Deadline!.Value)} is before the notice was received ({Iso(notices[i].ReceivedOn)})"))
            {
                return true;
            }
        }

        if (IsAfterAsOf(c, c.DebtAdvice?.BreathingSpaceSince) && Add(problems, ref found, "debtAdvice.breathingSpaceSince", c.DebtAdvice!.BreathingSpaceSince, c))
        {
            return true;
        }

        if (c.Region is { } region && !IsKebab(region) &&
            Add(problems, ref found, "region", problems is null ? "" : $"'{region}' is not a region code: lower-case words joined by hyphens, e.g. england-wales"))
        {
            return true;
        }

        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].PaidOn.HasValue != history[i].AmountPaid.HasValue &&
                Add(problems, ref found, $"history[{i}]", "paidOn and amountPaid go together: give both for a payment, or neither for an unpaid instalment"))
            {
                return true;
            }
        }

        // Each due date given more than once is one problem, in the order the dates first appear, at its second entry.
        for (var i = 0; i < history.Count; i++)
        {
            var date = history[i].DueDate;
            if (AppearsBefore(history, date, i))
            {
                continue;
            }

            var count = 1;
            var second = -1;
            for (var j = i + 1; j < history.Count; j++)
            {
                if (history[j].DueDate == date)
                {
                    count++;
                    second = second < 0 ? j : second;
                }
            }

            if (count > 1 && Add(problems, ref found, $"history[{second}].dueDate", $"{Iso(date)} appears {count} times in the history; give each due date once"))
            {
                return true;
            }
        }

        var account = c.Account;
        if (account.AmountDue > account.TotalOwed &&
            Add(problems, ref found, "account.amountDue", $"{Money(account.AmountDue)} is more than everything owed (principal + interest + fees + penaltyInterest = {Money(account.TotalOwed)})"))
        {
            return true;
        }

        if (account.Principal == 0 && account.TotalOwed == 0 &&
            Add(problems, ref found, "account", "nothing is owed (principal, interest, fees and penaltyInterest are all 0): there is nothing to negotiate"))
        {
            return true;
        }

        return found;
    }

    private static bool IsKebab(string text) =>
        text.Length is > 0 and <= 40 && text[0] is >= 'a' and <= 'z' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal) &&
        text.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool IsAfterAsOf(BorrowerCase c, LocalDate? date) => date is { } d && d > c.AsOf;

    private static bool AppearsBefore(ValueList<RepaymentRecord> history, LocalDate date, int end)
    {
        for (var j = 0; j < end; j++)
        {
            if (history[j].DueDate == date)
            {
                return true;
            }
        }

        return false;
    }

    // Returns true when the caller should stop, because it was only asked whether there is a problem. Texts are
    // formatted only where a problem is found, so a valid case formats nothing.
    private static bool Add(List<(string Path, string Message)>? problems, ref bool found, string path, string message)
    {
        found = true;
        if (problems is null)
        {
            return true;
        }

        problems.Add((path, message));
        return false;
    }

    private static bool Add(List<(string Path, string Message)>? problems, ref bool found, string path, LocalDate? date, BorrowerCase c) =>
        Add(problems, ref found, path, problems is null ? "" : $"{Iso(date!.Value)} is after asOf ({Iso(c.AsOf)}); a case describes what has happened by asOf");

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
