using Negotiation.Core.RuleSets.Loading;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>Every rule-set file names its schema and validates against it, so editors get checking while they type.</summary>
public sealed class RuleSchemaTests
{
    private static readonly string RulesRoot = TestFiles.Path("rules");

    public static TheoryData<string> RuleFiles => new(
        new[] { "cn-consumer-credit", "uk-consumer-credit" }.SelectMany(set => Directory.EnumerateFiles(Path.Combine(RulesRoot, set), "*.json", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RulesRoot, f))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public async Task Rule_file_names_its_schema_and_validates_against_it(string relative)
    {
        var path = Path.Combine(RulesRoot, relative);
        var json = File.ReadAllText(path);
        var schemaReference = (string?)JObject.Parse(json)["$schema"];

        Assert.NotNull(schemaReference);
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaReference));
        Assert.Equal(Path.Combine(RulesRoot, "schemas"), Path.GetDirectoryName(schemaPath));
        var expected = Path.GetFileName(relative) switch
        {
            "ruleset.json" => "ruleset.schema.json",
            "citations.json" => "citations.schema.json",
            _ when relative.Contains("scenarios", StringComparison.Ordinal) => "scenario.schema.json",
            _ when relative.Contains("examples", StringComparison.Ordinal) => "borrower-case.schema.json",
            _ => "workflow.schema.json",
        };
        Assert.Equal(expected, Path.GetFileName(schemaPath));

        var schema = await JsonSchema.FromFileAsync(schemaPath);
        Assert.Empty(schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void Workflow_schema_lists_exactly_the_properties_the_loader_admits()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(RulesRoot, "schemas", "workflow.schema.json")));
        var inSchema = ((JObject)schema["definitions"]!["properties"]!["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal);
        var inLoader = WorkflowReader.CommonProperties.Concat(WorkflowReader.KindProperties.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(inLoader, inSchema);
    }

    [Fact]
    public void Ruleset_schema_requires_the_parameters_the_library_needs()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(RulesRoot, "schemas", "ruleset.schema.json")));
        var required = ((JArray)schema["properties"]!["parameters"]!["required"]!).Select(t => (string)t!);

        Assert.Equal(ManifestReader.Required.Select(p => p.Name), required);
    }

    [Theory]
    [InlineData("\"Operator\": \"and\", \"Rules\": [ { \"RuleName\": \"c\", \"Expression\": \"true\" } ]")]
    [InlineData("\"Expression\": \"true\", \"Actions\": {}")]
    [InlineData("\"Expression\": \"true\", \"LocalParams\": [ { \"Name\": \"x\" } ]")]
    [InlineData("\"Expression\": \"true\", \"WorkflowsToInject\": [\"a\"]")]
    [InlineData("\"Expression\": \"true\", \"ErrorMessage\": \"x\"")]
    public async Task Workflow_schema_refuses_what_the_loader_refuses(string rulePart)
    {
        var workflow = await JsonSchema.FromFileAsync(Path.Combine(RulesRoot, "schemas", "workflow.schema.json"));
        var properties = "\"Properties\": { \"kind\": \"reason\", \"code\": \"ok\", \"message\": { \"en\": \"x\" } }";

        Assert.Empty(workflow.Validate($"{{ \"WorkflowName\": \"x\", \"Rules\": [ {{ \"RuleName\": \"r\", \"Expression\": \"true\", {properties} }} ] }}"));
        Assert.NotEmpty(workflow.Validate($"{{ \"WorkflowName\": \"x\", \"Rules\": [ {{ \"RuleName\": \"r\", {rulePart}, {properties} }} ] }}"));
    }
}
