using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Diagnostics;
using Negotiation.Core.Inputs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.Scenarios;

/// <summary>
/// A golden case for a rule set: a case (inline or from a file) and the part of the plan it must produce
/// (outcome, acceptable top requests, requests in order or in any order, requests that must not appear, materials,
/// warnings, remedies, citations …), and optionally the passage of the source guidance it rests on (<c>basis</c>).
/// Rule editors pin a rule set's behaviour with scenario files; <see cref="Run"/> says what differs.
/// </summary>
/// <remarks>Immutable; running is thread-safe.</remarks>
public sealed class Scenario
{
    private static readonly string[] KnownKeys = ["$schema", "name", "description", "basis", "case", "caseFile", "language", "expect"];

    private static readonly string[] KnownExpectations =
    [
        "outcome", "topRequest", "requests", "requestsInclude", "notRequests", "noFollowUp", "noMaterials", "noTalkingPoints", "noRemedies", "reasons", "notReasons", "materials", "requiredMaterials",
        "watchpoints", "notWatchpoints", "warnings", "notWarnings", "remedies", "notRemedies", "citations", "messageContains", "messageNotContains", "nextFollowUp",
        "firstInstalmentDue",
    ];

    private readonly JObject expect;

    private Scenario(string name, string? description, BorrowerCase @case, string? language, JObject expect)
    {
        Name = name;
        Description = description;
        Case = @case;
        Language = language;
        this.expect = expect;
    }

    /// <summary>Gets the scenario's name.</summary>
    public string Name { get; }

    /// <summary>Gets why the scenario exists, if it says.</summary>
    public string? Description { get; }

    /// <summary>Gets the case the scenario advises on.</summary>
    public BorrowerCase Case { get; }

    /// <summary>Gets the language to advise in, or null for the rule set's first language.</summary>
    public string? Language { get; }

    /// <summary>Reads a scenario file; a <c>caseFile</c> is resolved against the scenario's folder.</summary>
    /// <remarks>
    /// A scenario and its case file are read only as regular files inside the scenario's tree: the scenario's folder, or
    /// the rule set's folder above it when that holds <c>ruleset.json</c> (so <c>"../examples/seed.json"</c> from
    /// <c>rules/set/scenarios</c> is inside). A path that leads outside, by <c>..</c>, a link or a path of its own, is
    /// refused, and so is a pipe, socket or device, without being opened. A scenario file is read up to 4 MiB, its case file
    /// up to 4 MiB (<see cref="CaseLimits.MaxJsonLength"/>); both must be JSON as RFC 8259 writes it.
    /// </remarks>
    /// <param name="path">The scenario file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ScenarioException">The file cannot be read, is not a valid scenario, or its case is invalid; the message says what and where.</exception>
    public static Scenario FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileTree tree;
        string folder;
        try
        {
            // A case file is named from the folder the scenario really is in, links resolved.
            folder = FileTree.RealPath(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var parent = Path.GetDirectoryName(folder);
            tree = FileTree.Of(parent is not null && File.Exists(Path.Combine(parent, "ruleset.json")) ? parent : folder);
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException($"{path}: cannot read the file: {e.Message}");
        }

        var text = ReadText(tree, Path.GetFullPath(path), path, InputLimits.ScenarioLength);
        if (JsonText.TryParse(text, maxDepth: 64, out var error) is not { } parsed)
        {
            throw new ScenarioException($"{path}:{error!.Line ?? 0}:{error.Column ?? 0}: {error.Message}");
        }

        if (parsed is not JObject root)
        {
            throw new ScenarioException($"{path}: a scenario must be a JSON object");
        }

        var problems = new List<string>();
        Unknown(root, KnownKeys, "the scenario", problems);
        var name = root["name"] is JValue { Type: JTokenType.String } n ? (string)n! : Path.GetFileNameWithoutExtension(path);
        var description = root["description"] is JValue { Type: JTokenType.String } d ? (string)d! : null;
        var language = root["language"] is JValue { Type: JTokenType.String } l ? (string)l! : null;
        if (root["expect"] is not JObject expect)
        {
            problems.Add("'expect' must be an object (what the plan must contain)");
            expect = [];
        }

        Unknown(expect, KnownExpectations, "'expect'", problems);
        if (expect["firstInstalmentDue"] is { } dates && (dates is JArray { Count: 0 } || Codes(dates).Any(d => !LocalDatePattern.Iso.Parse(d).Success)))
        {
            problems.Add("'expect.firstInstalmentDue' must be a date (yyyy-MM-dd) or a non-empty list of dates");
        }

        string caseJson;
        string caseOrigin;
        switch (root["case"], root["caseFile"])
        {
            case (JObject inline, null):
                caseJson = inline.ToString();
                caseOrigin = path + " (case)";
                break;
            case (null, JValue { Type: JTokenType.String } file):
                caseOrigin = Path.Combine(folder, Shorten((string)file!));
                try
                {
                    caseJson = ReadText(tree, Path.Combine(folder, (string)file!), caseOrigin, InputLimits.CaseLength);
                }
                catch (ScenarioException e)
                {
                    problems.Add(e.Message);
                    caseJson = "";
                }

                break;
            default:
                problems.Add("give the case either inline as 'case' (an object) or as 'caseFile' (a path relative to the scenario), not both");
                caseJson = "";
                caseOrigin = path;
                break;
        }

        if (problems.Count > 0)
        {
            throw new ScenarioException($"{path}: " + string.Join("; ", problems));
        }

        try
        {
            return new Scenario(name, description, BorrowerCase.FromJson(caseJson), language, expect);
        }
        catch (CaseValidationException e)
        {
            throw new ScenarioException($"{caseOrigin}: the case is invalid: " + string.Join("; ", e.Problems));
        }
    }

