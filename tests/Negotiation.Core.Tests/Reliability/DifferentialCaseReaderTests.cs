using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// The case reader's fast path against the full reader it stands in front of: whatever the fast path accepts, the
/// full reader accepts too and reads to the same case (equal, and written back to the same JSON, so even the decimal
/// places of every amount agree); and the fast path really takes the plain valid cases it is there for.
/// </summary>
public sealed class DifferentialCaseReaderTests(ITestOutputHelper output)
{
    [Fact]
    public void Fast_reader_names_every_property_of_the_model()
    {
        // Otherwise it switches itself off: correct, but every case would be read twice.
        Assert.True(CaseFastReader.CoversModel);
    }

    [Fact]
    public void Generated_valid_cases_take_the_fast_path_and_read_as_the_full_reader_reads_them()
    {
        var cases = Samples.Of(CaseGenerators.ValidCase(), 1000, seed: 20261128);
        foreach (var c in cases)
        {
            var indented = c.ToJson();
            AssertFastPathTakesIt(indented);
            AssertFastPathTakesIt(JToken.Parse(indented).ToString(Formatting.None));
        }
    }

    [Fact]
    public void Example_and_scenario_cases_take_the_fast_path_and_read_as_the_full_reader_reads_them()
    {
        var texts = TestFiles.ExampleCases().Select(File.ReadAllText).ToList();
        foreach (var file in Directory.EnumerateFiles(TestFiles.Path("rules", "cn-consumer-credit", "scenarios"), "*.json").Order(StringComparer.Ordinal))
        {
            if (JObject.Parse(File.ReadAllText(file))["case"] is JObject inline)
            {
                texts.Add(inline.ToString(Formatting.Indented));
            }
        }

        Assert.True(texts.Count > 40);
        var accepted = 0;
        foreach (var json in texts)
        {
            // A scenario may hold a case that is meant to be refused; a valid one must take the fast path.
            accepted += AgreeOn(json) ? 1 : 0;
            if (Succeeds(() => CaseReader.ReadFully(json)))
            {
                AssertFastPathTakesIt(json);
            }
        }

        output.WriteLine($"{texts.Count} example and scenario cases, {accepted} taken by the fast path");
    }

    [Fact]
    public void Fast_path_never_accepts_a_damaged_case_the_full_reader_refuses_or_reads_differently()
    {
        // The fuzz test's 10,000 hostile edits of valid cases, each compared with the full reader.
        var originals = Samples.Of(CaseGenerators.ValidCase(), 500, seed: 20261128).Select(c => JToken.Parse(c.ToJson())).ToArray();
        var taken = 0;
        var inputs = 0;
        for (var i = 0; i < originals.Length; i++)
        {
            foreach (var mutations in Samples.Of(JsonMutations.ForDocument(originals[i]), 20, seed: (ulong)i + 1))
            {
                taken += AgreeOn(JsonMutations.Apply(originals[i], mutations)) ? 1 : 0;
                inputs++;
            }
        }

        output.WriteLine($"{inputs:N0} damaged cases, {taken:N0} taken by the fast path");
        Assert.True(taken > 500, "too few damaged cases were still plain and valid; the comparison proves little");
    }

    [Fact]
    public void Fast_path_agrees_with_the_full_reader_on_small_edits_of_the_text()
    {
        // Edits aimed at what the fast path declines: signs, exponents, leading zeros, escapes, comments, odd white
        // space, a byte-order mark, trailing commas, literals, brackets. 4,000 inputs from a fixed seed.
        string[] inserts =
        [
            "-", "0", "00", "e1", "E+2", ".", ".0", ",", " ", "\t", "\r\n", "\u00a0", "\u2028", "\ufeff", "/**/", "//x\n", "\\u0041",
            "\\\"", "\\n", "\\ud800", "null", "true", "false", "}", "]", "{", "[", "\"", "'", "\0", "1", "9", "é", "🙂", "0x", "NaN", "\r",
        ];
        var originals = Samples.Of(CaseGenerators.ValidCase(), 200, seed: 7).Select(c => c.ToJson()).ToArray();
        var random = new Random(20261128);
        var taken = 0;
        for (var n = 0; n < 4000; n++)
        {
            var text = new StringBuilder(originals[n % originals.Length]);
            for (var k = 0; k < 1 + random.Next(2); k++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Insert(at, inserts[random.Next(inserts.Length)]);
                        break;
                    case 1:
                        text.Remove(at, 1);
                        break;
                    default:
                        text.Remove(at, 1).Insert(at, inserts[random.Next(inserts.Length)]);
                        break;
                }
            }

            taken += AgreeOn(text.ToString()) ? 1 : 0;
        }

