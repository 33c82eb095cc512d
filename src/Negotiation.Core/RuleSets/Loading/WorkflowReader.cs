using System.Globalization;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.Diagnostics;
using Negotiation.Core.Messages;
using Newtonsoft.Json.Linq;
using RulesEngine.Models;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>A rule as read from a workflow file, before its expressions are parsed.</summary>
internal sealed class ReadRule
{
    public required string File { get; init; }

    public required string Workflow { get; init; }

    public required string Name { get; init; }

    public string? Expression { get; init; }

    public JToken? ExpressionToken { get; init; }

    public required Rule EngineRule { get; init; }

    public List<ReadRule> Children { get; } = [];

    /// <summary>The rule's <c>LocalParams</c>: named conditions its expression and its child rules may use.</summary>
    public List<ReadCondition> LocalParams { get; init; } = [];

    /// <summary>The named conditions its expression may use, once checked: the set's, its workflow's, its own and its parents' LocalParams.</summary>
    public IReadOnlyList<Evaluation.NamedCondition> Scope { get; set; } = [];

    /// <summary>The plan settings, for top-level rules only.</summary>
    public RuleSpec? Spec { get; set; }

    /// <summary>The expression's parsed tree, once the guard has accepted it; it is the tree that is compiled and run.</summary>
    public System.Linq.Expressions.Expression? Body { get; set; }

    /// <summary>The named conditions <see cref="Body"/> names.</summary>
    public IReadOnlyList<Evaluation.NamedCondition> Uses { get; set; } = [];
}

/// <summary>
/// Reads one RulesEngine workflow file, checking what RulesEngine does not: unknown and unsupported
/// properties, exact operator names, unique rule names, and our <c>Properties</c> conventions.
/// </summary>
internal sealed class WorkflowReader(ProblemList problems, Manifest manifest, IReadOnlySet<string> citationIds, HashSet<string> ruleNames)
{
    private static readonly string[] KnownWorkflow = ["$schema", "WorkflowName", "GlobalParams", "Rules", "RuleExpressionType"];

    private static readonly string[] KnownRule = ["RuleName", "LocalParams", "Expression", "Operator", "Rules", "Enabled", "Properties", "RuleExpressionType"];

