using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Negotiation.Core.Diagnostics;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>Typed reads of JSON properties that record a problem, with its position, instead of throwing.</summary>
internal sealed partial class JsonChecks(ProblemList problems, string file, string? rule = null)
{
    public JsonChecks ForRule(string? ruleName) => new(problems, file, ruleName);

    public void Problem(JToken? at, string message) => problems.Add(file, at, message, rule);

    public void KnownOnly(JObject obj, IReadOnlyCollection<string> known, string where)
    {
        foreach (var property in obj.Properties())
        {
            if (known.Contains(property.Name))
            {
                continue;
            }

            var near = NameSuggestions.Nearest(property.Name, known);
            Problem(property, near is null
                ? $"unknown property '{property.Name}' in {where}; known: {string.Join(", ", known)}"
                : $"unknown property '{property.Name}' in {where}; did you mean '{near}'?");
        }
    }

    public JObject? Object(JToken? token, string what)
    {
        if (token is JObject obj)
        {
            return obj;
        }

        Problem(token, $"{what} must be a JSON object");
        return null;
    }

    public string? String(JObject obj, string name, bool required, int maxLength = 200)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Problem(obj, $"'{name}' is required");
            }

            return null;
        }

        if (token.Type != JTokenType.String)
        {
            Problem(token, $"'{name}' must be text");
            return null;
        }

        var text = (string)token!;
        if (text.Length == 0 || text.Length > maxLength)
        {
            Problem(token, $"'{name}' must be 1 to {maxLength} characters long");
            return null;
        }

        return text;
    }

    public string? Code(JObject obj, string name, bool required)
    {
        var text = String(obj, name, required);
        if (text is not null && !KebabCode().IsMatch(text))
        {
            Problem(obj[name], $"'{name}' must be a kebab-case code (lower-case letters, digits and '-'), not {Shown(text)}");
            return null;
        }

        return text;
    }

    public string? OneOf(JObject obj, string name, IReadOnlyList<string> allowed, bool required)
    {
        var text = String(obj, name, required);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        var near = NameSuggestions.Nearest(text, allowed);
        Problem(obj[name], $"'{name}' is {Shown(text)}{(near is null ? "" : $" (did you mean '{near}'?)")}; allowed: {string.Join(", ", allowed)}");
        return null;
    }

    public int? Integer(JObject obj, string name, bool required, int min, int max)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Problem(obj, $"'{name}' is required");
            }

            return null;
        }

        // A whole number beyond Int64 is read as a BigInteger, which a (long) cast would throw on.
        if (token is not JValue { Type: JTokenType.Integer, Value: long value } || value < min || value > max)
        {
            Problem(token, $"'{name}' must be a whole number from {min} to {max}");
            return null;
        }

        return (int)value;
    }

    public bool? Boolean(JObject obj, string name)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != JTokenType.Boolean)
        {
            Problem(token, $"'{name}' must be true or false");
            return null;
        }

        return (bool)token;
    }

    public LocalDate? Date(JObject obj, string name, bool required)
    {
        var text = String(obj, name, required);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success || text.Length != 10)
        {
            Problem(obj[name], $"'{name}' must be a date written yyyy-MM-dd, not {Shown(text)}");
            return null;
        }

        return parsed.Value;
    }

    public IReadOnlyList<string>? StringList(JObject obj, string name, bool required, Func<string, JToken, bool>? check = null)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Problem(obj, $"'{name}' is required");
            }

            return null;
        }

        if (token is not JArray array)
        {
            Problem(token, $"'{name}' must be a list of texts");
            return null;
        }

        var result = new List<string>();
        foreach (var item in array)
        {
            if (item.Type != JTokenType.String)
            {
                Problem(item, $"'{name}' must hold texts only");
                continue;
            }

            var text = (string)item!;
            if (result.Contains(text))
            {
                Problem(item, $"{Shown(text)} appears twice in '{name}'");
                continue;
            }

            if (check is null || check(text, item))
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>Reads <c>{"zh-CN": "...", "en": "..."}</c>, requiring exactly the declared languages.</summary>
    public IReadOnlyDictionary<string, string>? Localized(JToken? token, string what, IReadOnlyList<string> languages, int maxLength = 2000)
    {
        if (token is not JObject obj)
        {
            Problem(token, $"{what} must be an object with a text per language ({string.Join(", ", languages)})");
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties())
        {
            if (!languages.Contains(property.Name))
            {
                Problem(property, $"{what} has a text in '{property.Name}', which the manifest does not declare ({string.Join(", ", languages)})");
            }
            else if (property.Value.Type != JTokenType.String || ((string)property.Value!).Trim().Length == 0)
            {
                Problem(property.Value, $"{what} in '{property.Name}' must be non-empty text");
            }
            else if (((string)property.Value!).Length > maxLength)
            {
                Problem(property.Value, $"{what} in '{property.Name}' is longer than {maxLength} characters");
            }
            else
            {
                texts[property.Name] = (string)property.Value!;
            }
        }

        foreach (var language in languages.Where(l => obj[l] is null))
        {
            Problem(obj, $"{what} is missing in '{language}'");
        }

        return texts.Count == languages.Count ? texts : null;
    }

    /// <summary>Reads a JSON number as a decimal; false for a whole number too large for one (read as a BigInteger).</summary>
    public static bool TryDecimal(JToken token, out decimal value)
    {
        switch ((token as JValue)?.Value)
        {
            case long l:
                value = l;
                return true;
            case decimal d:
                value = d;
                return true;
            case double f when !double.IsNaN(f) && !double.IsInfinity(f) && Math.Abs(f) < 7.9e28:
                value = (decimal)f;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators, the same in every culture ("2,097,152").</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value quoted for a problem message, with line breaks and other control and format characters escaped as in JSON
    /// (<c>'x\n'</c>), so that a hostile value can neither break the one-line <c>file:line:col: message</c> report nor hide in it.
    /// </summary>
    public static string Shown(string text)
    {
        if (IsOneLine(text))
        {
            return "'" + text + "'";
        }

        var shown = new StringBuilder("'", text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => shown.Append("\\n"),
                '\r' => shown.Append("\\r"),
                '\t' => shown.Append("\\t"),
                _ when IsHidden(c) => shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => shown.Append(c),
            };
        }

        return shown.Append('\'').ToString();
    }

    /// <summary>
    /// Whether a name is one line of visible text: no control, format, line or paragraph separator character anywhere and no
    /// white space at either end. Names appear in every report line and in the trace; a newline in one would forge a line.
    /// </summary>
    public static bool IsOneLine(string name) =>
        name.Length > 0 && !char.IsWhiteSpace(name[0]) && !char.IsWhiteSpace(name[^1]) && !name.Any(IsHidden);

    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // \z, not $: $ also matches before a final newline, so "decision\n" passed as a kebab-case code.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    public static partial Regex KebabCode();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*\z", RegexOptions.CultureInvariant)]
    public static partial Regex CamelName();
}
