using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>The text plan's account line calls a late payment "within grace" only where a grace period can be claimed.</summary>
public sealed class TextHeaderTests
{
    private static BorrowerCase ScenarioCase(string file) =>
        Scenario.FromFile(TestFiles.Path("rules", "cn-consumer-credit", "scenarios", file)).Case;

    private static string AccountLine(BorrowerCase c) => TextRenderer.Render(RenderingKit.Advisor.Advise(c, "en")).Split('\n')[1];

    [Fact]
    public void A_penalty_already_charged_shows_the_payment_past_due_not_within_grace()
    {
        var c = ScenarioCase("a13-06-credit-line-part-now-rest-later.json");

        Assert.True(c.Account.PenaltyInterest > 0);
        Assert.EndsWith("3 days past due", AccountLine(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_lender_s_grace_is_the_contract_s_and_a_card_s_the_convention_s()
    {
        var other = ScenarioCase("a13-06-credit-line-part-now-rest-later.json");
        other = other with { Account = other.Account with { PenaltyInterest = 0m } };
        var card = ScenarioCase("a9-05-card-first-late-within-grace.json");

        Assert.EndsWith("3 days after the due date, within any grace period your contract gives", AccountLine(other), StringComparison.Ordinal);
        Assert.EndsWith("2 days after the due date, still within grace", AccountLine(card), StringComparison.Ordinal);
    }
}
