using System.Text;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Scenarios;
using Negotiation.Core.Tests.Cases;
using Negotiation.Core.Tests.Reliability;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.RuleSets.Evaluation;

/// <summary>
/// The compiled rules give, rule by rule, the result and error text RulesEngine 6's own <c>ExecuteAllRulesAsync</c> gives
/// over the same files: on the default set over the examples, every scenario and generated cases, and on hand-made sets
/// with nested rules, disabled rules and rules that throw.
/// </summary>
public sealed class RuleEvaluatorConformanceTests(ITestOutputHelper output)
{
    private const string True = "facts.historyCount >= 0";
    private const string False = "facts.historyCount < 0";
    private const string DividesByZero = "facts.historyCount / (facts.historyCount - facts.historyCount) > 0";

    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    private static readonly string DefaultFolder = TestFiles.Path("rules", "cn-consumer-credit");

    private static readonly BorrowerCase Seed = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

    [Fact]
    public void Default_rules_match_RulesEngine_on_the_examples_and_every_scenario()
    {
        var cases = TestFiles.ExampleCases().Select(f => BorrowerCase.FromJson(File.ReadAllText(f)))
            .Concat(Directory.GetFiles(Path.Combine(DefaultFolder, "scenarios"), "*.json").Order(StringComparer.Ordinal).Select(f => Scenario.FromFile(f).Case))
            .ToList();

        var compared = AssertSameResults(RulesEngineOracle.ForFolder(RuleSet.Default, DefaultFolder), cases);

        Assert.True(cases.Count >= 63, $"{cases.Count} cases");
        output.WriteLine($"{cases.Count} cases, {compared} rule results compared");
    }

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Default_rules_match_RulesEngine_on_two_thousand_generated_cases()
    {
        var cases = Samples.Of(CaseGenerators.ValidCase(), 2_000, seed: 20261128);

        var compared = AssertSameResults(RulesEngineOracle.ForFolder(RuleSet.Default, DefaultFolder), cases);

        output.WriteLine($"{cases.Length} cases, {compared} rule results compared");
    }

    [Fact]
    public void Nested_rules_match_RulesEngine_for_each_operator_and_its_short_circuit()
    {
        var rules = new List<JObject>();
        foreach (var op in new[] { "And", "AndAlso", "Or", "OrElse" })
        {
            // Every pair of true, false and throwing children, in both orders: which stop early, and whose error is kept.
            foreach (var (first, second) in new[] { (True, True), (True, False), (False, True), (False, False), (True, DividesByZero), (DividesByZero, True), (False, DividesByZero), (DividesByZero, False) })
            {
                rules.Add(Nested($"{op}-{rules.Count}", op, Leaf($"c{rules.Count}a", first), Leaf($"c{rules.Count}b", second)));
            }

            rules.Add(Nested($"{op}-deep", op, Nested($"{op}-deep-or", "Or", Leaf($"{op}-d1", DividesByZero), Leaf($"{op}-d2", "facts.isOverdue")), Leaf($"{op}-d3", "case.finances.savings > 100")));
            rules.Add(Nested($"{op}-single-throw", op, Leaf($"{op}-s1", DividesByZero)));
        }

        var compared = AssertSameResults(HandMade(rules), [Seed, .. Samples.Of(CaseGenerators.ValidCase(), 200, seed: 7)]);

        output.WriteLine($"{compared} rule results compared");
    }

    [Fact]
    public void Named_conditions_match_RulesEngine_scoped_params_global_local_and_seen_by_children()
    {
        var folder = TestFiles.Path("TestData", "rulesets", "minimal");
        var files = Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        static JArray Params(params string[] pairs) =>
            new(pairs.Chunk(2).Select(p => new JObject { ["Name"] = p[0], ["Expression"] = p[1] }));
        var decision = new JObject
        {
            ["WorkflowName"] = "decision",
            ["GlobalParams"] = Params("late", "facts.daysPastDue > 3", "lateReachable", "late && facts.contactable", "owed", "facts.totalOwed * 2"),
            ["Rules"] = new JArray(
                Top(Leaf("uses-global", "lateReachable")),
                Top(Leaf("uses-number", "owed > 1000m")),
                Top(Leaf("uses-local", "firstOrLate && case.finances.savings >= 0").Also(r => r["LocalParams"] = Params("firstOrLate", "late || facts.isFirstOverdue"))),
                Nested("children-see-parent", "AndAlso", Leaf("child-a", "parentLocal"), Leaf("child-b", "!late || childLocal").Also(r => r["LocalParams"] = Params("childLocal", "parentLocal && facts.isOverdue")))
                    .Also(r => r["LocalParams"] = Params("parentLocal", "facts.hasRecord || late"))),
        }.ToString();
        files["decision.json"] = decision;
        var rules = RuleSet.FromStreams(files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal));
        var oracle = new RulesEngineOracle(rules, rules.Workflows.Select(w => files[w + ".json"]));