        output.WriteLine($"4,000 edited texts, {taken:N0} taken by the fast path");
        Assert.True(taken > 200, "too few edited texts were still plain and valid; the comparison proves little");
    }

    [Fact]
    public void Lenient_syntax_is_refused_on_both_paths()
    {
        // What only Newtonsoft reads: the fast path declines it, and the full reader, strict now, refuses it too.
        var texts = Samples.Of(CaseGenerators.ValidCase(), 100, seed: 11).Select(c => c.ToJson().ReplaceLineEndings("\n")).ToArray();
        var random = new Random(11);
        var edits = 0;
        foreach (var text in texts)
        {
            foreach (var kind in LenientSyntax.Kinds)
            {
                if (LenientSyntax.Apply(text, kind, random) is var (json, _))
                {
                    Assert.False(CaseFastReader.TryRead(json, out _), kind + ": " + json);
                    Assert.False(Succeeds(() => CaseReader.ReadFully(json)), kind + ": " + json);
                    edits++;
                }
            }
        }

        Assert.True(edits > 500, $"{edits} edits");
    }

    [Fact]
    public void Malformed_case_files_and_odd_documents_are_all_left_to_the_full_reader()
    {
        var files = Directory.EnumerateFiles(TestFiles.Path("TestData", "cases", "malformed"), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.False(CaseFastReader.TryRead(File.ReadAllText(file), out _), file);
        }

        foreach (var json in new[] { "", " ", "null", "{}", "[]", "\ufeff{}", "{\"asOf\":\"2026-01-01\"}//", "{\"account\":{\"principal\":1e400}}" })
        {
            Assert.False(CaseFastReader.TryRead(json, out _), json);
        }
    }

    [Theory]
    [InlineData("CNY", "0")]
    [InlineData("CNY", "0.0")]
    [InlineData("CNY", "0.00")]
    [InlineData("CNY", "12.5")]
    [InlineData("CNY", "12.50")]
    [InlineData("CNY", "12.500000")]
    [InlineData("CNY", "12.501")]
    [InlineData("CNY", "999999999999.99")]
    [InlineData("CNY", "1000000000000")]
    [InlineData("CNY", "1000000000000.00")]
    [InlineData("CNY", "1000000000000.01")]
    [InlineData("CNY", "1234567890123456789")]
    [InlineData("CNY", "0.1234567890123456789")]
    [InlineData("CNY", "1e2")]
    [InlineData("CNY", "-0")]
    [InlineData("CNY", "-0.00")]
    [InlineData("CNY", "01")]
    [InlineData("CNY", "1.")]
    [InlineData("JPY", "5000")]
    [InlineData("JPY", "5000.0")]
    [InlineData("JPY", "5000.5")]
    [InlineData("BHD", "1.005")]
    [InlineData("BHD", "1.0050")]
    [InlineData("BHD", "1.0005")]
    public void Amounts_keep_their_written_decimal_places_on_both_paths(string currency, string amount)
    {
        var asMoney = $$"""
            { "asOf": "2026-11-20", "currency": "{{currency}}",
              "account": { "principal": {{amount}}, "interest": 1, "dueDate": "2026-11-10", "amountDue": 1 } }
            """;
        var asRate = $$"""
            { "asOf": "2026-11-20", "currency": "{{currency}}",
              "account": { "principal": 5, "annualRate": {{amount}}, "dueDate": "2026-11-10", "amountDue": 1 } }
            """;

        AgreeOn(asMoney);
        AgreeOn(asRate);
        if (CaseFastReader.TryRead(asMoney, out var fast))
        {
            Assert.Equal(decimal.GetBits(CaseReader.ReadFully(asMoney).Account.Principal), decimal.GetBits(fast.Account.Principal));
        }

        if (CaseFastReader.TryRead(asRate, out fast))
        {
            Assert.Equal(decimal.GetBits(CaseReader.ReadFully(asRate).Account.AnnualRate!.Value), decimal.GetBits(fast.Account.AnnualRate!.Value));
        }
    }

    [Property(MaxTest = 500)]
    public Property Any_text_reads_the_same_on_both_paths(NonNull<string> text) =>
        Prop.ForAll(Gen.Elements(false, true).ToArbitrary(), escapeAll =>
        {
            var written = JsonConvert.ToString(text.Get, '"', escapeAll ? StringEscapeHandling.EscapeNonAscii : StringEscapeHandling.Default);
            var json = $$"""{ "asOf": "2026-11-20", "currency": "CNY", "lender": { "name": {{written}} }, "account": { "principal": 5, "dueDate": "2026-11-10", "amountDue": 1 } }""";
            AgreeOn(json);
        });

    [Fact]
    public void Text_with_common_escapes_takes_the_fast_path()
    {
        var json = """{ "asOf": "2026-11-20", "currency": "CNY", "lender": { "name": "a \"b\" \\ \/ \n\t\u4eab\u82b1" }, "account": { "principal": 5, "dueDate": "2026-11-10", "amountDue": 1 } }""";

        AssertFastPathTakesIt(json);
        Assert.Equal("a \"b\" \\ / \n\t享花", BorrowerCase.FromJson(json).Lender.Name);
    }

    /// <summary>Asserts the paths agree on <paramref name="json"/>; returns whether the fast path took it.</summary>
    private static bool AgreeOn(string json)
    {
        if (!CaseFastReader.TryRead(json, out var fast))
        {
            return false;
        }

        BorrowerCase full;
        try
        {
            full = CaseReader.ReadFully(json);
        }
        catch (CaseValidationException e)
        {
            throw new Xunit.Sdk.XunitException($"the fast path accepted a case the full reader refuses: {e.Message}\n{json}");
        }

        Assert.Equal(full, fast);
        Assert.Equal(full.ToJson(), fast.ToJson());
        return true;
    }

    private static void AssertFastPathTakesIt(string json)
    {
        Assert.True(AgreeOn(json), "the fast path left a plain valid case to the full reader:\n" + json);
    }

    private static bool Succeeds(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (CaseValidationException)
        {
            return false;
        }
    }
}