    /// <summary>Advises on the case and compares the plan with the expectations.</summary>
    /// <param name="advisor">The advisor whose rule set is tested.</param>
    /// <returns>Every difference; empty when the scenario passes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="advisor"/> is null.</exception>
    public IReadOnlyList<string> Run(NegotiationAdvisor advisor)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        NegotiationPlan plan;
        try
        {
            plan = advisor.Advise(Case, Language ?? advisor.RuleSet.Languages[0]);
        }
        catch (Exception e) when (e is ArgumentException or CaseValidationException)
        {
            return [e.Message];
        }

        var differences = new List<string>();
        var requests = plan.Requests.Select(r => EnumNames<RequestType>.Of(r.Type)).ToList();
        var remedies = plan.Remedies.Select(r => r.Code).ToList();
        foreach (var property in expect.Properties())
        {
            var (key, value) = (property.Name, property.Value);
            switch (key)
            {
                case "outcome":
                    Same(differences, key, Text(value), EnumNames<Outcome>.Of(plan.Decision.Outcome));
                    break;
                case "topRequest":
                    // One type, or a list of the types that would each be acceptable first.
                    OneOf(differences, key, value, requests.FirstOrDefault() ?? "(none)");
                    break;
                case "requestsInclude":
                    Present(differences, key, Codes(value), requests);
                    break;
                case "noFollowUp":
                    if (value.Type == JTokenType.Boolean && (bool)value! && plan.NextFollowUp is { } followUp)
                    {
                        differences.Add($"{key}: expected no follow-up date, got {LocalDatePattern.Iso.Format(followUp)}");
                    }

                    break;
                case "noMaterials":
                    Empty(differences, key, value, "materials", plan.Materials.Select(m => m.Code));
                    break;
                case "noTalkingPoints":
                    Empty(differences, key, value, "talking points", plan.Communication.Points.Select(p => p.Code));
                    break;
                case "noRemedies":
                    Empty(differences, key, value, "remedies", remedies);
                    break;
                case "requests":
                    InOrder(differences, key, Codes(value), requests);
                    break;
                case "notRequests":
                    Absent(differences, key, Codes(value), requests);
                    break;
                case "reasons":
                    Present(differences, key, Codes(value), plan.Decision.Reasons.Select(r => r.Code));
                    break;
                case "notReasons":
                    Absent(differences, key, Codes(value), plan.Decision.Reasons.Select(r => r.Code));
                    break;
                case "materials":
                    Present(differences, key, Codes(value), plan.Materials.Select(m => m.Code));
                    break;
                case "requiredMaterials":
                    Present(differences, key, Codes(value), plan.Materials.Where(m => m.Required).Select(m => m.Code));
                    break;
                case "watchpoints":
                    Present(differences, key, Codes(value), plan.Watchpoints.Select(w => w.Code));
                    break;
                case "notWatchpoints":
                    Absent(differences, key, Codes(value), plan.Watchpoints.Select(w => w.Code));
                    break;
                case "warnings":
                    Present(differences, key, Codes(value), plan.Warnings.Select(w => w.Code));
                    break;
                case "notWarnings":
                    Absent(differences, key, Codes(value), plan.Warnings.Select(w => w.Code));
                    break;
                case "remedies":
                    InOrder(differences, key, Codes(value), remedies);
                    break;
                case "notRemedies":
                    Absent(differences, key, Codes(value), remedies);
                    break;
                case "citations":
                    Present(differences, key, Codes(value), plan.Citations.Select(c => c.Id));
                    break;
                case "messageContains":
                    var messages = Messages(plan).ToList();
                    foreach (var fragment in Codes(value).Where(f => !messages.Any(m => m.Contains(f, StringComparison.Ordinal))))
                    {
                        differences.Add($"messageContains: no message contains \"{fragment}\"");
                    }

                    break;
                case "messageNotContains":
                    var written = Messages(plan).ToList();
                    foreach (var fragment in Codes(value).Where(f => written.Any(m => m.Contains(f, StringComparison.Ordinal))))
                    {
                        differences.Add($"messageNotContains: a message contains \"{fragment}\"");
                    }

                    break;
                case "nextFollowUp":
                    var expected = value.Type == JTokenType.Null ? "null" : Text(value);
                    Same(differences, key, expected, plan.NextFollowUp is { } date ? LocalDatePattern.Iso.Format(date) : "null");
                    break;
                case "firstInstalmentDue":
                    // One date, or a list of the dates that would each be acceptable, for the instalment plan's first payment.
                    var plans = plan.Requests.Where(r => r.Type == RequestType.InstalmentPlan).ToList();
                    OneOf(differences, key, value, plans.Count == 0 ? "(no instalment plan among the requests)"
                        : plans[0].Terms.FirstInstalmentDue is { } firstDue ? LocalDatePattern.Iso.Format(firstDue) : "(no first instalment date)");
                    break;
            }
        }

