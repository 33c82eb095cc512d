using Negotiation.Core.RuleSets.Evaluation;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>A named condition as read from a file, before its expression is parsed.</summary>
/// <param name="File">The file it is written in.</param>
/// <param name="Name">The name later expressions use.</param>
/// <param name="Expression">The expression's text.</param>
/// <param name="Token">Where the expression is in the file, for problems.</param>
internal sealed record ReadCondition(string File, string Name, string Expression, JToken Token)
{
    /// <summary>Gets or sets the condition once its expression was parsed and accepted by the guard.</summary>
    public NamedCondition? Compiled { get; set; }
}

/// <summary>
/// Reads named conditions in RulesEngine's scoped-parameter format, <c>[{ "Name": "…", "Expression": "…" }]</c>: the
/// manifest's <c>conditions</c>, a workflow's <c>GlobalParams</c> and a rule's <c>LocalParams</c>.
/// </summary>
internal static class NamedConditionReader
{
    /// <summary>
    /// Names an expression cannot use for a condition: the inputs, and the keywords of the expression language, which the
    /// parser resolves before any parameter (type names such as <c>math</c> do not shadow a parameter, and are allowed).
    /// </summary>
    private static readonly string[] Reserved = ["case", "facts", "params", "it", "parent", "root", "np", "iif", "new", "true", "false", "null", "is", "as"];

    /// <summary>Reads the list in <paramref name="token"/>; null reads as none.</summary>
    /// <param name="token">The list, or null.</param>
    /// <param name="checks">Where problems go, for the file (and rule) being read.</param>
    /// <param name="file">The file.</param>
    /// <param name="what">The property, as the editor wrote it (<c>LocalParams</c> …), for messages.</param>
    public static List<ReadCondition> Read(JToken? token, JsonChecks checks, string file, string what)
    {
        var read = new List<ReadCondition>();
        if (token is null)
        {
            return read;
        }

        if (token is not JArray list)
        {
            checks.Problem(token, $"'{what}' must be a list of named conditions, each {{ \"Name\": \"…\", \"Expression\": \"…\" }}");
            return read;
        }

        foreach (var item in list)
        {
            if (checks.Object(item, $"a named condition in '{what}'") is not { } obj)
            {
                continue;
            }

            checks.KnownOnly(obj, ["Name", "Expression"], $"a named condition in '{what}'");
            var name = checks.String(obj, "Name", required: true, maxLength: 100);
            var expression = checks.String(obj, "Expression", required: true, maxLength: int.MaxValue);
            if (name is not null && !JsonChecks.CamelName().IsMatch(name))
            {
                checks.Problem(obj["Name"], $"the condition name {JsonChecks.Shown(name)} must be camelCase letters and digits, starting with a lower-case letter");
                name = null;
            }
            else if (name is not null && Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                checks.Problem(obj["Name"], $"the condition name '{name}' is taken by the expression language (an input or a keyword); expressions would not see the condition");
                name = null;
            }

            if (expression is not null && expression.Length > Expressions.ExpressionGuard.MaxLength)
            {
                checks.Problem(obj["Expression"], $"the expression is {JsonChecks.Count(expression.Length)} characters long; at most {JsonChecks.Count(Expressions.ExpressionGuard.MaxLength)} are accepted");
                expression = null;
            }

            if (name is not null && expression is not null)
            {
                read.Add(new ReadCondition(file, name, expression, obj["Expression"]!));
            }
        }

        return read;
    }
}
