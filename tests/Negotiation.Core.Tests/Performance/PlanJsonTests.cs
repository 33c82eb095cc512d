using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Advice.Json;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using System.Text.Json.Nodes;

namespace Negotiation.Core.Tests.Performance;

/// <summary>The plan writers must write the JSON values the plain contract serializer writes, with the whole trace.</summary>
public sealed class PlanJsonTests
{
    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    /// <summary>The settings as they were before the trace converter: the reference output.</summary>
    private static readonly JsonSerializerSettings ContractOnly = NewtonsoftPlanJson.CreateSettings(withTraceConverter: false);

    public static TheoryData<string, string> Plans()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TestFiles.ExampleCases())
        {
            foreach (var language in new[] { "zh-CN", "en" })
            {
                data.Add(Path.GetFileName(file), language);
            }
        }

        return data;
    }

    private static NegotiationPlan Plan(string example, string language) =>
        Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase(example))), language);

    [Theory]
    [MemberData(nameof(Plans))]
    public void ToJson_with_the_whole_trace_is_the_contract_serializers_value(string example, string language)
    {
        var plan = Plan(example, language);

        Assert.True(SameValue(JsonConvert.SerializeObject(plan, Formatting.Indented, ContractOnly), plan.ToJson(PlanTrace.All)));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void ToJsonLine_is_the_same_contract_on_one_line(string example, string language)
    {
        var plan = Plan(example, language);

        var line = plan.ToJsonLine(PlanTrace.All);

        Assert.True(SameValue(JsonConvert.SerializeObject(plan, Formatting.None, ContractOnly), line));
        Assert.DoesNotContain('\n', line);
        Assert.True(JToken.DeepEquals(JToken.Parse(plan.ToJson(PlanTrace.All)), JToken.Parse(line)));
        Assert.True(JToken.DeepEquals(JToken.Parse(plan.ToJson()), JToken.Parse(plan.ToJsonLine())));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void WriteJsonLine_writes_what_ToJsonLine_returns(string example, string language)
    {
        var plan = Plan(example, language);
        var output = new StringWriter();

        plan.WriteJsonLine(output);

        Assert.Equal(plan.ToJsonLine(), output.ToString());
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void WriteJsonLine_to_bytes_writes_the_UTF8_of_ToJsonLine_without_a_byte_order_mark(string example, string language)
    {
        var plan = Plan(example, language);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        plan.WriteJsonLine(output);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(plan.ToJsonLine()), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteJsonLine_refuses_a_null_output()
    {
        var plan = Plan("seed-oversight.json", "en");

        Assert.Throws<ArgumentNullException>(() => plan.WriteJsonLine((TextWriter)null!));
        Assert.Throws<ArgumentNullException>(() => plan.WriteJsonLine((System.Buffers.IBufferWriter<byte>)null!));
    }

    [Fact]
    public void A_trace_value_that_is_not_a_number_text_or_yes_no_is_written_as_the_serializer_wrote_it()
    {
        var plan = Plan("seed-oversight.json", "en");
        var entry = new TraceEntry { Workflow = "decision", Rule = "r", Success = true, Inputs = [new TraceInput("facts.asOf", plan.AsOf), new TraceInput("case.documents", new ValueList<DocumentKind>([DocumentKind.IncomeProof])), new TraceInput("facts.none", null)], Error = "an error" };
        var withOddValues = plan with { Trace = [entry] };

        Assert.True(SameValue(JsonConvert.SerializeObject(withOddValues, Formatting.Indented, ContractOnly), withOddValues.ToJson(PlanTrace.All)));
    }

    /// <summary>Whether two JSON texts hold the same value, numbers compared by value (<c>1.0</c> is <c>1</c>).</summary>
    private static bool SameValue(string expected, string actual) => JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
}
