using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>Each broken rule set is refused, with every problem named as file:line:col: rule 'name': message.</summary>
public sealed class BrokenRuleSetTests
{
    public static TheoryData<string> Names => new(Breakages.Keys.Order(StringComparer.Ordinal));

    // name → (how to break the minimal set, the file of the expected problem, its rule or null, a fragment of its message)
    private static readonly Dictionary<string, (Func<RuleSetKit, RuleSetKit> Break, string File, string? Rule, string Fragment)> Breakages = new()
    {
        ["json-syntax"] = (k => k.Replace("requests.json", "{ \"WorkflowName\": \"requests\", \"Rules\": [ }"), "requests.json", null, "invalid JSON"),
        ["no-manifest"] = (k => k.Remove("ruleset.json"), "ruleset.json", null, "has no manifest"),
        ["no-citations-file"] = (k => k.Remove("citations.json"), "citations.json", null, "has no citations.json"),
        ["missing-workflow-file"] = (k => k.Remove("requests.json"), "requests.json", null, "its file requests.json is missing"),
        ["stray-file"] = (k => k.Replace("extra.json", "{}"), "extra.json", null, "not a workflow listed in ruleset.json"),
        ["manifest-unknown-property"] = (k => k.Edit("ruleset.json", m => m["paramters"] = new JObject()), "ruleset.json", null, "did you mean 'parameters'?"),
        ["manifest-bad-language"] = (k => k.Edit("ruleset.json", m => m["languages"] = new JArray("zh-CN", "fr")), "ruleset.json", null, "language 'fr' is not supported"),
        ["manifest-missing-parameter"] = (k => k.Edit("ruleset.json", m => ((JObject)m["parameters"]!).Remove("followUpDays")), "ruleset.json", null, "parameter 'followUpDays' is required"),
        ["manifest-parameter-out-of-range"] = (k => k.Edit("ruleset.json", m => m["parameters"]!["affordableShare"] = 1.5m), "ruleset.json", null, "parameter 'affordableShare' must be a number from 0 to 1"),
        ["manifest-bad-currency"] = (k => k.Edit("ruleset.json", m => m["currency"] = "RMB"), "ruleset.json", null, "'RMB' is not a supported ISO 4217 currency code"),
        ["manifest-optional-parameter-out-of-range"] = (k => k.Edit("ruleset.json", m => m["parameters"]!["maxBridgeMonths"] = 1.5m), "ruleset.json", null, "parameter 'maxBridgeMonths' must be a whole number from 0 to 12"),
        ["manifest-parameters-differ-only-in-case"] = (k => k.Edit("ruleset.json", m => m["parameters"]!["followUpDAYS"] = 8), "ruleset.json", null, "parameter 'followUpDAYS' differs from 'followUpDays' only in case"),
        ["manifest-parameter-name-trailing-newline"] = (k => k.Edit("ruleset.json", m => m["parameters"]!["big\n"] = 1), "ruleset.json", null, "parameter name 'big\\n' must be camelCase"),
        ["manifest-id-trailing-newline"] = (k => k.Edit("ruleset.json", m => m["id"] = "test-minimal\n"), "ruleset.json", null, "'id' must be a kebab-case code (lower-case letters, digits and '-'), not 'test-minimal\\n'"),
        ["manifest-workflow-name-trailing-newline"] = (k => k.Edit("ruleset.json", m => m["workflows"] = new JArray("decision\n", "requests"))
            .Replace("decision\n.json", TestFiles.Read("TestData", "rulesets", "minimal", "decision.json").Replace("\"decision\"", "\"decision\\n\"", StringComparison.Ordinal))
            .Remove("decision.json"), "ruleset.json", null, "workflow name 'decision\\n' must be a kebab-case code"),
        ["citation-missing-language"] = (k => k.Edit("citations.json", c => ((JObject)c["citations"]![0]!["title"]!).Remove("en")), "citations.json", null, "citation 'bank-only' title is missing in 'en'"),
        ["citation-duplicate-id"] = (k => k.Edit("citations.json", c => c["citations"]![1]!["id"] = "bank-only"), "citations.json", null, "citation id 'bank-only' appears twice"),
        ["citation-id-trailing-newline"] = (k => k.Edit("citations.json", c => c["citations"]![1]!["id"] = "reported\n"), "citations.json", null, "'id' must be a kebab-case code (lower-case letters, digits and '-'), not 'reported\\n'"),
        ["workflow-name-mismatch"] = (k => k.Edit("requests.json", w => w["WorkflowName"] = "request"), "requests.json", null, "WorkflowName is 'request' but the file is requests.json"),
        ["workflow-unknown-property"] = (k => k.Edit("requests.json", w => w["Rulez"] = new JArray()), "requests.json", null, "unknown property 'Rulez' in the workflow; RulesEngine would silently ignore it; did you mean 'Rules'?"),
        ["workflows-to-inject"] = (k => k.Edit("requests.json", w => w["WorkflowsToInject"] = new JArray("decision")), "requests.json", null, "'WorkflowsToInject' injects other workflows"),
        ["global-params-not-a-list"] = (k => k.Edit("decision.json", w => w["GlobalParams"] = "x"), "decision.json", null, "'GlobalParams' must be a list of named conditions"),
        ["rule-unknown-property"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Expresion"] = "true"), "decision.json", "in-grace", "did you mean 'Expression'?"),
        ["rule-camel-case-property"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["ruleName2"] = "x"), "decision.json", "in-grace", "unknown property 'ruleName2'"),
        ["duplicate-rule-name"] = (k => k.Edit("requests.json", w => w["Rules"]![1]!["RuleName"] = "ask-extension"), "requests.json", "ask-extension", "the rule name is used twice"),
        ["duplicate-rule-name-across-files"] = (k => k.Edit("requests.json", w => w["Rules"]![0]!["RuleName"] = "in-grace"), "requests.json", "in-grace", "the rule name is used twice"),
        ["rule-name-trailing-newline"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["RuleName"] = "in-grace\n"), "decision.json", null, "the rule name 'in-grace\\n' must be one line of text"),
        ["rule-name-leading-space"] = (k => k.Edit("decision.json", w => w["Rules"]![1]!["Rules"]![0]!["RuleName"] = " overdue-beyond-grace"), "decision.json", null, "the rule name ' overdue-beyond-grace' must be one line of text"),
        ["operator-lower-case"] = (k => k.Edit("decision.json", w => w["Rules"]![1]!["Operator"] = "and"), "decision.json", "overdue", "Operator must be exactly one of And, AndAlso, Or, OrElse (write 'And')"),
        ["operator-unknown"] = (k => k.Edit("decision.json", w => w["Rules"]![1]!["Operator"] = "Xor"), "decision.json", "overdue", "Operator must be exactly one of"),
        ["operator-without-rules"] = (k => k.Edit("decision.json", w => ((JObject)w["Rules"]![1]!).Remove("Rules")), "decision.json", "overdue", "needs a non-empty 'Rules' list"),
        ["actions"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Actions"] = JObject.Parse("{\"OnSuccess\":{\"Name\":\"OutputExpression\",\"Context\":{\"expression\":\"1\"}}}")), "decision.json", "in-grace", "'Actions' actions run expressions outside the rule's guard"),
        ["local-param-unknown-property"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["LocalParams"] = JArray.Parse("[{\"Name\": \"x\", \"Expresion\": \"true\"}]")), "decision.json", "in-grace", "did you mean 'Expression'?"),
        ["error-message"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["ErrorMessage"] = "x"), "decision.json", "in-grace", "'ErrorMessage' is not used"),
        ["expression-type"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["RuleExpressionType"] = "Other"), "decision.json", "in-grace", "RuleExpressionType can only be \"LambdaExpression\""),
        ["no-expression"] = (k => k.Edit("decision.json", w => ((JObject)w["Rules"]![0]!).Remove("Expression")), "decision.json", "in-grace", "the rule needs an 'Expression'"),
        ["unknown-kind"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["kind"] = "advice"), "decision.json", "in-grace", "'kind' is 'advice'"),
        ["missing-code"] = (k => k.Edit("decision.json", w => ((JObject)w["Rules"]![0]!["Properties"]!).Remove("code")), "decision.json", "in-grace", "'code' is required"),
        ["code-trailing-newline"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["code"] = "pay-within-grace\n"), "decision.json", "in-grace", "'code' must be a kebab-case code (lower-case letters, digits and '-'), not 'pay-within-grace\\n'"),
        ["code-not-kebab"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["code"] = "PayNow"), "decision.json", "in-grace", "must be a kebab-case code"),
        ["missing-properties"] = (k => k.Edit("decision.json", w => ((JObject)w["Rules"]![0]!).Remove("Properties")), "decision.json", "in-grace", "needs 'Properties'"),
        ["message-missing-language"] = (k => k.Edit("decision.json", w => ((JObject)w["Rules"]![0]!["Properties"]!["message"]!).Remove("en")), "decision.json", "in-grace", "message is missing in 'en'"),
        ["message-undeclared-language"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["fr"] = "x"), "decision.json", "in-grace", "which the manifest does not declare"),
        ["placeholder-unknown-fact"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "due {amountDeu}"), "decision.json", "in-grace", "no fact is named 'amountDeu'; did you mean 'amountDue'?"),
        ["placeholder-unknown-parameter"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{params.graceDays}"), "decision.json", "in-grace", "no parameter in ruleset.json is named 'graceDays'"),
        ["placeholder-parameter-beyond-days"] = (k => k.Edit("ruleset.json", m => m["parameters"]!["big"] = 1e20).Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{params.big:days}"),
            "decision.json", "in-grace", "message in 'en': placeholder '{params.big:days}' writes 100000000000000000000 as days; days and months must be whole numbers from -2,147,483,648 to 2,147,483,647"),
        ["placeholder-parameter-fraction-as-months"] = (k => k.Edit("decision.json", w => w["Rules"]![1]!["Properties"]!["message"]!["en"] = "{params.affordableShare:months}"),
            "decision.json", "overdue", "placeholder '{params.affordableShare:months}' writes 0.5 as months; days and months must be whole numbers"),
        ["placeholder-parameter-beyond-percent"] = (k => k.Edit("ruleset.json", m => m["parameters"]!["big"] = 7e27).Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["zh-CN"] = "{params.big:percent}"),
            "decision.json", "in-grace", "message in 'zh-CN': placeholder '{params.big:percent}' writes 7000000000000000000000000000 as a percentage; a percentage must be of a number from -792,281,625,142,643,375,935,439,503.35 to 792,281,625,142,643,375,935,439,503.35"),
        ["placeholder-parameter-as-date"] = (k => k.Edit("decision.json", w => w["Rules"]![1]!["Properties"]!["message"]!["en"] = "{params.gracePeriodDays:date}"),
            "decision.json", "overdue", "placeholder '{params.gracePeriodDays:date}' writes a number as a date; parameters are numbers"),
        ["placeholder-terms-outside-request"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{terms.months}"), "decision.json", "in-grace", "names request terms"),
        ["placeholder-bad-format"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{amountDue:euro}"), "decision.json", "in-grace", "unknown format 'euro'"),
        ["placeholder-unclosed"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "due {amountDue"), "decision.json", "in-grace", "is not closed"),
        ["phrase-unknown"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "due": { "zh-CN": "应还", "en": "due" } }""")).Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{phrases.dew} {amountDue}"),
            "decision.json", "in-grace", "message in 'en': placeholder '{phrases.dew}' does not resolve: no phrase in ruleset.json is named 'dew'; did you mean 'due'?"),
        ["phrase-names-a-phrase"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "due": { "zh-CN": "应还", "en": "{phrases.owed}" } }""")),
            "ruleset.json", null, "phrase 'due' in 'en' names {phrases.owed}; a phrase may not name another phrase"),
        ["phrase-section-left-open"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "due": { "zh-CN": "应还", "en": "{?isCard}minimum" } }""")),
            "ruleset.json", null, "phrase 'due' in 'en': the section opened at position 1 is not closed"),
        ["phrase-not-camel-case"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "amount-due": { "zh-CN": "应还", "en": "due" } }""")),
            "ruleset.json", null, "phrase 'amount-due' must be a camelCase name"),
        ["phrase-with-format"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "due": { "zh-CN": "应还", "en": "due" } }""")).Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{phrases.due:money}"),
            "decision.json", "in-grace", "gives a phrase a format; a phrase is text and takes none"),
        ["phrase-as-section"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "due": { "zh-CN": "应还", "en": "due" } }""")).Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{?phrases.due}x{/}"),
            "decision.json", "in-grace", "section '{phrases.due}' names a phrase"),
        ["phrase-terms-in-a-reason"] = (k => k.Edit("ruleset.json", m => m["phrases"] = JObject.Parse("""{ "plan": { "zh-CN": "{terms.months}", "en": "{terms.months}" } }""")).Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "Plan: {phrases.plan}"),
            "decision.json", "in-grace", "message in 'en': placeholder '{terms.months}' names request terms"),
        ["citation-unknown"] = (k => k.Edit("decision.json", w => w["Rules"]![1]!["Properties"]!["citations"] = new JArray("reportd")), "decision.json", "overdue", "citation 'reportd' is not in citations.json; did you mean 'reported'?"),
        ["requests-once-met-on-another-outcome"] = (k => k.Edit("decision.json", w => w["Rules"]![0]!["Properties"]!["requestsOnceMet"] = true), "decision.json", "in-grace", "'requestsOnceMet' applies only to a reason whose outcome is 'fulfil-obligations-first'"),
        ["at-relief-rate-not-a-plan"] = (k => k.Edit("requests.json", w => w["Rules"]![0]!["Properties"]!["atReliefRate"] = true), "requests.json", "ask-extension", "'atReliefRate' applies only to a request of type 'instalment-plan'"),
        ["at-relief-rate-type-not-text"] = (k => k.Edit("requests.json", w => { w["Rules"]![0]!["Properties"]!["type"] = new JArray("extension"); w["Rules"]![0]!["Properties"]!["atReliefRate"] = true; }), "requests.json", "ask-extension", "'type' must be text"),
        ["request-without-type"] = (k => k.Edit("requests.json", w => ((JObject)w["Rules"]![0]!["Properties"]!).Remove("type")), "requests.json", "ask-extension", "'type' is required"),
        ["property-of-another-kind"] = (k => k.Edit("requests.json", w => w["Rules"]![0]!["Properties"]!["severity"] = "high"), "requests.json", "ask-extension", "unknown property 'severity' in the Properties of a request rule"),
        ["expression-parameter-unknown"] = (k => k.WithExpression("facts.daysPastDue > params.graceDays"), "decision.json", "in-grace", "parameter 'graceDays' is not defined in ruleset.json's \"parameters\"; did you mean 'gracePeriodDays'?"),
        ["expression-syntax"] = (k => k.WithExpression("facts.daysPastDue >"), "decision.json", "in-grace", "the expression does not compile (at character"),
        ["expression-unknown-fact"] = (k => k.WithExpression("facts.daysOverdue > 3"), "decision.json", "in-grace", "No property or field 'daysOverdue' exists in type 'Assessment': no fact is named 'daysOverdue'"),
        ["expression-not-boolean"] = (k => k.WithExpression("facts.daysPastDue + 1"), "decision.json", "in-grace", "the expression does not compile"),
        ["expression-too-deep"] = (k => k.WithExpression(string.Concat(Enumerable.Repeat("!", 60)) + "facts.isOverdue"), "decision.json", "in-grace", "nests deeper than 40 levels"),
        ["expression-too-long"] = (k => k.WithExpression("facts.isOverdue" + string.Concat(Enumerable.Repeat(" && facts.isOverdue", 120))), "decision.json", "in-grace", "at most 2,000 are accepted"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Broken_rule_set_is_refused_with_the_problem_named(string name)
    {
        var (breakIt, file, rule, fragment) = Breakages[name];

        var problems = breakIt(RuleSetKit.Minimal()).Problems();

        Assert.Contains(problems, p => p.File == file && p.Rule == rule && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_of_every_file_and_stage_are_reported_together()
    {
        var problems = RuleSetKit.Minimal()
            .Edit("decision.json", w => w["Rules"]![1]!["Operator"] = "and")
            .Edit("requests.json", w => w["Rules"]![0]!["Properties"]!["message"]!["en"] = "{nope}")
            .Edit("requests.json", w => w["Rules"]![1]!["Expression"] = "\"\".GetType().Name == \"String\"")
            .Problems();

        Assert.Contains(problems, p => p.Rule == "overdue" && p.Message.Contains("Operator", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Rule == "ask-extension" && p.Message.Contains("{nope}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Rule == "ask-plan" && p.Message.Contains("Object.GetType", StringComparison.Ordinal));
    }

    [Fact]
    public void Problem_positions_point_into_the_file()
    {
        var problem = Assert.Single(RuleSetKit.Minimal().Edit("decision.json", w => w["Rules"]![1]!["Operator"] = "and").Problems());

        Assert.Equal("decision.json", problem.File);
        Assert.NotNull(problem.Line);
        Assert.StartsWith($"decision.json:{problem.Line}:{problem.Column}: rule 'overdue': Operator must be", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_breakage_refuses_the_set_and_nothing_is_evaluated()
    {
        // A set that failed validation yields no RuleSet object at all, so no advisor can be built from it.
        foreach (var (name, breakage) in Breakages)
        {
            var error = Record.Exception(() => breakage.Break(RuleSetKit.Minimal()).Load());
            Assert.True(error is RuleSetValidationException, $"{name}: {error?.GetType().Name ?? "no exception"}");
        }

        Assert.True(Breakages.Count >= 40);
    }
}
