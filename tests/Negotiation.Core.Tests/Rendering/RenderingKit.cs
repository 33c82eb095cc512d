using System.Xml.Linq;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Rendering;
using Negotiation.Core.Tests.Support;
using NodaTime;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>Cases, plans and parsing shared by the rendering tests.</summary>
internal static class RenderingKit
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    public static readonly string[] Formats = ["txt", "json", "md", "html"];

    public static NegotiationAdvisor Advisor { get; } = NegotiationAdvisor.CreateDefault();

    public static BorrowerCase ReadCase(string file) => BorrowerCase.FromJson(File.ReadAllText(file));

    public static BorrowerCase Seed() => ReadCase(TestFiles.ExampleCase("seed-oversight.json"));

    /// <summary>Renders a case in one of the golden formats, as the advise command writes it (JSON with every rule's trace, <c>--trace all</c>).</summary>
    public static string Render(BorrowerCase @case, string language, string format)
    {
        var plan = Advisor.Advise(@case, language);
        return format switch
        {
            "txt" => TextRenderer.Render(plan),
            "json" => plan.ToJson(PlanTrace.All) + "\n",
            "md" => MarkdownRenderer.Render(plan, @case),
            "html" => HtmlRenderer.Render(plan, @case),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
        };
    }

    /// <summary>
    /// A plan with every section filled, whatever the default rule set holds today: an instalment plan with its
    /// schedule on top, an extension and a fee waiver, held and missing materials, a script, dated and undated
    /// watchpoints, a warning and a remedies ladder whose steps share a number. Its figures come from the calculators.
    /// </summary>
    public static (NegotiationPlan Plan, BorrowerCase Case) FullPlan(string language, string? lenderName = null, string extraText = "")
    {
        var @case = Seed();
        // The record arrives out of order: the dossier must still list it by date.
        @case = @case with { History = new ValueList<RepaymentRecord>(@case.History.Reverse()) };
        if (lenderName is not null)
        {
            @case = @case with { Lender = @case.Lender with { Name = lenderName } };
        }

        var plan = Advisor.Advise(@case, language);
        var parameters = Advisor.RuleSet.Parameters;
        ProposedRequest Request(int rank, string type)
        {
            // The plan for the whole debt, which has a schedule to show (the seed's arrears alone would be caught up without one).
            var computed = RequestTermsCalculator.Compute(type, @case, plan.Assessment with { CatchUpMonths = 0 }, parameters, 2);
            return new ProposedRequest
            {
                Rank = rank,
                Type = EnumNames<RequestType>.Parse(type),
                Code = type,
                Rationale = $"Why {type}{extraText}",
                Terms = computed.Terms,
                Savings = computed.Savings,
                Schedule = computed.Schedule,
                Caveats = new ValueList<string>([$"caveat for {type}"]),
                Citations = ValueList<string>.Empty,
            };
        }

        plan = plan with
        {
            Requests = new ValueList<ProposedRequest>([Request(1, "instalment-plan"), Request(2, "extension"), Request(3, "fee-waiver")]),
            Materials = new ValueList<Material>(
            [
                new Material
                {
                    Code = "identity",
                    Required = true,
                    Held = true,
                    Why = "Proof of identity" + extraText,
                    Tips = new ValueList<string>(["Only through official channels"]),
                    Citations = ValueList<string>.Empty,
                },
                new Material
                {
                    Code = "income-proof",
                    Required = false,
                    Held = false,
                    Why = "Proof of income",
                    Tips = ValueList<string>.Empty,
                    Citations = ValueList<string>.Empty,
                },
            ]),
            Communication = new Communication
            {
                Opening = "Hello, I am one of your borrowers" + extraText,
                Points = new ValueList<TalkingPoint>([new TalkingPoint { Code = "stay-calm", Message = "Stay calm" }, new TalkingPoint { Code = "take-notes", Message = "Take notes" }]),
            },
            Watchpoints = new ValueList<Watchpoint>(
            [
                new Watchpoint { Code = "keep-appointments", Severity = Severity.Caution, DueDate = null, Message = "Keep every agreed time" },
                new Watchpoint
                {
                    Code = "follow-up-date",
                    Severity = Severity.Info,
                    DueDate = new LocalDate(2026, 11, 27),
                    Message = "Follow up if you hear nothing" + extraText,
                },
            ]),
            Warnings = new ValueList<PlanWarning>([new PlanWarning
            {
                Code = "upfront-fee",
                Severity = Severity.High,
                Message = "Someone wants money up front" + extraText,
            }]),
            Remedies = new ValueList<Remedy>(
            [
                new Remedy { Step = 1, Code = "review-and-retry", Message = "Review and retry", Channel = null, WaitDays = null },
                new Remedy
                {
                    Step = 2,
                    Code = "complaint-to-lender",
                    Message = "Complain to the lender",
                    Channel = "lender-complaint",
                    WaitDays = 15,
                    ChannelName = "the lender's complaints desk",
                },
                new Remedy
                {
                    Step = 3,
                    Code = "regulator-12378",
                    Message = "Call 12378",
                    Channel = "12378",
                    WaitDays = 30,
                    ChannelName = "12378, the financial regulator's complaint line",
                },
                new Remedy { Step = 3, Code = "credit-objection", Message = "Object to a credit-report entry", Channel = "12363", WaitDays = null },
                new Remedy { Step = 4, Code = "mediation", Message = "Ask for mediation", Channel = null, WaitDays = null },
            ]),
        };
        return (plan, @case);
    }

    /// <summary>Parses the dossier as XML, after its doctype line: it must be well-formed.</summary>
    public static XDocument ParseDossier(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        return XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);
    }

    public static IEnumerable<XElement> All(this XContainer node, string localName) =>
        node.Descendants().Where(e => e.Name.LocalName == localName);

    public static XElement ById(this XDocument document, string id) =>
        document.Descendants().SingleOrDefault(e => (string?)e.Attribute("id") == id)
        ?? throw new Xunit.Sdk.XunitException($"No element with id '{id}'.");
}