        var compared = AssertSameResults(oracle, [Seed, .. Samples.Of(CaseGenerators.ValidCase(), 300, seed: 15)]);

        output.WriteLine($"{compared} rule results compared");
    }

    [Fact]
    public void Disabled_rules_and_disabled_children_are_skipped_as_RulesEngine_skips_them()
    {
        JObject[] rules =
        [
            Top(Leaf("disabled-top", True, enabled: false)),
            Top(Leaf("enabled-top", True)),
            Nested("and-with-disabled-false", "And", Leaf("adf1", True), Leaf("adf2", False, enabled: false)),
            Nested("or-with-disabled-true", "Or", Leaf("odt1", False), Leaf("odt2", True, enabled: false)),
            Nested("and-all-disabled", "And", Leaf("aad1", True, enabled: false)),
            Nested("or-all-disabled", "OrElse", Leaf("oad1", True, enabled: false)),
            Nested("disabled-nested", "And", Leaf("dn1", True)).Also(r => r["Enabled"] = false),
            Nested("disabled-throwing-child", "AndAlso", Leaf("dtc1", DividesByZero, enabled: false), Leaf("dtc2", True)),
        ];
        var oracle = HandMade(rules);

        var compared = AssertSameResults(oracle, [Seed]);

        var actual = oracle.Actual(Seed);
        Assert.DoesNotContain(actual, r => r.Rule is "disabled-top" or "disabled-nested");
        Assert.Contains(new RuleResult("decision", "and-with-disabled-false", true, null), actual);
        Assert.Contains(new RuleResult("decision", "and-all-disabled", false, null), actual);
        Assert.Contains(new RuleResult("decision", "disabled-throwing-child", true, null), actual);
        output.WriteLine($"{compared} rule results compared");
    }

    [Fact]
    public void Rules_that_throw_at_run_time_fail_with_RulesEngine_error_text()
    {
        var throwing = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["int-division-by-zero"] = DividesByZero,
            ["decimal-division-by-zero"] = "facts.principal / (facts.principal - facts.principal) > 1",
            ["decimal-overflow"] = "(facts.principal + 100m) * 1000000000000m * 1000000000000m * 1000000000m > 0",
            ["int-arithmetic"] = "facts.historyCount * 2147483647 * 2147483647 > 0",
            ["null-member"] = "case.lender.name.Length > 0",
            ["null-parent"] = "case.finances.savings > 0",
            ["null-nullable"] = "case.account.annualRate.Value > 0",
            ["index-out-of-range"] = "case.history[1000].amountDue > 0",
            ["first-of-empty"] = "case.disputedCharges.First().amount > 0",
            ["math-overflow"] = "Math.Abs(facts.historyCount - 2147483647 - 2) > 0",
        };
        var oracle = HandMade([.. throwing.Select(t => Top(Leaf(t.Key, t.Value)))]);
        var bare = Seed with { Lender = new Lender { Name = null }, Finances = null, Account = Seed.Account with { AnnualRate = null } };

        var compared = AssertSameResults(oracle, [bare, Seed, .. Samples.Of(CaseGenerators.ValidCase(), 200, seed: 11)]);

        var results = oracle.Actual(bare).ToDictionary(r => r.Rule, StringComparer.Ordinal);
        Assert.Equal("Error while executing rule : int-division-by-zero - " + new DivideByZeroException().Message, results["int-division-by-zero"].Error);
        Assert.Equal("Error while executing rule : null-member - " + new NullReferenceException().Message, results["null-member"].Error);
        Assert.All(new[] { "decimal-division-by-zero", "decimal-overflow", "null-parent", "null-nullable", "index-out-of-range", "first-of-empty" }, name =>
        {
            Assert.False(results[name].Success);
            Assert.StartsWith($"Error while executing rule : {name} - ", results[name].Error);
        });
        output.WriteLine($"{compared} rule results compared");
    }

    [Fact]
    public void Text_rules_match_RulesEngine_under_the_invariant_culture_on_plain_text()
    {
        // The compiled rules compare text ordinally and case it invariantly; RulesEngine follows the thread's culture. On
        // plain ASCII text under the invariant culture the two agree; elsewhere they differ by design (SECURITY.md, Culture).
        JObject[] rules =
        [
            Top(Leaf("upper", "case.lender.name.ToUpper() == \"ACME LENDING\"")),
            Top(Leaf("lower-starts", "case.lender.name.ToLower().StartsWith(\"acme\")")),
            Top(Leaf("ends", "case.lender.name.EndsWith(\"Lending\")")),
            Top(Leaf("ends-not", "case.lender.name.EndsWith(\"lending\")")),
            Top(Leaf("equals-ignoring-case", "string.Equals(case.lender.name, \"acme lending\", 3)")),
            Top(Leaf("contains", "case.lender.name.Contains(\"me L\")")),
        ];
        var cases = new[] { "Acme Lending", "ACME LENDING", "acme", "Lending", "" }.Select(name => Seed with { Lender = Seed.Lender with { Name = name } }).ToList();

        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            var compared = AssertSameResults(HandMade(rules), cases);
            output.WriteLine($"{compared} rule results compared");
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void Random_rule_trees_match_RulesEngine()
    {
        // Leaves that hold, fail, throw, or depend on the case; trees up to three levels deep with disabled rules here and there.
        string[] leaves = [True, False, DividesByZero, "facts.isOverdue", "case.finances.savings > 1000", "case.lender.name.Length > 3", "facts.daysPastDue > 30"];
        var random = new Random(20261128);
        var cases = Samples.Of(CaseGenerators.ValidCase(), 20, seed: 3);
        var compared = 0;
        for (var set = 0; set < 60; set++)
        {
            var names = 0;
            JObject Rule(int depth)
            {
                var name = $"r{names++}";
                var enabled = random.Next(6) > 0;
                if (depth >= 3 || random.Next(3) == 0)
                {
                    return Leaf(name, leaves[random.Next(leaves.Length)], enabled);
                }

                var children = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Rule(depth + 1)).ToArray();
                return Nested(name, Operators[random.Next(Operators.Length)], children).Also(r => r["Enabled"] = enabled);
            }

            var decision = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Top(Rule(0))).ToList();
            var requests = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Top(Rule(0))).ToList();
            compared += AssertSameResults(HandMade(decision, requests), cases);
        }

        output.WriteLine($"60 rule sets × {cases.Length} cases, {compared} rule results compared");
    }

    /// <summary>Compares rule by rule; returns how many results were compared.</summary>
    private static int AssertSameResults(RulesEngineOracle oracle, IReadOnlyList<BorrowerCase> cases)
    {
        var compared = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = oracle.Expected(cases[i]);
            var actual = oracle.Actual(cases[i]);
            Assert.True(expected.SequenceEqual(actual), $"case {i}:\nRulesEngine: {string.Join("\n  ", expected)}\ncompiled:    {string.Join("\n  ", actual)}");
            compared += expected.Count;
        }

        Assert.True(compared > 0);
        return compared;
    }

    /// <summary>A set of the minimal test set's manifest with these rules: the first list in decision, the second in requests.</summary>
    private static RulesEngineOracle HandMade(IReadOnlyList<JObject> decision, IReadOnlyList<JObject>? requests = null)
    {
        var folder = TestFiles.Path("TestData", "rulesets", "minimal");
        var files = Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        files["decision.json"] = Workflow("decision", decision);
        files["requests.json"] = Workflow("requests", requests ?? [Top(Leaf("requests-placeholder", True))]);
        var rules = RuleSet.FromStreams(files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal));
        return new RulesEngineOracle(rules, rules.Workflows.Select(w => files[w + ".json"]));
    }

    private static string Workflow(string name, IEnumerable<JObject> rules) =>
        new JObject { ["WorkflowName"] = name, ["Rules"] = new JArray(rules.Select(r => Top(r))) }.ToString();

    private static JObject Leaf(string name, string expression, bool enabled = true)
    {
        var rule = new JObject { ["RuleName"] = name, ["Expression"] = expression };
        if (!enabled)
        {
            rule["Enabled"] = false;
        }

        return rule;
    }

    private static JObject Nested(string name, string op, params JObject[] children) =>
        Top(new JObject { ["RuleName"] = name, ["Operator"] = op, ["Rules"] = new JArray(children.Select(c => c.Also(x => x.Remove("Properties")))) });

    /// <summary>Gives a rule the Properties a top-level rule needs (a reason naming no outcome, so the plan's outcome stays the default).</summary>
    private static JObject Top(JObject rule)
    {
        rule["Properties"] ??= new JObject
        {
            ["kind"] = "reason",
            ["code"] = "test-" + ((string)rule["RuleName"]!).ToLowerInvariant(),
            ["message"] = new JObject { ["zh-CN"] = "测试", ["en"] = "test" },
        };
        return rule;
    }
}

internal static class JObjectExtensions
{
    public static JObject Also(this JObject o, Action<JObject> change)
    {
        change(o);
        return o;
    }
}
