using System.Collections.Frozen;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.Messages;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Negotiation.Core.RuleSets.Loading;

/// <summary>The manifest, <c>ruleset.json</c>, as read.</summary>
internal sealed record Manifest(
    string Id,
    string Version,
    LocalDate EffectiveFrom,
    string Jurisdiction,
    string Currency,
    IReadOnlyList<string> Languages,
    FrozenDictionary<string, decimal> Parameters,
    IReadOnlyList<string> Workflows,
    string? Description,
    IReadOnlyList<string> RequestOrder)
{
    /// <summary>The named conditions every workflow sees (<c>"conditions"</c>, each <c>{ "Name", "Expression" }</c> as in a workflow's GlobalParams), unread.</summary>
    public Newtonsoft.Json.Linq.JToken? Conditions { get; init; }

    /// <summary>What the remedy channels the rules name are called, by code and language (<c>"channels"</c>); empty when none is named.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Channels { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>
    /// How the budget is grouped for the borrower and the lender (<c>"budgetGroups"</c>): each group's name by language and
    /// the expense categories it holds, every category in exactly one; empty for the essential/flexible split.
    /// </summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Name, IReadOnlyList<ExpenseCategory> Categories)> BudgetGroups { get; init; } = [];

    /// <summary>The regions a case may name (<c>"regions"</c>), or null when the rule set does not distinguish regions.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>The asset-tier bands by lender kind, <c>default</c> for the others (<c>"assetTiers"</c>); empty when the set classifies none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AssetTierBand>> AssetTiers { get; init; } = new Dictionary<string, IReadOnlyList<AssetTierBand>>();

    /// <summary>
    /// Text that several messages share (<c>"phrases"</c>), by name and language; a message writes <c>{phrases.name}</c> and
    /// reads as if the phrase were written there. Empty when the set has none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Phrases { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
}

/// <summary>A parameter the library itself reads, with the range that makes sense for it.</summary>
internal sealed record LibraryParameter(string Name, decimal Min, decimal Max, bool Whole, string Meaning);

internal static partial class ManifestReader
{
    public const string FileName = "ruleset.json";

    private static readonly string[] Known =
        ["$schema", "id", "version", "effectiveFrom", "jurisdiction", "currency", "languages", "parameters", "workflows", "description", "requestOrder", "conditions", "regions", "assetTiers", "channels", "budgetGroups", "phrases"];

    /// <summary>
    /// The order of concessions, smallest first, when a rule set does not give its own: the source's principle, ask for no
    /// more than the gap needs and for what costs the credit record least.
    /// </summary>
    public static IReadOnlyList<string> DefaultRequestOrder { get; } = ["extension", "fee-waiver", "instalment-plan", "interest-relief", "token-payments", "principal-reduction"];

    /// <summary>The parameters every rule set must define, because the calculators and the plan use them.</summary>
    public static IReadOnlyList<LibraryParameter> Required { get; } =
    [
        new("gracePeriodDays", 0, 90, true, "grace days after a due date when the case does not state its own"),
        new("maxExtensionDays", 1, 365, true, "the longest extension to ask for, in days"),
        new("maxInstalmentMonths", 1, 600, true, "the longest instalment plan to propose, in months"),
        new("affordableShare", 0, 1, false, "the share of income left after essentials and other debts that may go to this debt"),
        new("aprRedFlag", 0, 10, false, "the annual rate above which the cost is flagged as excessive"),
        // From 1: the credit-record calculator (CreditRecord.ExpectedClearDate) refuses 0 years.
        new("negativeRecordYears", 1, 50, true, "years a negative credit record is kept after the overdue ends"),
        new("complaintResponseDays", 1, 365, true, "days within which the lender should answer a complaint"),
        new("followUpDays", 1, 365, true, "days after which to follow up an unanswered request"),
        new("unstableIncomeShare", 0, 1, false, "the share of unstable income (gig work, commissions, family help) counted in the sustainable capacity"),
        new("shortTermMonths", 1, 60, true, "the longest hardship, in months, that counts as short-term: an extension can bridge it"),
        new("reliefAnnualRate", 0, 10, false, "the annual rate interest relief asks for (0 % only where a long-term hardship needs interest stopped)"),
    ];

