using System.Text.RegularExpressions;
using Negotiation.Core.Advice;

namespace Negotiation.Core.Tests;

/// <summary>
/// The library's namespaces depend on each other one way: Diagnostics ← Cases ← Calculators, Inputs ← Assessments ←
/// Messages ← RuleSets ← Advice ← Rendering, Scenarios (the command line on top). Every <c>using</c> line and every
/// namespace-qualified type name in <c>src/Negotiation.Core</c> is read, and an edge from a layer to one above it, or
/// between two layers side by side, fails with its file.
/// </summary>
public sealed partial class DependencyDirectionTests
{
    /// <summary>Each top-level namespace under <c>Negotiation.Core</c> and its layer; a namespace may use only lower layers and itself.</summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Diagnostics"] = 0,
        ["Cases"] = 1,
        ["Calculators"] = 2,
        ["Inputs"] = 2,
        ["Assessments"] = 3,
        ["Messages"] = 4,
        ["RuleSets"] = 5,
        ["Advice"] = 6,
        ["Rendering"] = 7,
        ["Scenarios"] = 7,
    };

    private static string Source => Path.Combine(Rendering.GoldenFile.RepositoryRoot(), "src", "Negotiation.Core");

    [Fact]
    public void No_namespace_of_the_library_uses_a_layer_above_or_beside_it()
    {
        var backward = Edges(Source).Where(e => !Allowed(e.From, e.To)).Select(e => $"{e.File}: {e.From} -> {e.To} ({e.How})").ToList();

        Assert.True(backward.Count == 0, $"{backward.Count} backward edge(s):\n" + string.Join("\n", backward));
    }

    [Fact]
    public void Every_namespace_of_the_library_has_a_layer()
    {
        var namespaces = typeof(NegotiationAdvisor).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("Negotiation.Core.", StringComparison.Ordinal))
            .Select(n => Top(n!))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.All(namespaces, n => Assert.True(Layers.ContainsKey(n), $"namespace Negotiation.Core.{n} has no layer in this test"));
    }

    [Fact]
    public void A_backward_using_line_or_qualified_name_is_reported_with_its_file()
    {
        var folder = Directory.CreateTempSubdirectory("layers");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "Cases"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "RuleSets", "Evaluation"));
            File.WriteAllText(Path.Combine(folder.FullName, "Cases", "Good.cs"), "using Negotiation.Core.Diagnostics;\nnamespace Negotiation.Core.Cases;\n");
            File.WriteAllText(
                Path.Combine(folder.FullName, "RuleSets", "Evaluation", "Bad.cs"),
                "using Negotiation.Core.Advice.Json;\nnamespace Negotiation.Core.RuleSets.Evaluation;\n// Rendering.TextRenderer in a comment does not count\ninternal sealed class Bad { Advice.NegotiationPlan? plan; }\n");

            var edges = Edges(folder.FullName).Where(e => !Allowed(e.From, e.To)).Select(e => $"{e.File}: {e.From} -> {e.To} ({e.How})").ToList();

            Assert.Equal(
                [
                    $"RuleSets{Path.DirectorySeparatorChar}Evaluation{Path.DirectorySeparatorChar}Bad.cs: RuleSets -> Advice (using Negotiation.Core.Advice.Json)",
                    $"RuleSets{Path.DirectorySeparatorChar}Evaluation{Path.DirectorySeparatorChar}Bad.cs: RuleSets -> Advice (Advice.NegotiationPlan)",
                ],
                edges);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool Allowed(string from, string to) => from == to || Layers[to] < Layers[from];

    /// <summary>The top-level namespace under <c>Negotiation.Core</c>: <c>RuleSets</c> for <c>Negotiation.Core.RuleSets.Evaluation</c>.</summary>
    private static string Top(string name)
    {
        var rest = name.StartsWith("Negotiation.Core.", StringComparison.Ordinal) ? name["Negotiation.Core.".Length..] : name;
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every edge of every file under <paramref name="root"/>: its <c>using</c> lines, and type names qualified by a library namespace.</summary>
    private static IEnumerable<(string File, string From, string To, string How)> Edges(string root)
    {
        // The library's types by namespace, to tell "Advice.NegotiationPlan" (a type) from "entry.Inputs.Count" (members).
        var typesByNamespace = typeof(NegotiationAdvisor).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Negotiation.Core.", StringComparison.Ordinal) == true)
            .GroupBy(t => t.Namespace!["Negotiation.Core.".Length..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var from = relative.Split(Path.DirectorySeparatorChar)[0];
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()))
            {
                if (line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (UsingLine().Match(line) is { Success: true } usingLine)
                {
                    yield return (relative, from, Top(usingLine.Groups["name"].Value), $"using {usingLine.Groups["name"].Value}");
                    continue;
                }

                if (line.StartsWith("namespace ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match qualified in QualifiedName().Matches(line))
                {
                    // The longest prefix that is a library namespace holding the next part as a type: RuleSets.Evaluation.RuleFiring.
                    var parts = qualified.Value.Split('.');
                    for (var k = parts.Length - 1; k >= 1; k--)
                    {
                        var space = string.Join('.', parts[..k]);
                        space = space.StartsWith("Negotiation.Core.", StringComparison.Ordinal) ? space["Negotiation.Core.".Length..] : space;
                        if (typesByNamespace.TryGetValue(space, out var types) && types.Contains(parts[k]))
                        {
                            yield return (relative, from, Top(space), $"{string.Join('.', parts[..k])}.{parts[k]}");
                            break;
                        }
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?(?<name>Negotiation\.Core\.[\w.]+)\s*;")]
    private static partial Regex UsingLine();

    /// <summary>A dotted chain of capitalised names not preceded by a dot or a word character: <c>Advice.NegotiationPlan</c>, not <c>entry.Inputs</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();
}
