using Negotiation.Core.Cases;

namespace Negotiation.Core.Calculators;

/// <summary>A borrower's monthly budget, as <see cref="Affordability.Assess"/> derives it.</summary>
public sealed record Budget
{
    /// <summary>Gets the monthly income that can be counted on.</summary>
    public required decimal StableIncome { get; init; }

    /// <summary>Gets the monthly income that cannot (commissions, gig work, help from family).</summary>
    public required decimal UnstableIncome { get; init; }

    /// <summary>Gets housing, utilities, food, transport, health, childcare, education, insurance and other essentials, each month.</summary>
    public required decimal EssentialExpenses { get; init; }

    /// <summary>Gets communications, personal, leisure and other flexible costs, each month.</summary>
    public required decimal FlexibleExpenses { get; init; }

    /// <summary>Gets the monthly payments on other debts.</summary>
    public required decimal OtherDebtPayments { get; init; }

    /// <summary>Gets other debt payments / monthly income; null when there is no income.</summary>
    public decimal? DebtServiceRatio => DebtServiceRatioWith(0m);

    /// <summary>Gets the whole monthly income, stable and unstable.</summary>
    public decimal MonthlyIncome => StableIncome + UnstableIncome;

    /// <summary>Gets what is left each month after every expense and other debt payment; negative when the budget falls short.</summary>
    public decimal DisposableIncome => MonthlyIncome - EssentialExpenses - FlexibleExpenses - OtherDebtPayments;

    /// <summary>Gets (other debt payments + <paramref name="proposedPayment"/>) / monthly income, or null when there is no income.</summary>
    /// <param name="proposedPayment">A proposed monthly payment on this debt to count as well; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="proposedPayment"/> is negative.</exception>
    public decimal? DebtServiceRatioWith(decimal proposedPayment)
    {
        Guard.NonNegative(proposedPayment, nameof(proposedPayment));
        return MonthlyIncome == 0 ? null : (OtherDebtPayments + proposedPayment) / MonthlyIncome;
    }

    /// <summary>Gets <paramref name="share"/> × max(0, stable income − essential expenses − other debt payments), rounded down to the minor unit.</summary>
    /// <param name="share">The share of that surplus to offer, 0 to 1.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is outside [0-1].</exception>
    public decimal AffordableInstalment(decimal share, int decimals = 2) => AffordableInstalment(share, 0m, decimals);

    /// <summary>
    /// Gets <paramref name="share"/> × max(0, stable income + <paramref name="unstableShare"/> × unstable income − essential
    /// expenses − other debt payments), rounded down to the minor unit: the sustainable monthly capacity, which counts
    /// irregular income in part rather than not at all.
    /// </summary>
    /// <param name="share">The share of that surplus to offer, 0 to 1.</param>
    /// <param name="unstableShare">The share of unstable income to count on, 0 to 1.</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <returns>The capacity; 0 when nothing is left.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> or <paramref name="unstableShare"/> is outside [0-1].</exception>
    public decimal AffordableInstalment(decimal share, decimal unstableShare, int decimals = 2)
    {
        Guard.InRange(share, 0m, 1m, nameof(share));
        Guard.InRange(unstableShare, 0m, 1m, nameof(unstableShare));
        return Money.Truncate(share * Math.Max(0, StableIncome + (unstableShare * UnstableIncome) - EssentialExpenses - OtherDebtPayments), decimals);
    }
}

/// <summary>What a borrower can afford: budget figures, debt-service ratio, months to clear and an affordable instalment.</summary>
/// <remarks>Pure and thread-safe. Amounts are monthly.</remarks>
public static class Affordability
{
    /// <summary>Gets the borrower's monthly budget.</summary>
    /// <param name="finances">The finances from the case.</param>
    /// <returns>The budget.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finances"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An income, expense or payment is negative.</exception>
    public static Budget Assess(Finances finances)
    {
        ArgumentNullException.ThrowIfNull(finances);
        decimal stable = 0, unstable = 0, essential = 0, flexible = 0, debts = 0;
        foreach (var income in finances.Income)
        {
            Guard.NonNegative(income.Monthly, "finances.Income[].Monthly");
            if (income.Stable)
            {
                stable += income.Monthly;
            }
            else
            {
                unstable += income.Monthly;
            }
        }

        foreach (var expense in finances.Expenses)
        {
            Guard.NonNegative(expense.Monthly, "finances.Expenses[].Monthly");
            if (expense.IsEssential)
            {
                essential += expense.Monthly;
            }
            else
            {
                flexible += expense.Monthly;
            }
        }

        foreach (var debt in finances.OtherDebts)
        {
            Guard.NonNegative(debt.MonthlyPayment, "finances.OtherDebts[].MonthlyPayment");
            debts += debt.MonthlyPayment;
        }

        return new Budget { StableIncome = stable, UnstableIncome = unstable, EssentialExpenses = essential, FlexibleExpenses = flexible, OtherDebtPayments = debts };
    }

