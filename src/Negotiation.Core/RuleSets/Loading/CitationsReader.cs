using Negotiation.Core.Cases;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>Reads <c>citations.json</c>: the clauses rules may cite.</summary>
internal static class CitationsReader
{
    public const string FileName = "citations.json";

    private static readonly string[] KnownRoot = ["$schema", "citations"];

    private static readonly string[] KnownCitation = ["id", "title", "source", "summary", "certainty", "bindsLenderKinds"];

    private static readonly string[] Certainties = Enum.GetValues<Certainty>().Select(c => EnumNames.Of(c)).ToArray();

    private static readonly string[] LenderKinds = Enum.GetValues<Cases.LenderKind>().Select(k => EnumNames.Of(k)).ToArray();

    public static IReadOnlyList<Citation> Read(string? text, IReadOnlyList<string> languages, ProblemList problems)
    {
        var checks = new JsonChecks(problems, FileName);
        if (text is null)
        {
            problems.Add(FileName, null, null, "the rule set has no citations.json (write { \"citations\": [] } if it cites nothing)");
            return [];
        }

        // A file that could not be parsed has its problem already; "must be an object" would only repeat it.
        if (JsonSource.Parse(FileName, text, problems) is not { } parsed || checks.Object(parsed, "citations.json") is not { } root)
        {
            return [];
        }

        checks.KnownOnly(root, KnownRoot, "citations.json");
        if (root["citations"] is not JArray list)
        {
            checks.Problem(root, "'citations' must be a list");
            return [];
        }

        var citations = new List<Citation>();
        foreach (var item in list)
        {
            if (checks.Object(item, "a citation") is not { } obj)
            {
                continue;
            }

            checks.KnownOnly(obj, KnownCitation, "a citation");
            var id = checks.Code(obj, "id", required: true);
            var title = checks.Localized(obj["title"], $"citation '{id}' title", languages, 300);
            var source = checks.String(obj, "source", required: true, maxLength: 500);
            var summary = checks.Localized(obj["summary"], $"citation '{id}' summary", languages);
            var certainty = checks.OneOf(obj, "certainty", Certainties, required: true);
            var binds = checks.StringList(obj, "bindsLenderKinds", required: false, (kind, at) =>
            {
                if (LenderKinds.Contains(kind))
                {
                    return true;
                }

                checks.Problem(at, $"'{kind}' is not a lender kind; allowed: {string.Join(", ", LenderKinds)}");
                return false;
            }) ?? [];
            if (id is not null && citations.Any(c => c.Id == id))
            {
                checks.Problem(obj["id"], $"citation id '{id}' appears twice");
                continue;
            }

            if (id is null || title is null || source is null || summary is null || certainty is null)
            {
                continue;
            }

            citations.Add(new Citation
            {
                Id = id,
                Title = new LocalizedText(title),
                Source = source,
                Summary = new LocalizedText(summary),
                Certainty = Enum.Parse<Certainty>(certainty.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
                BindsLenderKinds = binds.Select(k => Enum.GetValues<Cases.LenderKind>().Single(v => EnumNames.Of(v) == k)).ToArray(),
            });
        }

        return citations;
    }
}
