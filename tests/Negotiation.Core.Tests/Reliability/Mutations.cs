using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>Fixed-seed sampling, so that a CI failure names an input that the next run reproduces.</summary>
internal static class Samples
{
    public static T[] Of<T>(Gen<T> gen, int count, ulong seed, int size = 30) =>
        Gen.Sample(gen, numberOfSamples: count, seed: new Rnd(seed), size: size).ToArray();
}

/// <summary>One hostile change to a JSON document: made to its tree, or to its text.</summary>
internal abstract record Mutation(string Name)
{
    public override string ToString() => Name;
}

/// <summary>A change to the parsed tree (drop, retype, huge numbers, odd text, deep nesting ...).</summary>
internal sealed record TreeMutation(string Name, int Target, Func<JToken, JToken?> Replace) : Mutation(Name);

/// <summary>A change to the text itself (duplicate key, truncation, random bytes), applied after the tree ones.</summary>
internal sealed record TextMutation(string Name, Func<string, string> Apply) : Mutation(Name);

/// <summary>
/// Generators of hostile edits to JSON documents: the kinds of damage the issue lists (dropped fields, wrong
/// types, huge numbers, deep nesting, long strings, odd Unicode, duplicate keys, truncation, random bytes),
/// plus edits aimed at what the readers check (bad dates, unknown enum names, misspelt properties, long lists).
/// </summary>
internal static class JsonMutations
{
    /// <summary>Odd strings: lone surrogates, bidi controls, zero-width, NUL, BOM, emoji, very long, and dates far out.</summary>
    public static readonly string[] OddTexts =
    [
        "\ud800", "\udfff", "a\ud83d", "\u202e\u202dRTL", "\u200b", "\u200d\u200c\u2060", "\0", "a\0b", "\ufeff", "🙂🙃👨‍👩‍👧‍👦",
        "\u0301\u0301\u0301", "Ａ", "İ", "ß", "\u00a0", "\t\r\n", "\"", "\\", "{}", "[]", "null", "true", "NaN", "Infinity", "-0",
        "0001-01-01", "9999-12-31", "-0001-01-01", "2026-02-30", "2026-13-01", "2026-1-1", "20260101", "2026-01-01T00:00:00Z",
        "+002026-01-01", "２０２６-０１-０１", "١٤٤٧-٠١-٠١", "bank", "BANK-CARD", "bank_card", "job-loss ", "cny", "XXX", "CNY\0",
        "GetType", "System.IO.File", "$type", "__proto__", "constructor",
        new string('x', 2001), new string('长', 5000), string.Concat(Enumerable.Repeat("🙂", 1500)),
    ];

    /// <summary>Numbers written as text, so that they reach the reader exactly as typed.</summary>
    public static readonly string[] OddNumbers =
    [
        "0", "-0", "-1", "-0.01", "0.001", "0.005", "1e-30", "1.5", "3.5", "999999999999.99", "1000000000000", "1000000000000.01",
        "1e12", "1E13", "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336",
        "1e400", "-1e400", "123456789012345678901234567890123456789", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "2147483648", "0.1234567890123456789012345678901", "1.0000000000000000000000000001", "100", "601", "1001",
    ];

    public static Gen<Mutation[]> ForDocument(JToken document)
    {
        var count = All(document).Count;
        return from n in Gen.Choose(1, 3)
               from mutations in Gen.ArrayOf(One(count), n)
               select mutations;
    }

    public static Gen<Mutation> One(int nodeCount) =>
        Gen.Frequency(
            (8, Tree(nodeCount)),
            (1, Gen.Choose(0, int.MaxValue).Select(seed => (Mutation)new TextMutation("duplicate-key", text => DuplicateKey(text, seed)))),
            (1, Gen.Choose(0, int.MaxValue).Select(seed => (Mutation)new TextMutation("truncate", text => text[..(seed % Math.Max(1, text.Length))]))),
            (1, Gen.Choose(0, int.MaxValue).Select(seed => (Mutation)new TextMutation("random-bytes", text => RandomBytes(text, seed)))));

