using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets.Loading;

/// <summary>
/// Named conditions — the manifest's <c>conditions</c>, a workflow's <c>GlobalParams</c>, a rule's <c>LocalParams</c> — are
/// parsed, guarded and compiled like rule expressions, usable by later expressions, and shown in the trace with their values.
/// </summary>
public sealed class NamedConditionTests
{
    private static readonly BorrowerCase Seed = BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

    private static JArray Params(params (string Name, string Expression)[] conditions) =>
        new(conditions.Select(c => new JObject { ["Name"] = c.Name, ["Expression"] = c.Expression }));

    private static NegotiationPlan Advise(RuleSetKit kit) => NegotiationAdvisor.Create(kit.Load()).Advise(Seed, "en");

    private static TraceEntry Entry(NegotiationPlan plan, string rule) => plan.Trace.Single(t => t.Rule == rule);

    [Fact]
    public void Local_params_are_usable_by_the_rule_and_shown_in_the_trace_with_their_values()
    {
        var kit = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["Rules"]![0]!["LocalParams"] = Params(("lateBeyondGrace", "facts.isBeyondGrace"), ("lateAndReachable", "lateBeyondGrace && facts.contactable"));
            w["Rules"]![0]!["Expression"] = "lateAndReachable";
        });

        var entry = Entry(Advise(kit), "in-grace");

        Assert.True(entry.Success);
        Assert.Null(entry.Error);
        Assert.Contains(new TraceInput("lateAndReachable", true), entry.Inputs);
        Assert.Contains(new TraceInput("lateBeyondGrace", true), entry.Inputs);
        Assert.Contains(new TraceInput("facts.contactable", true), entry.Inputs);
    }

    [Fact]
    public void Global_params_and_manifest_conditions_are_seen_by_every_rule_in_scope()
    {
        var kit = RuleSetKit.Minimal()
            .Edit("ruleset.json", m => m["conditions"] = Params(("daysLate", "facts.daysPastDue")))
            .Edit("decision.json", w =>
            {
                w["GlobalParams"] = Params(("wellPastGrace", "daysLate > params.gracePeriodDays * 2"));
                w["Rules"]![0]!["Expression"] = "wellPastGrace";
            })
            .Edit("requests.json", w => w["Rules"]![0]!["Expression"] = "daysLate == 10");

        var plan = Advise(kit);

        Assert.True(Entry(plan, "in-grace").Success);
        Assert.Contains(new TraceInput("wellPastGrace", true), Entry(plan, "in-grace").Inputs);
        Assert.Contains(new TraceInput("daysLate", 10), Entry(plan, "in-grace").Inputs);
        Assert.True(Entry(plan, "ask-extension").Success);
        Assert.Contains(new TraceInput("daysLate", 10), Entry(plan, "ask-extension").Inputs);
    }

    [Fact]
    public void A_child_rule_sees_its_parents_local_params()
    {
        var kit = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["Rules"]![1]!["LocalParams"] = Params(("beyond", "facts.isBeyondGrace"));
            w["Rules"]![1]!["Rules"]![0]!["Expression"] = "!beyond";
        });

        var entry = Entry(Advise(kit), "overdue");

        Assert.False(entry.Success);
        Assert.Contains(new TraceInput("beyond", true), entry.Inputs);
    }

    [Fact]
    public void A_global_param_of_one_workflow_is_not_seen_by_another_and_the_nearest_name_is_suggested()
    {
        var problems = RuleSetKit.Minimal()
            .Edit("decision.json", w => w["GlobalParams"] = Params(("beyondGrace", "facts.isBeyondGrace")))
            .Edit("requests.json", w => w["Rules"]![0]!["Expression"] = "beyondGrce")
            .Problems();

        var problem = Assert.Single(problems);
        Assert.Equal("requests.json", problem.File);
        Assert.Contains("Unknown identifier 'beyondGrce'", problem.Message);
        Assert.DoesNotContain("did you mean", problem.Message);
    }

    [Fact]
    public void Unknown_name_in_a_rule_suggests_the_nearest_named_condition_in_scope()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["Rules"]![0]!["LocalParams"] = Params(("lateBeyondGrace", "facts.isBeyondGrace"));
            w["Rules"]![0]!["Expression"] = "lateBeyondGrase";
        }).Problems();

        Assert.Contains("did you mean 'lateBeyondGrace'?", Assert.Single(problems).Message);
    }

    [Fact]
    public void Unknown_fact_and_parameter_in_a_named_condition_are_reported_with_the_nearest_known_name()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w => w["GlobalParams"] = Params(
            ("late", "facts.daysPastDeu > 3"),
            ("longGrace", "facts.daysPastDue > params.graceDays"))).Problems();

        Assert.Contains(problems, p => p.File == "decision.json" && p.Message.Contains("named condition 'late' does not compile", StringComparison.Ordinal) &&
                                       p.Message.Contains("no fact is named 'daysPastDeu'; did you mean 'facts.daysPastDue'?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("named condition 'longGrace': parameter 'graceDays' is not defined in ruleset.json's \"parameters\"; did you mean 'gracePeriodDays'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_case_field_is_reported_with_the_nearest_field_of_its_type()
    {
        var problems = RuleSetKit.Minimal().WithExpression("case.account.principl > 0").Problems();

        Assert.Contains("No property or field 'principl' exists in type 'Account': did you mean 'principal'?", Assert.Single(problems).Message);
    }

    [Fact]
    public void Reflection_in_a_local_param_is_refused_at_load()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["Rules"]![0]!["LocalParams"] = Params(("assemblyName", "\"\".GetType().Assembly.FullName"));
            w["Rules"]![0]!["Expression"] = "assemblyName != \"\"";
        }).Problems();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(("decision.json", "in-grace"), (p.File, p.Rule)));
        Assert.Contains(problems, p => p.Message.Contains("named condition 'assemblyName' is refused: method 'Object.GetType' is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("(reflection or a delegate) is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Reflection_and_type_use_in_a_global_param_or_manifest_condition_is_refused_at_load()
    {
        var problems = RuleSetKit.Minimal()
            .Edit("ruleset.json", m => m["conditions"] = Params(("typeName", "facts.GetType().Name")))
            .Edit("decision.json", w => w["GlobalParams"] = Params(("typeText", "case.GetType().ToString() != \"\"")))
            .Problems();

        Assert.Contains(problems, p => p.File == "ruleset.json" && p.Message.Contains("named condition 'typeName' is refused: method 'Object.GetType' is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "decision.json" && p.Message.Contains("named condition 'typeText' is refused: method 'Object.GetType' is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "decision.json" && p.Message.Contains("named condition 'typeText' is refused: a value of type Type (reflection or a delegate) is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Object_creation_in_a_local_param_is_refused_at_load()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["Rules"]![0]!["LocalParams"] = Params(("made", "new (1 as x).x > 0"));
            w["Rules"]![0]!["Expression"] = "made";
        }).Problems();

        Assert.Contains(problems, p => p.Rule == "in-grace" && p.Message.Contains("named condition 'made' is refused: creating a", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_name_used_twice_in_the_set_is_refused()
    {
        var problems = RuleSetKit.Minimal()
            .Edit("ruleset.json", m => m["conditions"] = Params(("late", "facts.isOverdue")))
            .Edit("decision.json", w => w["Rules"]![0]!["LocalParams"] = Params(("lATE", "facts.isBeyondGrace")))
            .Problems();

        var problem = Assert.Single(problems);
        Assert.Equal(("decision.json", "in-grace"), (problem.File, problem.Rule));
        Assert.Contains("the named condition 'lATE' is already defined in ruleset.json", problem.Message);
    }

    [Theory]
    [InlineData("facts", "is taken by the expression language")]
    [InlineData("true", "is taken by the expression language")]
    [InlineData("Late", "must be camelCase")]
    [InlineData("late-days", "must be camelCase")]
    public void A_condition_name_an_expression_could_not_read_is_refused(string name, string fragment)
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w => w["GlobalParams"] = Params((name, "facts.isOverdue"))).Problems();

        Assert.Contains(fragment, Assert.Single(problems).Message);
    }

    [Fact]
    public void A_condition_that_is_a_list_is_refused_because_the_trace_could_not_show_it()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w => w["GlobalParams"] = Params(("paid", "case.history.Where(h => h.paidOn != null)"))).Problems();

        Assert.Contains("a condition must be true or false, a number, a text or a date", Assert.Single(problems).Message);
    }

    [Fact]
    public void A_condition_that_throws_fails_only_the_rules_that_use_it_naming_the_condition()
    {
        var kit = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["GlobalParams"] = Params(("broken", "facts.historyCount / (facts.historyCount - facts.historyCount) > 0"));
            w["Rules"]![0]!["Expression"] = "broken || true";
        });

        var plan = Advise(kit);

        var failed = Entry(plan, "in-grace");
        Assert.False(failed.Success);
        Assert.Equal($"Error while executing rule : in-grace - named condition 'broken': {new DivideByZeroException().Message}", failed.Error);
        Assert.Contains(new TraceInput("broken", null), failed.Inputs);
        Assert.True(Entry(plan, "overdue").Success);
    }

    [Fact]
    public void A_condition_built_on_one_that_throws_fails_its_rules_naming_the_first_that_threw()
    {
        var kit = RuleSetKit.Minimal().Edit("decision.json", w =>
        {
            w["GlobalParams"] = Params(("broken", "facts.historyCount / (facts.historyCount - facts.historyCount) > 0"), ("builtOnBroken", "broken || true"));
            w["Rules"]![0]!["Expression"] = "builtOnBroken";
            w["Rules"]![1]!["Rules"]![0]!["Expression"] = "builtOnBroken || facts.isBeyondGrace";
        });

        var plan = Advise(kit);

        Assert.Equal($"Error while executing rule : in-grace - named condition 'broken': {new DivideByZeroException().Message}", Entry(plan, "in-grace").Error);
        Assert.False(Entry(plan, "overdue").Success);
        Assert.Null(Entry(plan, "overdue").Error);
    }

    [Fact]
    public void GlobalParams_that_is_not_a_list_is_reported_where_it_is()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w => w["GlobalParams"] = new JObject()).Problems();

        var problem = Assert.Single(problems);
        Assert.Equal("decision.json", problem.File);
        Assert.NotNull(problem.Line);
        Assert.Contains("'GlobalParams' must be a list of named conditions", problem.Message);
    }
}
