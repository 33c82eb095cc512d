using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>Inputs the rule-file fuzzing found escaping the loader as something other than a validation exception.</summary>
public sealed class RuleSetEscapeRegressionTests
{
    [Fact]
    public void Whole_number_beyond_int64_in_an_integer_property_is_a_problem_not_an_OverflowException()
    {
        var problems = RuleSetKit.Minimal()
            .Replace("decision.json", TestFiles.Read("TestData", "rulesets", "minimal", "decision.json").Replace("\"priority\": 50", "\"priority\": 123456789012345678901234567890", StringComparison.Ordinal))
            .Problems();

        Assert.Contains(problems, p => p.File == "decision.json" && p.Rule == "in-grace" && p.Message == "'priority' must be a whole number from 0 to 10000");
    }

    [Fact]
    public void Parameter_beyond_decimal_is_a_problem_not_an_OverflowException()
    {
        var problems = RuleSetKit.Minimal()
            .Replace("ruleset.json", TestFiles.Read("TestData", "rulesets", "minimal", "ruleset.json").Replace("\"followUpDays\": 7", "\"followUpDays\": 7, \"huge\": 79228162514264337593543950336", StringComparison.Ordinal))
            .Problems();

        Assert.Contains(problems, p => p.File == "ruleset.json" && p.Message == "parameter 'huge' is too large a number");
    }

    [Fact]
    public void Operator_that_is_not_text_is_a_problem_not_an_ArgumentException()
    {
        var problems = RuleSetKit.Minimal().Edit("decision.json", w => w["Rules"]![1]!["Operator"] = new JArray("And")).Problems();

        Assert.Contains(problems, p => p.Rule == "overdue" && p.Message.StartsWith("Operator must be exactly one of And, AndAlso, Or, OrElse", StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_negative_record_years_is_refused_at_load_not_at_the_first_advise()
    {
        // The credit-record calculator needs 1 to 50 years; 0 used to load and then throw ArgumentOutOfRangeException in Advise.
        var problems = RuleSetKit.Minimal().Edit("ruleset.json", m => m["parameters"]!["negativeRecordYears"] = 0).Problems();

        Assert.Contains(problems, p => p.File == "ruleset.json" && p.Message.StartsWith("parameter 'negativeRecordYears' must be a whole number from 1 to 50", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameter_names_that_differ_only_in_case_are_a_problem_not_an_AmbiguousMatchException()
    {
        // Expressions name parameters ignoring case, so params.followUpDays matched two properties and the parser threw.
        var problems = RuleSetKit.Minimal()
            .Edit("ruleset.json", m => m["parameters"]!["followUpDAYS"] = 8)
            .WithExpression("facts.daysPastDue > params.followUpDays")
            .Problems();

        var problem = Assert.Single(problems);
        Assert.Equal("ruleset.json", problem.File);
        Assert.NotNull(problem.Line);
        Assert.StartsWith("parameter 'followUpDAYS' differs from 'followUpDays' only in case", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_names_that_differ_only_in_case_are_distinct_rules_and_nothing_escapes()
    {
        // Checked for the same class as parameters: rule names are only ever compared exactly, so these are two rules.
        var rules = RuleSetKit.Minimal().Edit("requests.json", w => w["Rules"]![2]!["RuleName"] = "ASK-EXTENSION").Load();

        var plan = NegotiationAdvisor.Create(rules).Advise(BorrowerCase.FromJson(TestFiles.Read("rules", "cn-consumer-credit", "examples", "seed-oversight.json")));

        Assert.Contains(plan.Trace, t => t.Rule == "ask-extension");
        Assert.Contains(plan.Trace, t => t.Rule == "ASK-EXTENSION");
    }

    [Fact]
    public void Fact_beyond_int_in_days_format_is_written_not_an_internal_error()
    {
        // The case limits allow a debt above 2^31; {totalOwed:days} cast it to int and Advise threw OverflowException.
        var rules = RuleSetKit.Minimal().Edit("decision.json", w => w["Rules"]![1]!["Properties"]!["message"]!["en"] = "{totalOwed:days} owed").Load();
        var seed = BorrowerCase.FromJson(TestFiles.Read("rules", "cn-consumer-credit", "examples", "seed-oversight.json"));
        var @case = seed with { Account = seed.Account with { Principal = 3_000_000_000m } };

        var plan = NegotiationAdvisor.Create(rules).Advise(@case, "en");

        Assert.Contains(plan.Decision.Reasons, r => r.Message == "3000000164 days owed");
    }
}