    private static Gen<Mutation> Tree(int nodeCount) =>
        from target in Gen.Choose(0, Math.Max(0, nodeCount - 1))
        from kind in Gen.Choose(0, 12)
        from pick in Gen.Choose(0, int.MaxValue)
        select (Mutation)(kind switch
        {
            0 => new TreeMutation("drop", target, _ => null),
            1 => new TreeMutation("null", target, _ => JValue.CreateNull()),
            2 => new TreeMutation("wrong-type", target, t => WrongType(t, pick)),
            3 or 4 => new TreeMutation("odd-number", target, _ => Number(OddNumbers[pick % OddNumbers.Length])),
            5 or 6 => new TreeMutation("odd-text", target, _ => new JValue(OddTexts[pick % OddTexts.Length])),
            7 => new TreeMutation("deep-nesting", target, _ => Nest(pick % 2 == 0 ? 200 : 31 + pick % 4, pick % 3 == 0)),
            8 => new TreeMutation("rename", target, t => t),
            9 => new TreeMutation("unknown-property", target, t => t),
            10 => new TreeMutation("long-list", target, t => t is JArray a && a.Count > 0 ? new JArray(Enumerable.Repeat(a[0], 1001)) : new JArray(Enumerable.Repeat(t, 1 + pick % 1001))),
            11 => new TreeMutation("empty-container", target, t => pick % 2 == 0 ? new JObject() : new JArray()),
            _ => new TreeMutation("negate", target, t => t.Type is JTokenType.Integer or JTokenType.Float ? Number("-" + t.ToString(Formatting.None)) : t),
        });

    /// <summary>Applies the mutations to a copy of <paramref name="document"/> and returns the text.</summary>
    public static string Apply(JToken document, IEnumerable<Mutation> mutations)
    {
        var copy = document.DeepClone();
        var text = (string?)null;
        foreach (var mutation in mutations)
        {
            switch (mutation)
            {
                case TreeMutation tree when text is null:
                    copy = ApplyTree(copy, tree);
                    break;
                case TreeMutation:
                    break;
                case TextMutation textual:
                    text = textual.Apply(text ?? copy.ToString(Formatting.Indented));
                    break;
            }
        }

        return text ?? copy.ToString(Formatting.Indented);
    }

    private static JToken ApplyTree(JToken root, TreeMutation mutation)
    {
        var nodes = All(root);
        var node = nodes[mutation.Target % nodes.Count];
        if (mutation.Name is "rename" or "unknown-property")
        {
            var owner = node as JObject ?? node.Parent as JObject ?? node.Parent?.Parent as JObject;
            if (owner is null)
            {
                return root;
            }

            if (mutation.Name == "unknown-property" || owner.Count == 0)
            {
                owner["nope" + mutation.Target] = 1;
                return root;
            }

            var property = owner.Properties().ElementAt(mutation.Target % owner.Count);
            var renamed = (mutation.Target % 4) switch
            {
                0 => property.Name.ToUpperInvariant(),
                1 => property.Name + "s",
                2 => "\u200b" + property.Name,
                _ => property.Name.Replace('a', 'а'), // Cyrillic а: looks the same, is not
            };
            if (renamed != property.Name && owner.Property(renamed, StringComparison.Ordinal) is null)
            {
                property.Replace(new JProperty(renamed, property.Value));
            }

            return root;
        }

        if (node == root)
        {
            return mutation.Replace(node) ?? new JObject();
        }

        var replacement = mutation.Replace(node);
        var holder = node.Parent is JProperty p ? (JToken)p : node;
        if (replacement is null)
        {
            holder.Remove();
        }
        else
        {
            node.Replace(replacement);
        }

        return root;
    }

    /// <summary>Every value in document order (the root first); properties are reached through their values.</summary>
    private static List<JToken> All(JToken root)
    {
        var list = new List<JToken> { root };
        if (root is JContainer container)
        {
            list.AddRange(container.Descendants().Where(t => t is not JProperty));
        }

        return list;
    }

    private static JToken WrongType(JToken token, int pick) => (token.Type, pick % 6) switch
    {
        (JTokenType.String, 0) => new JValue(12),
        (JTokenType.String, 1) => new JValue(true),
        (JTokenType.Integer or JTokenType.Float, 0) => new JValue(token.ToString(Formatting.None)),
        (JTokenType.Integer or JTokenType.Float, 1) => new JValue(false),
        (JTokenType.Object, _) => new JArray(token),
        (JTokenType.Array, _) => new JObject { ["items"] = token },
        (_, 2) => new JObject(),
        (_, 3) => new JArray(1, "x", JValue.CreateNull()),
        (_, 4) => new JValue(1.5m),
        _ => new JValue("text"),
    };

    /// <summary>A number token that writes exactly <paramref name="literal"/>, however large.</summary>
    private static JToken Number(string literal) => new JRaw(literal);

