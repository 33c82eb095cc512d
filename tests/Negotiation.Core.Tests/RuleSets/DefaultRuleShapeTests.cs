using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Tokenizer;
using System.Text.RegularExpressions;
using Negotiation.Core.RuleSets.Explaining;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.RuleSets;

/// <summary>
/// The default rule set reads like code an editor can change safely: every expression fits on a screen line, and a
/// condition used by several rules has a name and one home instead of being written out again.
/// </summary>
public sealed partial class DefaultRuleShapeTests
{
    private const int LongestExpression = 160;

    private const int ShortestRepeat = 40;

    private static readonly string Folder = TestFiles.Path("rules", "cn-consumer-credit");

    /// <summary>Every expression of the set — rules, child rules, and named conditions — with who owns it.</summary>
    private static List<(string File, string Owner, string Expression)> Expressions()
    {
        var found = new List<(string, string, string)>();
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "ruleset.json")));
        Conditions(found, "ruleset.json", manifest["conditions"]);
        foreach (var workflow in manifest["workflows"]!.Select(w => (string)w!))
        {
            var file = workflow + ".json";
            var json = JObject.Parse(File.ReadAllText(Path.Combine(Folder, file)));
            Conditions(found, file, json["GlobalParams"]);
            foreach (var rule in json["Rules"]!)
            {
                Rule(found, file, (string)rule["RuleName"]!, rule);
            }
        }

        return found;
    }

    private static void Rule(List<(string, string, string)> found, string file, string owner, JToken rule)
    {
        Conditions(found, file, rule["LocalParams"]);
        if (rule["Expression"] is { } expression)
        {
            found.Add((file, owner, (string)expression!));
        }

        foreach (var child in rule["Rules"] ?? new JArray())
        {
            Rule(found, file, owner, child);
        }
    }

    private static void Conditions(List<(string, string, string)> found, string file, JToken? list)
    {
        foreach (var condition in list ?? new JArray())
        {
            found.Add((file, "condition " + (string)condition["Name"]!, (string)condition["Expression"]!));
        }
    }

    [Fact]
    public void No_expression_of_the_default_set_is_longer_than_a_screen_line()
    {
        var tooLong = Expressions().Where(e => e.Expression.Length > LongestExpression)
            .Select(e => $"{e.File}: {e.Owner}: {e.Expression.Length} characters").ToList();

        Assert.True(tooLong.Count == 0, $"expressions longer than {LongestExpression} characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void No_sub_expression_of_40_or_more_characters_is_repeated_across_rules()
    {
        var owners = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (_, owner, expression) in Expressions())
        {
            foreach (var part in Parts(ExpressionSplitter.Split(expression)).Where(p => p.Length >= ShortestRepeat))
            {
                (owners.TryGetValue(part, out var set) ? set : owners[part] = new SortedSet<string>(StringComparer.Ordinal)).Add(owner);
            }
        }

        var repeated = owners.Where(o => o.Value.Count > 1).Select(o => $"{o.Key}\n    in {string.Join(", ", o.Value)}").ToList();
        Assert.True(repeated.Count == 0, $"sub-expressions repeated across rules; name them once (LocalParams, GlobalParams or ruleset.json's conditions):\n" + string.Join("\n", repeated));
    }

    [Fact]
    public void Repeat_check_finds_a_condition_written_out_in_two_rules()
    {
        var first = Parts(ExpressionSplitter.Split("facts.isOverdue && (facts.hardshipIsShortTerm || facts.cashByExtensionEnd >= facts.amountDue)"));
        var second = Parts(ExpressionSplitter.Split("!facts.hasCourtCase && (facts.hardshipIsShortTerm  ||  facts.cashByExtensionEnd >= facts.amountDue)"));

        Assert.Contains(first.Intersect(second), p => p.Length >= ShortestRepeat);
    }

    /// <summary>Every part at every level, and each side of a comparison, with white space and outer brackets normalised.</summary>
    private static IEnumerable<string> Parts(ExpressionPiece piece)
    {
        var text = Normal(piece.Text);
        yield return text;
        if (piece.Parts.Count == 0)
        {
            foreach (var side in Sides(text))
            {
                yield return side;
            }
        }

        foreach (var part in piece.Parts.SelectMany(Parts))
        {
            yield return part;
        }
    }

    private static string Normal(string text)
    {
        text = Spaces().Replace(text.Trim(), " ");
        while (text.StartsWith('(') && text.EndsWith(')') && Balanced(text[1..^1]))
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>The operands of a top-level comparison, split on the parser's own tokens.</summary>
    private static IEnumerable<string> Sides(string text)
    {
        var depth = 0;
        for (var parser = new TextParser(new ParsingConfig(), text); parser.CurrentToken.Id != TokenId.End; parser.NextToken())
        {
            var token = parser.CurrentToken;
            depth += token.Id is TokenId.OpenParen or TokenId.OpenBracket ? 1 : token.Id is TokenId.CloseParen or TokenId.CloseBracket ? -1 : 0;
            if (depth == 0 && token.Id is TokenId.DoubleEqual or TokenId.Equal or TokenId.ExclamationEqual or TokenId.LessGreater or
                    TokenId.LessThan or TokenId.LessThanEqual or TokenId.GreaterThan or TokenId.GreaterThanEqual)
            {
                return [Normal(text[..token.Pos]), Normal(text[(token.Pos + token.Text.Length)..])];
            }
        }

        return [];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
