using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using Negotiation.Core.Inputs;
using Negotiation.Core.RuleSets.Evaluation;
using Negotiation.Core.RuleSets.Loading;
using NodaTime;

namespace Negotiation.Core.RuleSets;

/// <summary>
/// A validated, compiled rule set: the manifest's parameters, the citations, and the workflows (RulesEngine's
/// workflow format and expression language, compiled by the library) that turn a case into advice. Load one with <see cref="FromDirectory(string)"/> or
/// <see cref="FromStreams(IReadOnlyDictionary{string, Stream})"/>, or use the embedded <see cref="Default"/>.
/// </summary>
/// <remarks>
/// Loading checks everything (see <see cref="RuleSetValidationException"/>), guards every expression against
/// an allow-list, and compiles every rule, so a broken rule fails at start-up, not at the first borrower who
/// reaches it. A loaded set is immutable and thread-safe; load it once and share it.
/// </remarks>
public sealed class RuleSet
{
    /// <summary>The id of the embedded rule set <see cref="Default"/> loads.</summary>
    private const string DefaultId = "cn-consumer-credit";

    private const string ResourcePrefix = "Negotiation.Core.Rules.";

    // Each embedded set is loaded once, on first use, and shared.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<RuleSet>> EmbeddedSets = new(StringComparer.Ordinal);

    private readonly Manifest manifest;
    private readonly FrozenDictionary<string, Citation> citationsById;

    internal RuleSet(Manifest manifest, IReadOnlyList<Citation> citations, IReadOnlyList<RuleSpec> rules, RuleEvaluator evaluator)
    {
        this.manifest = manifest;
        Citations = citations;
        citationsById = citations.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        Rules = rules;
        Evaluator = evaluator;
    }

    /// <summary>Gets the embedded default rule set, <c>cn-consumer-credit</c>, loaded once on first use (<see cref="Embedded(string)"/> with its id).</summary>
    /// <exception cref="RuleSetValidationException">Never for a released package: its tests load the same files.</exception>
    public static RuleSet Default => Embedded(DefaultId);