    /// <summary>Gets the monthly income.</summary>
    /// <param name="finances">The finances.</param>
    /// <param name="stableOnly">Whether to count only stable income.</param>
    /// <returns>The sum of the monthly incomes counted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finances"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public static decimal MonthlyIncome(Finances finances, bool stableOnly = false)
    {
        var budget = Assess(finances);
        return stableOnly ? budget.StableIncome : budget.MonthlyIncome;
    }

    /// <summary>Gets the debt-service ratio: (other debt payments + a proposed payment) / monthly income.</summary>
    /// <param name="finances">The finances.</param>
    /// <param name="proposedPayment">A proposed monthly payment on this debt to count as well; 0 or more.</param>
    /// <returns>The ratio (1 means every yuan of income goes to debts), or null when there is no income.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finances"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public static decimal? DebtServiceRatio(Finances finances, decimal proposedPayment = 0)
    {
        Guard.NonNegative(proposedPayment, nameof(proposedPayment));
        return Assess(finances).DebtServiceRatioWith(proposedPayment);
    }

    /// <summary>
    /// Gets the largest monthly instalment the borrower can promise and keep:
    /// <paramref name="share"/> × max(0, stable income − essential expenses − other debt payments),
    /// rounded down to the minor unit. Unstable income and flexible spending are left out on purpose:
    /// a promise must survive a bad month, and flexible spending is the borrower's margin.
    /// </summary>
    /// <param name="finances">The finances.</param>
    /// <param name="share">The share of that surplus to offer, 0 to 1 (a rule set's <c>affordableShare</c>).</param>
    /// <param name="decimals">Decimal places of the minor unit, 0 to 10.</param>
    /// <returns>The instalment; 0 when nothing is left.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="finances"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is outside [0-1], or an amount is negative.</exception>
    public static decimal AffordableInstalment(Finances finances, decimal share, int decimals = 2)
    {
        Guard.InRange(share, 0m, 1m, nameof(share));
        return Assess(finances).AffordableInstalment(share, decimals);
    }

    /// <summary>
    /// Gets how many monthly payments clear a balance at a rate: the smallest whole n with
    /// balance ≤ payment × (1 − (1 + r)^−n) / r (Excel's <c>NPER</c> rounded up; the last payment may be smaller).
    /// </summary>
    /// <param name="balance">The balance to clear; 0 or more.</param>
    /// <param name="monthlyPayment">The payment each month; 0 or more.</param>
    /// <param name="annualRate">The annual rate as a fraction; the monthly rate is a twelfth of it. 0 to 100.</param>
    /// <returns>The number of months; 0 for a zero balance; null when the payment never clears the debt (it does not exceed the monthly interest, or it would take more than <see cref="int.MaxValue"/> months).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static int? MonthsToClear(decimal balance, decimal monthlyPayment, decimal annualRate)
    {
        Guard.NonNegative(balance, nameof(balance));
        Guard.NonNegative(monthlyPayment, nameof(monthlyPayment));
        Guard.InRange(annualRate, 0m, Schedules.MaxAnnualRate, nameof(annualRate));
        if (balance == 0)
        {
            return 0;
        }

        var rate = annualRate / 12;
        if (monthlyPayment <= balance * rate)
        {
            return null;
        }

        double months;
        if (rate == 0)
        {
            months = (double)Math.Ceiling(balance / monthlyPayment);
        }
        else
        {
            var r = (double)rate;
            months = Math.Ceiling((-Math.Log(1 - ((double)balance * r / (double)monthlyPayment)) / Math.Log(1 + r)) - 1e-9);
        }

        // A payment a hair above the interest can take longer than any count; that is "never" in practice.
        return !double.IsFinite(months) || months > int.MaxValue ? null : Math.Max(1, (int)months);
    }
}