    /// <summary>Parameters the library reads when a rule set gives them, with their ranges; left out, the library does without.</summary>
    public static IReadOnlyList<LibraryParameter> Optional { get; } =
    [
        new("maxBridgeMonths", 0, 12, true, "the longest short-term hardship, in months, that an extension may run to the end of, moving the instalments falling due meanwhile (0 or left out: never beyond maxExtensionDays); a hardship up to this long is short-term when the case shows the budget after it meeting the regular instalment"),
        new("maxDeferralMonths", 0, 12, true, "the most whole months an extension may run, the regular instalments being paid meanwhile, for the monthly surplus to cover what is due when maxExtensionDays leaves it short (0, 1 or left out: never beyond maxExtensionDays)"),
        new("catchUpUpToDays", 0, 100_000, true, "the longest arrears, in days past due, that an instalment plan may catch up on top of the regular instalments, while no termination notice or passed default deadline says the agreement has ended (0 or left out: a plan always re-spreads the whole debt)"),
        new("feesFirstUpToDays", 0, 100_000, true, "the last day past due on which a payment goes to fees and interest first"),
        new("tokenPayment", 0, 1_000_000, false, "the monthly token payment a token-payments request offers at least (what the budget sustains when that is more)"),
        new("tokenPaymentMonths", 1, 60, true, "how many months a token-payments request asks for"),
        new("dueBeforePaydayDays", 0, 31, true, "the most days a due date may fall before payday for an extension to pay what is due from that pay and ask for the due date to move after it, where the next instalment would otherwise fall due before the following pay (0 or left out: never; rules may also read it)"),
        new("planLeadDays", 0, 31, true, "the fewest days from today to an instalment plan's first payment, which falls on the first payday at least that far off (left out: the first payday a month or more away; without a payday, a month from today)"),
        new("hcstcTotalCostCap", 0, 10, false, "the most that interest and charges on high-cost short-term credit may come to in all, as a share of the amount borrowed (1: never more than was borrowed); plans, extensions and interest relief count interest only up to it (left out: no cap)"),
    ];

    public static Manifest? Read(string? text, ProblemList problems)
    {
        var checks = new JsonChecks(problems, FileName);
        if (text is null)
        {
            problems.Add(FileName, null, null, "the rule set has no manifest (ruleset.json)");
            return null;
        }

        // A file that could not be parsed has its problem already; "must be an object" would only repeat it.
        if (JsonSource.Parse(FileName, text, problems) is not { } parsed || checks.Object(parsed, "the manifest") is not { } root)
        {
            return null;
        }

        checks.KnownOnly(root, Known, "the manifest");
        var id = checks.Code(root, "id", required: true);
        var version = checks.String(root, "version", required: true, maxLength: 40);
        var effectiveFrom = checks.Date(root, "effectiveFrom", required: true);
        var jurisdiction = checks.String(root, "jurisdiction", required: true, maxLength: 20);
        var description = checks.String(root, "description", required: false, maxLength: 2000);
        var currency = checks.String(root, "currency", required: true, maxLength: 3);
        if (currency is not null && !Currencies.TryGetMinorUnit(currency, out _))
        {
            checks.Problem(root["currency"], $"'{currency}' is not a supported ISO 4217 currency code");
            currency = null;
        }

        var languages = checks.StringList(root, "languages", required: true, (language, at) =>
        {
            if (Language.IsSupported(language))
            {
                return true;
            }

            checks.Problem(at, $"language '{language}' is not supported; use {string.Join(", ", Language.Supported)}");
            return false;
        });
        if (languages is { Count: 0 })
        {
            checks.Problem(root["languages"], "'languages' must name at least one language");
        }

        var workflows = checks.StringList(root, "workflows", required: true, (name, at) =>
        {
            if (JsonChecks.KebabCode().IsMatch(name))
            {
                return true;
            }

            checks.Problem(at, $"workflow name {JsonChecks.Shown(name)} must be a kebab-case code; its file is '<name>.json'");
            return false;
        });
        if (workflows is { Count: 0 })
        {
            checks.Problem(root["workflows"], "'workflows' must name at least one workflow");
        }

        var parameters = ReadParameters(root, checks);
        var requestOrder = root["requestOrder"] is null ? DefaultRequestOrder : checks.StringList(root, "requestOrder", required: false, (type, at) =>
        {
            if (DefaultRequestOrder.Contains(type))
            {
                return true;
            }

            checks.Problem(at, $"'{type}' is not a request type; use {string.Join(", ", DefaultRequestOrder)}");
            return false;
        });
        // The types a set leaves out rank after those it names, in the default order: a new request type needs no edit of older sets.
        requestOrder = requestOrder?.Concat(DefaultRequestOrder.Where(t => !requestOrder.Contains(t))).ToArray();
        var regions = root["regions"] is null ? null : checks.StringList(root, "regions", required: false, (region, at) =>
        {
            if (JsonChecks.KebabCode().IsMatch(region))
            {
                return true;
            }

            checks.Problem(at, $"region {JsonChecks.Shown(region)} must be a kebab-case code, as cases spell it (e.g. england-wales)");
            return false;
        });
        var tiers = ReadAssetTiers(root, checks);
        var channels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (root["channels"] is not null && checks.Object(root["channels"], "'channels'") is { } named && languages is not null)
        {
            foreach (var channel in named.Properties())
            {
                if (!JsonChecks.KebabCode().IsMatch(channel.Name))
                {
                    checks.Problem(channel, $"channel {JsonChecks.Shown(channel.Name)} must be a kebab-case code, as remedies name it");
                }
                else if (checks.Localized(channel.Value, $"the name of channel '{channel.Name}'", languages, maxLength: 200) is { } name)
                {
                    channels[channel.Name] = name;
                }
            }
        }

        if (problems.Count > 0 || id is null || version is null || effectiveFrom is null || jurisdiction is null || currency is null ||
            languages is null || workflows is null || parameters is null || requestOrder is null)
        {
            return null;
        }

        return new Manifest(id, version, effectiveFrom.Value, jurisdiction, currency, languages, parameters, workflows, description, requestOrder)
        {
            Conditions = root["conditions"], Regions = regions, AssetTiers = tiers, Channels = channels,
            BudgetGroups = ReadBudgetGroups(root, checks, languages), Phrases = ReadPhrases(root, checks, languages),
        };
    }