    /// <summary>Gets the ids of the rule sets embedded in the library, e.g. <c>cn-consumer-credit</c> and <c>uk-consumer-credit</c>, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedIds { get; } = typeof(RuleSet).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith("." + ManifestReader.FileName, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^(ManifestReader.FileName.Length + 1)])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Gets an embedded rule set by its id, loaded once on first use and shared.</summary>
    /// <param name="id">One of <see cref="EmbeddedIds"/>.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">No rule set with that id is embedded; the message lists those that are.</exception>
    public static RuleSet Embedded(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!EmbeddedIds.Contains(id, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No rule set '{id}' is embedded; the embedded ones are {string.Join(", ", EmbeddedIds)}.", nameof(id));
        }

        return EmbeddedSets.GetOrAdd(id, key => new Lazy<RuleSet>(() => LoadEmbedded(key), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Gets the rule set's identifier, e.g. <c>cn-consumer-credit</c>.</summary>
    public string Id => manifest.Id;

    /// <summary>Gets the rule set's version.</summary>
    public string Version => manifest.Version;

    /// <summary>Gets the first day the rule set applies to.</summary>
    public LocalDate EffectiveFrom => manifest.EffectiveFrom;

    /// <summary>Gets the jurisdiction the rules are written for, e.g. <c>CN</c>.</summary>
    public string Jurisdiction => manifest.Jurisdiction;

    /// <summary>Gets the ISO 4217 currency the rule set's amounts are in.</summary>
    public string Currency => manifest.Currency;

    /// <summary>Gets the languages every message is written in; the first is the default.</summary>
    public IReadOnlyList<string> Languages => manifest.Languages;

    /// <summary>
    /// Finds the language the rule set writes for <paramref name="requested"/>: the same tag (in any case), or else the first
    /// of <see cref="Languages"/> with the same primary language, so that <c>en</c> gives <c>en-GB</c> in a set written in
    /// British English and <c>en-GB</c> gives <c>en</c> in one written in <c>en</c>.
    /// </summary>
    /// <param name="requested">A BCP 47 language tag, such as <c>zh-CN</c>, <c>en</c> or <c>en-GB</c>.</param>
    /// <returns>One of <see cref="Languages"/>, or null when the rule set is written in no form of that language.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requested"/> is null.</exception>
    public string? LanguageFor(string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        foreach (var language in Languages)
        {
            if (string.Equals(language, requested, StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        var primary = Primary(requested);
        foreach (var language in Languages)
        {
            if (primary.Equals(Primary(language), StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        return null;

        static ReadOnlySpan<char> Primary(string tag) => tag.AsSpan(0, tag.IndexOf('-') is var dash and >= 0 ? dash : tag.Length);
    }

    /// <summary>Gets the regions a case may name (<c>england-wales</c> …), or null when the rule set does not distinguish regions.</summary>
    public IReadOnlyList<string>? Regions => manifest.Regions;

    /// <summary>The budget's groups in a language, as the manifest's <c>budgetGroups</c> gives them; empty when it gives none.</summary>
    internal IReadOnlyList<(string Name, IReadOnlyList<Cases.ExpenseCategory> Categories)> BudgetGroups(string language) =>
        manifest.BudgetGroups.Select(g => (g.Name[language], g.Categories)).ToArray();

    /// <summary>What a remedy channel is called in a language, as the manifest's <c>channels</c> names it; null when it does not.</summary>
    internal string? ChannelName(string channel, string language) =>
        manifest.Channels.TryGetValue(channel, out var names) && names.TryGetValue(language, out var name) ? name : null;

    /// <summary>The asset-tier bands by lender kind, with <c>default</c> for the others; empty when the set classifies none.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<Calculators.AssetTierBand>> AssetTiers => manifest.AssetTiers;

    /// <summary>Gets the manifest's parameters by name (expressions read them as <c>params.name</c>).</summary>
    public IReadOnlyDictionary<string, decimal> Parameters => manifest.Parameters;

    /// <summary>
    /// Gets the order of concessions, smallest first, by which requests that close the gap are ranked (the manifest's
    /// <c>requestOrder</c>, or extension, fee waiver, instalment plan, interest relief, principal reduction).
    /// </summary>
    public IReadOnlyList<string> RequestOrder => manifest.RequestOrder;

    /// <summary>Gets the clauses and sources the rules cite.</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>Gets the workflow names in evaluation order.</summary>
    public IReadOnlyList<string> Workflows => manifest.Workflows;

    /// <summary>Gets the number of top-level rules.</summary>
    public int RuleCount => Rules.Count;

    internal IReadOnlyList<RuleSpec> Rules { get; }

    internal RuleEvaluator Evaluator { get; }

    /// <summary>Each top-level rule as written, by name, for explanations.</summary>
    internal IReadOnlyDictionary<string, Explaining.RuleSource> Sources { get; init; } = new Dictionary<string, Explaining.RuleSource>();

    /// <summary>The inputs the expressions were parsed over, and the named conditions; explanations parse parts over the same.</summary>
    internal RuleInputs Inputs { get; init; } = null!;

    /// <summary>Loads and validates the rule set in a folder: <c>ruleset.json</c>, <c>citations.json</c> and one file per workflow.</summary>
    /// <param name="path">
    /// The folder. Sub-folders (scenarios, examples) are not part of the set and are not read. Only regular files inside the
    /// folder's tree are read, each up to 2 MiB: a link is followed only when it stays inside, and a pipe, socket or device
    /// is refused without being opened.
    /// </param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="RuleSetValidationException">The folder cannot be read, one of its files may not be read, or the set is invalid; every problem is listed.</exception>
    public static RuleSet FromDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            throw new RuleSetValidationException([new RuleSetProblem { File = path, Message = "is not a folder that can be read" }]);
        }

        string[] names;
        FileTree tree;
        try
        {
            names = Directory.GetFiles(path, "*.json").Select(f => Path.GetFileName(f)!).ToArray();
            tree = FileTree.Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleSetValidationException([new RuleSetProblem { File = path, Message = "cannot list the folder: " + e.Message }]);
        }

        // Only regular files inside the folder's tree are read: a link that leads outside, or a pipe named like a workflow, is refused.
        return RuleSetLoader.Load(new RuleSetSource(names, name =>
        {
            try
            {
                return tree.Check(name, out var file) switch
                {
                    TreeEntry.Missing => null,
                    TreeEntry.Regular => BoundedText.ReadFile(file, JsonSource.MaxFileLength),
                    var refused => throw new RuleSetValidationException([new RuleSetProblem { File = name, Message = FileTree.Refusal(refused, "the rule set's folder") }]),
                };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RuleSetValidationException([new RuleSetProblem { File = name, Message = "cannot read the file: " + e.Message }]);
            }
        }));
    }

    /// <summary>Loads and validates a rule set from streams keyed by file name (<c>ruleset.json</c>, <c>citations.json</c>, <c>requests.json</c> …), e.g. rules kept in a database.</summary>
    /// <param name="files">The files; each stream is read to its end as UTF-8 and left open.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    /// <exception cref="RuleSetValidationException">The set is invalid; every problem is listed.</exception>
    public static RuleSet FromStreams(IReadOnlyDictionary<string, Stream> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var texts = files.ToDictionary(f => f.Key, f => ReadStream(f.Key, f.Value), StringComparer.Ordinal);
        return RuleSetLoader.Load(new RuleSetSource(texts.Keys, name => texts.GetValueOrDefault(name)));
    }

    private static string ReadStream(string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream, name);
        try
        {
            using var reader = new StreamReader(stream, leaveOpen: true);
            return JsonSource.ReadBounded(reader);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or DecoderFallbackException)
        {
            throw new RuleSetValidationException([new RuleSetProblem { File = name, Message = "cannot read the stream: " + e.Message }]);
        }
    }

    /// <summary>Finds a citation by its id.</summary>
    /// <param name="id">The citation's id.</param>
    /// <returns>The citation, or null when the set has none with that id.</returns>
    public Citation? FindCitation(string id) => citationsById.GetValueOrDefault(id);

    private static RuleSet LoadEmbedded(string id)
    {
        var assembly = typeof(RuleSet).Assembly;
        var prefix = ResourcePrefix + id + ".";
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..], n => n, StringComparer.Ordinal);
        return RuleSetLoader.Load(new RuleSetSource(names.Keys, name =>
        {
            if (!names.TryGetValue(name, out var resource))
            {
                return null;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            return new StreamReader(stream).ReadToEnd();
        }));
    }
}
