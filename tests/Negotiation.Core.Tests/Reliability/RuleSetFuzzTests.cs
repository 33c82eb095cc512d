using System.Diagnostics;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Expressions;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// Hostile edits of a valid rule set (the minimal test set): each loads, or is refused with a
/// <see cref="RuleSetValidationException"/> whose every problem names its file; a set that loads advises an ordinary case and an
/// extreme one, to the same plan under the thread's culture and under the Turkish one.
/// </summary>
public sealed class RuleSetFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 10_000;

    private static readonly string[] Files = ["ruleset.json", "citations.json", "decision.json", "requests.json"];

    /// <summary>Pieces of the rule language, of DLC's keywords, and of what the guard must keep out.</summary>
    private static readonly string[] Tokens =
    [
        "facts.daysPastDue", "facts.isOverdue", "facts.inGracePeriod", "facts.totalOwed", "facts.lenderName", "facts.documents",
        "case.account.principal", "case.history", "case.offers", "case.asOf", "case.asOf.Year", "params.gracePeriodDays", "params.nope",
        "&&", "||", "==", "!=", ">", "<=", "+", "-", "*", "/", "%", "!", "?", ":", "??", "(", ")", "[", "]", ".", ",", "=>", "=",
        "0", "1", "-1", "0.5", "1e30", "79228162514264337593543950335", "\"x\"", "\"\\u0047etType\"", "'c'", "null", "true", "false",
        "it", "$", "^", "~", "@0", "np(", "iif(", "new", "is", "as", "cast", "in", "not in", "and", "or", "not", "mod", "eq",
        "GetType()", ".GetType()", ".Assembly", ".Location", ".Name", ".ToString()", ".Equals(case)", "typeof", "default",
        "Enumerable.Range(1, 100000000)", "Enumerable.Repeat(1, 1000000000)", "Math.Pow", "Math.Max(", "String.Concat(", "Convert.ToInt32(",
        "DateTime.Now", "Environment.MachineName", "System.IO.File.ReadAllText(\"/etc/passwd\")", "Activator.CreateInstance(",
        "case.history.Any(h => ", "case.history.Select(h => h.amountDue).Sum()", "case.offers.Count()", "x => x", ".Count", ".Length",
        "\u202e", "\u200b", "\0", "🙂", "\\u0047", "\"", "\\",
        "'x\\' != \"\" || ((", "'\\'", "\"\\\\\"", "((((((((((", "))))))))))",
        "case.lender.name.Any(c => ", "case.history.Contains(h)", "case.offers.Contains(case.offers[0])", "facts.lenderName.Contains(facts.lenderName)",
        "\"i\".ToUpper() == \"I\"", ".ToLower()", ".StartsWith(\"\u00ADi\")", ".EndsWith(\"x\", 1)", "string.Equals(facts.lenderName, \"I\", 1)",
        "case.finances.income.Max(i => i.source)", "facts.documents.Min()",
    ];

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Mutated_rule_files_load_or_are_refused_with_every_problem_naming_a_file()
    {
        var original = Files.ToDictionary(f => f, f => TestFiles.Read("TestData", "rulesets", "minimal", f), StringComparer.Ordinal);
        var trees = original.ToDictionary(f => f.Key, f => JToken.Parse(f.Value), StringComparer.Ordinal);
        var edits = Samples.Of(Edit(trees), Inputs, seed: 8);
        var seed = BorrowerCase.FromJson(TestFiles.Read("rules", "cn-consumer-credit", "examples", "seed-oversight.json"));

        // The seed case, and the same case with the largest amounts and rates a case may carry.
        var cases = new[]
        {
            seed,
            seed with
            {
                Account = seed.Account with
                {
                    Principal = CaseLimits.MaxMoney, Interest = CaseLimits.MaxMoney, Fees = CaseLimits.MaxMoney, PenaltyInterest = CaseLimits.MaxMoney,
                    AmountDue = CaseLimits.MaxMoney, AnnualRate = 10m, PenaltyDailyRate = 0.1m, GracePeriodDays = 90,
                },
                Finances = seed.Finances! with { Income = [new IncomeSource { Monthly = CaseLimits.MaxMoney }], Savings = CaseLimits.MaxMoney },
            },
        };

        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, how, text) in edits)
        {
            var files = new Dictionary<string, string>(original, StringComparer.Ordinal) { [file] = text };
            var outcome = Outcome(files, cases, $"{file}: {how}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"{Inputs:N0} rule sets in {clock.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("loaded") > 100, "too few mutated sets still loaded");
        Assert.True(outcomes.GetValueOrDefault("refused") > 5000, "too few mutated sets were refused");
    }

    [Fact]
    public void Lenient_syntax_in_any_rule_file_is_refused_at_the_edit_naming_the_file()
    {
        var original = Files.ToDictionary(f => f, f => TestFiles.Read("TestData", "rulesets", "minimal", f).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        var random = new Random(8);
        var refused = 0;
        foreach (var file in Files)
        {
            foreach (var kind in LenientSyntax.Kinds)
            {
                for (var n = 0; n < 4; n++)
                {
                    if (LenientSyntax.Apply(original[file], kind, random) is not var (text, at))
                    {
                        continue;
                    }

                    var files = new Dictionary<string, string>(original, StringComparer.Ordinal) { [file] = text };
                    var problems = Assert.Throws<RuleSetValidationException>(
                        () => RuleSet.FromStreams(files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal))).Problems;
                    var problem = problems.First(p => p.File == file);
                    Assert.StartsWith("invalid JSON: ", problem.Message, StringComparison.Ordinal);
                    Assert.True(at == LenientSyntax.IndexOf(text, problem.Line!.Value, problem.Column!.Value), $"{file}, {kind}: {problem} for an edit at {at}");
                    refused++;
                }
            }
        }

        output.WriteLine($"{refused} lenient rule files refused");
        Assert.True(refused > 80, $"only {refused} edits found a place");
    }

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Quote_escape_and_bracket_mixes_are_loaded_or_refused_and_never_overflow_a_small_stack()
    {
        // Each mix is loaded on a thread with a 1 MiB stack, as in a process under `ulimit -s 1024`: a mix whose quoting the
        // depth check misread would let the parser recurse hundreds of levels deep and kill the process, uncatchably.
        var parsing = new RuleExpressionParsing(RuleEvaluator.Settings);
        var mixes = Samples.Of(QuoteMix(), 1_500, seed: 16);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        SmallStack.Run(1024 * 1024, () =>
        {
            foreach (var mix in mixes)
            {
                var outcome = LoadOrRefuse(mix, TokenDepth(parsing, mix));
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }

            return outcomes.Count;
        });

        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("too deep") > 200, "too few mixes nest deeper than the limit");
        Assert.True(outcomes.GetValueOrDefault("loaded") + outcomes.GetValueOrDefault("refused") > 200, "too few mixes stay within it");
    }

    /// <summary>Quotes, backslashes and brackets in any order, then brackets nested up to 300 deep around a condition.</summary>
    private static Gen<string> QuoteMix() =>
        from count in Gen.Choose(1, 8)
        from pieces in Gen.ArrayOf(Gen.Elements("'", "\"", "\\", "\\'", "\\\"", "''", "\"\"", "x", " ", "(", ")", "[", "]", "{", "}", "true", " || ", " != ", "'x'"), count)
        from depth in Gen.Frequency((1, Gen.Choose(0, ExpressionGuard.MaxDepth)), (2, Gen.Choose(ExpressionGuard.MaxDepth + 1, 300)))
        select string.Concat(pieces) + " || " + new string('(', depth) + "facts.isOverdue" + new string(')', depth);

    /// <summary>How deep the parser's own tokenizer sees the brackets nest, or null when it cannot split the text into tokens.</summary>
    private static int? TokenDepth(RuleExpressionParsing parsing, string expression)
    {
        try
        {
            return parsing.BracketDepth(expression);
        }
        catch (System.Linq.Dynamic.Core.Exceptions.ParseException)
        {
            return null;
        }
    }

    private static string LoadOrRefuse(string expression, int? depth)
    {
        try
        {
            RuleSetKit.Minimal().WithExpression(expression).Load();
            Assert.True(depth <= ExpressionGuard.MaxDepth, $"loaded although its brackets nest {depth} deep: {expression}");
            return "loaded";
        }
        catch (RuleSetValidationException e)
        {
            Assert.All(e.Problems, p => Assert.Equal(("decision.json", "in-grace"), (p.File, p.Rule)));
            if (depth > ExpressionGuard.MaxDepth)
            {
                Assert.Contains(e.Problems, p => p.Message.Contains("brackets nest deeper", StringComparison.Ordinal));
                return "too deep";
            }

            return "refused";
        }
    }

    private static T InTurkish<T>(Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static Gen<(string File, string How, string Text)> Edit(Dictionary<string, JToken> trees) =>
        Gen.Frequency(
            (3, from file in Gen.Elements(Files)
                from mutations in JsonMutations.ForDocument(trees[file])
                select (file, string.Join(", ", mutations.Select(m => m.Name)), JsonMutations.Apply(trees[file], mutations))),
            (2, from file in Gen.Elements("decision.json", "requests.json")
                from rule in Gen.Choose(0, 2)
                from expression in Expression()
                select (file, $"expression {expression}", WithExpression(trees[file], rule, expression))));

    /// <summary>Random token soup, or a valid expression with a few tokens spliced in.</summary>
    private static Gen<string> Expression() =>
        Gen.Frequency(
            (1, from n in Gen.Choose(1, 8)
                from tokens in Gen.ArrayOf(Gen.Elements(Tokens), n)
                select string.Join(" ", tokens)),
            (1, from at in Gen.Choose(0, 40)
                from n in Gen.Choose(1, 3)
                from tokens in Gen.ArrayOf(Gen.Elements(Tokens), n)
                let valid = "facts.isBeyondGrace && facts.daysPastDue > params.gracePeriodDays"
                select valid.Insert(Math.Min(at, valid.Length), string.Concat(tokens))),
            (1, from tokens in Gen.ArrayOf(Gen.Elements(Tokens), 3)
                select $"case.history.Any(h => {tokens[0]} {tokens[1]} {tokens[2]})"));

    private static string WithExpression(JToken workflow, int rule, string expression)
    {
        var copy = workflow.DeepClone();
        var rules = (JArray)copy["Rules"]!;
        var target = rules[rule % rules.Count];

        // The decision set's second rule combines children: put the expression in a child.
        if (target["Rules"] is JArray children)
        {
            target = children[0];
        }

        target["Expression"] = expression;
        return copy.ToString();
    }

    private static string Outcome(Dictionary<string, string> files, BorrowerCase[] cases, string how)
    {
        RuleSet rules;
        try
        {
            rules = RuleSet.FromStreams(files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal));
        }
        catch (RuleSetValidationException e)
        {
            Assert.NotEmpty(e.Problems);
            foreach (var problem in e.Problems)
            {
                // The file edited, or a workflow file the edited manifest names but the set lacks.
                Assert.True(Files.Contains(problem.File) || (problem.File.EndsWith(".json", StringComparison.Ordinal) && problem.Message.Contains("is missing", StringComparison.Ordinal)), $"problem without a file after [{how}]: {problem}");
                Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            }

            return "refused";
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name} escaped Load after [{how}]: {e.Message}\n{e}");
        }

        try
        {
            // A set may be for another currency; the case is then restated in it, since amounts are never converted.
            // The same plan, byte for byte, under a culture that cases and compares text differently (Turkish dotted i).
            var advisor = NegotiationAdvisor.Create(rules);
            foreach (var @case in cases.Select(c => c with { Currency = rules.Currency }))
            {
                var plan = advisor.Advise(@case).ToJson();
                Assert.True(plan == InTurkish(() => advisor.Advise(@case).ToJson()), $"the plan differs under tr-TR after [{how}]");
            }

            return "loaded";
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name} escaped Advise with a loaded set after [{how}]: {e.Message}\n{e}");
        }
    }
}