    /// <summary>
    /// Reads <c>"phrases"</c>: <c>{ name: { language: text } }</c>. Each text is checked as a message on its own (its sections
    /// close inside it), so that a message that names it stays well formed; a phrase may not name another phrase. Its
    /// placeholders are checked where a message names it, against that rule's kind.
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> ReadPhrases(JObject root, JsonChecks checks, IReadOnlyList<string> languages)
    {
        var phrases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (root["phrases"] is null || checks.Object(root["phrases"], "'phrases'") is not { } named)
        {
            return phrases;
        }

        foreach (var phrase in named.Properties())
        {
            if (!PhraseName().IsMatch(phrase.Name))
            {
                checks.Problem(phrase, $"phrase {JsonChecks.Shown(phrase.Name)} must be a camelCase name (letters and digits), as messages write it: {{phrases.name}}");
                continue;
            }

            if (checks.Localized(phrase.Value, $"phrase '{phrase.Name}'", languages) is not { } texts)
            {
                continue;
            }

            var valid = true;
            foreach (var (language, text) in texts)
            {
                var template = MessageTemplate.Parse(text, out var error);
                var nested = template.Placeholders.FirstOrDefault(p => p.Scope == PhraseScope);
                if (error is not null || nested is not null)
                {
                    checks.Problem(phrase.Value[language], error is not null
                        ? $"phrase '{phrase.Name}' in '{language}': {error}"
                        : $"phrase '{phrase.Name}' in '{language}' names {nested!.Text}; a phrase may not name another phrase");
                    valid = false;
                }
            }

            if (valid)
            {
                phrases[phrase.Name] = texts;
            }
        }

        return phrases;
    }

    /// <summary>The scope of a placeholder that names a phrase: <c>{phrases.name}</c>.</summary>
    public const string PhraseScope = "phrases";

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial System.Text.RegularExpressions.Regex PhraseName();

    /// <summary>Reads <c>"budgetGroups"</c>: <c>[{ "name": { language: text }, "categories": [ … ] }]</c>, every expense category in exactly one group.</summary>
    private static List<(IReadOnlyDictionary<string, string>, IReadOnlyList<ExpenseCategory>)> ReadBudgetGroups(JObject root, JsonChecks checks, IReadOnlyList<string> languages)
    {
        var groups = new List<(IReadOnlyDictionary<string, string>, IReadOnlyList<ExpenseCategory>)>();
        if (root["budgetGroups"] is null)
        {
            return groups;
        }

        if (root["budgetGroups"] is not JArray list)
        {
            checks.Problem(root["budgetGroups"], "'budgetGroups' must be a list of { \"name\", \"categories\" }");
            return groups;
        }

        var byName = Enum.GetValues<ExpenseCategory>().ToDictionary(c => EnumNames.Of(c), c => c, StringComparer.Ordinal);
        var seen = new HashSet<ExpenseCategory>();
        foreach (var item in list)
        {
            if (checks.Object(item, "a budget group") is not { } group)
            {
                continue;
            }

            checks.KnownOnly(group, ["name", "categories"], "a budget group");
            var name = checks.Localized(group["name"], "a budget group's name", languages, maxLength: 100);
            var categories = checks.StringList(group, "categories", required: true, (category, at) =>
            {
                if (!byName.TryGetValue(category, out var known))
                {
                    checks.Problem(at, $"'{category}' is not an expense category; use {string.Join(", ", byName.Keys)}");
                    return false;
                }

                if (!seen.Add(known))
                {
                    checks.Problem(at, $"expense category '{category}' is in two budget groups");
                    return false;
                }

                return true;
            });
            if (name is not null && categories is not null)
            {
                groups.Add((name, categories.Select(c => byName[c]).ToArray()));
            }
        }

        if (groups.Count > 0 && seen.Count < byName.Count)
        {
            checks.Problem(root["budgetGroups"], $"every expense category must be in a budget group; missing: {string.Join(", ", byName.Where(c => !seen.Contains(c.Value)).Select(c => c.Key))}");
        }

        return groups;
    }

