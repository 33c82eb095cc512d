using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>A schedule is called proposed only when its payments fit what the borrower can afford a month.</summary>
public sealed class ScheduleHeadingTests
{
    private static NegotiationPlan LastingHardship(string language) =>
        NegotiationAdvisor.CreateDefault().Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("lasting-hardship.json"))), language);

    [Theory]
    [InlineData("en", "Proposed repayment schedule (an instalment plan)")]
    [InlineData("zh-CN", "拟议还款计划（分期还款）")]
    public void Schedule_within_the_monthly_capacity_is_proposed(string language, string heading)
    {
        var plan = LastingHardship(language);
        var scheduled = plan.Requests.First(r => r.Schedule is { Count: > 0 });

        Assert.True(scheduled.Schedule!.Max(i => i.Payment) <= plan.Assessment.PlanAffordable);
        Assert.Equal(heading, DossierContent.ScheduleHeading(plan, scheduled));
        Assert.Contains("\n" + heading + "\n", TextRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Repayment schedule (an instalment plan): above the CNY 1,000.00 a month you can afford, so do not commit to it as it stands")]
    [InlineData("zh-CN", "还款计划（分期还款）：每期高于您每月能承担的1,000.00元，不宜照此承诺")]
    public void Schedule_above_the_monthly_capacity_is_not_called_proposed(string language, string heading)
    {
        var plan = LastingHardship(language);
        plan = plan with { Assessment = plan.Assessment with { PlanAffordable = 1000m } };
        var scheduled = plan.Requests.First(r => r.Schedule is { Count: > 0 });

        Assert.Equal(heading, DossierContent.ScheduleHeading(plan, scheduled));
        Assert.Contains("\n" + heading + "\n", TextRenderer.Render(plan), StringComparison.Ordinal);
        Assert.DoesNotContain("Proposed repayment schedule", TextRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_payment_above_the_capacity_by_the_rounding_residue_is_still_proposed()
    {
        // b22-04: 85 payments of £94.94 and a last of £95.96 (the residue), against £95.00 a month: the plan asks £94.94.
        var plan = LastingHardship("en");
        var scheduled = plan.Requests.First(r => r.Schedule is { Count: > 2 });
        var regular = scheduled.Schedule![0].Payment;
        var last = scheduled.Schedule[^1] with { Payment = regular + 1.02m };
        scheduled = scheduled with { Schedule = [.. scheduled.Schedule.Take(scheduled.Schedule.Count - 1), last] };
        plan = plan with { Assessment = plan.Assessment with { PlanAffordable = regular + 0.06m } };

        Assert.Equal("Proposed repayment schedule (an instalment plan)", DossierContent.ScheduleHeading(plan, scheduled));
        plan = plan with { Assessment = plan.Assessment with { PlanAffordable = regular - 0.01m } };
        Assert.StartsWith("Repayment schedule (an instalment plan): above", DossierContent.ScheduleHeading(plan, scheduled), StringComparison.Ordinal);
    }
}
