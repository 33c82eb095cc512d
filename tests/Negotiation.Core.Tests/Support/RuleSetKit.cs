using System.Text;
using Negotiation.Core.RuleSets;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Support;

/// <summary>Builds rule sets for tests: the minimal test set from TestData, with any file changed in memory.</summary>
internal sealed class RuleSetKit
{
    private readonly Dictionary<string, string> files;

    private RuleSetKit(Dictionary<string, string> files) => this.files = files;

    public static RuleSetKit Minimal() => From(TestFiles.Path("TestData", "rulesets", "minimal"));

    public static RuleSetKit From(string folder) =>
        new(Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal));

    public RuleSetKit Edit(string file, Action<JObject> edit)
    {
        var json = JObject.Parse(files[file]);
        edit(json);
        files[file] = json.ToString();
        return this;
    }

    public RuleSetKit Replace(string file, string text)
    {
        files[file] = text;
        return this;
    }

    public RuleSetKit Remove(string file)
    {
        files.Remove(file);
        return this;
    }

    /// <summary>Puts <paramref name="expression"/> into the first decision rule.</summary>
    public RuleSetKit WithExpression(string expression) =>
        Edit("decision.json", wf => wf["Rules"]![0]!["Expression"] = expression);

    public RuleSet Load() => RuleSet.FromStreams(files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal));

    public IReadOnlyList<RuleSetProblem> Problems() => Assert.Throws<RuleSetValidationException>(Load).Problems;
}
