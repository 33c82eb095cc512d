using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Reliability;
using Negotiation.Core.Tests.Rendering;
using Negotiation.Core.Tests.Support;
using NodaTime;

namespace Negotiation.Core.Tests.Advice.Json;

/// <summary>
/// The plan writer against the Newtonsoft writer the contract was defined by (<see cref="NewtonsoftPlanJson"/>): the same
/// JSON values for every plan with the whole trace, indented and on one line (numbers compared by value, so <c>1</c> is
/// <c>1.0</c>; an unpaired surrogate is U+FFFD, as in any UTF-8), and the UTF-8 form is the UTF-8 of the line.
/// </summary>
public sealed class PlanJsonDifferentialTests
{
    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    /// <summary>What a UTF-8 <see cref="TextWriter"/> (the console, <c>--out</c>) writes: an unpaired surrogate becomes U+FFFD.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Text that needs escaping, or that an escaper might wrongly escape, as a user could type it into a case.</summary>
    private static readonly string[] HostileTexts =
    [
        "a \"quoted\" name",
        @"back\slash \\ and \u0041",
        "tab\tnew line\ncarriage\rform\ffeed\bbell\u0007nul\u0000unit\u001fdel\u007f",
        "line\u2028paragraph\u2029next\u0085line",
        "emoji 🙂👍🏽 and a flag 🇨🇳",
        "lone high \ud800 and lone low \udc00 and reversed \udc00\ud800",
        "<script>alert('x') & \"y\"</script>",
        "招商银行 信用卡（“掌上生活”）",
        "non-breaking\u00a0space, bom\ufeff, zero width\u200b, rtl\u202e",
        "",
        "  ",
        new string('长', 2000),
    ];

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TestFiles.ExampleCases())
        {
            foreach (var language in new[] { "zh-CN", "en" })
            {
                data.Add(Path.GetFileNameWithoutExtension(file), language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_plans_are_their_golden_files_and_the_oracles_values(string example, string language)
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase(example + ".json"))), language);
        var golden = File.ReadAllBytes(Path.Combine(GoldenFile.OutputFolder, $"{example}.{language}.json"));

        var json = plan.ToJson(PlanTrace.All);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(golden), JsonNode.Parse(json)), $"{example}.{language}: not the golden plan's JSON value");
        AssertSameAsOracle(plan);
    }

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Ten_thousand_generated_plans_are_the_oracles_JSON_values()
    {
        var cases = Samples.Of(CaseGenerators.ValidCase(), 10_000, seed: 20261128);
        var compared = 0;
        foreach (var (@case, i) in cases.Select((c, i) => (c, i)))
        {
            var plan = Advisor.Advise(@case, i % 2 == 0 ? "zh-CN" : "en");
            AssertSameAsOracle(plan, $"case {i}");
            compared++;
        }

        Assert.Equal(10_000, compared);
    }

    [Fact]
    public void Hostile_text_in_a_case_reads_back_as_the_oracles_text()
    {
        var seed = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));
        var cases = Samples.Of(CaseGenerators.ValidCase(), HostileTexts.Length * 4, seed: 7);
        var compared = 0;
        for (var i = 0; i < cases.Length; i++)
        {
            var text = HostileTexts[i % HostileTexts.Length];
            foreach (var @case in new[] { seed, cases[i] })
            {
                var hostile = @case with
                {
                    Lender = @case.Lender with { Name = text },
                    DisputedCharges = [new DisputedCharge { Description = text, Amount = 10m }],
                };
                foreach (var language in new[] { "zh-CN", "en" })
                {
                    var plan = Advisor.Advise(hostile, language);
                    Assert.Equal(text, plan.Assessment.LenderName);
                    AssertSameAsOracle(plan, $"text {i % HostileTexts.Length}, {language}");
                    compared++;
                }
            }
        }

        Assert.Equal(HostileTexts.Length * 16, compared);
    }

    [Fact]
    public void Hostile_text_read_from_case_json_reads_back_as_the_oracles_text()
    {
        // Through the case reader: JSON escapes, including an unpaired surrogate, reach the plan as the user wrote them.
        foreach (var name in new[] { "\\ud83d\\ude42 \\ud800 \\u2028 \\u0085 \\u0000 \\\" \\\\ / <&>", "\u6C47\u4E30 \u00e9\u0301" })
        {
            var json = File.ReadAllText(TestFiles.ExampleCase("scam-offer.json"))
                .Replace("\"name\": \"某网络借贷平台\"", $"\"name\": \"{name}\"", StringComparison.Ordinal);
            var @case = BorrowerCase.FromJson(json);
            Assert.NotEqual("某网络借贷平台", @case.Lender.Name);

            AssertSameAsOracle(Advisor.Advise(@case, "en"));
        }
    }

    [Fact]
    public void Every_UTF16_code_unit_reads_back_as_the_oracles_text()
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"))), "en");
        var every = new string(Enumerable.Range(0, 0x10000).Select(c => (char)c).ToArray());
        var withEveryCharacter = plan with
        {
            Language = every,
            Communication = new Communication { Opening = every, Points = [new TalkingPoint { Code = every, Message = every[..0x3000] }] },
            Trace = [new TraceEntry { Workflow = every[0xD000..], Rule = every[..0x100], Success = true, Inputs = [new TraceInput(every[0x2000..0x2100], every)], Error = every[0xFF00..] }],
        };

        AssertSameAsOracle(withEveryCharacter);
    }

    [Fact]
    public void Trace_values_of_every_kind_are_the_oracles_values()
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("lasting-hardship.json"))), "zh-CN");
        object?[] values =
        [
            null, true, false, 0, -1, int.MaxValue, int.MinValue, 7L, long.MinValue,
            0m, 1m, -1m, 1.0m, 1.50m, 100m, 0.0001m, -0.000m, decimal.MaxValue, decimal.MinValue, 1e-28m, 123456789.123456789m,
            "", "text", "\"\\\n\u2028", 1.5, 0.1, 3.0, -0.0, double.NaN, double.PositiveInfinity, 2.5f, (short)3, (byte)4,
            new LocalDate(2026, 2, 28), new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31), new LocalDate(-5, 3, 4),
            LenderKind.BankCard, DocumentKind.IncomeProof, new ValueList<DocumentKind>([DocumentKind.IncomeProof, DocumentKind.Id]),
            ValueList<DocumentKind>.Empty, new Conduct { BrokenPromises = 2 }, new Lender { Name = "银行 \"x\"" },
            new Finances { Income = [new IncomeSource { Source = "salary", Monthly = 9500m, Stable = true }], Savings = 10m },
        ];
        var inputs = values.Select((v, i) => new TraceInput($"facts.value{i}", v)).ToArray();
        var withOddValues = plan with
        {
            Trace = [new TraceEntry { Workflow = "decision", Rule = "every-kind", Success = true, Inputs = inputs, Error = "an error" }, new TraceEntry { Workflow = "empty", Rule = "no-inputs", Success = false, Inputs = [] }],
        };

        AssertSameAsOracle(withOddValues);
    }

    [Fact]
    public void Trace_entries_changed_with_with_are_written_as_changed()
    {
        // Entries share their rule's strings from plan to plan; one whose workflow or rule was replaced is written as it now is.
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"))), "en");
        var before = plan.ToJsonLine();
        var changed = plan with
        {
            Trace =
            [
                plan.Trace[0] with { Rule = "renamed \"rule\"" },
                plan.Trace[1] with { Workflow = new string(plan.Trace[1].Workflow.ToCharArray()) + "\u2028" },
                plan.Trace[2] with { Success = !plan.Trace[2].Success },
                plan.Trace[3] with { Rule = new string(plan.Trace[3].Rule.ToCharArray()) },
                .. plan.Trace.Skip(4),
            ],
        };

        AssertSameAsOracle(changed);
        Assert.Contains("renamed \\\"rule\\\"", changed.ToJsonLine(PlanTrace.All), StringComparison.Ordinal);
        Assert.Equal(before, plan.ToJsonLine());
    }

    [Fact]
    public void Empty_lists_nulls_and_missing_parts_are_the_oracles_values()
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("scam-offer.json"))), "en");
        var sparse = plan with
        {
            NextFollowUp = null,
            Requests = [],
            Materials = [null!, new Material { Code = "m", Required = true, Held = false, Why = "why", Tips = [], Citations = [null!, "c"] }],
            Communication = new Communication { Opening = null, Points = [] },
            Watchpoints = [new Watchpoint
            {
                Code = "w",
                Severity = Severity.Info,
                DueDate = null,
                Message = "m",
            }, new Watchpoint { Code = "w", Severity = Severity.High, DueDate = new LocalDate(2026, 12, 1), Message = "m" }],
            Remedies = [new Remedy
            {
                Step = 1,
                Code = "r",
                Message = "m",
                Channel = null,
                WaitDays = null,
            }, new Remedy { Step = 2, Code = "r", Message = "m", Channel = "12378", WaitDays = 15 }],
            Decision = new Decision { Outcome = Outcome.Negotiate, Reasons = [] },
            Trace = [new TraceEntry { Workflow = "w", Rule = "r", Success = false, Inputs = [new TraceInput("p", null), new TraceInput(null!, 1m)] }],
        };

        AssertSameAsOracle(sparse);
    }

    /// <summary>
    /// Indented and on one line, with the whole trace: each the oracle's JSON value; to a <see cref="TextWriter"/>, the
    /// line; as UTF-8, the UTF-8 of the line.
    /// </summary>
    private static void AssertSameAsOracle(NegotiationPlan plan, string? what = null)
    {
        var indented = plan.ToJson(PlanTrace.All);
        var expected = Parse(NewtonsoftPlanJson.Write(plan));
        if (!JsonNode.DeepEquals(expected, Parse(indented)))
        {
            Assert.Fail($"{what}: ToJson differs from the oracle: {FirstDifference(expected, Parse(indented))}");
        }

        var line = plan.ToJsonLine(PlanTrace.All);
        Assert.DoesNotContain('\n', line);
        if (!JsonNode.DeepEquals(Parse(NewtonsoftPlanJson.ToJsonLine(plan)), Parse(line)))
        {
            Assert.Fail($"{what}: ToJsonLine differs from the oracle: {FirstDifference(expected, Parse(line))}");
        }

        var text = new StringWriter();
        plan.WriteJsonLine(text, PlanTrace.All);
        Assert.Equal(line, text.ToString());

        var bytes = new ArrayBufferWriter<byte>(16);
        plan.WriteJsonLine(bytes, PlanTrace.All);
        Assert.True(bytes.WrittenSpan.SequenceEqual(Utf8.GetBytes(line)), $"{what}: the UTF-8 line is not the UTF-8 of the line");
    }

    /// <summary>Parses JSON text as its UTF-8 (an unpaired surrogate becomes U+FFFD, as the writer writes it).</summary>
    private static JsonNode? Parse(string json) => JsonNode.Parse(Utf8.GetBytes(json));

    /// <summary>The first property or item, in document order, whose values differ, by its JSON path.</summary>
    private static string FirstDifference(JsonNode? expected, JsonNode? actual)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.TryGetPropertyValue(name, out var other) || !JsonNode.DeepEquals(value, other))
                    {
                        return a.ContainsKey(name) ? FirstDifference(value, other) : $"{e.GetPath()}.{name} is missing";
                    }
                }

                return $"{a.GetPath()} has more properties: {string.Join(", ", a.Select(p => p.Key).Except(e.Select(p => p.Key)))}";
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (!JsonNode.DeepEquals(e[i], a[i]))
                    {
                        return FirstDifference(e[i], a[i]);
                    }
                }

                return $"{e.GetPath()} has {e.Count} items, not {a.Count}";
            default:
                return $"{expected?.GetPath() ?? actual?.GetPath()}: expected {expected?.ToJsonString() ?? "null"}, actual {actual?.ToJsonString() ?? "null"}";
        }
    }
}
