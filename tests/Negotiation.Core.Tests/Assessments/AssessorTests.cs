using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using Negotiation.Core.Tests.Advice;
using Negotiation.Core.Tests.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Assessments;

public sealed class AssessorTests
{
    // Bands as a rule set gives them: one list for card lenders, another for the rest.
    private static readonly AssetTierBand[] CardBands =
        [new(AssetTier.SpecialMention, 1, 90), new(AssetTier.Substandard, 91, 120), new(AssetTier.Doubtful, 121, 180), new(AssetTier.Loss, 181, null)];

    private static readonly AssetTierBand[] GeneralBands =
        [new(AssetTier.SpecialMention, 1, 90), new(AssetTier.Substandard, 91, 270), new(AssetTier.Doubtful, 271, 360), new(AssetTier.Loss, 361, null)];

    private static readonly AssessmentSettings Settings = new(GracePeriodDays: 3, MaxInstalmentMonths: 60, AffordableShare: 0.5m, NegativeRecordYears: 5, FollowUpDays: 7, ComplaintResponseDays: 15, UnstableIncomeShare: 0.5m, ShortTermMonths: 3, MaxExtensionDays: 30, ReliefAnnualRate: 0.06m)
    {
        TierBands = new Dictionary<LenderKind, IReadOnlyList<AssetTierBand>> { [LenderKind.BankCard] = CardBands },
        DefaultTierBands = GeneralBands,
        FeesFirstUpToDays = 90,
    };

    [Theory]
    [InlineData(LenderKind.BankCard, null, true)]
    [InlineData(LenderKind.BankCard, ProductKind.PersonalLoan, false)]
    [InlineData(LenderKind.ConsumerFinance, ProductKind.CreditCard, true)]
    [InlineData(LenderKind.ConsumerFinance, ProductKind.StoreCard, true)]
    [InlineData(LenderKind.ConsumerFinance, ProductKind.Bnpl, false)]
    [InlineData(LenderKind.ConsumerFinance, null, false)]
    public void An_account_is_a_card_by_its_product_or_else_by_a_bank_card_lender(LenderKind kind, ProductKind? product, bool isCard)
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        c = c with { Lender = c.Lender with { Kind = kind }, Account = c.Account with { Product = product } };

