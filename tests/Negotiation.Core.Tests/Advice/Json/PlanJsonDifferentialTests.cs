using System.Buffers;
using System.Text;
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
/// The hand-written plan writer against the Newtonsoft writer it replaced (<see cref="NewtonsoftPlanJson"/>): the same
/// bytes for every plan, indented and on one line, and the UTF-8 form is the UTF-8 of the line.
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
    public void Example_plans_are_their_golden_files_and_the_oracles_bytes(string example, string language)
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase(example + ".json"))), language);
        var golden = File.ReadAllText(Path.Combine(GoldenFile.OutputFolder, $"{example}.{language}.json"), Encoding.UTF8);

        var json = plan.ToJson();

        Assert.Equal(golden.TrimEnd('\n'), json);
        AssertSameAsOracle(plan);
    }

    [Fact]
    public void Ten_thousand_generated_plans_are_byte_identical_to_the_oracle()
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
    public void Hostile_text_in_a_case_is_escaped_as_the_oracle_escapes_it()
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
    public void Hostile_text_read_from_case_json_is_escaped_as_the_oracle_escapes_it()
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
    public void Every_UTF16_code_unit_is_escaped_or_kept_as_the_oracle_does()
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json"))), "en");
        var every = new string(Enumerable.Range(0, 0x10000).Select(c => (char)c).ToArray());
        var withEveryCharacter = plan with
        {
            Language = every,
            Communication = new Communication(every, [new TalkingPoint(every, every[..0x3000])]),
            Trace = [new TraceEntry(every[0xD000..], every[..0x100], true, [new TraceInput(every[0x2000..0x2100], every)], every[0xFF00..])],
        };

        AssertSameAsOracle(withEveryCharacter);
    }

    [Fact]
    public void Trace_values_of_every_kind_are_written_as_the_oracle_writes_them()
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
            Trace = [new TraceEntry("decision", "every-kind", true, inputs, "an error"), new TraceEntry("empty", "no-inputs", false, [], null)],
        };

        AssertSameAsOracle(withOddValues);
    }

    [Fact]
    public void Trace_entries_changed_with_with_are_written_as_changed()
    {
        // The writer copies a rule's written start of an entry ({"workflow":…,"rule":…,"success":) from one plan to the
        // next; an entry whose workflow or rule was replaced must not get the old one.
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
        Assert.Contains("renamed \\\"rule\\\"", changed.ToJsonLine(), StringComparison.Ordinal);
        Assert.Equal(before, plan.ToJsonLine());
    }

    [Fact]
    public void Empty_lists_nulls_and_missing_parts_are_written_as_the_oracle_writes_them()
    {
        var plan = Advisor.Advise(BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("scam-offer.json"))), "en");
        var sparse = plan with
        {
            NextFollowUp = null,
            Requests = [],
            Materials = [null!, new Material("m", true, false, "why", [], [null!, "c"])],
            Communication = new Communication(null, []),
            Watchpoints = [new Watchpoint("w", "info", null, "m"), new Watchpoint("w", "high", new LocalDate(2026, 12, 1), "m")],
            Remedies = [new Remedy(1, "r", "m", null, null), new Remedy(2, "r", "m", "12378", 15)],
            Decision = new Decision("negotiate", []),
            Trace = [new TraceEntry("w", "r", false, [new TraceInput("p", null), new TraceInput(null!, 1m)], null)],
        };

        AssertSameAsOracle(sparse);
    }

    /// <summary>Indented, one line, to a <see cref="TextWriter"/> and as UTF-8: each what the oracle writes.</summary>
    private static void AssertSameAsOracle(NegotiationPlan plan, string? what = null)
    {
        var indented = plan.ToJson();
        var expectedIndented = NewtonsoftPlanJson.Write(plan);
        if (!string.Equals(expectedIndented, indented, StringComparison.Ordinal))
        {
            Assert.Fail($"{what}: ToJson differs from the oracle at {FirstDifference(expectedIndented, indented)}");
        }

        var line = plan.ToJsonLine();
        var expectedLine = NewtonsoftPlanJson.ToJsonLine(plan);
        if (!string.Equals(expectedLine, line, StringComparison.Ordinal))
        {
            Assert.Fail($"{what}: ToJsonLine differs from the oracle at {FirstDifference(expectedLine, line)}");
        }

        var text = new StringWriter();
        plan.WriteJsonLine(text);
        Assert.Equal(expectedLine, text.ToString());

        var bytes = new ArrayBufferWriter<byte>(16);
        plan.WriteJsonLine(bytes);
        Assert.True(bytes.WrittenSpan.SequenceEqual(Utf8.GetBytes(expectedLine)), $"{what}: the UTF-8 line is not the UTF-8 of the oracle's line");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        string Around(string s) => s.Substring(Math.Max(0, at - 40), Math.Min(s.Length, at + 40) - Math.Max(0, at - 40));
        return $"character {at}:\n  expected: {Around(expected)}\n  actual:   {Around(actual)}";
    }
}
