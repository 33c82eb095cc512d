using NodaTime;

namespace Negotiation.Core.Calculators;

/// <summary>How a repayment schedule splits the debt into monthly instalments.</summary>
public enum ScheduleMethod
{
    /// <summary>Equal instalments (等额本息): the same payment each month, interest on the declining balance.</summary>
    EqualInstalment,

    /// <summary>Equal principal (等额本金): the same principal each month plus interest on the declining balance.</summary>
    EqualPrincipal,

    /// <summary>Fee instalment (分期手续费): principal / n each month plus a monthly fee on the original principal.</summary>
    FeeInstalment,
}

/// <summary>One instalment of a <see cref="Schedule"/>.</summary>
/// <param name="Period">The instalment's number, from 1.</param>
/// <param name="DueDate">The day it falls due, <c>start.PlusMonths(Period)</c>; null when the schedule has no start date.</param>
/// <param name="Payment">The whole payment: <paramref name="Principal"/> + <paramref name="Interest"/> + <paramref name="Fee"/>.</param>
/// <param name="Principal">The principal it repays.</param>
/// <param name="Interest">The interest it pays, on the balance before it.</param>
/// <param name="Fee">The instalment fee it pays (fee instalments only; otherwise 0).</param>
/// <param name="Balance">The principal still owed after it; 0 after the last.</param>
public readonly record struct Instalment(int Period, LocalDate? DueDate, decimal Payment, decimal Principal, decimal Interest, decimal Fee, decimal Balance);

/// <summary>
/// A repayment schedule: its terms, its instalments and their totals. Built by <see cref="Schedules"/>.
/// </summary>
/// <remarks>
/// The principal parts add up to <see cref="Principal"/> exactly; the last instalment absorbs any
/// rounding residue. Immutable and thread-safe.
/// </remarks>
public sealed class Schedule
{
    private readonly Instalment[] instalments;

    internal Schedule(ScheduleMethod method, decimal principal, decimal annualRate, decimal monthlyFeeRate, LocalDate? start, Instalment[] instalments)
        : this(method, principal, annualRate, monthlyFeeRate, start, instalments, 0, 0, 0)
    {
        decimal payment = 0, interest = 0, fees = 0;
        foreach (var instalment in instalments)
        {
            payment += instalment.Payment;
            interest += instalment.Interest;
            fees += instalment.Fee;
        }

        (TotalPayment, TotalInterest, TotalFees) = (payment, interest, fees);
    }

    /// <summary>A schedule whose totals the builder has already summed (they must be the instalments' sums, bit for bit).</summary>
    internal Schedule(ScheduleMethod method, decimal principal, decimal annualRate, decimal monthlyFeeRate, LocalDate? start, Instalment[] instalments, decimal totalPayment, decimal totalInterest, decimal totalFees)
    {
        Method = method;
        Principal = principal;
        AnnualRate = annualRate;
        MonthlyFeeRate = monthlyFeeRate;
        Start = start;
        this.instalments = instalments;
        (TotalPayment, TotalInterest, TotalFees) = (totalPayment, totalInterest, totalFees);
    }

    /// <summary>Gets how the debt is split.</summary>
    public ScheduleMethod Method { get; }

    /// <summary>Gets the principal repaid.</summary>
    public decimal Principal { get; }

    /// <summary>Gets the contract annual rate as a fraction; the monthly rate is a twelfth of it.</summary>
    public decimal AnnualRate { get; }

    /// <summary>Gets the monthly fee as a fraction of the original principal (fee instalments; otherwise 0).</summary>
    public decimal MonthlyFeeRate { get; }

    /// <summary>Gets the day the plan starts, or null when no dates were asked for.</summary>
    public LocalDate? Start { get; }

    /// <summary>Gets the number of instalments.</summary>
    public int Months => instalments.Length;

    /// <summary>Gets the instalments in order.</summary>
    public IReadOnlyList<Instalment> Instalments => instalments;

    /// <summary>Gets the sum of every payment: principal, interest and fees.</summary>
    public decimal TotalPayment { get; }

    /// <summary>Gets the interest paid over the schedule.</summary>
    public decimal TotalInterest { get; }

    /// <summary>Gets the fees paid over the schedule.</summary>
    public decimal TotalFees { get; }

    /// <summary>Gets the cost of credit: <see cref="TotalPayment"/> − <see cref="Principal"/>.</summary>
    public decimal TotalCost => TotalPayment - Principal;

    /// <summary>
    /// Gets the annualised rate of the schedule: the IRR of −principal at the start and each payment a
    /// month later, per month, nominal (× 12) and effective ((1 + r)^12 − 1). This is the rate the PBoC
    /// asks lenders to disclose, fees included.
    /// </summary>
    /// <returns>The rate; <see cref="RateOfReturn.Converged"/> is false for a zero principal, whose flows have no rate.</returns>
    public RateOfReturn AnnualisedRate()
    {
        Span<decimal> flows = instalments.Length < 512 ? stackalloc decimal[instalments.Length + 1] : new decimal[instalments.Length + 1];
        flows[0] = -Principal;
        for (var i = 0; i < instalments.Length; i++)
        {
            flows[i + 1] = instalments[i].Payment;
        }

        return Calculators.AnnualisedRate.Irr(flows, 0.01);
    }
}
