using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>Reads one rule-set file as a JSON tree with line numbers, turning syntax errors into problems.</summary>
internal static class JsonSource
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    /// <summary>The largest rule-set file accepted, in characters.</summary>
    public const int MaxFileLength = 2 * 1024 * 1024;

    public static JToken? Parse(string file, string text, ProblemList problems)
    {
        if (text.Length > MaxFileLength)
        {
            problems.Add(file, null, null, $"the file is {text.Length:N0} characters long; at most {MaxFileLength:N0} are accepted");
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
        };
        try
        {
            var root = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
            }

            return root;
        }
        catch (JsonReaderException e)
        {
            problems.Add(file, e.LineNumber == 0 ? null : e.LineNumber, e.LinePosition == 0 ? null : e.LinePosition, "invalid JSON: " + TrimSuffix(e.Message));
            return null;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            problems.Add(file, reader.LineNumber, reader.LinePosition, "invalid JSON: " + e.Message);
            return null;
        }
    }

    private static string TrimSuffix(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}

/// <summary>Collects rule-set problems with their positions.</summary>
internal sealed class ProblemList
{
    private readonly List<RuleSetProblem> problems = [];

    public int Count => problems.Count;

    public IReadOnlyList<RuleSetProblem> Items => problems;

    public void Add(string file, int? line, int? column, string message, string? rule = null) =>
        problems.Add(new RuleSetProblem(file, line, column, rule, message));

    public void Add(string file, JToken? at, string message, string? rule = null)
    {
        var info = at as IJsonLineInfo;
        var has = info?.HasLineInfo() == true;
        problems.Add(new RuleSetProblem(file, has ? info!.LineNumber : null, has ? info!.LinePosition : null, rule, message));
    }
}
