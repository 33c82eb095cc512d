using System.Diagnostics;
using FsCheck.Fluent;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// Hostile edits of valid cases: every input gives a plan, or a <see cref="CaseValidationException"/> whose
/// problems say where; no other exception escapes <see cref="BorrowerCase.FromJson"/> or <see cref="NegotiationAdvisor.Advise(BorrowerCase)"/>.
/// </summary>
public sealed class CaseFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 10_000;

    private static readonly NegotiationAdvisor Advisor = NegotiationAdvisor.CreateDefault();

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Mutated_case_json_gives_a_plan_or_a_validation_exception_that_names_the_path()
    {
        // 500 valid cases, each damaged in 20 ways: 10,000 inputs from a fixed seed, so a failure reproduces.
        var originals = Samples.Of(CaseGenerators.ValidCase(), 500, seed: 20261128).Select(c => JToken.Parse(c.ToJson())).ToArray();
        var inputs = originals.SelectMany((document, i) =>
            Samples.Of(JsonMutations.ForDocument(document), 20, seed: (ulong)i + 1).Select(m => (document, m))).ToArray();
        Assert.Equal(Inputs, inputs.Length);

        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (document, mutations) in inputs)
        {
            var json = JsonMutations.Apply(document, mutations);
            var outcome = Outcome(json, string.Join(", ", mutations.Select(m => m.Name)));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"{Inputs:N0} inputs in {clock.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));

        // The mutations must really reach both outcomes, or the property proves little.
        Assert.True(outcomes.GetValueOrDefault("plan") > 500, "too few mutated cases were still valid");
        Assert.True(outcomes.GetValueOrDefault("refused") > 5000, "too few mutated cases were refused");
    }

    [Fact]
    public void Lenient_syntax_in_valid_cases_is_refused_at_the_very_character_of_the_edit()
    {
        // 300 valid cases, each edited once in each way only Newtonsoft reads: none may be read, each problem points at the edit.
        var texts = Samples.Of(CaseGenerators.ValidCase(), 300, seed: 20261128).Select(c => c.ToJson().ReplaceLineEndings("\n")).ToArray();
        var random = new Random(20261128);
        var refused = 0;
        foreach (var text in texts)
        {
            foreach (var kind in LenientSyntax.Kinds)
            {
                if (LenientSyntax.Apply(text, kind, random) is not var (json, at))
                {
                    continue;
                }

                var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);
                Assert.StartsWith("invalid JSON: ", problem.Message, StringComparison.Ordinal);
                Assert.True(at == LenientSyntax.IndexOf(json, problem.Line!.Value, problem.Column!.Value), $"{kind}: {problem} for an edit at {at}");
                refused++;
            }
        }

        output.WriteLine($"{refused:N0} lenient edits refused");
        Assert.True(refused > 1500, $"only {refused} edits found a place");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("\ufeff{}")]
    [InlineData("{\"asOf\":\"2026-01-01\"}/*")]
    [InlineData("{\"asOf\":\"2026-01-01\"}//")]
    [InlineData("{\"a\":1}\0")]
    [InlineData("{\"\ud800\":1}")]
    [InlineData("{\"account\":{\"principal\":1e400}}")]
    [InlineData("{\"account\":{\"principal\":-1e400}}")]
    [InlineData("{\"account\":{\"principal\":NaN}}")]
    [InlineData("{\"account\":{\"principal\":Infinity}}")]
    [InlineData("{\"account\":{\"principal\":0x10}}")]
    [InlineData("{\"account\":{\"gracePeriodDays\":99999999999999999999999}}")]
    [InlineData("{\"conduct\":{\"brokenPromises\":1e3}}")]
    [InlineData("{\"asOf\":new Date(1)}")]
    [InlineData("{'asOf':'2026-01-01'}")]
    [InlineData("{\"asOf\":\"2026-01-01\",}")]
    [InlineData("{asOf:\"2026-01-01\"}")]
    [InlineData("{\"account\":{\"principal\":010}}")]
    [InlineData("{\"account\":{\"principal\":0" + "77777777777777777777777777777777777777777777777777777777777777777777777777777777" + "}}")]
    [InlineData("[\"\t\"]")]
    [InlineData("{\"asOf\":\"2026-01-01\"}\u2028")]
    [InlineData("{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}")]
    [InlineData("{\"lender\":{\"$type\":\"System.Object\"}}")]
    public void Odd_documents_are_refused_with_a_validation_exception(string json)
    {
        var error = Record.Exception(() => BorrowerCase.FromJson(json));

        var refused = Assert.IsType<CaseValidationException>(error);
        AssertPathsNamed(refused, json);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    [InlineData(33, false)]
    [InlineData(200, false)]
    [InlineData(5000, false)]
    public void Deep_nesting_is_refused_without_recursing_into_it(int depth, bool withinDepth)
    {
        // 200 or 5,000 nested lists where a text is expected: the reader's depth bound must stop it, not the stack.
        var json = "{\"asOf\":\"2026-01-01\",\"currency\":\"CNY\",\"lender\":{\"name\":" + new string('[', depth) + new string(']', depth) + "}}";

        var refused = Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json));

        AssertPathsNamed(refused, json);
        Assert.True(withinDepth == refused.Problems.Any(p => p.Path == "lender.name" && p.Message.Contains("must be text", StringComparison.Ordinal)), string.Join("; ", refused.Problems));
        Assert.Equal(!withinDepth, refused.Problems.Any(p => p.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)));
    }

    private static string Outcome(string json, string how)
    {
        BorrowerCase read;
        try
        {
            read = BorrowerCase.FromJson(json);
        }
        catch (CaseValidationException e)
        {
            AssertPathsNamed(e, json, how);
            return "refused";
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name} escaped FromJson after [{how}]: {e.Message}\n{Shorten(json)}\n{e}");
        }

        try
        {
            Assert.NotNull(Advisor.Advise(read));
            Assert.NotNull(Advisor.Advise(read, "en"));
            return "plan";
        }
        catch (CaseValidationException e) when (e.Problems.All(p => p.Path == "currency"))
        {
            // A valid ISO currency that is not the rule set's: refused by the advisor, at the path.
            return "other-currency";
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name} escaped Advise after [{how}]: {e.Message}\n{Shorten(json)}\n{e}");
        }
    }

    /// <summary>Every problem has a path; only document-level problems (syntax, size, the root itself) may leave it empty.</summary>
    internal static void AssertPathsNamed(CaseValidationException e, string json, string how = "")
    {
        Assert.NotEmpty(e.Problems);
        foreach (var problem in e.Problems)
        {
            Assert.NotNull(problem.Path);
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            if (problem.Path.Length == 0)
            {
                var documentLevel = problem.Message.StartsWith("invalid JSON", StringComparison.Ordinal) ||
                                    problem.Message.StartsWith("a case must be a JSON object", StringComparison.Ordinal) ||
                                    problem.Message.StartsWith("the case is ", StringComparison.Ordinal) ||
                                    problem.Message.StartsWith("reading stopped after", StringComparison.Ordinal) ||
                                    problem.Message.StartsWith("a number is too large", StringComparison.Ordinal);
                Assert.True(documentLevel, $"problem without a path after [{how}]: {problem}\n{Shorten(json)}");
            }
        }
    }

    private static string Shorten(string json) => json.Length <= 3000 ? json : json[..3000] + "…";
}