    /// <summary>
    /// Reads <c>"assetTiers"</c>: for a lender kind (or <c>default</c>), the bands of days past due that make each tier, e.g.
    /// <c>{ "tier": "substandard", "fromDays": 91, "toDays": 120 }</c>, in order and without overlaps.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<AssetTierBand>> ReadAssetTiers(JObject root, JsonChecks checks)
    {
        var tiers = new Dictionary<string, IReadOnlyList<AssetTierBand>>(StringComparer.Ordinal);
        if (root["assetTiers"] is null || checks.Object(root["assetTiers"], "'assetTiers'") is not { } obj)
        {
            return tiers;
        }

        var kinds = Enum.GetValues<LenderKind>().Select(k => EnumNames.Of(k)).Append("default").ToArray();
        var tierNames = Enum.GetValues<AssetTier>().ToDictionary(t => EnumNames.Of(t), t => t, StringComparer.Ordinal);
        foreach (var property in obj.Properties())
        {
            if (!kinds.Contains(property.Name))
            {
                checks.Problem(property, $"'{property.Name}' is not a lender kind; use {string.Join(", ", kinds)}");
                continue;
            }

            if (property.Value is not JArray list)
            {
                checks.Problem(property.Value, $"the asset tiers of '{property.Name}' must be a list of bands");
                continue;
            }

            var bands = new List<AssetTierBand>();
            foreach (var item in list)
            {
                if (checks.Object(item, "a band") is not { } band)
                {
                    continue;
                }

                checks.KnownOnly(band, ["tier", "fromDays", "toDays"], "a band");
                var tier = checks.OneOf(band, "tier", tierNames.Keys.ToArray(), required: true);
                var from = checks.Integer(band, "fromDays", required: true, 0, 100_000);
                var to = checks.Integer(band, "toDays", required: false, 0, 100_000);
                if (tier is null || from is null)
                {
                    continue;
                }

                if (to < from || (bands.Count > 0 && (bands[^1].ToDays is not { } last || from <= last)))
                {
                    checks.Problem(band, "bands must run in order of days without overlapping: each starts after the one before it ends, and ends (toDays) no earlier than it starts");
                    continue;
                }

                bands.Add(new AssetTierBand(tierNames[tier], from.Value, to));
            }

            tiers[property.Name] = bands;
        }

        return tiers;
    }

    private static FrozenDictionary<string, decimal>? ReadParameters(JObject root, JsonChecks checks)
    {
        if (checks.Object(root["parameters"], "'parameters'") is not { } obj)
        {
            return null;
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);

        // Expressions name parameters ignoring case (params.FOLLOWUPDAYS), so two names that differ only in case would make
        // every read of either ambiguous: the parser would throw AmbiguousMatchException instead of reporting a problem.
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.Properties())
        {
            if (!JsonChecks.CamelName().IsMatch(property.Name))
            {
                checks.Problem(property, $"parameter name {JsonChecks.Shown(property.Name)} must be camelCase letters and digits, starting with a lower-case letter");
            }
            else if (!seen.TryAdd(property.Name, property.Name))
            {
                checks.Problem(property, $"parameter '{property.Name}' differs from '{seen[property.Name]}' only in case; expressions name parameters ignoring case, so each name must differ from the others in more than case");
            }
            else if (property.Value.Type is not (JTokenType.Integer or JTokenType.Float))
            {
                checks.Problem(property.Value, $"parameter '{property.Name}' must be a number");
            }
            else if (!JsonChecks.TryDecimal(property.Value, out var value))
            {
                checks.Problem(property.Value, $"parameter '{property.Name}' is too large a number");
            }
            else
            {
                values[property.Name] = value;
            }
        }

        foreach (var (parameter, required) in Required.Select(p => (p, true)).Concat(Optional.Select(p => (p, false))))
        {
            if (!values.TryGetValue(parameter.Name, out var value))
            {
                if (required)
                {
                    checks.Problem(obj, $"parameter '{parameter.Name}' is required: {parameter.Meaning}");
                }
            }
            else if (value < parameter.Min || value > parameter.Max || (parameter.Whole && decimal.Truncate(value) != value))
            {
                checks.Problem(obj[parameter.Name], $"parameter '{parameter.Name}' must be {(parameter.Whole ? "a whole number" : "a number")} from {JsonChecks.Number(parameter.Min)} to {JsonChecks.Number(parameter.Max)} ({parameter.Meaning})");
            }
        }

        return values.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
