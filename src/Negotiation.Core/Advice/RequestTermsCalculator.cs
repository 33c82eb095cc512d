using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using NodaTime;

namespace Negotiation.Core.Advice;

/// <summary>The terms, savings and schedule of one proposed request, computed with the calculators.</summary>
internal sealed record ComputedRequest(RequestTerms Terms, decimal? Savings, ValueList<Instalment>? Schedule);

/// <summary>
/// Computes what each kind of request asks for. Savings are measured against doing nothing over the
/// same days, as <see cref="ReliefComparison"/> defines it.
/// </summary>
internal static class RequestTermsCalculator
{
    /// <summary>
    /// The shortest instalment plan, for comparisons that do not read the plan option: the comparison always builds the
    /// plan's schedule, and one month costs least (its default of twelve is built and thrown away).
    /// </summary>
    private const int NoPlan = 1;

    public static ComputedRequest Compute(string type, BorrowerCase c, Assessment facts, IReadOnlyDictionary<string, decimal> parameters, int decimals)
    {
        var computed = type switch
        {
            "extension" => Extension(c, parameters, decimals),
            "fee-waiver" => new ComputedRequest(new RequestTerms { FeesWaived = facts.FeesAndPenalties }, facts.FeesAndPenalties, null),
            "interest-relief" => InterestRelief(c, facts, parameters, decimals),
            "instalment-plan" => InstalmentPlan(c, facts, parameters, decimals),
            "principal-reduction" => PrincipalReduction(facts, parameters),
            _ => throw new InvalidOperationException($"Unknown request type '{type}'; the loader admits only known types."),
        };
        decimal? Cents(decimal? amount) => amount is { } a ? Currencies.ToMinorUnit(a, decimals) : null;
        var terms = computed.Terms;
        return new ComputedRequest(
            terms with
            {
                Type = type,
                ExtraInterest = Cents(terms.ExtraInterest),
                PenaltyAvoided = Cents(terms.PenaltyAvoided),
                FeesWaived = Cents(terms.FeesWaived),
                InterestSaved = Cents(terms.InterestSaved),
                Instalment = Cents(terms.Instalment),
                TotalRepaid = Cents(terms.TotalRepaid),
                ReductionAsked = Cents(terms.ReductionAsked),
                Repayable = Cents(terms.Repayable),
            },
            Cents(computed.Savings),
            computed.Schedule is { } schedule
                ? new ValueList<Instalment>(schedule.Select(i => i with
                {
                    Payment = Cents(i.Payment)!.Value, Principal = Cents(i.Principal)!.Value, Interest = Cents(i.Interest)!.Value,
                    Fee = Cents(i.Fee)!.Value, Balance = Cents(i.Balance)!.Value,
                }))
                : null);
    }

    private static ComputedRequest Extension(BorrowerCase c, IReadOnlyDictionary<string, decimal> parameters, int decimals)
    {
        var days = (int)parameters["maxExtensionDays"];
        var account = c.Account;

        // Ask to move the due date by the days allowed; if that day has already passed, count them from today.
        var from = Calculators.Extension.ByDays(account.DueDate, days) > c.AsOf ? account.DueDate : c.AsOf;
        var newDue = Calculators.Extension.ByDays(from, days);

        var daysFromNow = Period.DaysBetween(c.AsOf, newDue);
        var cost = Calculators.Extension.Cost(account.Principal, account.AnnualRate ?? 0m, c.AsOf, newDue, account.PenaltyDailyRate, decimals: decimals);
        var comparison = ReliefComparison.Compare(account, c.AsOf, new ReliefTerms(HorizonDays: daysFromNow, ExtensionDays: daysFromNow, InstalmentMonths: NoPlan), decimals: decimals);
        return new ComputedRequest(
            new RequestTerms { ExtensionDays = days, NewDueDate = newDue, ExtraInterest = cost.ContractInterest, PenaltyAvoided = cost.PenaltyInterest },
            comparison.Extension.Savings,
            null);
    }

    private static ComputedRequest InterestRelief(BorrowerCase c, Assessment facts, IReadOnlyDictionary<string, decimal> parameters, int decimals)
    {
        var proposed = parameters.GetValueOrDefault("reliefAnnualRate", 0m);
        var months = facts.AffordablePlanMonths > 0 ? facts.AffordablePlanMonths : (int)parameters["maxInstalmentMonths"];
        var horizon = Math.Min(Period.DaysBetween(c.AsOf, c.AsOf.PlusMonths(months)), Calculators.Extension.MaxDays);
        var comparison = ReliefComparison.Compare(c.Account, c.AsOf, new ReliefTerms(HorizonDays: horizon, ReducedAnnualRate: proposed, InstalmentMonths: NoPlan), decimals: decimals);
        var cut = proposed == 0 ? comparison.InterestStopped : comparison.RateCut;
        return new ComputedRequest(
            new RequestTerms { CurrentRate = facts.AnnualRate, ProposedRate = proposed, Months = months, InterestSaved = cut.Savings },
            cut.Savings,
            null);
    }

    private static ComputedRequest InstalmentPlan(BorrowerCase c, Assessment facts, IReadOnlyDictionary<string, decimal> parameters, int decimals)
    {
        var account = c.Account;
        var months = facts.AffordablePlanMonths > 0 ? facts.AffordablePlanMonths : (int)parameters["maxInstalmentMonths"];
        var rate = Math.Min(account.AnnualRate ?? 0m, Schedules.MaxAnnualRate);
        var comparison = ReliefComparison.Compare(account, c.AsOf, new ReliefTerms(InstalmentMonths: months, InstalmentAnnualRate: rate), decimals: decimals);
        var principalSchedule = comparison.InstalmentPlan.Schedule!;

        // What has accrued is repaid alongside in equal parts, bearing no interest; the last part absorbs the residue.
        var accrued = account.Interest + account.Fees + account.PenaltyInterest;
        var part = Money.Round(accrued / months, decimals, MidpointRounding.ToPositiveInfinity);
        var instalments = new List<Instalment>(months);
        var accruedLeft = accrued;
        foreach (var i in principalSchedule.Instalments)
        {
            var share = i.Period == months ? accruedLeft : Math.Min(part, accruedLeft);
            accruedLeft -= share;
            instalments.Add(i with { Payment = i.Payment + share, Fee = i.Fee + share, Balance = i.Balance + accruedLeft });
        }

        return new ComputedRequest(
            new RequestTerms
            {
                Months = months,
                Instalment = instalments[0].Payment,
                FirstInstalmentDue = instalments[0].DueDate,
                TotalRepaid = instalments.Sum(i => i.Payment),
            },
            comparison.InstalmentPlan.Savings,
            new ValueList<Instalment>(instalments));
    }

    private static ComputedRequest PrincipalReduction(Assessment facts, IReadOnlyDictionary<string, decimal> parameters)
    {
        var repayable = facts.AffordableInstalment * (int)parameters["maxInstalmentMonths"];
        var reduction = Math.Max(0m, facts.TotalOwed - repayable);
        return new ComputedRequest(new RequestTerms { Repayable = Math.Min(repayable, facts.TotalOwed), ReductionAsked = reduction }, reduction, null);
    }
}