        return differences;
    }

    private static IEnumerable<string> Messages(NegotiationPlan plan) =>
        plan.Decision.Reasons.Select(r => r.Message)
            .Concat(plan.Requests.SelectMany(r => r.Caveats.Prepend(r.Rationale)))
            .Concat(plan.Materials.SelectMany(m => m.Tips.Prepend(m.Why)))
            .Concat(plan.Communication.Points.Select(p => p.Message))
            .Concat(plan.Communication.Opening is { } opening ? [opening] : [])
            .Concat(plan.Watchpoints.Select(w => w.Message))
            .Concat(plan.Warnings.Select(w => w.Message))
            .Concat(plan.Remedies.Select(r => r.Message));

    private static void Same(List<string> differences, string key, string expected, string actual)
    {
        if (expected != actual)
        {
            differences.Add($"{key}: expected {expected}, got {actual}");
        }
    }

    /// <summary>The expectation is one value, or a list of values any of which is acceptable.</summary>
    private static void OneOf(List<string> differences, string key, JToken value, string actual)
    {
        if (!Codes(value).Contains(actual))
        {
            differences.Add($"{key}: expected {(value is JArray ? "one of " : "")}{string.Join(", ", Codes(value))}, got {actual}");
        }
    }

    private static void Present(List<string> differences, string key, IReadOnlyList<string> expected, IEnumerable<string> actual)
    {
        var have = actual.ToList();
        var missing = expected.Where(e => !have.Contains(e)).ToList();
        if (missing.Count > 0)
        {
            differences.Add($"{key}: missing {string.Join(", ", missing)}; the plan has [{string.Join(", ", have)}]");
        }
    }

    /// <summary>With <c>true</c>, the plan must hold none of the <paramref name="what"/>; <c>false</c> asks nothing.</summary>
    private static void Empty(List<string> differences, string key, JToken value, string what, IEnumerable<string> actual)
    {
        var found = actual.ToList();
        if (value.Type == JTokenType.Boolean && (bool)value! && found.Count > 0)
        {
            differences.Add($"{key}: expected no {what}, the plan has {string.Join(", ", found)}");
        }
    }

    private static void Absent(List<string> differences, string key, IReadOnlyList<string> forbidden, IEnumerable<string> actual)
    {
        var found = actual.Where(forbidden.Contains).ToList();
        if (found.Count > 0)
        {
            differences.Add($"{key}: the plan has {string.Join(", ", found)}");
        }
    }

    private static void InOrder(List<string> differences, string key, IReadOnlyList<string> expected, List<string> actual)
    {
        var position = 0;
        foreach (var item in actual)
        {
            if (position < expected.Count && item == expected[position])
            {
                position++;
            }
        }

        if (position < expected.Count)
        {
            differences.Add($"{key}: expected [{string.Join(", ", expected)}] in this order, got [{string.Join(", ", actual)}]");
        }
    }

    private static string Text(JToken token) => token.Type == JTokenType.String ? (string)token! : token.ToString(Formatting.None);

    private static IReadOnlyList<string> Codes(JToken token) =>
        token is JArray array ? array.Select(Text).ToArray() : [Text(token)];

    private static void Unknown(JObject obj, string[] known, string where, List<string> problems)
    {
        foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name)))
        {
            var near = NameSuggestions.Nearest(property.Name, known);
            problems.Add($"unknown key '{Shorten(property.Name)}' in {where}{(near is null ? "" : $"; did you mean '{near}'?")}");
        }
    }

    /// <summary>Reads a file of the scenario's tree up to <paramref name="limit"/>; <paramref name="shown"/> names it in messages.</summary>
    private static string ReadText(FileTree tree, string path, string shown, int limit)
    {
        string text;
        try
        {
            var entry = tree.Check(path, out var file);
            text = entry == TreeEntry.Regular
                ? BoundedText.ReadFile(file, limit)
                : throw new ScenarioException($"{shown}: {FileTree.Refusal(entry, "the scenario's folder")}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException($"{shown}: cannot read the file: {e.Message}");
        }

        return text.Length <= limit ? text : throw new ScenarioException($"{shown}: {InputLimits.TooLong("the file", limit)}");
    }

    /// <summary>A name from the file as a message quotes it: whole up to 100 characters, never the whole of a huge one.</summary>
    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}

/// <summary>Thrown when a scenario file cannot be used; the message names the file and what is wrong.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, starting with the file.</param>
    public ScenarioException(string message)
        : base(message)
    {
    }
}
