using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Negotiation.Core.Diagnostics;

namespace Negotiation.Core.Cases.Json;

/// <summary>
/// Reads case JSON in three passes: syntax (with line and column), shape (every value against the
/// model's <see cref="CaseShape"/>), and consistency between fields (<see cref="CaseConsistency"/>).
/// Every problem of a pass is collected before the reader gives up, so a user fixes a file in one go.
/// </summary>
/// <remarks>
/// A plain valid case never gets that far: <see cref="CaseFastReader"/> reads it in one pass, and leaves anything
/// else to the three passes here, which alone decide what is wrong and say where.
/// </remarks>
internal static partial class CaseReader
{
    public static BorrowerCase Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Most cases are plain and valid: those are read in one pass. Anything else is read again in full, which finds every problem.
        return json.Length <= CaseLimits.MaxJsonLength && CaseFastReader.TryRead(json, out var plain) ? plain : ReadFully(json);
    }

    /// <summary>The full reader alone, without the fast path: it decides, and explains, every case the fast path leaves to it.</summary>
    internal static BorrowerCase ReadFully(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > CaseLimits.MaxJsonLength)
        {
            throw Fail(new CaseProblem("", $"the case is {Count(json.Length)} characters long; at most {Count(CaseLimits.MaxJsonLength)} are accepted"));
        }

        var root = Parse(json);
        var problems = new List<CaseProblem>();
        if (root is not JObject rootObject)
        {
            throw Fail(At(root, $"a case must be a JSON object, not {Describe(root)}"));
        }

        var decimals = MinorUnitOf(rootObject);
        ValidateObject(rootObject, CaseShape.Root, problems, decimals, isRoot: true);
        if (problems.Count > 0)
        {
            throw Fail(problems);
        }

        BorrowerCase result;
        try
        {
            result = rootObject.ToObject<BorrowerCase>(CaseJson.Serializer)!;
        }
        catch (JsonException e)
        {
            // The shape pass should have caught everything; if it did not, still say where, never crash.
            throw Fail(new CaseProblem(PathOf(e) ?? "", JsonText.TrimPosition(e.Message)));
        }

        foreach (var (path, message) in CaseConsistency.Check(result))
        {
            problems.Add(At(rootObject.SelectToken(path, errorWhenNoMatch: false), message, path));
        }

        return problems.Count > 0 ? throw Fail(problems) : result;
    }

    private static JToken Parse(string json) =>
        JsonText.TryParse(json, maxDepth: 32, out var error) ?? throw Fail(new CaseProblem(error!.Path, error.Message, error.Line, error.Column));

    private static int MinorUnitOf(JObject root) =>
        root["currency"] is JValue { Type: JTokenType.String, Value: string code } && Currencies.TryGetMinorUnit(code, out var decimals)
            ? decimals
            : 2;

    private static void ValidateObject(JObject json, ObjectShape shape, List<CaseProblem> problems, int decimals, bool isRoot = false)
    {
        foreach (var property in json.Properties())
        {
            if (problems.Count >= CaseLimits.MaxProblems)
            {
                return;
            }

            if (shape.Properties.TryGetValue(property.Name, out var expected))
            {
                if (property.Value.Type == JTokenType.Null)
                {
                    if (expected.Required)
                    {
                        problems.Add(At(property.Value, "is required and must not be null"));
                    }

                    continue;
                }

                ValidateValue(property.Value, expected.Value, problems, decimals);
            }
            else if (isRoot && property.Name == "$schema")
            {
                if (property.Value.Type != JTokenType.String)
                {
                    problems.Add(At(property.Value, "\"$schema\" must be a string (the path or URL of the schema)"));
                }
            }
            else
            {
                var suggestion = NameSuggestions.Nearest(property.Name, shape.Ordered.Select(p => p.JsonName));
                var known = string.Join(", ", shape.Ordered.Select(p => p.JsonName));
                problems.Add(At(property, suggestion is null
                    ? $"unknown property '{property.Name}'; known here: {known}"
                    : $"unknown property '{property.Name}'; did you mean '{suggestion}'?"));
            }
        }

        foreach (var required in shape.Ordered.Where(p => p.Required && json.Property(p.JsonName, StringComparison.Ordinal) is null))
        {
            var path = json.Path.Length == 0 ? required.JsonName : json.Path + "." + required.JsonName;
            problems.Add(At(json, $"required property '{required.JsonName}' is missing", path));
        }
    }

    private static void ValidateValue(JToken value, ValueShape shape, List<CaseProblem> problems, int decimals)
    {
        switch (shape.Kind)
        {
            case ValueKind.Object when value is JObject obj:
                ValidateObject(obj, shape.Object!, problems, decimals);
                break;
            case ValueKind.Object:
                problems.Add(At(value, $"must be an object, not {Describe(value)}"));
                break;
            case ValueKind.Array when value is JArray array:
                if (array.Count > shape.MaxItems)
                {
                    problems.Add(At(value, $"has {Count(array.Count)} items; at most {Count(shape.MaxItems)} are accepted"));
                    break;
                }

                foreach (var item in array)
                {
                    if (problems.Count >= CaseLimits.MaxProblems)
                    {
                        break;
                    }

                    if (item.Type == JTokenType.Null)
                    {
                        problems.Add(At(item, "a list item must not be null"));
                        continue;
                    }

                    ValidateValue(item, shape.Element!, problems, decimals);
                }

                break;
            case ValueKind.Array:
                problems.Add(At(value, $"must be a list (JSON array), not {Describe(value)}"));
                break;
            case ValueKind.Money:
                ValidateMoney(value, problems, decimals);
                break;
            case ValueKind.Rate:
                ValidateRate(value, shape, problems);
                break;
            case ValueKind.Integer:
                ValidateInteger(value, shape, problems);
                break;
            case ValueKind.Boolean when value.Type != JTokenType.Boolean:
                problems.Add(At(value, $"must be true or false, not {Describe(value)}"));
                break;
            case ValueKind.Text:
                ValidateText(value, problems);
                break;
            case ValueKind.Date:
                ValidateDate(value, problems);
                break;
            case ValueKind.Enum:
                ValidateEnum(value, shape, problems);
                break;
            case ValueKind.Currency:
                ValidateCurrency(value, problems);
                break;
        }
    }

    private static void ValidateMoney(JToken value, List<CaseProblem> problems, int decimals)
    {
        if (!TryNumber(value, problems, "an amount of money", out var amount))
        {
            return;
        }

        if (amount < 0)
        {
            problems.Add(At(value, $"must not be negative (got {amount.ToString(CultureInfo.InvariantCulture)})"));
        }
        else if (amount > CaseLimits.MaxMoney)
        {
            problems.Add(At(value, $"is above the largest amount accepted ({CaseLimits.MaxMoney.ToString("N0", CultureInfo.InvariantCulture)})"));
        }
        else if (decimal.Round(amount, decimals) != amount)
        {
            problems.Add(At(value, $"has more decimal places than the currency's minor unit allows ({decimals})"));
        }
    }

    private static void ValidateRate(JToken value, ValueShape shape, List<CaseProblem> problems)
    {
        if (!TryNumber(value, problems, "a rate (a fraction such as 0.18 for 18 %)", out var rate))
        {
            return;
        }

        if (rate < 0)
        {
            problems.Add(At(value, $"must not be negative (got {rate.ToString(CultureInfo.InvariantCulture)})"));
        }
        else if (!double.IsNaN(shape.Max) && rate > (decimal)shape.Max)
        {
            problems.Add(At(value, $"is a fraction (0.18 means 18 %); {rate.ToString(CultureInfo.InvariantCulture)} is above the largest accepted, {shape.Max.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    private static void ValidateInteger(JToken value, ValueShape shape, List<CaseProblem> problems)
    {
        if (value.Type != JTokenType.Integer)
        {
            problems.Add(At(value, $"must be a whole number, not {Describe(value)}"));
            return;
        }

        var number = ((JValue)value).Value switch
        {
            long l => (BigInteger)l,
            BigInteger b => b,
            var other => new BigInteger(Convert.ToInt64(other, CultureInfo.InvariantCulture)),
        };
        if ((!double.IsNaN(shape.Min) && number < new BigInteger(shape.Min)) || (!double.IsNaN(shape.Max) && number > new BigInteger(shape.Max)))
        {
            problems.Add(At(value, $"must be between {shape.Min.ToString(CultureInfo.InvariantCulture)} and {shape.Max.ToString(CultureInfo.InvariantCulture)} (got {number.ToString(CultureInfo.InvariantCulture)})"));
        }
    }

    private static void ValidateText(JToken value, List<CaseProblem> problems)
    {
        if (value.Type != JTokenType.String)
        {
            problems.Add(At(value, $"must be text (a JSON string), not {Describe(value)}"));
        }
        else if (((string)value!).Length > CaseLimits.MaxTextLength)
        {
            problems.Add(At(value, $"is {Count(((string)value!).Length)} characters long; at most {Count(CaseLimits.MaxTextLength)} are accepted"));
        }
    }

    private static void ValidateDate(JToken value, List<CaseProblem> problems)
    {
        if (value.Type != JTokenType.String)
        {
            problems.Add(At(value, $"must be a date written \"yyyy-MM-dd\", not {Describe(value)}"));
            return;
        }

        var text = (string)value!;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!IsoDateShape().IsMatch(text) || !parsed.Success)
        {
            problems.Add(At(value, $"'{Shorten(text)}' is not a date; write it as \"yyyy-MM-dd\", e.g. \"2026-11-20\""));
        }
        else if (parsed.Value < CaseLimits.EarliestDate || parsed.Value > CaseLimits.LatestDate)
        {
            problems.Add(At(value, $"{text} is outside the dates accepted ({Iso(CaseLimits.EarliestDate)} to {Iso(CaseLimits.LatestDate)})"));
        }
    }

    private static void ValidateEnum(JToken value, ValueShape shape, List<CaseProblem> problems)
    {
        var allowed = string.Join(", ", shape.EnumNames);
        if (value.Type != JTokenType.String)
        {
            problems.Add(At(value, $"must be one of {allowed}; got {Describe(value)}"));
            return;
        }

        var text = (string)value!;
        if (shape.EnumNames.Contains(text, StringComparer.Ordinal))
        {
            return;
        }

        var suggestion = NameSuggestions.Nearest(text, shape.EnumNames);
        problems.Add(At(value, suggestion is null
            ? $"unknown value '{Shorten(text)}'; allowed: {allowed}"
            : $"unknown value '{Shorten(text)}'; did you mean '{suggestion}'? Allowed: {allowed}"));
    }

    private static void ValidateCurrency(JToken value, List<CaseProblem> problems)
    {
        if (value.Type != JTokenType.String)
        {
            problems.Add(At(value, $"must be an ISO 4217 currency code such as \"CNY\", not {Describe(value)}"));
            return;
        }

        var code = (string)value!;
        if (!Currencies.TryGetMinorUnit(code, out _))
        {
            var suggestion = Currencies.Suggest(code);
            problems.Add(At(value, suggestion is null
                ? $"unknown currency '{Shorten(code)}'; use an ISO 4217 code such as \"CNY\""
                : $"unknown currency '{Shorten(code)}'; did you mean \"{suggestion}\"?"));
        }
    }

    private static bool TryNumber(JToken value, List<CaseProblem> problems, string what, out decimal number)
    {
        number = 0;
        switch (((value as JValue)?.Value, value.Type))
        {
            case (decimal d, JTokenType.Float):
                number = d;
                return true;
            case (long l, JTokenType.Integer):
                number = l;
                return true;
            case (BigInteger, JTokenType.Integer):
                problems.Add(At(value, $"is far too large for {what}"));
                return false;
            case (_, JTokenType.String):
                problems.Add(At(value, $"must be {what} written as a JSON number, not as text (\"{Shorten((string)value!)}\")"));
                return false;
            default:
                problems.Add(At(value, $"must be {what} (a JSON number), not {Describe(value)}"));
                return false;
        }
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "a list",
        JTokenType.String => $"the text \"{Shorten((string)token!)}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {((JValue)token).ToString(CultureInfo.InvariantCulture)}",
        JTokenType.Boolean => (bool)token ? "true" : "false",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    // Messages read the same whatever the host's culture: "1,001", never "1.001" or "١٬٠٠١".
    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static CaseProblem At(JToken? token, string message, string? path = null)
    {
        var info = token as IJsonLineInfo;
        var hasInfo = info?.HasLineInfo() == true;
        return new CaseProblem(path ?? token?.Path ?? "", message, hasInfo ? info!.LineNumber : null, hasInfo ? info!.LinePosition : null);
    }

    private static string? PathOf(JsonException e) => e switch
    {
        JsonReaderException r => r.Path,
        JsonSerializationException s => s.Path,
        _ => null,
    };

    private static CaseValidationException Fail(CaseProblem problem) => new([problem]);

    private static CaseValidationException Fail(List<CaseProblem> problems)
    {
        // Reading stops at the bound, so a hostile case cannot make the report far larger than itself.
        if (problems.Count < CaseLimits.MaxProblems)
        {
            return new(problems.ToArray());
        }

        return new([.. problems.Take(CaseLimits.MaxProblems),
            new CaseProblem("", $"reading stopped after {Count(CaseLimits.MaxProblems)} problems; fix these and read the case again")]);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateShape();
}