    private static JToken Nest(int depth, bool objects)
    {
        JToken inner = new JValue(1);
        for (var i = 0; i < depth; i++)
        {
            inner = objects ? new JObject { ["a"] = inner } : new JArray(inner);
        }

        return inner;
    }

    /// <summary>Repeats one <c>"name": value</c> line of the indented text, so the key appears twice in its object.</summary>
    private static string DuplicateKey(string text, int seed)
    {
        var lines = text.Split('\n').ToList();
        var candidates = lines.Select((line, i) => (line, i))
            .Where(x => x.line.TrimStart().StartsWith('"') && x.line.Contains("\": ", StringComparison.Ordinal) &&
                        !x.line.TrimEnd().EndsWith('{') && !x.line.TrimEnd().EndsWith('['))
            .ToList();
        if (candidates.Count == 0)
        {
            return text;
        }

        var (chosen, index) = candidates[seed % candidates.Count];
        var copy = chosen.TrimEnd('\r').TrimEnd(',') + ",";
        lines.Insert(index, copy);
        return string.Join('\n', lines);
    }

    private static string RandomBytes(string text, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(text);
        const string alphabet = "{}[]\",:\\ \n\t0123456789-+.eEabcnulltrue\0\u00ff\ud800\u202e";
        for (var i = 0; i < 1 + random.Next(4) && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(3))
            {
                case 0:
                    builder[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    builder.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                default:
                    builder.Remove(at, 1);
                    break;
            }
        }

        return builder.ToString();
    }
}

/// <summary>
/// Edits only Newtonsoft reads, RFC 8259 has none of them: a comment, a trailing comma, single quotes, a bare name, a
/// leading zero, a hexadecimal number, NaN. Each is made at a random place where it is the only thing wrong, in indented
/// JSON whose every property starts its own line, and says where it starts, so that a test can check the position.
/// </summary>
internal static partial class LenientSyntax
{
    public static readonly string[] Kinds =
        ["block comment", "line comment", "trailing comma", "single quotes", "bare name", "leading zero", "hexadecimal", "NaN"];

    /// <summary>The edited text and the index of the first character the edit made wrong; null when the text has no place for it.</summary>
    public static (string Text, int At)? Apply(string json, string kind, Random random)
    {
        var places = (kind switch
        {
            "block comment" or "line comment" => LineEndComma(),
            "trailing comma" => BeforeCloser(),
            "single quotes" or "bare name" => LineStartName(),
            _ => LineStartNumber(),
        }).Matches(json);
        if (places.Count == 0)
        {
            return null;
        }

        var place = places[random.Next(places.Count)];
        return kind switch
        {
            "block comment" => (json.Insert(place.Index + 1, "/* note */"), place.Index + 1),
            "line comment" => (json.Insert(place.Index + 1, "// note"), place.Index + 1),
            "trailing comma" => (json.Insert(place.Index, ","), place.Index),
            "single quotes" => (json.Remove(place.Index, place.Length).Insert(place.Index, $"'{place.Groups[1].Value}': "), place.Index),
            "bare name" => (json.Remove(place.Index, place.Length).Insert(place.Index, $"{place.Groups[1].Value}: "), place.Index),
            "leading zero" => (json.Insert(place.Index, "0"), place.Index),
            "hexadecimal" => (json.Insert(place.Index, "0x"), place.Index),
            _ => (json.Remove(place.Index, place.Length).Insert(place.Index, "NaN"), place.Index),
        };
    }

    /// <summary>The index of the character at a problem's line and column (from 1), in a text whose lines end with LF.</summary>
    public static int IndexOf(string text, int line, int column)
    {
        var start = 0;
        for (var l = 1; l < line; l++)
        {
            start = text.IndexOf('\n', start) + 1;
        }

        return start + column - 1;
    }

    // A raw line feed never appears inside a JSON string, so what these find at a line's start or end is structure.
    [System.Text.RegularExpressions.GeneratedRegex(@",(?=\n)")]
    private static partial System.Text.RegularExpressions.Regex LineEndComma();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[^\[{\s])(?=\n\s*[}\]])")]
    private static partial System.Text.RegularExpressions.Regex BeforeCloser();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^\s*)""([A-Za-z]+)"": ", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex LineStartName();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^\s*""[A-Za-z]+"": )[0-9][0-9.]*(?=,?\n)", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex LineStartNumber();
}
