using NodaTime;

namespace Negotiation.Core.Cases;

/// <summary>The borrower's monthly budget and savings.</summary>
public sealed record Finances
{
    /// <summary>Gets the sources of monthly income.</summary>
    public ValueList<IncomeSource> Income { get; init; } = ValueList<IncomeSource>.Empty;

    /// <summary>Gets the monthly expenses by category.</summary>
    public ValueList<Expense> Expenses { get; init; } = ValueList<Expense>.Empty;

    /// <summary>Gets the borrower's other debts.</summary>
    public ValueList<OtherDebt> OtherDebts { get; init; } = ValueList<OtherDebt>.Empty;

    /// <summary>Gets the savings the borrower holds, <see cref="SavingsReserved"/> included.</summary>
    public decimal Savings { get; init; }

    /// <summary>
    /// Gets the day of the month the main income is paid (1–31; a month too short for it pays on its last day), or null
    /// when not given. A date the plan asks the borrower to pay by, once the hardship is over, then falls on a payday.
    /// </summary>
    public int? Payday { get; init; }

    /// <summary>Gets the one-off sums the borrower expects on a known date after <c>asOf</c> (a bonus, a commission, a tax refund).</summary>
    public ValueList<LumpSum> LumpSums { get; init; } = ValueList<LumpSum>.Empty;

    /// <summary>
    /// Gets the part of <see cref="Savings"/> already spoken for: a bill, fee or deposit due soon, or money held for someone
    /// else. It is never offered to the lender. 0 when none; never more than <see cref="Savings"/>.
    /// </summary>
    public decimal SavingsReserved { get; init; }
}

/// <summary>A one-off sum the borrower expects on a known date.</summary>
public sealed record LumpSum
{
    /// <summary>Gets what the sum is (a bonus, a commission, a tax refund, a deposit falling due), if given.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the amount expected. Required.</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets the day it is expected, after <c>asOf</c>. Required.</summary>
    public LocalDate On { get; init; }

    /// <summary>Gets whether it is certain (confirmed in writing, or contracted); only a confirmed sum is planned on. Defaults to false.</summary>
    public bool Confirmed { get; init; }
}

/// <summary>A source of monthly income.</summary>
public sealed record IncomeSource
{
    /// <summary>Gets what the income is (salary, pension, rent ...).</summary>
    public string? Source { get; init; }

    /// <summary>Gets the monthly amount. Required.</summary>
    public decimal Monthly { get; init; }

    /// <summary>Gets whether the income can be counted on month after month; defaults to true.</summary>
    public bool Stable { get; init; } = true;
}

/// <summary>A monthly expense.</summary>
public sealed record Expense
{
    /// <summary>Gets the category, which decides whether it is essential or flexible. Required.</summary>
    public ExpenseCategory Category { get; init; }

    /// <summary>Gets the monthly amount. Required.</summary>
    public decimal Monthly { get; init; }

    /// <summary>Gets whether the category is essential (housing, utilities, food, transport, health, childcare, education, insurance, other-essential).</summary>
    public bool IsEssential => Category <= ExpenseCategory.OtherEssential;
}

/// <summary>A debt owed to another lender.</summary>
public sealed record OtherDebt
{
    /// <summary>Gets who is owed, if given.</summary>
    public string? Lender { get; init; }

    /// <summary>Gets the monthly payment. Required.</summary>
    public decimal MonthlyPayment { get; init; }

    /// <summary>Gets the balance still owed.</summary>
    public decimal Balance { get; init; }
}
