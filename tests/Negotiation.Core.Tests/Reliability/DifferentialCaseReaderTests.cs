using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// The case reader against an independent reading of the same contract (<see cref="ReferenceCaseReader"/>: a JSON tree,
/// one method per model type): on valid, generated, damaged and edited cases both accept exactly the same texts and read
/// them to the same case (equal, and written back to the same JSON, so even the decimal places of every amount agree).
/// </summary>
public sealed class DifferentialCaseReaderTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_valid_cases_are_read_as_the_reference_reads_them()
    {
        var cases = Samples.Of(CaseGenerators.ValidCase(), 1000, seed: 20261128);
        foreach (var c in cases)
        {
            var indented = c.ToJson();
            AssertBothAccept(indented);
            AssertBothAccept(JToken.Parse(indented).ToString(Formatting.None));
            Assert.Equal(c, BorrowerCase.FromJson(indented));
        }
    }

    [Fact]
    public void Example_and_scenario_cases_are_read_as_the_reference_reads_them()
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

        // A scenario may hold a case that is meant to be refused; the readers must agree on which.
        var accepted = texts.Count(AgreeOn);

        output.WriteLine($"{texts.Count} example and scenario cases, {accepted} valid");
        Assert.True(accepted > 40, $"only {accepted} valid");
    }

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Damaged_cases_are_accepted_or_refused_as_the_reference_decides()
    {
        // The fuzz test's 10,000 hostile edits of valid cases, each compared with the reference.
        var originals = Samples.Of(CaseGenerators.ValidCase(), 500, seed: 20261128).Select(c => JToken.Parse(c.ToJson())).ToArray();
        var accepted = 0;
        var inputs = 0;
        for (var i = 0; i < originals.Length; i++)
        {
            foreach (var mutations in Samples.Of(JsonMutations.ForDocument(originals[i]), 20, seed: (ulong)i + 1))
            {
                accepted += AgreeOn(JsonMutations.Apply(originals[i], mutations)) ? 1 : 0;
                inputs++;
            }
        }

        output.WriteLine($"{inputs:N0} damaged cases, {accepted:N0} still valid");
        Assert.True(accepted > 500, "too few damaged cases were still valid; the comparison proves little");
        Assert.True(inputs - accepted > 5000, "too few damaged cases were refused; the comparison proves little");
    }

    [Fact]
    public void Small_edits_of_the_text_are_accepted_or_refused_as_the_reference_decides()
    {
        // Edits aimed at the corners of JSON: signs, exponents, leading zeros, escapes, comments, odd white space, a
        // byte-order mark, trailing commas, literals, brackets, lone surrogates. 4,000 inputs from a fixed seed.
        string[] inserts =
        [
            "-", "0", "00", "e1", "E+2", ".", ".0", ",", " ", "\t", "\r\n", "\u00a0", "\u2028", "\ufeff", "/**/", "//x\n", "\\u0041",
            "\\\"", "\\n", "\\ud800", "\ud800", "null", "true", "false", "}", "]", "{", "[", "\"", "'", "\0", "1", "9", "é", "🙂", "0x", "NaN", "\r",
        ];
        var originals = Samples.Of(CaseGenerators.ValidCase(), 200, seed: 7).Select(c => c.ToJson()).ToArray();
        var random = new Random(20261128);
        var accepted = 0;
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

            accepted += AgreeOn(text.ToString()) ? 1 : 0;
        }

        output.WriteLine($"4,000 edited texts, {accepted:N0} still valid");
        Assert.True(accepted > 200, "too few edited texts were still valid; the comparison proves little");
    }

    [Fact]
    public void Lenient_syntax_is_refused_by_both_readers()
    {
        // What only Newtonsoft reads: comments, single quotes, bare names, trailing commas, 010, 0x0C ...
        var texts = Samples.Of(CaseGenerators.ValidCase(), 100, seed: 11).Select(c => c.ToJson().ReplaceLineEndings("\n")).ToArray();
        var random = new Random(11);
        var edits = 0;
        foreach (var text in texts)
        {
            foreach (var kind in LenientSyntax.Kinds)
            {
                if (LenientSyntax.Apply(text, kind, random) is var (json, _))
                {
                    Assert.False(AgreeOn(json), kind + ": " + json);
                    edits++;
                }
            }
        }

        Assert.True(edits > 500, $"{edits} edits");
    }

    [Fact]
    public void Malformed_case_files_and_odd_documents_are_refused_by_both_readers()
    {
        var files = Directory.EnumerateFiles(TestFiles.Path("TestData", "cases", "malformed"), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.False(AgreeOn(File.ReadAllText(file)), file);
        }

        foreach (var json in new[] { "", " ", "null", "{}", "[]", "\ufeff{}", "{\"asOf\":\"2026-01-01\"}//", "{\"account\":{\"principal\":1e400}}" })
        {
            Assert.False(AgreeOn(json), json);
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
    [InlineData("CNY", "1.5E+1")]
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
    public void Amounts_keep_their_written_decimal_places_in_both_readers(string currency, string amount)
    {
        var asMoney = $$"""
            { "asOf": "2026-11-20", "currency": "{{currency}}",
              "account": { "principal": {{amount}}, "interest": 1, "dueDate": "2026-11-10", "amountDue": 1 } }
            """;
        var asRate = $$"""
            { "asOf": "2026-11-20", "currency": "{{currency}}",
              "account": { "principal": 5, "annualRate": {{amount}}, "dueDate": "2026-11-10", "amountDue": 1 } }
            """;

        if (AgreeOn(asMoney))
        {
            Assert.Equal(decimal.GetBits(ReferenceCaseReader.TryRead(asMoney)!.Account.Principal), decimal.GetBits(BorrowerCase.FromJson(asMoney).Account.Principal));
        }

        if (AgreeOn(asRate))
        {
            Assert.Equal(decimal.GetBits(ReferenceCaseReader.TryRead(asRate)!.Account.AnnualRate!.Value), decimal.GetBits(BorrowerCase.FromJson(asRate).Account.AnnualRate!.Value));
        }
    }

    [Property(MaxTest = 500)]
    public Property Any_text_reads_as_the_reference_reads_it(NonNull<string> text) =>
        Prop.ForAll(Gen.Elements(false, true).ToArbitrary(), escapeAll =>
        {
            var written = JsonConvert.ToString(text.Get, '"', escapeAll ? StringEscapeHandling.EscapeNonAscii : StringEscapeHandling.Default);
            var json = $$"""{ "asOf": "2026-11-20", "currency": "CNY", "lender": { "name": {{written}} }, "account": { "principal": 5, "dueDate": "2026-11-10", "amountDue": 1 } }""";
            AgreeOn(json);
        });

    [Fact]
    public void Text_with_common_escapes_is_read_unescaped()
    {
        var json = """{ "asOf": "2026-11-20", "currency": "CNY", "lender": { "name": "a \"b\" \\ \/ \n\t\u4eab\u82b1" }, "account": { "principal": 5, "dueDate": "2026-11-10", "amountDue": 1 } }""";

        AssertBothAccept(json);
        Assert.Equal("a \"b\" \\ / \n\t享花", BorrowerCase.FromJson(json).Lender.Name);
    }

    [Fact]
    public void Escaped_names_and_values_are_read_as_written_plainly()
    {
        var json = """{ "\u0061sOf": "2026-11-2\u0030", "currency": "C\u004eY", "goal": "f\u0065e-waiver", "account": { "principal": 5, "dueDate": "2026-11-10", "amountDue": 1 } }""";

        AssertBothAccept(json);
        Assert.Equal(NegotiationGoal.FeeWaiver, BorrowerCase.FromJson(json).Goal);
    }

    /// <summary>Asserts the readers agree on <paramref name="json"/>; returns whether it is a valid case.</summary>
    private static bool AgreeOn(string json)
    {
        var expected = ReferenceCaseReader.TryRead(json);
        BorrowerCase actual;
        try
        {
            actual = BorrowerCase.FromJson(json);
        }
        catch (CaseValidationException e)
        {
            return expected is null
                ? false
                : throw new Xunit.Sdk.XunitException($"the reader refuses a case the reference reads: {e.Message}\n{json}");
        }

        if (expected is null)
        {
            throw new Xunit.Sdk.XunitException($"the reader accepts a case the reference refuses:\n{json}");
        }

        Assert.Equal(expected, actual);
        Assert.Equal(expected.ToJson(), actual.ToJson());
        return true;
    }

    private static void AssertBothAccept(string json)
    {
        Assert.True(AgreeOn(json), "both readers refuse a valid case:\n" + json);
    }
}