    // RulesEngine features that Negotiation.Core refuses, with the reason given to the editor.
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["WorkflowsToInject"] = "injects other workflows; list every workflow in ruleset.json instead",
        ["WorkflowRulesToInject"] = "injects other workflows; list every workflow in ruleset.json instead",
        ["Actions"] = "actions run expressions outside the rule's guard and are not supported; the plan is built from Properties",
        ["ErrorMessage"] = "is not used: put the text in Properties.message",
        ["SuccessEvent"] = "is not used: put the code in Properties.code",
        ["ErrorType"] = "is ignored by RulesEngine 6 and not used",
    };

    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    private static readonly string[] Kinds = Enum.GetValues<RuleKind>().Select(k => EnumNames.Of(k)).ToArray();

    private static readonly string[] Outcomes = ["pay-now", "ask-customer-service", "negotiate", "fulfil-obligations-first", "seek-debt-advice"];

    private static readonly string[] RequestTypes = Enum.GetValues<RequestType>().Select(k => EnumNames.Of(k)).ToArray();

    private static readonly string[] DocumentKinds = [.. Enum.GetValues<DocumentKind>().Select(k => EnumNames.Of(k)), RuleSpec.NoticesDocument];

    private static readonly string[] Severities = ["info", "caution", "high"];

    private static readonly string[] Parts = ["opening", "point"];

    internal static readonly string[] CommonProperties = ["kind", "code", "message", "citations", "rank"];

    internal static readonly Dictionary<RuleKind, string[]> KindProperties = new()
    {
        [RuleKind.Reason] = ["outcome", "priority", "requestsOnceMet"],
        [RuleKind.Request] = ["type", "lastResort", "firstStep", "sole", "atReliefRate"],
        [RuleKind.Material] = ["required", "document", "tips"],
        [RuleKind.Guidance] = ["part"],
        [RuleKind.Watchpoint] = ["severity", "dueDate"],
        [RuleKind.Warning] = ["severity"],
        [RuleKind.Remedy] = ["step", "channel", "waitDays"],
    };

    public (Workflow? Workflow, List<ReadRule> Rules, List<ReadCondition> GlobalParams) Read(string name, string? text)
    {
        var file = name + ".json";
        var checks = new JsonChecks(problems, file);
        var rules = new List<ReadRule>();
        if (text is null)
        {
            problems.Add(file, null, null, $"ruleset.json lists the workflow '{name}', but its file {file} is missing");
            return (null, rules, []);
        }

        // A file that could not be parsed has its problem already; "must be an object" would only repeat it.
        if (JsonSource.Parse(file, text, problems) is not { } parsed || checks.Object(parsed, "a workflow file") is not { } root)
        {
            return (null, rules, []);
        }

        CheckProperties(root, KnownWorkflow, checks, "the workflow");
        var workflowName = checks.String(root, "WorkflowName", required: true);
        if (workflowName is not null && workflowName != name)
        {
            checks.Problem(root["WorkflowName"], $"WorkflowName is '{workflowName}' but the file is {file}; they must match");
        }

        CheckExpressionType(root, checks);
        var globals = NamedConditionReader.Read(root["GlobalParams"], checks, file, "GlobalParams");
        if (root["Rules"] is not JArray list || list.Count == 0)
        {
            checks.Problem(root["Rules"] ?? root, "'Rules' must be a non-empty list");
            return (null, rules, globals);
        }

        foreach (var item in list)
        {
            if (ReadRule(item, file, name, topLevel: true) is { } rule)
            {
                rules.Add(rule);
            }
        }

        var workflow = new Workflow { WorkflowName = name, Rules = rules.Select(r => r.EngineRule).ToList() };
        return (workflow, rules, globals);
    }

    private ReadRule? ReadRule(JToken item, string file, string workflow, bool topLevel)
    {
        var checks = new JsonChecks(problems, file);
        if (checks.Object(item, "a rule") is not { } obj)
        {
            return null;
        }

        var name = checks.String(obj, "RuleName", required: true);
        if (name is not null && !JsonChecks.IsOneLine(name))
        {
            checks.Problem(obj["RuleName"], $"the rule name {JsonChecks.Shown(name)} must be one line of text, with no control characters and no spaces at either end; every report line and the trace name the rule by it");
            name = null;
        }

        checks = checks.ForRule(name);
        CheckProperties(obj, KnownRule, checks, "a rule");
        if (name is not null && !ruleNames.Add(name))
        {
            checks.Problem(obj["RuleName"], "the rule name is used twice in the rule set; names must be unique so that the trace can name each rule");
        }

        CheckExpressionType(obj, checks);
        var enabled = checks.Boolean(obj, "Enabled") ?? true;
        var op = obj["Operator"];
        var expression = checks.String(obj, "Expression", required: false, maxLength: int.MaxValue);
        var children = new List<ReadRule>();
        if (op is not null)
        {
            if (op.Type != JTokenType.String || !Operators.Contains((string)op!, StringComparer.Ordinal))
            {
                var near = op.Type == JTokenType.String ? Operators.FirstOrDefault(o => string.Equals(o, ((string)op!).Trim(), StringComparison.OrdinalIgnoreCase)) : null;
                checks.Problem(op, $"Operator must be exactly one of {string.Join(", ", Operators)}{(near is null ? "" : $" (write '{near}')")}; RulesEngine silently ignores the child rules of any other spelling");
            }

            if (expression is not null)
            {
                checks.Problem(obj["Expression"], "a rule with an Operator combines its child Rules; its Expression would be ignored, so remove one of them");
            }

            if (obj["Rules"] is not JArray childList || childList.Count == 0)
            {
                checks.Problem(obj, "a rule with an Operator needs a non-empty 'Rules' list");
            }
            else
            {
                children.AddRange(childList.Select(c => ReadRule(c, file, workflow, topLevel: false)).OfType<ReadRule>());
            }
        }
        else
        {
            if (expression is null)
            {
                checks.Problem(obj, "the rule needs an 'Expression' (or an 'Operator' with child 'Rules')");
            }

            if (obj["Rules"] is not null)
            {
                checks.Problem(obj["Rules"], "child 'Rules' need an 'Operator' (And, AndAlso, Or, OrElse) to combine them");
            }
        }

        if (expression is not null && expression.Length > Expressions.ExpressionGuard.MaxLength)
        {
            checks.Problem(obj["Expression"], $"the expression is {JsonChecks.Count(expression.Length)} characters long; at most {JsonChecks.Count(Expressions.ExpressionGuard.MaxLength)} are accepted");
            expression = null;
        }

        RuleSpec? spec = null;
        if (topLevel)
        {
            spec = ReadProperties(obj, checks, workflow, name ?? "?");
        }
        else if (obj["Properties"] is not null)
        {
            checks.Problem(obj["Properties"], "Properties belong on top-level rules; a child rule is only a condition");
        }

        if (name is null)
        {
            return null;
        }

        var engineRule = new Rule
        {
            RuleName = name,
            Enabled = enabled,
            Expression = op is null ? expression : null,
            // A non-text Operator was reported above; casting it would throw, and the set is refused anyway.
            Operator = op is JValue { Type: JTokenType.String, Value: string opText } ? opText : null,
            Rules = op is null ? null : children.Select(c => c.EngineRule).ToList(),
        };
        var rule = new ReadRule
        {
            File = file, Workflow = workflow, Name = name, Expression = op is null ? expression : null, ExpressionToken = obj["Expression"], EngineRule = engineRule, Spec = spec,
            LocalParams = NamedConditionReader.Read(obj["LocalParams"], checks, file, "LocalParams"),
        };
        rule.Children.AddRange(children);
        return rule;
    }

    private RuleSpec? ReadProperties(JObject rule, JsonChecks checks, string workflow, string name)
    {
        if (checks.Object(rule["Properties"] ?? rule, "'Properties' (kind, code, message …)") is not { } props || rule["Properties"] is null)
        {
            if (rule["Properties"] is null)
            {
                checks.Problem(rule, "a top-level rule needs 'Properties' with at least kind, code and message");
            }

            return null;
        }

        var kindName = checks.OneOf(props, "kind", Kinds, required: true);
        if (kindName is null)
        {
            checks.KnownOnly(props, CommonProperties.Concat(KindProperties.Values.SelectMany(v => v)).Distinct().ToArray(), "Properties");
            return null;
        }

        var kind = Enum.GetValues<RuleKind>().Single(k => EnumNames.Of(k) == kindName);
        checks.KnownOnly(props, [.. CommonProperties, .. KindProperties[kind]], $"the Properties of a {kindName} rule");
        var code = checks.Code(props, "code", required: true);
        var message = Template(props["message"], "message", kind, checks);
        var citations = checks.StringList(props, "citations", required: false, (id, at) =>
        {
            if (citationIds.Contains(id))
            {
                return true;
            }

            var near = NameSuggestions.Nearest(id, citationIds);
            checks.Problem(at, $"citation '{id}' is not in citations.json{(near is null ? "" : $"; did you mean '{near}'?")}");
            return false;
        }) ?? [];
        var rank = checks.Integer(props, "rank", required: false, 1, 10_000);

        var spec = new RuleSpec
        {
            Workflow = workflow,
            Name = name,
            Kind = kind,
            Code = code ?? "",
            Rank = rank,
            Message = message ?? new LocalizedTemplate(new Dictionary<string, MessageTemplate>()),
            Citations = citations,
            Outcome = kind == RuleKind.Reason ? checks.OneOf(props, "outcome", Outcomes, required: false) : null,
            Priority = kind == RuleKind.Reason ? checks.Integer(props, "priority", required: false, 0, 10_000) ?? 0 : 0,
            RequestsOnceMet = kind == RuleKind.Reason && RequestsOnceMet(props, checks),
            RequestType = kind == RuleKind.Request ? checks.OneOf(props, "type", RequestTypes, required: true) : null,
            LastResort = kind == RuleKind.Request && (checks.Boolean(props, "lastResort") ?? false),
            FirstStep = kind == RuleKind.Request && (checks.Boolean(props, "firstStep") ?? false),
            Sole = kind == RuleKind.Request && (checks.Boolean(props, "sole") ?? false),
            AtReliefRate = kind == RuleKind.Request && AtReliefRate(props, checks),
            Required = kind == RuleKind.Material && (checks.Boolean(props, "required") ?? false),
            Document = kind == RuleKind.Material ? checks.OneOf(props, "document", DocumentKinds, required: false) : null,
            Tips = kind == RuleKind.Material ? Tips(props, kind, checks) : [],
            Part = kind == RuleKind.Guidance ? checks.OneOf(props, "part", Parts, required: true) : null,
            Severity = kind is RuleKind.Watchpoint or RuleKind.Warning ? checks.OneOf(props, "severity", Severities, required: true) : null,
            DueFact = kind == RuleKind.Watchpoint ? DateFact(props, checks) : null,
            Step = kind == RuleKind.Remedy ? checks.Integer(props, "step", required: true, 1, 100) ?? 0 : 0,
            Channel = kind == RuleKind.Remedy ? checks.Code(props, "channel", required: false) : null,
            WaitDays = kind == RuleKind.Remedy ? WaitDays(props, checks) : null,
        };
        return code is null || message is null ? null : spec;
    }

    /// <summary>A request's <c>atReliefRate</c>: only an instalment plan is computed at a rate.</summary>
    private static bool AtReliefRate(JObject props, JsonChecks checks) =>
        OnlyWhere(props, checks, "atReliefRate", Says(props, "type", "instalment-plan"), "'atReliefRate' applies only to a request of type 'instalment-plan'");

    /// <summary>A reason's <c>requestsOnceMet</c>: only a reason that puts obligations first has requests to defer.</summary>
    private static bool RequestsOnceMet(JObject props, JsonChecks checks) =>
        OnlyWhere(props, checks, "requestsOnceMet", Says(props, "outcome", "fulfil-obligations-first"), "'requestsOnceMet' applies only to a reason whose outcome is 'fulfil-obligations-first'");

    /// <summary>Whether <paramref name="name"/> is the text <paramref name="value"/> (false for any other value or type, which is reported where it is read).</summary>
    private static bool Says(JObject props, string name, string value) => props[name] is JValue { Type: JTokenType.String } text && (string?)text == value;

    /// <summary>A boolean property that applies only where <paramref name="applies"/>: set true elsewhere, it is refused with <paramref name="why"/>.</summary>
    private static bool OnlyWhere(JObject props, JsonChecks checks, string name, bool applies, string why)
    {
        if (checks.Boolean(props, name) is not true)
        {
            return false;
        }

        if (!applies)
        {
            checks.Problem(props[name]!, why);
        }

        return applies;
    }

    private LocalizedTemplate? Template(JToken? token, string what, RuleKind kind, JsonChecks checks)
    {
        var texts = checks.Localized(token, what, manifest.Languages);
        if (texts is null)
        {
            return null;
        }

        var templates = new Dictionary<string, MessageTemplate>(StringComparer.Ordinal);
        foreach (var (language, written) in texts)
        {
            var template = ParseWithPhrases(written, language, out var error);
            if (template is null)
            {
                checks.Problem(token![language], $"{what} in '{language}': {error}");
                continue;
            }

            foreach (var placeholder in template.Placeholders)
            {
                if (PlaceholderProblem(placeholder, kind) is { } problem)
                {
                    checks.Problem(token![language], $"{what} in '{language}': {problem}");
                }
            }

            templates[language] = template;
        }

        return templates.Count == texts.Count ? new LocalizedTemplate(templates) : null;
    }

    /// <summary>
    /// The message parsed with each <c>{phrases.name}</c> written out in <paramref name="language"/>, or null with the reason
    /// it cannot be: the message is parsed as written first, so that a problem's position is where the editor wrote it, and
    /// parsed again only when it names a phrase.
    /// </summary>
    private MessageTemplate? ParseWithPhrases(string text, string language, out string? error)
    {
        var template = MessageTemplate.Parse(text, out error);
        if (error is not null)
        {
            return null;
        }

        if (template.Placeholders.All(p => p.Scope != ManifestReader.PhraseScope))
        {
            return template;
        }

        var expanded = new System.Text.StringBuilder(text.Length * 2);
        foreach (var (part, literal, placeholder) in template.Pieces)
        {
            switch (part)
            {
                case TemplatePart.Text:
                    expanded.Append(literal!.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
                    break;
                case TemplatePart.SectionEnd:
                    expanded.Append("{/}");
                    break;
                case TemplatePart.SectionStart or TemplatePart.InvertedSectionStart:
                    expanded.Append(part == TemplatePart.SectionStart ? "{?" : "{!").Append(placeholder!.Text.AsSpan(1));
                    break;
                case TemplatePart.Value when placeholder!.Scope != ManifestReader.PhraseScope:
                    expanded.Append(placeholder.Text);
                    break;
                case TemplatePart.Value when placeholder.Format is not null:
                    error = $"placeholder '{placeholder.Text}' gives a phrase a format; a phrase is text and takes none";
                    return null;
                case TemplatePart.Value when manifest.Phrases.TryGetValue(placeholder.Name, out var phrase):
                    expanded.Append(phrase[language]);
                    break;
                default:
                    error = Unknown(placeholder!, "phrase in ruleset.json", manifest.Phrases.Keys);
                    return null;
            }
        }

        // A phrase is checked alone at load and the message as written here, so the two together parse.
        var withPhrases = MessageTemplate.Parse(expanded.ToString(), out error);
        return error is null ? withPhrases : null;
    }

    private string? PlaceholderProblem(Placeholder placeholder, RuleKind kind)
    {
        switch (placeholder.Scope)
        {
            case "params" when manifest.Parameters.TryGetValue(placeholder.Name, out var value):
                return ParameterFormatProblem(placeholder, value);
            case "" when FactCatalog<Assessment>.Find(placeholder.Name) is not null:
            case "terms" when kind is RuleKind.Request or RuleKind.Guidance && FactCatalog<RequestTerms>.Find(placeholder.Name) is not null:
                return null;
            case "":
                return Unknown(placeholder, "fact", FactCatalog<Assessment>.ByName.Keys);
            case "params":
                return Unknown(placeholder, "parameter in ruleset.json", manifest.Parameters.Keys);
            case "terms" when kind is RuleKind.Request or RuleKind.Guidance:
                return Unknown(placeholder, "request term", FactCatalog<RequestTerms>.ByName.Keys);
            case ManifestReader.PhraseScope:
                return $"section '{placeholder.Text}' names a phrase; a section asks whether a fact, parameter or term is there, and a phrase always is";
            case "terms":
                return $"placeholder '{placeholder.Text}' names request terms, which only request rules (their own terms) and guidance rules (the top request's terms) have";
            default:
                return $"placeholder '{placeholder.Text}' does not resolve: write {{fact}}, {{params.name}}, {{terms.name}} or {{phrases.name}}";
        }
    }

    /// <summary>
    /// A parameter's value is known at load, so a format that cannot write it is refused here rather than writing nonsense
    /// in every plan: a day or month count must be whole and an <see cref="int"/>, a percentage of a fraction that a decimal
    /// holds times 100, and a number is never a date.
    /// </summary>
    private static string? ParameterFormatProblem(Placeholder placeholder, decimal value) => placeholder.Format switch
    {
        FactFormat.Days or FactFormat.Months when decimal.Truncate(value) != value || value < int.MinValue || value > int.MaxValue =>
            $"placeholder '{placeholder.Text}' writes {JsonChecks.Number(value)} as {(placeholder.Format == FactFormat.Days ? "days" : "months")}; " +
            $"days and months must be whole numbers from {JsonChecks.Count(int.MinValue)} to {JsonChecks.Count(int.MaxValue)}",
        FactFormat.Percent when Math.Abs(value) > MessageFormat.MaxPercentFraction =>
            $"placeholder '{placeholder.Text}' writes {JsonChecks.Number(value)} as a percentage; a percentage must be of a number from " +
            $"{(-MessageFormat.MaxPercentFraction).ToString("N2", CultureInfo.InvariantCulture)} to {MessageFormat.MaxPercentFraction.ToString("N2", CultureInfo.InvariantCulture)}",
        FactFormat.Date =>
            $"placeholder '{placeholder.Text}' writes a number as a date; parameters are numbers: use money, percent, days, months or plain",
        _ => null,
    };

    private static string Unknown(Placeholder placeholder, string what, IEnumerable<string> known)
    {
        var near = NameSuggestions.Nearest(placeholder.Name, known);
        return $"placeholder '{placeholder.Text}' does not resolve: no {what} is named '{placeholder.Name}'{(near is null ? "" : $"; did you mean '{near}'?")}";
    }

    private IReadOnlyList<LocalizedTemplate> Tips(JObject props, RuleKind kind, JsonChecks checks)
    {
        if (props["tips"] is null)
        {
            return [];
        }

        if (props["tips"] is not JArray tips)
        {
            checks.Problem(props["tips"], "'tips' must be a list of texts per language");
            return [];
        }

        return tips.Select(t => Template(t, "a tip", kind, checks)).OfType<LocalizedTemplate>().ToArray();
    }

    private static string? DateFact(JObject props, JsonChecks checks)
    {
        var name = checks.String(props, "dueDate", required: false);
        if (name is null)
        {
            return null;
        }

        if (FactCatalog<Assessment>.Find(name) is { Format: FactFormat.Date })
        {
            return name;
        }

        var dates = FactCatalog<Assessment>.ByName.Values.Where(f => f.Format == FactFormat.Date).Select(f => f.Name);
        checks.Problem(props["dueDate"], $"'dueDate' must name a date fact: {string.Join(", ", dates)}");
        return null;
    }

    private int? WaitDays(JObject props, JsonChecks checks)
    {
        var token = props["waitDays"];
        switch (token?.Type)
        {
            case null or JTokenType.Null:
                return null;
            case JTokenType.Integer:
                return checks.Integer(props, "waitDays", required: false, 0, 3650);
            case JTokenType.String when ((string)token!).StartsWith("params.", StringComparison.Ordinal) &&
                                        manifest.Parameters.TryGetValue(((string)token!)["params.".Length..], out var value) &&
                                        value >= 0 && value <= 3650 && decimal.Truncate(value) == value:
                return (int)value;
            default:
                checks.Problem(token, "'waitDays' must be a whole number of days or \"params.<name>\" naming a whole-number parameter");
                return null;
        }
    }

    private static void CheckProperties(JObject obj, string[] known, JsonChecks checks, string where)
    {
        foreach (var property in obj.Properties())
        {
            if (Refused.TryGetValue(property.Name, out var why))
            {
                checks.Problem(property, $"'{property.Name}' {why}");
            }
        }

        foreach (var property in obj.Properties().Where(p => !Refused.ContainsKey(p.Name) && !known.Contains(p.Name)))
        {
            var near = NameSuggestions.Nearest(property.Name, known);
            checks.Problem(property, near is null
                ? $"unknown property '{property.Name}' in {where}; RulesEngine would silently ignore it; known: {string.Join(", ", known)}"
                : $"unknown property '{property.Name}' in {where}; RulesEngine would silently ignore it; did you mean '{near}'?");
        }
    }

    private static void CheckExpressionType(JObject obj, JsonChecks checks)
    {
        if (obj["RuleExpressionType"] is { } type && (type.Type != JTokenType.String || (string)type! != "LambdaExpression"))
        {
            checks.Problem(type, "RuleExpressionType can only be \"LambdaExpression\" (the default; it may be left out)");
        }
    }
}
