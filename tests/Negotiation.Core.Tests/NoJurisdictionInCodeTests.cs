using System.Text;
using System.Text.Json;

namespace Negotiation.Core.Tests;

/// <summary>
/// Advice is data: no C# under <c>src/</c> tests for a jurisdiction, a currency, a region or a rule set. Every string
/// literal of every source file is read (comments are not code) and none may be a currency code, a jurisdiction or
/// region a rule set names, or a rule set's id. Two places hold such a literal by design and are the only ones allowed:
/// the table of ISO 4217 currencies with their minor units and signs, and the id of the embedded default rule set.
/// </summary>
public sealed class NoJurisdictionInCodeTests
{
    private static readonly string Root = Rendering.GoldenFile.RepositoryRoot();

    /// <summary>Where a literal may be what it is: (file, literal).</summary>
    private static readonly HashSet<(string File, string Literal)> Allowed =
    [
        ("src/Negotiation.Core/RuleSets/RuleSet.cs", "cn-consumer-credit"),
    ];

    /// <summary>The currency table: it is data about currencies, looked up by the case's code, never a test for one.</summary>
    private const string CurrencyTable = "src/Negotiation.Core/Cases/Currencies.cs";

    [Fact]
    public void No_source_file_tests_for_a_jurisdiction_currency_region_or_rule_set()
    {
        var forbidden = ForbiddenLiterals();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || relative == CurrencyTable)
            {
                continue;
            }

            foreach (var (literal, line) in Literals(File.ReadAllText(file)))
            {
                if (forbidden.TryGetValue(literal, out var what) && !Allowed.Contains((relative, literal)))
                {
                    found.Add($"{relative}:{line}: \"{literal}\" ({what})");
                }
            }
        }

        Assert.True(found.Count == 0, $"{found.Count} jurisdiction-specific literal(s) in src/; make them rule-set data:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Every_rule_set_and_currency_is_among_what_the_check_looks_for()
    {
        var forbidden = ForbiddenLiterals();
        var ids = Directory.EnumerateDirectories(Path.Combine(Root, "rules")).Where(d => File.Exists(Path.Combine(d, "ruleset.json"))).Select(Path.GetFileName).ToList();

        Assert.Contains("cn-consumer-credit", ids);
        Assert.All(ids, id => Assert.Equal("a rule set's id", forbidden[id!]));
        Assert.Equal("a currency code", forbidden["CNY"]);
        Assert.Equal("a currency code", forbidden["GBP"]);
        Assert.Equal("a jurisdiction", forbidden["CN"]);
    }

    [Fact]
    public void A_currency_test_in_code_is_found_and_a_comment_is_not()
    {
        var literals = Literals("""
            // if (currency == "GBP") in a comment is not code
            var sign = currency == "CNY" ? "元" : @"x""y";
            var c = '"';
            """).ToList();

        Assert.Equal([("CNY", 2), ("元", 2), ("x\"y", 2)], literals);
    }

    /// <summary>
    /// Every currency code the library knows, every jurisdiction and region a rule set under <c>rules/</c> names, and every
    /// rule set's id, with what each is.
    /// </summary>
    private static Dictionary<string, string> ForbiddenLiterals()
    {
        var forbidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, _) in Literals(File.ReadAllText(Path.Combine(Root, CurrencyTable))))
        {
            if (code.Length == 3 && code.All(char.IsAsciiLetterUpper))
            {
                forbidden.TryAdd(code, "a currency code");
            }
        }

        foreach (var manifest in Directory.EnumerateFiles(Path.Combine(Root, "rules"), "ruleset.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            var set = json.RootElement;
            forbidden[set.GetProperty("id").GetString()!] = "a rule set's id";
            forbidden.TryAdd(set.GetProperty("jurisdiction").GetString()!, "a jurisdiction");
            if (set.TryGetProperty("regions", out var regions))
            {
                foreach (var region in regions.EnumerateArray())
                {
                    forbidden.TryAdd(region.GetString()!, "a region");
                }
            }
        }

        return forbidden;
    }

    /// <summary>The string literals of C# source with their line numbers: regular, verbatim and raw strings; comments and chars skipped.</summary>
    private static IEnumerable<(string Text, int Line)> Literals(string source)
    {
        var line = 1;
        for (var i = 0; i < source.Length; i++)
        {
            var ch = source[i];
            if (ch == '\n')
            {
                line++;
            }
            else if (ch == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i + 1 < source.Length && source[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (ch == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length - 1 : end + 1;
                line += source.AsSpan(i, end - i).Count('\n');
                i = end;
            }
            else if (ch == '\'')
            {
                // A char literal: '"' must not open a string.
                i += source[i + 1] == '\\' ? 3 : 2;
            }
            else if (ch == '"' && i + 2 < source.Length && source[i + 1] == '"' && source[i + 2] == '"')
            {
                var start = i + 3;
                var end = source.IndexOf("\"\"\"", start, StringComparison.Ordinal);
                yield return (source[start..end], line);
                line += source.AsSpan(i, end - i).Count('\n');
                i = end + 2;
            }
            else if (ch == '"')
            {
                var verbatim = i > 0 && source[i - 1] == '@' || i > 1 && source[i - 1] == '$' && source[i - 2] == '@';
                var text = new StringBuilder();
                var start = line;
                for (i++; i < source.Length; i++)
                {
                    if (source[i] == '\n')
                    {
                        line++;
                    }

                    if (verbatim && source[i] == '"' && i + 1 < source.Length && source[i + 1] == '"')
                    {
                        text.Append('"');
                        i++;
                    }
                    else if (!verbatim && source[i] == '\\')
                    {
                        text.Append(source[i]).Append(source[i + 1]);
                        i++;
                    }
                    else if (source[i] == '"')
                    {
                        break;
                    }
                    else
                    {
                        text.Append(source[i]);
                    }
                }

                yield return (text.ToString(), start);
            }
        }
    }
}
