using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;
using Negotiation.Core.RuleSets.Loading;
using Negotiation.Core.Tests.Rendering;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Docs;

/// <summary>
/// <c>rules/FACTS.md</c>, the rule editors' reference of what expressions and messages can name, is generated from
/// the library's own XML docs, so it cannot drift from the code. <c>UPDATE_GOLDEN=1</c> rewrites it.
/// </summary>
public sealed partial class FactsReferenceTests
{
    [Fact]
    public void Facts_reference_lists_every_fact_term_and_required_parameter_as_documented()
    {
        var expected = Generate();
        if (GoldenFile.UpdateRequested)
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(GoldenFile.SourceFolder)!, "..", "..", "..", "rules", "FACTS.md"), expected);
            return;
        }

        var committed = File.ReadAllText(TestFiles.Path("rules", "FACTS.md")).ReplaceLineEndings("\n");
        Assert.True(committed == expected, "rules/FACTS.md is out of date: run the tests with UPDATE_GOLDEN=1 and commit it.");
    }

    private static string Generate()
    {
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Negotiation.Core.xml")).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary"));
        var text = new StringBuilder();
        text.Append("# Facts, terms and parameters for rule editors\n\n");
        text.Append("Generated from the library's documentation by `tests/Negotiation.Core.Tests/Docs/FactsReferenceTests.cs`; do not edit by hand.\n");
        text.Append("Expressions read facts as `facts.name`, messages show them as `{name}` (or `{name:format}`). Kinds are the case's kebab-case codes.\n");
        Section(text, docs, "Facts (`facts.name`, `{name}`)", typeof(Assessment), "facts.");
        Section(text, docs, "Request terms (`{terms.name}`, in request and guidance messages)", typeof(RequestTerms), "terms.");
        text.Append("\n## Parameters every rule set must define (`params.name`, `{params.name}`)\n\n| name | range | meaning |\n| --- | --- | --- |\n");
        foreach (var p in ManifestReader.Required)
        {
            text.Append($"| `params.{p.Name}` | {p.Min}–{p.Max}{(p.Whole ? ", whole" : "")} | {p.Meaning} |\n");
        }

        text.Append("\n## Parameters the library reads when a rule set gives them\n\n| name | range | meaning |\n| --- | --- | --- |\n");
        foreach (var p in ManifestReader.Optional)
        {
            text.Append($"| `params.{p.Name}` | {p.Min}–{p.Max}{(p.Whole ? ", whole" : "")} | {p.Meaning} |\n");
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, Dictionary<string, XElement?> docs, string title, Type type, string prefix)
    {
        text.Append($"\n## {title}\n\n| name | shown as | meaning |\n| --- | --- | --- |\n");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var fact = property.GetCustomAttribute<FactFieldAttribute>();
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var summary = docs.GetValueOrDefault($"P:{type.FullName}.{property.Name}");
            text.Append($"| `{prefix}{name}` | {(fact is null ? "a list (expressions only)" : fact.Format.ToString().ToLowerInvariant())} | {Plain(summary)} |\n");
        }
    }

    /// <summary>The summary as one line of Markdown: crefs become the member's camelCase name, &lt;c&gt; becomes code.</summary>
    private static string Plain(XElement? summary)
    {
        if (summary is null)
        {
            return "";
        }

        var parts = summary.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } see when see.Attribute("cref") is { } cref => "`" + Camel(cref.Value[(cref.Value.LastIndexOf('.') + 1)..]) + "`",
            XElement { Name.LocalName: "c" } code => "`" + code.Value + "`",
            XElement other => other.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
