using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using NodaTime;

namespace Negotiation.Core.Tests.Calculators;

public sealed class ChargesTests
{
    private static readonly Account Overdue = new()
    {
        Principal = 10_000m, Interest = 150m, Fees = 200m, PenaltyInterest = 50m,
        AnnualRate = 0.18m, PenaltyDailyRate = 0.0005m, DueDate = new LocalDate(2025, 3, 15), AmountDue = 1_000m,
    };

    [Fact]
    public void Penalty_interest_is_simple_daily_interest_on_the_principal()
    {
        Assert.Equal(150m, Charges.PenaltyInterest(10_000m, 0.0005m, new LocalDate(2025, 3, 15), new LocalDate(2025, 4, 14)));
        Assert.Equal(0m, Charges.PenaltyInterest(10_000m, 0.0005m, new LocalDate(2025, 3, 15), new LocalDate(2025, 3, 1)));
    }

    [Fact]
    public void Waiting_costs_the_penalty_rate_on_the_principal_never_on_fees()
    {
        Assert.Equal(50m, Charges.CostOfWaiting(Overdue, 10));
        Assert.Equal(Charges.CostOfWaiting(Overdue, 10), Charges.CostOfWaiting(Overdue with { Fees = 1_000_000m }, 10));
    }

    [Fact]
    public void Without_a_penalty_rate_waiting_costs_the_contract_rate_by_the_day_count()
    {
        var account = Overdue with { PenaltyDailyRate = null };

        Assert.Equal(49.32m, Charges.CostOfWaiting(account, 10)); // 10000 × 0.18 / 365 × 10
        Assert.Equal(50.00m, Charges.CostOfWaiting(account, 10, DayCount.Actual360));
        Assert.Equal(0m, Charges.CostOfWaiting(account with { AnnualRate = null }, 10));
    }

    [Fact]
    public void Fees_and_penalties_share_is_their_part_of_the_total_owed()
    {
        Assert.Equal(250m / 10_400m, Charges.FeesAndPenaltiesShare(Overdue));
        Assert.Null(Charges.FeesAndPenaltiesShare(Overdue with { Principal = 0, Interest = 0, Fees = 0, PenaltyInterest = 0 }));
    }

    [Fact]
    public void A_daily_rate_above_10_percent_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charges.SimpleInterest(100m, 0.2m, 1));

        Assert.Equal("dailyRate", e.ParamName);
        Assert.Contains("[0-0.1]", e.Message, StringComparison.Ordinal);
    }
}

public sealed class AffordabilityTests
{
    private static readonly Finances Household = new()
    {
        // ValueList<T> has no collection builder yet, so arrays convert implicitly.
        Income = new[] { new IncomeSource { Monthly = 8_000m }, new IncomeSource { Monthly = 2_000m, Stable = false } },
        Expenses = new[] { new Expense { Category = ExpenseCategory.Housing, Monthly = 3_000m }, new Expense { Category = ExpenseCategory.Food, Monthly = 1_500m }, new Expense { Category = ExpenseCategory.Leisure, Monthly = 500m } },
        OtherDebts = new[] { new OtherDebt { MonthlyPayment = 1_000m, Balance = 20_000m } },
    };

    [Fact]
    public void The_budget_splits_income_and_expenses()
    {
        var budget = Affordability.Assess(Household);

        Assert.Equal(new Budget { StableIncome = 8_000m, UnstableIncome = 2_000m, EssentialExpenses = 4_500m, FlexibleExpenses = 500m, OtherDebtPayments = 1_000m }, budget);
        Assert.Equal(0.1m, budget.DebtServiceRatio);
        Assert.Equal(10_000m, budget.MonthlyIncome);
        Assert.Equal(4_000m, budget.DisposableIncome);
        Assert.Equal(8_000m, Affordability.MonthlyIncome(Household, stableOnly: true));
    }

    [Fact]
    public void Debt_service_ratio_is_absent_without_income()
    {
        Assert.Null(Affordability.DebtServiceRatio(new Finances()));
        Assert.Equal(0.25m, Affordability.DebtServiceRatio(Household, proposedPayment: 1_500m));
    }

    [Fact]
    public void The_affordable_instalment_is_a_share_of_the_stable_surplus_rounded_down()
    {
        // share × (8000 − 4500 − 1000) = share × 2500
        Assert.Equal(1_250m, Affordability.AffordableInstalment(Household, 0.5m));
        Assert.Equal(833.33m, Affordability.AffordableInstalment(Household, 1m / 3m));
        Assert.Equal(0m, Affordability.AffordableInstalment(new Finances(), 0.5m));
        Assert.Equal("share", Assert.Throws<ArgumentOutOfRangeException>(() => Affordability.AffordableInstalment(Household, 1.1m)).ParamName);
    }

    [Theory]
    [InlineData(1000, 100, 0, 10)]
    [InlineData(1000, 101, 0, 10)]
    [InlineData(1000, 99, 0, 11)]
    [InlineData(0, 100, 0.12, 0)]
    [InlineData(100, 17.01, 0.07, 6)]
    [InlineData(1000, 10, 0.12, null)]
    [InlineData(1000, 0, 0, null)]
    public void Months_to_clear_round_up_and_are_null_when_the_debt_never_clears(double balance, double payment, double rate, int? expected) =>
        Assert.Equal(expected, Affordability.MonthsToClear((decimal)balance, (decimal)payment, (decimal)rate));

    [Property(MaxTest = 500)]
    public Property Months_to_clear_never_rise_as_the_payment_rises() =>
        Prop.ForAll(Generators.PositiveMoney.Arb(), Generators.AnnualRate.Arb(), Gen.Two(Generators.PositiveMoney).Arb(), (balance, rate, payments) =>
        {
            var (a, b) = payments;
            var (low, high) = a <= b ? (a, b) : (b, a);
            var slow = Affordability.MonthsToClear(balance, low, rate);
            var fast = Affordability.MonthsToClear(balance, high, rate);
            return slow is null || (fast is not null && fast <= slow);
        });

    [Property(MaxTest = 300)]
    public Property Months_to_clear_is_enough_and_one_fewer_is_not() =>
        Prop.ForAll(Generators.PositiveMoney.Arb(), Generators.AnnualRate.Arb(), Generators.PositiveMoney.Arb(), (balance, rate, payment) =>
        {
            var months = Affordability.MonthsToClear(balance, payment, rate);
            if (months is not { } n || n > 5_000)
            {
                return true;
            }

            var r = (double)rate / 12;
            double Cleared(int k) => r == 0 ? (double)payment * k : (double)payment * (1 - Math.Pow(1 + r, -k)) / r;
            var tolerance = 1e-9 * (double)balance;
            return Cleared(n) >= (double)balance - tolerance && (n == 1 || Cleared(n - 1) < (double)balance + tolerance);
        });
}