        Assert.Equal(isCard, Assessor.Assess(c, Settings).IsCard);
    }

    [Theory]
    [InlineData(LenderKind.BankCard, "doubtful")]
    [InlineData(LenderKind.ConsumerFinance, "substandard")]
    public void Asset_tier_comes_from_the_rule_sets_bands_for_the_lenders_kind(LenderKind kind, string tier)
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        c = c with { Lender = c.Lender with { Kind = kind }, History = ValueList<RepaymentRecord>.Empty, AsOf = c.Account.DueDate.PlusDays(150) };

        Assert.Equal(tier, Assessor.Assess(c, Settings).AssetTier);
        Assert.Equal("principal-first", Assessor.Assess(c, Settings).AllocationOrder);
    }

    [Fact]
    public void A_rule_set_without_tiers_or_an_allocation_rule_leaves_those_facts_empty()
    {
        var facts = Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed(), Settings with { TierBands = new Dictionary<LenderKind, IReadOnlyList<AssetTierBand>>(), DefaultTierBands = null, FeesFirstUpToDays = null });

        Assert.Equal("", facts.AssetTier);
        Assert.Equal("", facts.AllocationOrder);
    }

    [Fact]
    public void A_case_without_the_optional_fields_has_the_documented_defaults()
    {
        var facts = Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed(), Settings);

        Assert.Equal(("unknown", "unknown"), (facts.Region, facts.Product));
        Assert.False(facts.HasDefaultNotice || facts.HasArrearsNotice || facts.HasFinalResponse || facts.HasCourtClaim || facts.DefaultDeadlinePassed);
        Assert.Equal(facts.AsOf, facts.DefaultNoticeDeadline);
        Assert.Equal((0, 0, 0), (facts.DaysToDefaultDeadline, facts.DaysSinceFinalResponse, facts.DaysSinceCourtClaim));
        Assert.Equal((0m, 0m), (facts.PriorityArrears, facts.PriorityDebtPayments));
        Assert.False(facts.SpokenToAdviser || facts.InBreathingSpace || facts.IsVulnerable || facts.HasReferredToOmbudsman);
    }

    [Fact]
    public void Notices_give_the_default_deadline_the_final_response_and_the_court_claim()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var asOf = c.AsOf;
        c = c with
        {
            Region = "scotland",
            Account = c.Account with { Product = ProductKind.CreditCard },
            Notices = new ValueList<Notice>(
            [
                new Notice { Kind = NoticeKind.Default, ReceivedOn = asOf.PlusDays(-20), Deadline = asOf.PlusDays(-6) },
                new Notice { Kind = NoticeKind.Default, ReceivedOn = asOf.PlusDays(-5), Deadline = asOf.PlusDays(9) },
                new Notice { Kind = NoticeKind.FinalResponse, ReceivedOn = asOf.PlusDays(-40) },
                new Notice { Kind = NoticeKind.CourtClaim, ReceivedOn = asOf.PlusDays(-3) },
            ]),
        };

        var facts = Assessor.Assess(c, Settings);

        Assert.Equal(("scotland", "credit-card"), (facts.Region, facts.Product));
        Assert.True(facts.HasDefaultNotice);
        Assert.True(facts.HasDefaultNoticeDeadline);
        Assert.Equal(asOf.PlusDays(9), facts.DefaultNoticeDeadline); // the latest notice's date
        Assert.Equal(9, facts.DaysToDefaultDeadline);
        Assert.False(facts.DefaultDeadlinePassed);
        Assert.Equal(40, facts.DaysSinceFinalResponse);
        Assert.Equal(3, facts.DaysSinceCourtClaim);
        Assert.True(facts.HasCourtCase); // a court claim received is a court case, with or without a contact through the court
        Assert.False(facts.HasCourtDeadline); // this claim gives no date
    }

    [Fact]
    public void Court_deadline_is_the_latest_claim_with_one_counted_from_as_of()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var asOf = c.AsOf;
        c = c with
        {
            Notices = new ValueList<Notice>(
            [
                new Notice { Kind = NoticeKind.CourtClaim, ReceivedOn = asOf.PlusDays(-30), Deadline = asOf.PlusDays(-15) },
                new Notice { Kind = NoticeKind.CourtClaim, ReceivedOn = asOf.PlusDays(-2), Deadline = asOf.PlusDays(13) },
                new Notice { Kind = NoticeKind.CourtClaim, ReceivedOn = asOf.PlusDays(-1) },
            ]),
        };

        var facts = Assessor.Assess(c, Settings);

        Assert.True(facts.HasCourtDeadline);
        Assert.Equal(asOf.PlusDays(13), facts.CourtDeadline);
        Assert.Equal(13, facts.DaysToCourtDeadline);
        Assert.Equal(1, facts.DaysSinceCourtClaim); // the latest claim received, deadline or not
    }

    [Fact]
    public void Letter_deadline_is_the_soonest_still_ahead_of_a_letter_other_than_a_default_notice_or_a_court_claim()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var asOf = c.AsOf;
        c = c with
        {
            Notices = new ValueList<Notice>(
            [
                new Notice { Kind = NoticeKind.Other, ReceivedOn = asOf.PlusDays(-20), Deadline = asOf.PlusDays(-1) }, // passed
                new Notice { Kind = NoticeKind.Termination, ReceivedOn = asOf.PlusDays(-10), Deadline = asOf.PlusDays(20) },
                new Notice { Kind = NoticeKind.Arrears, ReceivedOn = asOf.PlusDays(-2), Deadline = asOf.PlusDays(5) },
                new Notice { Kind = NoticeKind.Default, ReceivedOn = asOf.PlusDays(-1), Deadline = asOf.PlusDays(2) }, // its own fact
                new Notice { Kind = NoticeKind.CourtClaim, ReceivedOn = asOf.PlusDays(-1), Deadline = asOf.PlusDays(1) }, // its own fact
            ]),
        };

        var facts = Assessor.Assess(c, Settings);

        Assert.True(facts.HasLetterDeadline);
        Assert.Equal((asOf.PlusDays(5), 5, "arrears"), (facts.LetterDeadline, facts.DaysToLetterDeadline, facts.LetterDeadlineKind));

        var none = Assessor.Assess(c with { Notices = new ValueList<Notice>([c.Notices[0], c.Notices[3]]) }, Settings);
        Assert.False(none.HasLetterDeadline);
        Assert.Equal((asOf, 0, ""), (none.LetterDeadline, none.DaysToLetterDeadline, none.LetterDeadlineKind));
    }

    [Fact]
    public void Next_asset_tier_is_the_band_the_oldest_unpaid_instalment_reaches_next_and_the_day_it_does()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var asOf = c.AsOf;
        var settings = Settings with { DefaultTierBands = GeneralBands };
        var due = asOf.PlusDays(-82);
        c = c with { Account = c.Account with { DueDate = due }, History = ValueList<RepaymentRecord>.Empty };

        var facts = Assessor.Assess(c, settings);

        Assert.Equal(82, facts.DaysPastDue);
        Assert.Equal("special-mention", facts.AssetTier);
        Assert.Equal(("substandard", due.PlusDays(91)), (facts.NextAssetTier, facts.NextAssetTierOn));

        var current = Assessor.Assess(c with { Account = c.Account with { DueDate = asOf.PlusDays(5) } }, settings);
        Assert.Equal(("", asOf), (current.NextAssetTier, current.NextAssetTierOn)); // nothing overdue, nothing ahead
    }

    [Property(MaxTest = 300)]
    public Property What_is_paid_in_now_is_not_counted_again_at_the_extensions_end() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            var paidNow = facts.InstalmentsMovedByExtension == 0 ? facts.PartPaymentNow : 0m;
            return (facts.CashLeftAtExtensionEnd == Math.Max(0m, facts.CashByExtensionEnd - paidNow)).Label("cash left")
                .And(facts.DueLeftAtExtensionEnd == facts.AmountDue - paidNow).Label("due left")
                .And(facts.CashLeftAtExtensionEnd >= facts.DueLeftAtExtensionEnd == facts.CashByExtensionEnd >= facts.AmountDue || facts.CashByExtensionEnd < paidNow).Label("same test either way");
        });

    [Theory]
    [InlineData("2026-09-06", 10, "2026-09-10")] // later this month
    [InlineData("2026-09-10", 10, "2026-09-10")] // the day itself
    [InlineData("2026-09-11", 10, "2026-10-10")] // next month
    [InlineData("2027-02-01", 31, "2027-02-28")] // a short month pays on its last day
    [InlineData("2027-01-31", 30, "2027-02-28")]
    public void A_date_moves_to_the_first_payday_on_or_after_it(string day, int payday, string expected)
    {
        var parse = NodaTime.Text.LocalDatePattern.Iso;
        Assert.Equal(parse.Parse(expected).Value, Assessor.OnOrAfterPayday(parse.Parse(day).Value, payday));
        Assert.Equal(parse.Parse(day).Value, Assessor.OnOrAfterPayday(parse.Parse(day).Value, null));
    }

    [Property(MaxTest = 300)]
    public Property A_payday_moves_a_deferral_end_onto_it_and_no_further() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), Gen.Choose(1, 31).ToArbitrary(), (c, payday) =>
        {
            if (c.Finances is null)
            {
                return true.ToProperty();
            }

            // Later, onto a payday no more than a month on; or sooner: onto the next payday, whose pay covers it.
            var without = Assessor.Assess(c with { Finances = c.Finances with { Payday = null } }, Settings).ExtensionEndsOn;
            var with = Assessor.Assess(c with { Finances = c.Finances with { Payday = payday } }, Settings).ExtensionEndsOn;
            return (with == without || (with <= without.PlusMonths(1) && with == OnPayday(with, payday))).Label($"extension end {with} without payday {without}");
        });

    [Property(MaxTest = 300)]
    public Property A_plan_with_a_payday_is_first_due_on_the_first_payday_the_lead_allows_after_its_low_start() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), Gen.Choose(1, 31).ToArbitrary(), Gen.Choose(-1, 31).ToArbitrary(), (c, payday, days) =>
        {
            if (c.Finances is null)
            {
                return true.ToProperty();
            }

            int? lead = days < 0 ? null : days;
            var facts = Assessor.Assess(c with { Finances = c.Finances with { Payday = payday } }, Settings with { PlanLeadDays = lead });
            var lowStart = facts.PlanLowStartMonths;
            // The first payday on or after the earliest day allowed: the lead from today, then the low start's months; without
            // a lead, a month after the low start.
            var earliest = lead is { } d ? c.AsOf.PlusDays(d) : c.AsOf.PlusMonths(lowStart + 1);
            var payDay = earliest;
            while (payDay != OnPayday(payDay, payday))
            {
                payDay = payDay.PlusDays(1);
            }

            var expected = lead is null ? payDay : OnPayday(payDay.PlusMonths(lowStart), payday);
            return (OnPayday(facts.PlanStartsOn.PlusMonths(1), payday) == expected).Label($"first instalment {facts.PlanStartsOn.PlusMonths(1)}, expected {expected}");
        });

    [Fact]
    public void A_plan_first_due_on_the_coming_payday_begins_its_first_period_before_today_and_takes_off_a_cards_interest_of_it()
    {
        // 20 Nov, paid on the 5th, a lead of 7 days: first due on 5 Dec, its month running from 5 Nov. On a card the 15 days to
        // today at 18 % on 20,000 are already in the interest owed; a loan's interest owed runs to its last due date only.
        var c = BorrowerCaseJsonTestsAccess.Seed();
        c = c with
        {
            AsOf = new LocalDate(2026, 11, 20),
            Account = c.Account with { Principal = 20_000m, Interest = 500m, Fees = 0m, PenaltyInterest = 0m, AnnualRate = 0.18m, DueDate = new LocalDate(2026, 11, 8) },
            Finances = c.Finances! with { Payday = 5 },
        };
        var facts = Assessor.Assess(c, Settings with { PlanLeadDays = 7 });

        Assert.Equal(new LocalDate(2026, 11, 5), facts.PlanStartsOn);
        Assert.Equal(500m - 147.95m, Assessor.PlanAccrued(c.Account, 0.18m, c.AsOf, facts.PlanStartsOn, 2, interestToDate: true));
        Assert.Equal(500m, Assessor.PlanAccrued(c.Account, 0.18m, c.AsOf, facts.PlanStartsOn, 2, interestToDate: false));
        // Never more than the interest owed comes off.
        Assert.Equal(0m, Assessor.PlanAccrued(c.Account with { Interest = 100m }, 0.18m, c.AsOf, facts.PlanStartsOn, 2, interestToDate: true));
        // Two days to payday: the next one.
        Assert.Equal(new LocalDate(2026, 12, 5), Assessor.Assess(c with { AsOf = new LocalDate(2026, 12, 3) }, Settings with { PlanLeadDays = 7 }).PlanStartsOn);
    }

    private static LocalDate OnPayday(LocalDate day, int payday) => new(day.Year, day.Month, Math.Min(payday, day.Calendar.GetDaysInMonth(day.Year, day.Month)));

    [Fact]
    public void An_agreement_a_later_contact_refused_no_longer_stands()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var asOf = c.AsOf;
        NegotiationAttempt Answer(int daysAgo, AttemptOutcome outcome) =>
            new() { On = asOf.PlusDays(-daysAgo), Channel = ContactChannel.Phone, Requested = RequestType.InstalmentPlan, Outcome = outcome };

        // Listed out of order: the later contact's answer decides, whichever comes first in the case.
        Assert.Empty(Assessor.Assess(c with { Attempts = [Answer(3, AttemptOutcome.Rejected), Answer(30, AttemptOutcome.Accepted)] }, Settings).AgreedRequests);
        Assert.Equal(["instalment-plan"], Assessor.Assess(c with { Attempts = [Answer(3, AttemptOutcome.Accepted), Answer(30, AttemptOutcome.Rejected)] }, Settings).AgreedRequests);
    }

    [Fact]
    public void A_partial_acceptance_at_more_a_month_than_the_budget_sustains_is_a_counter_offer_not_an_agreement()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var affordable = Assessor.Assess(c, Settings).AffordableInstalment;
        NegotiationAttempt Partly(decimal? monthly) => new()
        {
            On = c.AsOf.PlusDays(-5), Channel = ContactChannel.Letter, Requested = RequestType.InstalmentPlan,
            Outcome = AttemptOutcome.PartiallyAccepted, InWriting = true, MonthlyPayment = monthly,
        };

        var above = Assessor.Assess(c with { Attempts = [Partly(affordable + 0.01m)] }, Settings);
        Assert.Empty(above.AgreedRequests);
        Assert.True(above.HasUnaffordableCounterOffer);
        Assert.Equal(affordable + 0.01m, above.CounterOfferMonthly);

        // Within the budget, or with no amount named, the partial acceptance stands as agreed.
        foreach (var monthly in new decimal?[] { affordable, null })
        {
            var kept = Assessor.Assess(c with { Attempts = [Partly(monthly)] }, Settings);
            Assert.Equal(["instalment-plan"], kept.AgreedRequests);
            Assert.False(kept.HasUnaffordableCounterOffer);
            Assert.Equal(0m, kept.CounterOfferMonthly);
        }
    }

    [Fact]
    public void A_last_payment_older_than_the_history_counts_in_days_and_whole_years()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed() with { History = ValueList<RepaymentRecord>.Empty };
        c = c with { Account = c.Account with { LastPaymentOn = c.AsOf.PlusYears(-6).PlusDays(1) } };

        var facts = Assessor.Assess(c, Settings);

        Assert.Equal(5, facts.YearsSinceLastPayment); // a day short of six years
        Assert.Equal(NodaTime.Period.DaysBetween(c.Account.LastPaymentOn!.Value, c.AsOf), facts.DaysSinceLastPayment);
        Assert.False(Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed(), Settings).HasDefaultNoticeDeadline);
    }

    [Fact]
    public void Priority_debt_payments_come_off_the_disposable_income_before_this_debt()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var before = Assessor.Assess(c, Settings);
        c = c with
        {
            PriorityDebts = new ValueList<PriorityDebt>([new PriorityDebt { Kind = PriorityDebtKind.CouncilTax, Arrears = 300m, MonthlyPayment = 150m }]),
            DebtAdvice = new DebtAdvice { SpokenToAdviser = true, BreathingSpace = BreathingSpaceKind.Standard },
            Vulnerability = new ValueList<Vulnerability>([Vulnerability.MentalCapacity]),
        };

        var facts = Assessor.Assess(c, Settings);

        Assert.Equal(before.DisposableIncome - 150m, facts.DisposableIncome);
        Assert.True(facts.HasPriorityArrears);
        Assert.Equal(300m, facts.PriorityArrears);
        Assert.True(facts.SpokenToAdviser && facts.InBreathingSpace && facts.IsVulnerable && facts.MentalCapacityConcern);
        Assert.False(facts.MentalHealthConcern);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Priority_arrears_count_as_arranged_only_when_every_debt_in_arrears_is(bool rentArranged, bool energyArranged, bool arranged)
    {
        // b17-01, b16-01: arrears repaid under an agreed plan are already put first; arrears left alone send her to an adviser.
        var c = BorrowerCaseJsonTestsAccess.Seed() with
        {
            PriorityDebts = new ValueList<PriorityDebt>([
                new PriorityDebt { Kind = PriorityDebtKind.Rent, Arrears = 945m, MonthlyPayment = 700m, ArrearsArranged = rentArranged },
                new PriorityDebt { Kind = PriorityDebtKind.Energy, Arrears = 120m, MonthlyPayment = 60m, ArrearsArranged = energyArranged },
                new PriorityDebt { Kind = PriorityDebtKind.Water, Arrears = 0m, MonthlyPayment = 30m },
            ]),
        };

        var facts = Assessor.Assess(c, Settings);

        Assert.True(facts.HasPriorityArrears);
        Assert.Equal(arranged, facts.PriorityArrearsArranged);
    }

    [Fact]
    public void Seed_case_facts_are_the_calculators_figures()
    {
        var facts = Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed(), Settings);

        Assert.Equal(10, facts.DaysPastDue);
        Assert.Equal(new LocalDate(2026, 11, 13), facts.GraceEndsOn);
        Assert.False(facts.InGracePeriod);
        Assert.True(facts.IsBeyondGrace);
        Assert.Equal("m1", facts.DelinquencyBucket);
        Assert.Equal("special-mention", facts.AssetTier);
        Assert.True(facts.IsFirstOverdue);
        Assert.Equal(6964.90m, facts.TotalOwed);
        Assert.Equal(68.40m, facts.FeesAndPenalties);
        Assert.Equal(3550.00m, facts.DisposableIncome);
        Assert.Equal(2150.00m, facts.AffordableInstalment); // 0.5 × (9,500 − 5,200 essentials)
        Assert.False(facts.CanPayAmountDueNow); // an oversight: the 800 saved is the cash now; the surplus comes with the salary
        Assert.Equal(3100.00m, facts.CashByExtensionEnd); // 800 + 3,550 by 20 Dec, less the regular 1,250 due on 10 Dec
        Assert.True(facts.ExtensionClosesGap);
        Assert.Equal(800.00m, facts.PartPaymentNow); // the savings do not cover the 1,250 due: all of them are paid now
        Assert.Equal(3, facts.AffordablePlanMonths); // the 6,164.90 left after them, at up to 2,150 a month
        Assert.False(facts.BeyondAnyPlan);
        Assert.Equal("leisure", facts.LargestFlexibleCategory);
        Assert.Equal(new LocalDate(2026, 11, 27), facts.NextFollowUp);
        Assert.Equal(new LocalDate(2031, 11, 20), facts.NegativeRecordClearsOn);
        Assert.Equal("", facts.Outcome);
    }

    [Fact]
    public void Case_without_finances_has_no_capacity_and_is_never_called_beyond_any_plan()
    {
        var facts = Assessor.Assess(BorrowerCaseJsonTestsAccess.Seed() with { Finances = null }, Settings);

        Assert.False(facts.HasFinances);
        Assert.Equal(0m, facts.AffordableInstalment);
        Assert.Equal(0, facts.AffordablePlanMonths);
        Assert.False(facts.BeyondAnyPlan);
        Assert.False(facts.CanPayAmountDueNow);
    }

    [Fact]
    public void Case_grace_days_override_the_rule_sets()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();

        var facts = Assessor.Assess(c with { Account = c.Account with { GracePeriodDays = 10 } }, Settings);

        Assert.True(facts.InGracePeriod);
        Assert.True(facts.IsLastDayOfGrace);
    }

    [Fact]
    public void Earlier_unpaid_instalments_are_arrears_and_lateness_runs_from_the_oldest()
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        // September's instalment was never paid and October's only in part: three instalments behind, not one.
        var history = BehindSinceSeptember(seed, paidInOctober: 400m);

        var facts = Assessor.Assess(seed with { History = history }, Settings);

        Assert.Equal(1250m, facts.CurrentInstalment);
        Assert.Equal(2100m, facts.EarlierArrears);
        Assert.Equal(3350m, facts.AmountDue);
        Assert.Equal(3, facts.UnpaidInstalments);
        Assert.Equal(new LocalDate(2026, 9, 10), facts.DueDate);
        Assert.Equal(71, facts.DaysPastDue);
        Assert.False(facts.IsFirstOverdue);
        Assert.False(facts.CanPayAmountDueNow);
        // An oversight is short-term, but a month's bridge does not clear three instalments: the cash must be there by then,
        // beyond the regular 1,250 falling due on 10 December: 800 + 3,550 − 1,250 = 3,100, short of the 3,350 behind.
        Assert.Equal(3100.00m, facts.CashByExtensionEnd);
        Assert.False(facts.ExtensionClosesGap);
        var richer = Assessor.Assess(seed with { History = history, Finances = seed.Finances! with { Savings = 1100m } }, Settings);
        Assert.Equal(3400m, richer.CashByExtensionEnd);
        Assert.True(richer.ExtensionClosesGap);
    }

    [Fact]
    public void A_part_payment_towards_the_current_instalment_lowers_what_is_due()
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var history = seed.History.Select(r => r.DueDate == seed.Account.DueDate ? r with { PaidOn = new LocalDate(2026, 11, 12), AmountPaid = 500m } : r).ToArray();

        var facts = Assessor.Assess(seed with { History = new ValueList<RepaymentRecord>(history) }, Settings);

        Assert.Equal(750m, facts.AmountDue);
        Assert.Equal(1250m, facts.CurrentInstalment);
        Assert.Equal(0m, facts.EarlierArrears);
    }

    [Fact]
    public void A_payment_above_its_instalment_clears_the_oldest_arrears_first()
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var due = c.Account.DueDate; // the current instalment, 1,250 unpaid
        c = c with
        {
            History = new ValueList<RepaymentRecord>(
            [
                new RepaymentRecord { DueDate = due.PlusMonths(-3), AmountDue = 1250m },
                new RepaymentRecord { DueDate = due.PlusMonths(-2), AmountDue = 1250m },
                new RepaymentRecord { DueDate = due.PlusMonths(-1), AmountDue = 1250m, PaidOn = due.PlusMonths(-1), AmountPaid = 3000m },
                new RepaymentRecord { DueDate = due, AmountDue = 1250m },
            ]),
        };

        var facts = Assessor.Assess(c, Settings);

        // 1,750 paid above the last instalment clears the oldest (1,250) and 500 of the next: 750 remain, from two months ago.
        Assert.Equal(750m, facts.EarlierArrears);
        Assert.Equal(2, facts.UnpaidInstalments);
        Assert.Equal(due.PlusMonths(-2), facts.DueDate);
        Assert.Equal(2000m, facts.AmountDue);
    }

    [Fact]
    public void Unpaid_instalments_after_the_accounts_due_date_by_as_of_count_as_missed()
    {
        // A case may name its oldest missed payment as the account's, with the arrears as its amount, and list the later ones.
        var (c, due) = ThreeMonthlyInstalmentsOf1250(accountAmount: 3750m, paidOnTheSecond: 0m);

        var facts = Assessor.Assess(c, Settings);

        Assert.Equal(3, facts.UnpaidInstalments);
        Assert.Equal(3750m, facts.AmountDue); // what the account says is due, not counted again
        Assert.Equal(due, facts.DueDate);
    }

    [Fact]
    public void Current_instalment_is_the_records_when_the_account_amount_holds_several()
    {
        var (c, _) = ThreeMonthlyInstalmentsOf1250(accountAmount: 3750m, paidOnTheSecond: 0m);

        var facts = Assessor.Assess(c, Settings);

        Assert.Equal(1250m, facts.CurrentInstalment); // the regular instalment, not the three of them
        Assert.Equal(Math.Round(1250m / facts.MonthlyIncome, 4), facts.DebtServiceRatio);
    }

    [Fact]
    public void Account_amount_holding_the_earlier_arrears_is_not_counted_twice()
    {
        // The account names the latest missed instalment and gives both missed ones as its amount; the record lists both.
        var (c, due) = ThreeMonthlyInstalmentsOf1250(accountAmount: 1250m, paidOnTheSecond: 0m);
        var latest = c with
        {
            AsOf = due.PlusMonths(1).PlusDays(10),
            Account = c.Account with { DueDate = due.PlusMonths(1), AmountDue = 2500m },
            History = new ValueList<RepaymentRecord>(c.History.Take(2)),
        };

        var facts = Assessor.Assess(latest, Settings);

        Assert.Equal(2500m, facts.AmountDue); // not 2,500 + the earlier 1,250 again
        Assert.Equal(1250m, facts.CurrentInstalment);
        Assert.Equal(due, facts.DueDate); // lateness runs from the oldest
        Assert.Equal(2, facts.UnpaidInstalments);
    }

    [Fact]
    public void Current_instalment_is_the_accounts_when_no_later_instalment_is_unpaid()
    {
        // Nothing later for the account's amount to hold: what the lender now asks for on that date is the instalment.
        var seed = BorrowerCaseJsonTestsAccess.Seed();

        var facts = Assessor.Assess(seed with { Account = seed.Account with { AmountDue = 9000m } }, Settings);

        Assert.Equal(9000m, facts.CurrentInstalment);
    }

    [Fact]
    public void Later_unpaid_instalments_are_due_too_when_the_account_gives_only_its_own_instalment()
    {
        // The schema's reading: the account's amount is the instalment that fell due on its date; two more have fallen due since.
        var (c, _) = ThreeMonthlyInstalmentsOf1250(accountAmount: 1250m, paidOnTheSecond: 250m);

        var facts = Assessor.Assess(c, Settings);

        Assert.Equal(3, facts.UnpaidInstalments);
        Assert.Equal(3500m, facts.AmountDue);
        Assert.Equal(1250m, facts.CurrentInstalment);
    }

    /// <summary>The seed case with the account's due date two months back and three monthly instalments of 1,250 since, 10 days on.</summary>
    private static (BorrowerCase Case, LocalDate Due) ThreeMonthlyInstalmentsOf1250(decimal accountAmount, decimal paidOnTheSecond)
    {
        var c = BorrowerCaseJsonTestsAccess.Seed();
        var due = c.Account.DueDate.PlusMonths(-2);
        var second = paidOnTheSecond > 0
            ? new RepaymentRecord { DueDate = due.PlusMonths(1), AmountDue = 1250m, PaidOn = due.PlusMonths(1), AmountPaid = paidOnTheSecond }
            : new RepaymentRecord { DueDate = due.PlusMonths(1), AmountDue = 1250m };
        return (c with
        {
            AsOf = due.PlusMonths(2).PlusDays(10),
            Account = c.Account with { DueDate = due, AmountDue = accountAmount },
            History = new ValueList<RepaymentRecord>(
            [
                new RepaymentRecord { DueDate = due, AmountDue = 1250m },
                second,
                new RepaymentRecord { DueDate = due.PlusMonths(2), AmountDue = 1250m },
            ]),
        }, due);
    }

    [Fact]
    public void Instalments_paid_late_in_full_are_not_arrears()
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var late = seed.History.Select((r, i) => i == 1 ? r with { PaidOn = new LocalDate(2026, 10, 1) } : r).ToArray();

        var facts = Assessor.Assess(seed with { History = new ValueList<RepaymentRecord>(late) }, Settings);

        Assert.Equal(0m, facts.EarlierArrears);
        Assert.Equal(1250m, facts.AmountDue);
        Assert.Equal(1, facts.UnpaidInstalments);
        Assert.Equal(seed.Account.DueDate, facts.DueDate);
        Assert.Equal(1, facts.EarlierLatePayments);
    }

    [Property(MaxTest = 300)]
    public Property Amount_due_is_the_instalment_plus_every_unpaid_instalment_by_as_of_never_more_than_owed() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            decimal Paid(RepaymentRecord r) => r.PaidOn is null ? 0m : r.AmountPaid ?? 0m;
            var earlierRecords = c.History.Where(r => r.DueDate < c.Account.DueDate).OrderBy(r => r.DueDate).ToList();
            var paidOnCurrent = c.History.Where(r => r.DueDate == c.Account.DueDate).Sum(Paid);

            // In due-date order, a payment above its instalment pays the shortfalls before it, oldest first; the rest went to the balance.
            var earlier = new List<decimal>();
            void Pay(decimal spare)
            {
                for (var i = 0; i < earlier.Count && spare > 0; i++)
                {
                    var covered = Math.Min(spare, earlier[i]);
                    (earlier[i], spare) = (earlier[i] - covered, spare - covered);
                }

                earlier.RemoveAll(u => u == 0);
            }

            foreach (var r in earlierRecords)
            {
                Pay(Paid(r) - r.AmountDue);
                if (r.AmountDue > Paid(r))
                {
                    earlier.Add(r.AmountDue - Paid(r));
                }
            }

            Pay(paidOnCurrent - c.Account.AmountDue);
            // The account's instalment and every later one unpaid by asOf, unless the account's amount already holds them.
            var laterRecords = c.History.Where(r => r.DueDate > c.Account.DueDate && r.DueDate <= c.AsOf && r.AmountDue > Paid(r)).ToList();
            var later = laterRecords.Count;
            var recordOnDueDate = c.History.Where(r => r.DueDate == c.Account.DueDate).Select(r => r.AmountDue).DefaultIfEmpty(c.Account.AmountDue).First();
            var laterArrears = laterRecords.Sum(r => r.AmountDue - Paid(r));
            // An account amount above its date's instalment, with others unpaid, holds them: the larger reading, never the sum.
            var holdsOthers = c.Account.AmountDue > recordOnDueDate && earlier.Count + later > 0;
            var due = holdsOthers
                ? Math.Max(c.Account.AmountDue, Math.Max(0m, recordOnDueDate - paidOnCurrent) + earlier.Sum() + laterArrears)
                : Math.Max(0m, Math.Max(c.Account.AmountDue, recordOnDueDate + laterArrears) - paidOnCurrent) + earlier.Sum();
            return (facts.CurrentInstalment == (holdsOthers ? recordOnDueDate : c.Account.AmountDue)).Label("instalment")
                .And(facts.EarlierArrears == Currencies.ToMinorUnit(earlier.Sum(), 2)).Label("arrears")
                .And(facts.AmountDue == Currencies.ToMinorUnit(Math.Min(due, c.Account.TotalOwed), 2)).Label("amount due")
                .And(facts.UnpaidInstalments == (paidOnCurrent > 0 && paidOnCurrent >= recordOnDueDate ? 0 : 1) + earlier.Count + later).Label("count")
                .And(earlier.Count > 0 ? facts.DueDate < c.Account.DueDate : facts.DueDate == FirstUnpaidFrom(c.Account.DueDate)).Label("oldest");

            // Lateness runs from the oldest unpaid: an earlier one, else the account's own, else (paid in full) the first later one.
            LocalDate FirstUnpaidFrom(LocalDate due) =>
                paidOnCurrent > 0 && paidOnCurrent >= recordOnDueDate && later > 0 ? laterRecords.Min(r => r.DueDate) : due;
        });

    [Property(MaxTest = 300)]
    public Property Affordable_plan_is_the_shortest_term_whose_payment_fits() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            // Interest accrues until the plan starts (today, or the payday a month before its first instalment).
            // At the rate the account runs at from today: none once the lender has stopped interest.
            var rate = Assessor.Running(c.Account).AnnualRate ?? 0m;
            // What is disputed is left out of the plan: from the interest and charges where they hold it, else from the balance.
            var disputed = Math.Min(c.DisputedCharges.Sum(d => d.Amount), c.Account.TotalOwed);
            var inCharges = disputed <= c.Account.Interest + c.Account.Fees + c.Account.PenaltyInterest;
            var fromPrincipal = inCharges ? 0m : Math.Min(disputed, c.Account.Principal);
            var accrued = Assessor.PlanAccrued(c.Account, rate, c.AsOf, facts.PlanStartsOn, 2) - (inCharges ? disputed : disputed - fromPrincipal);
            // What savings pay now (what is overdue, or all of them when they cover less), then a low start while a hardship of
            // known length lasts where the budget after it differs, go to what has accrued first, then to the principal; the
            // plan is sized on the budget it runs on, within what the low start leaves of the longest term.
            var paidBefore = facts.PlanPaidNow + (facts.PlanLowStartMonths * facts.PlanLowStartPayment);
            var (principal, accruedLeft) = Assessor.AfterLowStart(c.Account.Principal - fromPrincipal, accrued, paidBefore);
            decimal Payment(int months) => Assessor.PlanPayment(principal, accruedLeft, rate, months, 2);
            var (n, affordable, longest) = (facts.AffordablePlanMonths, facts.PlanAffordable, Settings.MaxInstalmentMonths - facts.PlanLowStartMonths);
            return n == 0
                ? affordable == 0 || principal + accruedLeft == 0 || longest < 2 || Payment(longest) > affordable
                : n >= 2 && Payment(n) <= affordable && (n == 2 || Payment(n - 1) > affordable);
        });

    [Property(MaxTest = 300)]
    public Property An_extension_runs_its_usual_days_or_to_a_short_hardships_end_moving_only_the_instalments_before_it() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (c, bridge) =>
        {
            var settings = Settings with { MaxBridgeMonths = bridge, MaxDeferralMonths = 3 };
            var facts = Assessor.Assess(c, settings);
            var from = facts.DueDate > c.AsOf ? facts.DueDate : c.AsOf;
            var usual = from.PlusDays(settings.MaxExtensionDays);
            var months = c.Hardship.ExpectedMonths;
            var toHardshipEnd = facts.HardshipIsShortTerm && !facts.HardshipIsOver && months is { } m && m <= bridge && c.AsOf.PlusMonths(m) > usual &&
                                facts.AffordableInstalment < facts.CurrentInstalment;
            var moved = Enumerable.Range(1, 400).Select(k => c.Account.DueDate.PlusMonths(k))
                .Where(d => d > c.AsOf && d <= facts.ExtensionEndsOn).Count();
            // Otherwise the usual end, or, with the deferral allowed (maxDeferralMonths 3 here), the first whole month by which
            // the cash covers what is due after the regular instalments meanwhile.
            var payday = c.Finances?.Payday;
            var deferredTo = Enumerable.Range(2, 2).Select(k => Assessor.OnOrAfterPayday(from.PlusMonths(k), payday)).ToList();
            // With a payday before the usual end whose pay covers what is due, that payday.
            var nextPay = payday is null ? (LocalDate?)null : Assessor.OnOrAfterPayday(from.PlusDays(1), payday);
            var toPayday = !toHardshipEnd && nextPay < usual && facts.ExtensionEndsOn == nextPay && facts.CashByExtensionEnd >= facts.AmountDue;
            return toPayday ? facts.InstalmentsMovedByExtension == 0
                : toHardshipEnd
                ? facts.ExtensionEndsOn == (payday is null ? c.AsOf.PlusMonths(months!.Value) : Assessor.OnOrAfterPayday(c.AsOf.PlusMonths(months!.Value).PlusDays(1), payday)) &&
                  facts.InstalmentsMovedByExtension <= moved &&
                  facts.InstalmentsMovedByExtension <= facts.LaterInstalments
                : facts.InstalmentsMovedByExtension == 0 &&
                  (facts.ExtensionEndsOn == usual || (deferredTo.Contains(facts.ExtensionEndsOn) && facts.CashByExtensionEnd >= facts.AmountDue && !facts.HardshipIsLongTerm));
        });

    [Property(MaxTest = 300)]
    public Property Once_interest_has_stopped_nothing_is_counted_ahead_and_relief_is_not_possible() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var stopped = c with { Account = c.Account with { InterestStoppedOn = c.AsOf } };
            var facts = Assessor.Assess(stopped, Settings);
            var owed = facts.TotalOwed;
            return facts is { InterestStopped: true, AnnualRate: 0m, PenaltyDailyRate: 0m, MonthlyInterest: 0m, CostOfWaiting30Days: 0m, InterestReliefPossible: false } &&
                   facts.InterestStoppedOn == c.AsOf && owed == Assessor.Assess(c, Settings).TotalOwed &&
                   (facts.AffordableInstalment <= 0 || facts.MonthsToClear == (int)Math.Ceiling(owed / facts.AffordableInstalment) || facts.MonthsToClear == 0);
        });

    [Property(MaxTest = 300)]
    public Property What_is_owed_within_the_cap_is_the_total_less_the_charges_above_it_and_never_more_than_the_total() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings with { HcstcTotalCostCap = 1m });
            return facts.OwedWithinCap == facts.TotalOwed - facts.ChargesOverCap && facts.OwedWithinCap <= facts.TotalOwed &&
                   (facts.ChargesOverCap == 0 || facts.TotalCostCapApplies);
        });

    [Property(MaxTest = 300)]
    public Property Later_instalments_are_those_that_repay_the_balance_beyond_what_is_due_with_their_interest() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            var (beyond, regular) = (c.Account.TotalOwed - facts.AmountDue, facts.CurrentInstalment);
            if (regular <= 0 || beyond < regular / 2)
            {
                return facts.LaterInstalments == 0;
            }

            // Repay the balance month by month at the rate it runs at (the contract's, none once interest has stopped): the count
            // is the payment that clears it, or 9,999 when the payments never do (dividing the balance by the instalment comes
            // out one short: the balance has no future interest). Half an instalment of it is left out: a tail below that is
            // charges or rounding, not one more payment to come.
            var rate = Math.Min(Assessor.Running(c.Account).AnnualRate ?? 0m, Schedules.MaxAnnualRate) / 12m;
            var (left, count) = (beyond - (regular / 2), 0);
            while (left > 0 && count < 9_999 && regular > left * rate)
            {
                (left, count) = ((left * (1 + rate)) - regular, count + 1);
            }

            return facts.LaterInstalments == (left > 0 ? 9_999 : count);
        });

    [Property(MaxTest = 300)]
    public Property Catch_up_is_the_fewest_months_that_fit_for_what_savings_leave_while_the_contract_runs_on() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings with { CatchUpUpToDays = 180 });
            // Savings that do not cover what is overdue are paid now, less what a budget in deficit takes until a hardship of
            // known length ends; the plan catches up the rest.
            var deficit = Math.Max(0m, -facts.DisposableIncome); // after priority debts' payments
            var held = c.Hardship.Cause is not (HardshipCause.None or HardshipCause.DisputedCharge) && c.Hardship.ExpectedMonths is { } months and > 0 ? months * deficit : 0m;
            // And the rest of this pay period, where its pay came during the hardship: a share of the deficit by days.
            held += held > 0 ? CapacityOracle.RestOfPeriodDeficit(c, deficit) : 0m;

            var savings = Math.Min(c.Finances is { } f ? f.Savings - f.SavingsReserved : 0m, Math.Max(0m, facts.CashAvailable - held));
            var paidNow = facts.DaysPastDue > 0 && savings > 0 && savings < facts.AmountDue ? savings : 0m;
            var (n, due, regular, room) = (facts.CatchUpMonths, facts.AmountDue - paidNow, facts.CurrentInstalment, facts.AffordableInstalment - facts.CurrentInstalment);
            var contractRuns = facts.DaysPastDue is > 0 and <= 180 && !facts.HasTerminationNotice && !facts.DefaultDeadlinePassed;
            bool Fits(int months) => months * room >= due && months * regular <= c.Account.TotalOwed - facts.AmountDue && months <= Settings.MaxInstalmentMonths;
            return facts.PartPaymentNow == paidNow && (n == 0
                ? !contractRuns || due <= 0 || regular <= 0 || room <= 0 || !Enumerable.Range(2, Settings.MaxInstalmentMonths - 1).Any(Fits)
                : contractRuns && n >= 2 && Fits(n) && (n == 2 || (n - 1) * room < due));
        });

    [Property(MaxTest = 300)]
    public Property Money_facts_carry_the_currency_scale_and_ratios_four_places() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;
            return new[] { facts.TotalOwed, facts.AffordableInstalment, facts.DisposableIncome, facts.Savings, facts.CostOfWaiting30Days }.All(m => Scale(m) == 2)
                && new[] { facts.OnTimeRatio, facts.DebtServiceRatio, facts.FeesAndPenaltiesShare }.All(r => decimal.Round(r, 4) == r);
        });

    [Property(MaxTest = 500)]
    public Property Facts_read_in_one_pass_over_the_case_are_those_of_a_query_per_fact() =>
        Prop.ForAll(CaseGenerators.ValidCase().ToArbitrary(), c =>
        {
            var facts = Assessor.Assess(c, Settings);
            var grace = c.Account.GracePeriodDays ?? Settings.GracePeriodDays;
            var largest = c.Finances?.Expenses.Where(e => !e.IsEssential)
                .GroupBy(e => e.Category).Select(g => (Category: g.Key, Amount: g.Sum(e => e.Monthly)))
                .OrderByDescending(x => x.Amount).ThenBy(x => x.Category).FirstOrDefault();
            var last = c.Attempts.Count == 0 ? null : c.Attempts.OrderBy(a => a.On).Last();
            var firstComplaint = c.Attempts.Where(a => a.Channel == ContactChannel.Complaint).Select(a => (LocalDate?)a.On).Min();
            var firstOpenComplaint = c.Attempts.Where(a => a is { Channel: ContactChannel.Complaint, Outcome: AttemptOutcome.Pending or AttemptOutcome.NoResponse })
                .Select(a => (LocalDate?)a.On).Min();
            var promises = c.Attempts.SelectMany(a => a.Promises).Where(p => p.By >= c.AsOf).Select(p => p.By).ToList();
            // Each request type's latest answer (the last in the case of those on its day) decides whether it stands agreed.
            var answers = c.Attempts.Select((a, i) => (a, i)).Where(x => x.a.Requested is not null)
                .GroupBy(x => x.a.Requested!.Value).Select(g => g.OrderBy(x => x.a.On).ThenBy(x => x.i).Last().a).ToList();
            // A refusal that names a monthly payment is a counter-offer, as the case format says of monthlyPayment.
            static AttemptOutcome Answer(NegotiationAttempt a) => a is { Outcome: AttemptOutcome.Rejected, MonthlyPayment: not null } ? AttemptOutcome.PartiallyAccepted : a.Outcome;
            bool Counter(NegotiationAttempt a) => Answer(a) == AttemptOutcome.PartiallyAccepted && a.MonthlyPayment is { } m && c.Finances is not null && m > facts.AffordableInstalment;
            var agreed = answers.Where(a => Answer(a) is AttemptOutcome.Accepted or AttemptOutcome.PartiallyAccepted && !Counter(a))
                .Select(a => a.Requested!.Value).Order().Select(t => Name(t));
            var counter = answers.Where(Counter).Select(a => a.MonthlyPayment!.Value).DefaultIfEmpty(0m).Max();
            var named = c.Offers.LastOrDefault(o => o.From is OfferSource.LenderOfficial or OfferSource.CollectionAgency && (o.Amount is not null || o.Deadline is not null));
            var offerBy = named?.Deadline is { } by && by >= c.AsOf ? by : (LocalDate?)null;
            var letter = c.Notices.Where(n => n.Kind is not (NoticeKind.Default or NoticeKind.CourtClaim) && n.Deadline >= c.AsOf)
                .OrderBy(n => n.Deadline).FirstOrDefault();
            static string Name(Enum value) => CaseJson.EnumName(value);
            static bool Same(decimal a, decimal b) => decimal.GetBits(a).SequenceEqual(decimal.GetBits(b));
            return (facts.IsFirstOverdue == (c.History.Any(r => r.DueDate < c.Account.DueDate) && Delinquency.IsFirstOverdue(c.History, c.Account.DueDate, grace, c.AsOf)))
                .Label("first overdue")
                .And(facts.EarlierLatePayments == c.History.Count(r => r.DueDate < c.Account.DueDate && Delinquency.IsLate(r, grace, c.AsOf))).Label("earlier late")
                .And(facts.LargestFlexibleCategory == (largest is { Amount: > 0 } lf ? Name(lf.Category) : "")).Label("largest category")
                .And(Same(facts.LargestFlexibleAmount, Currencies.ToMinorUnit(largest?.Amount ?? 0m, 2))).Label("largest amount")
                .And(facts.LastAttemptOutcome == (last is null ? "none" : Name(Answer(last)))).Label("last outcome")
                .And(facts.DaysSinceLastAttempt == (last is null ? 0 : Period.DaysBetween(last.On, c.AsOf))).Label("days since last")
                .And(facts.DaysSinceComplaint == (firstComplaint is { } fc ? Period.DaysBetween(fc, c.AsOf) : 0)).Label("days since complaint")
                .And(facts.ComplaintAnswerOverdue == (firstOpenComplaint is { } due && due.PlusDays(Settings.ComplaintResponseDays) < c.AsOf)).Label("complaint answer overdue")
                .And(facts.ComplaintAnswered == (firstComplaint is not null && firstOpenComplaint is null)).Label("complaint answered")
                .And(facts.FailedAttempts == c.Attempts.Count(a => Answer(a) is AttemptOutcome.Rejected or AttemptOutcome.NoResponse)).Label("failed")
                .And(facts.HasContactedRegulator == c.Attempts.Any(a => a.Channel == ContactChannel.Regulator)).Label("regulator")
                .And(facts.HasTriedMediation == c.Attempts.Any(a => a.Channel == ContactChannel.Mediation)).Label("mediation")
                .And(facts.HasWrittenConfirmation == c.Attempts.Any(a => a.InWriting && Answer(a) is AttemptOutcome.Accepted or AttemptOutcome.PartiallyAccepted)).Label("written")
                .And(facts.HasPendingPromise == promises.Count > 0 && facts.NextPromiseDue == (promises.Count > 0 ? promises.Min() : c.AsOf)).Label("promises")
                .And(facts.HasThirdPartyOffer == c.Offers.Any(o => o.From is OfferSource.ThirdParty or OfferSource.Unknown)).Label("third party")
                .And(facts.HasLenderOffer == c.Offers.Any(o => o.From is OfferSource.LenderOfficial or OfferSource.CollectionAgency)).Label("lender offer")
                .And(facts.OfferAsksUpfrontFee == c.Offers.Any(o => o.UpfrontFee > 0)).Label("upfront")
                .And(Same(facts.LargestUpfrontFee, Currencies.ToMinorUnit(c.Offers.Count == 0 ? 0m : c.Offers.Max(o => o.UpfrontFee), 2))).Label("largest fee")
                .And(facts.HasUnwrittenOffer == c.Offers.Any(o => o.From != OfferSource.LenderOfficial && !o.InWriting)).Label("unwritten")
                .And(facts.OfferAsksPassword == c.Offers.Any(o => o.AsksForPassword) && facts.OfferAsksVerificationCode == c.Offers.Any(o => o.AsksForVerificationCode)
                    && facts.OfferAsksPersonalAccount == c.Offers.Any(o => o.AsksPaymentToPersonalAccount) && facts.OfferPromisesRecordRemoval == c.Offers.Any(o => o.PromisesCreditRecordRemoval)).Label("offer asks")
                .And(Same(facts.DisputedAmount, Currencies.ToMinorUnit(c.DisputedCharges.Sum(d => d.Amount), 2))).Label("disputed")
                .And(facts.Documents.SequenceEqual(c.Documents.Select(d => Name(d)).Distinct())).Label("documents")
                .And(Same(facts.LenderOfferAmount, Currencies.ToMinorUnit(named?.Amount ?? 0m, 2)) && facts.HasLenderOfferDeadline == offerBy is not null
                    && facts.LenderOfferDeadline == (offerBy ?? c.AsOf) && facts.DaysToLenderOfferDeadline == (offerBy is { } d ? Period.DaysBetween(c.AsOf, d) : 0)).Label("lender offer named")
                .And(facts.DaysFromDueDateToPayday == (c.Finances?.Payday is { } payday
                    ? Period.DaysBetween(c.Account.DueDate, Assessor.OnOrAfterPayday(c.Account.DueDate.PlusDays(1), payday)) : 0)).Label("due date to payday")
                .And(facts.AgreedRequests.SequenceEqual(agreed)).Label("agreed")
                .And(Same(facts.CounterOfferMonthly, Currencies.ToMinorUnit(counter, 2)) && facts.HasUnaffordableCounterOffer == counter > 0).Label("counter-offer")
                .And(facts.HasLetterDeadline == letter is not null && facts.LetterDeadline == (letter?.Deadline ?? c.AsOf)
                    && facts.LetterDeadlineKind == (letter is null ? "" : Name(letter.Kind))).Label("letter deadline")
                .And(facts.LenderKind == Name(c.Lender.Kind) && facts.HardshipCause == Name(c.Hardship.Cause) && facts.Goal == Name(c.Goal)).Label("codes");
        });

    [Fact]
    public void Code_names_from_the_table_are_the_case_files_names()
    {
        static void Check<T>() where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                Assert.Equal(CaseJson.EnumName(value), EnumNames<T>.Of(value));
            }

            // A value the enum does not define is named as the case reader would name it, not refused.
            var undefined = (T)Enum.ToObject(typeof(T), 977);
            Assert.Equal(CaseJson.EnumName(undefined), EnumNames<T>.Of(undefined));
        }

        Check<LenderKind>();
        Check<HardshipCause>();
        Check<NegotiationGoal>();
        Check<AttemptOutcome>();
        Check<DocumentKind>();
        Check<ExpenseCategory>();
        Check<DelinquencyBucket>();
        Check<AssetTier>();
        Check<AllocationOrder>();
    }

    [Fact]
    public void Cash_by_the_extension_end_leaves_out_only_the_instalments_it_does_not_move()
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        // The regular 1,250 of 10 December falls due before the extension ends on 20 December and is paid from the same income.
        var running = Assessor.Assess(seed, Settings);
        Assert.Equal(new LocalDate(2026, 12, 20), running.ExtensionEndsOn);
        Assert.Equal(0, running.InstalmentsMovedByExtension);
        Assert.Equal(3100.00m, running.CashByExtensionEnd);

        // The last instalment: nothing falls due after it, so the month's surplus is all there.
        var last = Assessor.Assess(seed with { Account = seed.Account with { Principal = 1250m } }, Settings);
        Assert.Equal(4350.00m, last.CashByExtensionEnd);

        // A two-month illness on 7,500 a month (1,150 sustainable, below the 1,250 instalment) moves the instalments of
        // 10 December and 10 January with what is due, so neither is paid meanwhile: 800 + 1,550, nothing taken off.
        var illness = seed with
        {
            Hardship = new Hardship { Cause = HardshipCause.Illness, ExpectedMonths = 2 },
            Finances = seed.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 7500m }]) },
        };
        var bridged = Assessor.Assess(illness, Settings with { MaxBridgeMonths = 3 });
        Assert.Equal(1150m, bridged.AffordableInstalment);
        Assert.Equal(new LocalDate(2027, 1, 20), bridged.ExtensionEndsOn);
        Assert.Equal(2, bridged.InstalmentsMovedByExtension);
        Assert.Equal(2350.00m, bridged.CashByExtensionEnd);

        // On the seed's own budget (2,150 sustainable) the instalments can be met, so nothing moves and the usual month applies.
        var coping = Assessor.Assess(illness with { Finances = seed.Finances }, Settings with { MaxBridgeMonths = 3 });
        Assert.Equal(new LocalDate(2026, 12, 20), coping.ExtensionEndsOn);
        Assert.Equal(0, coping.InstalmentsMovedByExtension);
    }

    [Fact]
    public void An_extension_runs_whole_months_up_to_the_deferral_limit_for_the_surplus_to_cover_what_is_due()
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        // Three instalments behind (3,750) with nothing saved, 3,550 of surplus a month and 1,250 due on the 10th.
        var behind = seed with { History = BehindSinceSeptember(seed, paidInOctober: 0m), Finances = seed.Finances! with { Savings = 0m } };

        // The usual 30 days: 3,550 less the 10 December instalment leaves 2,300, short of 3,750.
        var usual = Assessor.Assess(behind, Settings);
        Assert.Equal(3750m, usual.AmountDue);
        Assert.Equal(new LocalDate(2026, 12, 20), usual.ExtensionEndsOn);
        Assert.Equal(2300m, usual.CashByExtensionEnd);
        Assert.False(usual.ExtensionClosesGap);

        // Two whole months: 7,100 less the 10 December and 10 January instalments leaves 4,600, which covers it.
        var deferred = Assessor.Assess(behind, Settings with { MaxDeferralMonths = 2 });
        Assert.Equal(new LocalDate(2027, 1, 20), deferred.ExtensionEndsOn);
        Assert.Equal(4600m, deferred.CashByExtensionEnd);
        Assert.True(deferred.ExtensionClosesGap);
        Assert.Equal(0, deferred.InstalmentsMovedByExtension);
    }

    /// <summary>The seed case on sick pay of 6,000 a month (50 left after spending), with so many more months of illness.</summary>
    [Fact]
    public void A_passing_cause_begun_more_than_the_short_term_ago_that_left_the_budget_short_is_lasting()
    {
        // A family emergency eight months on, on 6,000 a month: the budget no longer meets the 1,250 instalment (a26-01).
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var emergency = seed with
        {
            Hardship = new Hardship { Cause = HardshipCause.FamilyEmergency, Since = seed.AsOf.PlusMonths(-8) },
            Finances = seed.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 6000m }]) },
        };
        var eightMonthsOn = Assessor.Assess(emergency, Settings);
        Assert.True(eightMonthsOn.AffordableInstalment < eightMonthsOn.CurrentInstalment);
        Assert.True(eightMonthsOn.HardshipIsLongTerm);
        Assert.False(eightMonthsOn.HardshipIsShortTerm);
        Assert.Equal(8, eightMonthsOn.HardshipMonthsSoFar);

        // Begun within the short term (three whole months), it is still taken to pass.
        var recent = Assessor.Assess(emergency with { Hardship = emergency.Hardship with { Since = seed.AsOf.PlusMonths(-3) } }, Settings);
        Assert.True(recent.HardshipIsShortTerm);

        // Eight months on with the usual budget, which meets the instalment: the trouble is cash on the day (a13-03).
        var meets = Assessor.Assess(seed with { Hardship = emergency.Hardship }, Settings);
        Assert.True(meets.AffordableInstalment >= meets.CurrentInstalment);
        Assert.True(meets.HardshipIsShortTerm);

        // Whose hardship it is changes no figure; it is a fact the messages can word.
        var hers = Assessor.Assess(emergency with { Hardship = emergency.Hardship with { Affects = HardshipAffects.Family } }, Settings);
        Assert.True(hers.HardshipInFamily);
        Assert.False(eightMonthsOn.HardshipInFamily);
        Assert.Equal((eightMonthsOn.HardshipIsLongTerm, eightMonthsOn.AffordableInstalment), (hers.HardshipIsLongTerm, hers.AffordableInstalment));

        // An oversight is never read as lasting.
        var oversight = Assessor.Assess(emergency with { Hardship = emergency.Hardship with { Cause = HardshipCause.Oversight } }, Settings);
        Assert.True(oversight.HardshipIsShortTerm);
    }

    [Fact]
    public void A_pay_landing_before_a_payment_not_yet_due_meets_it_when_its_surplus_covers_it()
    {
        // A lasting illness, nothing saved, 1,198.18 due on 18 November; paid on the 16th, the budget leaves 1,700 a month.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var ill = seed with
        {
            AsOf = new LocalDate(2026, 11, 12),
            Account = seed.Account with { DueDate = new LocalDate(2026, 11, 18), AmountDue = 1_198.18m },
            History = ValueList<RepaymentRecord>.Empty,
            Finances = seed.Finances! with
            {
                Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 6_900m }]),
                Expenses = new ValueList<Expense>([new Expense { Category = ExpenseCategory.Housing, Monthly = 5_200m }]),
                OtherDebts = ValueList<OtherDebt>.Empty, LumpSums = ValueList<LumpSum>.Empty, Savings = 0m, Payday = 16,
            },
            Hardship = new Hardship { Cause = HardshipCause.Illness },
        };
        var paid = Assessor.Assess(ill, Settings);
        Assert.Equal(0m, paid.CashAvailable);
        Assert.Equal(1_700m, paid.CashByDueDate);
        Assert.Equal(new LocalDate(2026, 11, 16), paid.PayBeforeDueOn);
        Assert.True(paid.AmountDueFromPay);
        Assert.True(paid.CanPayAmountDueNow);

        // Paid on the 20th, after the due date: nothing lands in time.
        var late = Assessor.Assess(ill with { Finances = ill.Finances! with { Payday = 20 } }, Settings);
        Assert.Equal(ill.AsOf, late.PayBeforeDueOn);
        Assert.False(late.AmountDueFromPay);
        Assert.False(late.CanPayAmountDueNow);

        // A surplus short of the instalment does not meet it.
        var short1 = Assessor.Assess(ill with { Account = ill.Account with { AmountDue = 1_800m } }, Settings);
        Assert.False(short1.AmountDueFromPay);
        Assert.False(short1.CanPayAmountDueNow);

        // With no cause the month's surplus is already cash now: the pay is not what meets it.
        var noCause = Assessor.Assess(ill with { Hardship = new Hardship { Cause = HardshipCause.None } }, Settings);
        Assert.True(noCause.CanPayAmountDueNow);
        Assert.False(noCause.AmountDueFromPay);

        // Overdue, the pay is the next income, as before.
        var overdue = Assessor.Assess(ill with { AsOf = new LocalDate(2026, 11, 19) }, Settings);
        Assert.False(overdue.AmountDueFromPay);
        Assert.False(overdue.CanPayAmountDueNow);
    }

    private static BorrowerCase IllOnSickPay(int months)
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        return seed with
        {
            Hardship = new Hardship { Cause = HardshipCause.Illness, ExpectedMonths = months },
            Finances = seed.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 6000m }]) },
        };
    }

    [Fact]
    public void A_deferral_budgets_the_months_after_a_hardship_on_the_income_expected_then()
    {
        // One more month of illness on 6,000 (50 left after spending), 800 saved, 1,250 due and 1,250 falling due on each 10th.
        var ill = IllOnSickPay(months: 1);
        var settings = Settings with { MaxDeferralMonths = 2 };

        // On the sick-pay budget alone two months leave 800 + 2 × 50 against two instalments: nothing for what is due, so
        // the month's extension stands, and closes the gap only on the assumption that a short hardship's end brings the
        // usual budget back.
        var unknown = Assessor.Assess(ill, settings);
        Assert.Equal(0m, unknown.IncomeAfterHardship);
        Assert.Equal(new LocalDate(2026, 12, 20), unknown.ExtensionEndsOn);
        Assert.Equal(0m, unknown.CashByExtensionEnd);
        Assert.True(unknown.ExtensionClosesGap);
        Assert.False(unknown.BudgetShortAfterHardship);

        // Full pay (9,500) from the second month: 800 + 50 + 3,550 - 2 × 1,250 = 1,900 by 20 January, which covers the 1,250.
        var known = Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 9500m } }, settings);
        Assert.Equal(9500m, known.IncomeAfterHardship);
        Assert.Equal(new LocalDate(2027, 1, 20), known.ExtensionEndsOn);
        Assert.Equal(1900m, known.CashByExtensionEnd);
        Assert.True(known.ExtensionClosesGap);
        Assert.False(known.BudgetShortAfterHardship);

        // A lower income after (a lasting pay cut to 5,000) leaves nothing either month, and the case says the budget will
        // not recover: no extension covers it.
        var cut = Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 5000m } }, settings);
        Assert.Equal(new LocalDate(2026, 12, 20), cut.ExtensionEndsOn);
        Assert.False(cut.ExtensionClosesGap);
        Assert.True(cut.BudgetShortAfterHardship);
        Assert.True(cut.AffordableAfterHardship < cut.CurrentInstalment);
    }

    [Fact]
    public void A_hardship_longer_than_the_short_term_is_short_when_it_ends_within_the_bridge_and_the_budget_after_meets_the_instalment()
    {
        // Five more months of illness on 6,000 (short term 3 months, bridge up to 6).
        var ill = IllOnSickPay(months: 5);
        var settings = Settings with { MaxBridgeMonths = 6 };

        // Nothing said of the income after it: lasting.
        var unknown = Assessor.Assess(ill, settings);
        Assert.True(unknown.HardshipIsLongTerm);

        // Back on 14,000 (4,400 sustainable against 1,250): a dip with a known end and a known recovery, bridged.
        var back = Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 14000m } }, settings);
        Assert.True(back.HardshipIsShortTerm);
        Assert.False(back.HardshipIsLongTerm);

        // Back on 7,000 (900 sustainable, below the instalment): the budget does not recover, so it stays lasting.
        var thin = Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 7000m } }, settings);
        Assert.True(thin.AffordableAfterHardship < thin.CurrentInstalment);
        Assert.True(thin.HardshipIsLongTerm);

        // Past the bridge (seven months), even a full recovery leaves it lasting; and with no bridge set, the short term rules.
        var seven = Assessor.Assess(ill with { Hardship = new Hardship { Cause = HardshipCause.Illness, ExpectedMonths = 7, IncomeAfter = 14000m } }, settings);
        Assert.True(seven.HardshipIsLongTerm);
        Assert.True(Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 14000m } }, Settings).HardshipIsLongTerm);
    }

    [Fact]
    public void A_deferral_to_a_hardships_end_closes_the_gap_when_the_budget_after_catches_up_what_it_leaves_within_the_short_term()
    {
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        // Three instalments unpaid (September, October, November: 3,750), two more months of illness on 6,000, 800 saved.
        // What the deferral leaves owing at its end cannot come from cash, so without the budget after it closes nothing.
        var ill = IllOnSickPay(months: 2) with { History = BehindSinceSeptember(seed, 0m) };
        var settings = Settings with { MaxBridgeMonths = 3 };
        var unknown = Assessor.Assess(ill, settings);
        Assert.Equal(2, unknown.InstalmentsMovedByExtension);
        Assert.True(unknown.CashByExtensionEnd < unknown.AmountDue);
        Assert.False(unknown.ExtensionClosesGap);

        // Back on 14,000 after it: 4,400 sustainable, 3,150 a month beyond the instalment, catches up what is left within
        // the short term's 3 months.
        var back = Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 14000m } }, settings);
        Assert.Equal(4400m, back.AffordableAfterHardship);
        Assert.True(back.ExtensionClosesGap);
        Assert.True(AdviceInvariantChecks.CaughtUpAfter(back)); // the property oracle reads the published figures alike

        // Back on 8,000 (1,400 sustainable, 150 beyond the instalment): 450 in 3 months does not, so it still closes nothing.
        var thin = Assessor.Assess(ill with { Hardship = ill.Hardship with { IncomeAfter = 8000m } }, settings);
        Assert.Equal(1400m, thin.AffordableAfterHardship);
        Assert.False(thin.BudgetShortAfterHardship);
        Assert.False(thin.ExtensionClosesGap);
        Assert.False(AdviceInvariantChecks.CaughtUpAfter(thin));
    }

    [Fact]
    public void An_instalment_paid_in_full_late_leaves_nothing_overdue_and_none_unpaid()
    {
        // w04: the case names the instalment of 10 November, paid in full on the 16th: nothing is overdue now.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var paidLate = seed with
        {
            History = new ValueList<RepaymentRecord>([seed.History[0], seed.History[1], seed.History[2],
                new RepaymentRecord { DueDate = new LocalDate(2026, 11, 10), AmountDue = 1250m, PaidOn = new LocalDate(2026, 11, 16), AmountPaid = 1250m }]),
        };
        var facts = Assessor.Assess(paidLate, Settings);
        Assert.Equal((0m, 0, false, 0), (facts.AmountDue, facts.DaysPastDue, facts.IsOverdue, facts.UnpaidInstalments));

        // With September and October still unpaid, those two are overdue, from the oldest; November's payment is not among them.
        var behind = BehindSinceSeptember(seed, 0m);
        var earlier = Assessor.Assess(paidLate with { History = new ValueList<RepaymentRecord>([behind[0], behind[1], behind[2], paidLate.History[3]]) }, Settings);
        Assert.True(earlier.IsOverdue);
        Assert.Equal(2, earlier.UnpaidInstalments);
        Assert.Equal(2500m, earlier.AmountDue);
    }

    [Fact]
    public void A_one_month_gap_in_deficit_moves_the_instalment_falling_due_and_keeps_the_savings_for_essentials()
    {
        // u02: a family emergency for one more month on 1,500 a month (a deficit), 900 saved, full pay after. A month from today
        // is also where the usual extension ends: the bridge to the hardship's end moves December's instalment with November's,
        // and the 900 is not paid in now, since the deficit will take it before the pay comes back.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var gap = seed with
        {
            Hardship = new Hardship { Cause = HardshipCause.FamilyEmergency, ExpectedMonths = 1, IncomeAfter = 14000m },
            Finances = seed.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 1500m }]), Savings = 900m },
        };
        var settings = Settings with { MaxBridgeMonths = 3 };
        var facts = Assessor.Assess(gap, settings);
        Assert.True(facts.DisposableIncome < 0);
        Assert.Equal((new LocalDate(2026, 12, 20), 1, 0m), (facts.ExtensionEndsOn, facts.InstalmentsMovedByExtension, facts.PartPaymentNow));

        // With the budget balanced meanwhile, the savings go in now as a part payment.
        var balanced = Assessor.Assess(gap with { Finances = gap.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 9000m }]) } }, settings);
        Assert.Equal(900m, balanced.PartPaymentNow);
    }

    [Fact]
    public void Savings_a_deficit_budget_lives_on_until_the_hardship_ends_do_not_pay_the_debt_off()
    {
        // b9-06: savings above everything owed, but a month on 1,500 of income in deficit takes most of them first.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var owed = seed.Account.TotalOwed;
        var gap = seed with
        {
            Hardship = new Hardship { Cause = HardshipCause.IncomeDrop, ExpectedMonths = 1, IncomeAfter = 14000m },
            Finances = seed.Finances! with { Income = new ValueList<IncomeSource>([new IncomeSource { Monthly = 1500m, Stable = true }]), Savings = owed + 100m },
        };
        var facts = Assessor.Assess(gap, Settings);
        Assert.True(facts.DisposableIncome < -100m);
        Assert.False(facts.CanPayAllNow);

        // Enough to live on through the month and pay everything: then they do.
        var ample = Assessor.Assess(gap with { Finances = gap.Finances! with { Savings = owed - facts.DisposableIncome } }, Settings);
        Assert.True(ample.CanPayAllNow);
    }

    [Fact]
    public void A_written_settlement_is_paid_from_savings_now_and_the_rest_over_the_months_the_budget_needs()
    {
        // The seed owes 6,964.90 with 800 saved; the lender offers to settle for 5,000 by ten days from now.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var offer = new ReceivedOffer { From = OfferSource.LenderOfficial, Kind = OfferKind.Settlement, Amount = 5000m, Deadline = seed.AsOf.PlusDays(10), InWriting = true };
        var facts = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer]) }, Settings);
        Assert.Equal(("settlement", true, 1964.90m, false, 800m), (facts.LenderOfferKind, facts.SettlementOffered, facts.SettlementSaves, facts.CanPaySettlementNow, facts.SettlementPaidNow));
        Assert.Equal(Math.Max(2, (int)Math.Ceiling(4200m / facts.PlanAffordable)), facts.SettlementPlanMonths);
        Assert.True(facts.SettlementPlanMonths >= 2);

        // Savings that cover it pay it now; a rollover's sum, or a settlement whose day has passed, is no settlement.
        var rich = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer]), Finances = seed.Finances! with { Savings = 6000m } }, Settings);
        Assert.Equal((true, 5000m, 0), (rich.CanPaySettlementNow, rich.SettlementPaidNow, rich.SettlementPlanMonths));
        var rollover = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer with { Kind = OfferKind.Rollover, Amount = 72m }]) }, Settings);
        Assert.Equal(("rollover", false, 0m), (rollover.LenderOfferKind, rollover.SettlementOffered, rollover.SettlementSaves));
        var lapsed = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer with { Deadline = seed.AsOf.PlusDays(-1) }]) }, Settings);
        Assert.False(lapsed.SettlementOffered);
        var byPhone = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer with { InWriting = false }]) }, Settings);
        Assert.Equal(("settlement", false), (byPhone.LenderOfferKind, byPhone.SettlementOffered));

        // A demand for a sum below everything owed, in writing, is no settlement either: nothing is written off.
        var demand = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer with { Kind = OfferKind.Demand, From = OfferSource.CollectionAgency }]) }, Settings);
        Assert.Equal(("demand", false, 0m), (demand.LenderOfferKind, demand.SettlementOffered, demand.SettlementSaves));
        Assert.True(demand.LenderOfferFromCollector);

        // A written settlement that asks for a password, a fee first or payment to a personal account is no settlement to accept.
        var scam = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer with { AsksForPassword = true }]) }, Settings);
        Assert.False(scam.SettlementOffered);
        var fee = Assessor.Assess(seed with { Offers = new ValueList<ReceivedOffer>([offer with { UpfrontFee = 200m }]) }, Settings);
        Assert.False(fee.SettlementOffered);
        Assert.False(facts.LenderOfferFromCollector);
    }

    [Fact]
    public void A_confirmed_lump_sum_ends_the_extension_on_its_day_and_a_hoped_one_changes_nothing()
    {
        // The seed: 1,250 due, 800 saved; the usual extension runs 30 days to 20 Dec. A bonus of 2,000 confirmed for 5 Dec
        // covers what is due that day, so the extension ends then.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var bonus = new LumpSum { Amount = 2000m, On = new LocalDate(2026, 12, 5), Confirmed = true, Source = "bonus" };
        var without = Assessor.Assess(seed, Settings);
        var with = Assessor.Assess(seed with { Finances = seed.Finances! with { LumpSums = new ValueList<LumpSum>([bonus]) } }, Settings);

        Assert.Equal(new LocalDate(2026, 12, 20), without.ExtensionEndsOn);
        Assert.Equal((true, 2000m, new LocalDate(2026, 12, 5), 15, true), (with.HasLumpSum, with.LumpSumAmount, with.LumpSumOn, with.DaysToLumpSum, with.LumpSumCoversDue));
        Assert.Equal((new LocalDate(2026, 12, 5), 2800m), (with.ExtensionEndsOn, with.CashByExtensionEnd));
        Assert.False(with.LumpSumCoversAll);
        Assert.True(Assessor.Assess(seed with { Finances = seed.Finances! with { LumpSums = new ValueList<LumpSum>([bonus with { Amount = 6200m }]) } }, Settings).LumpSumCoversAll);

        // Only hoped for: nothing is planned on it.
        var hoped = Assessor.Assess(seed with { Finances = seed.Finances! with { LumpSums = new ValueList<LumpSum>([bonus with { Confirmed = false }]) } }, Settings);
        Assert.Equal((false, true, without.ExtensionEndsOn, without.CashByExtensionEnd), (hoped.HasLumpSum, hoped.LumpSumHoped, hoped.ExtensionEndsOn, hoped.CashByExtensionEnd));
    }

    [Fact]
    public void Lateness_runs_from_the_first_later_instalment_unpaid_when_the_named_one_was_paid_late_in_full()
    {
        // The case names October's instalment, paid in full two days late; November's is unpaid. On 20 November the
        // borrower is 10 days late with one instalment (November's), not 41 days from a payment already made.
        var seed = BorrowerCaseJsonTestsAccess.Seed();
        var october = new LocalDate(2026, 10, 10);
        var laterMissed = seed with
        {
            Account = seed.Account with { DueDate = october },
            History = new ValueList<RepaymentRecord>([seed.History[0], seed.History[1],
                new RepaymentRecord { DueDate = october, AmountDue = 1250m, PaidOn = new LocalDate(2026, 10, 12), AmountPaid = 1250m },
                seed.History[3]]),
        };
        var facts = Assessor.Assess(laterMissed, Settings);
        Assert.Equal((1250m, 10, 1, new LocalDate(2026, 11, 10)), (facts.AmountDue, facts.DaysPastDue, facts.UnpaidInstalments, facts.DueDate));
    }

    /// <summary>The seed's history with September's instalment unpaid and October's paid only <paramref name="paidInOctober"/>.</summary>
    private static ValueList<RepaymentRecord> BehindSinceSeptember(BorrowerCase seed, decimal paidInOctober) => new(
    [
        seed.History[0],
        new RepaymentRecord { DueDate = new LocalDate(2026, 9, 10), AmountDue = 1250m },
        paidInOctober > 0
            ? new RepaymentRecord { DueDate = new LocalDate(2026, 10, 10), AmountDue = 1250m, PaidOn = new LocalDate(2026, 10, 12), AmountPaid = paidInOctober }
            : new RepaymentRecord { DueDate = new LocalDate(2026, 10, 10), AmountDue = 1250m },
        seed.History[3],
    ]);

    [Fact]
    public void Follow_up_comes_three_days_before_the_earliest_deadline_ahead_and_never_before_tomorrow()
    {
        var asOf = new LocalDate(2026, 2, 27);
        Notice Default(int daysAhead) => new() { Kind = NoticeKind.Default, ReceivedOn = asOf.PlusDays(-5), Deadline = asOf.PlusDays(daysAhead) };
        var overdue = asOf.PlusDays(-10);

        // No deadline ahead: the rule set's 14 days. A default notice running out in 10 days: 3 days before it (x04: a chase
        // on 13 March came after a 9 March deadline). One running out tomorrow: tomorrow. A due date 13 days ahead: 10 days.
        Assert.Equal(asOf.PlusDays(14), Assessor.FollowUp(asOf, 14, overdue, [], []));
        Assert.Equal(asOf.PlusDays(7), Assessor.FollowUp(asOf, 14, overdue, [Default(10)], []));
        Assert.Equal(asOf.PlusDays(1), Assessor.FollowUp(asOf, 14, overdue, [Default(1)], []));
        Assert.Equal(asOf.PlusDays(10), Assessor.FollowUp(asOf, 14, asOf.PlusDays(13), [Default(-2)], []));
    }

    [Fact]
    public void Follow_up_comes_before_an_offer_from_the_lender_lapses_but_not_for_a_third_partys_deadline()
    {
        // a15-02, b15-02: a written counter-offer to accept within days; the chase came after it had lapsed.
        var asOf = new LocalDate(2026, 6, 25);
        ReceivedOffer Offer(OfferSource from, int daysAhead) => new() { From = from, Kind = OfferKind.PaymentPlan, Deadline = asOf.PlusDays(daysAhead) };
        var overdue = asOf.PlusDays(-10);

        Assert.Equal(asOf.PlusDays(7), Assessor.FollowUp(asOf, 14, overdue, [], [Offer(OfferSource.LenderOfficial, 10)]));
        Assert.Equal(asOf.PlusDays(1), Assessor.FollowUp(asOf, 14, overdue, [], [Offer(OfferSource.CollectionAgency, 3)]));
        Assert.Equal(asOf.PlusDays(14), Assessor.FollowUp(asOf, 14, overdue, [], [Offer(OfferSource.ThirdParty, 3)]));
        // The day by which the lender's latest answer asks for a reply is chased before, as an offer's deadline is.
        Assert.Equal(asOf.PlusDays(5), Assessor.FollowUp(asOf, 14, overdue, [], [], asOf.PlusDays(8)));
        Assert.Equal(asOf.PlusDays(14), Assessor.FollowUp(asOf, 14, overdue, [], [], asOf.PlusDays(-1)));
    }

    [Fact]
    public void A_deferral_that_moves_the_last_instalments_leaves_no_more_to_catch_up_than_is_owed()
    {
        // a20-03: a 12-month 享花卡 plan with its last four bills due during a course that ends with a signed job starting on
        // payday; the deferral moves them all to the first pay from it, a month later. What is caught up after it is what is
        // owed less the cash then (4,369.15 - 4,000.00), not four full bills plus one more the loan no longer has.
        var file = Negotiation.Core.Tests.Support.TestFiles.Path("rules", "cn-consumer-credit", "scenarios", "a20-03-course-signed-job-xianghua-extension.json");
        var settings = AssessmentSettings.From(Negotiation.Core.RuleSets.RuleSet.Default.Parameters);
        var facts = Assessor.Assess(Negotiation.Core.Scenarios.Scenario.FromFile(file).Case, settings);
        Assert.True(facts.InstalmentsMovedByExtension > 0);
        Assert.Equal(facts.TotalOwed - facts.CashByExtensionEnd, facts.DeferralShortfall);
        Assert.Equal(new LocalDate(2027, 4, 18), facts.ExtensionEndsOn);
        Assert.Equal(369.15m, facts.DeferralShortfall);
    }

    [Fact]
    public void Another_debt_repaid_within_a_hardship_frees_its_payment_for_the_budget_after_it()
    {
        // a34-02 (round 48): a car loan of ¥2,150 a month with ¥4,279.11 left ends within the two squeezed months. From
        // January she has ¥2,650 a month, so the ¥1,215.39 deferred to her first pay after it is covered, where counting the
        // car loan for ever left ¥465.65 "to catch up over a few months".
        var file = Negotiation.Core.Tests.Support.TestFiles.Path("rules", "cn-consumer-credit", "scenarios",
            "a34-02-bnpl-line-car-loan-ends-in-two-months-pay-500-defer-the-shortfall-to-january.json");
        var settings = AssessmentSettings.From(Negotiation.Core.RuleSets.RuleSet.Default.Parameters);
        var facts = Assessor.Assess(Negotiation.Core.Scenarios.Scenario.FromFile(file).Case, settings);

        Assert.Equal(2_150m, facts.FreedDebtPayments);
        Assert.False(facts.IncomeAfterKnown);
        Assert.Equal((new LocalDate(2027, 1, 15), 1_215.39m, 0m), (facts.ExtensionEndsOn, facts.AmountDue + (2 * (facts.CurrentInstalment - facts.AffordableInstalment)), facts.DeferralShortfall));
    }

    [Theory]
    [InlineData("a21-06-consumer-finance-two-broken-promises-new-job.json", true)]
    [InlineData("133-broken-promises-nothing-paid-since.json", false)]
    public void Paying_again_after_the_last_broken_promise_is_a_fact(string scenario, bool paidSince)
    {
        // a21-06 paid an instalment on 2026-11-16, after the promise of 2026-09-30 was broken; 133 paid it on 2026-09-20, before.
        var file = Negotiation.Core.Tests.Support.TestFiles.Path("rules", "cn-consumer-credit", "scenarios", scenario);
        var facts = Assessor.Assess(Negotiation.Core.Scenarios.Scenario.FromFile(file).Case, Settings);

        Assert.Equal(2, facts.BrokenPromises);
        Assert.Equal(paidSince, facts.PaidSincePromiseBroken);
    }
}
