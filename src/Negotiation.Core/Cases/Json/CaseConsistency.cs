using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.Cases.Json;

/// <summary>
/// Checks that need more than one field: nothing may have happened after <c>asOf</c>, what is due cannot
/// exceed what is owed, paid entries name both day and amount. Each check is one entry in the table.
/// </summary>
internal static class CaseConsistency
{
    private delegate IEnumerable<(string Path, string Message)> ConsistencyCheck(BorrowerCase c);

    private static readonly ConsistencyCheck[] Checks =
    [
        c => NotAfterAsOf(c, "hardship.since", c.Hardship.Since),
        c => c.History.SelectMany((h, i) => NotAfterAsOf(c, $"history[{i}].paidOn", h.PaidOn)),
        c => c.Attempts.SelectMany((a, i) => NotAfterAsOf(c, $"attempts[{i}].on", a.On)),
        c => c.History.Select((h, i) => (h, i))
            .Where(x => x.h.PaidOn.HasValue != x.h.AmountPaid.HasValue)
            .Select(x => ($"history[{x.i}]", "paidOn and amountPaid go together: give both for a payment, or neither for an unpaid instalment")),
        c => c.History.Select((h, i) => (h, i))
            .GroupBy(x => x.h.DueDate)
            .Where(g => g.Count() > 1)
            .Select(g => ($"history[{g.Skip(1).First().i}].dueDate", $"{Iso(g.Key)} appears {g.Count()} times in the history; give each due date once")),
        c => c.Account.AmountDue > c.Account.TotalOwed
            ? [("account.amountDue", $"{Money(c.Account.AmountDue)} is more than everything owed (principal + interest + fees + penaltyInterest = {Money(c.Account.TotalOwed)})")]
            : [],
        c => c.Account.Principal == 0 && c.Account.TotalOwed == 0
            ? [("account", "nothing is owed (principal, interest, fees and penaltyInterest are all 0): there is nothing to negotiate")]
            : [],
    ];

    public static IEnumerable<(string Path, string Message)> Check(BorrowerCase c) => Checks.SelectMany(check => check(c));

    private static IEnumerable<(string, string)> NotAfterAsOf(BorrowerCase c, string path, LocalDate? date) =>
        date is { } d && d > c.AsOf
            ? [(path, $"{Iso(d)} is after asOf ({Iso(c.AsOf)}); a case describes what has happened by asOf")]
            : [];

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
