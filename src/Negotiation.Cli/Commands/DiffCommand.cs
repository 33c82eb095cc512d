using System.CommandLine;
using System.Text;
using Negotiation.Cli.Input;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Inputs;
using Negotiation.Core.RuleSets;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiation diff &lt;cases.jsonl&gt; --rules OLD --against NEW</c>: advises every case under both rule sets and reports
/// the cases whose advice changed, each with the rules whose firing changed, then a summary; so that a rule change can be
/// reviewed before it ships.
/// </summary>
/// <remarks>
/// Lines are read as <c>batch</c> reads them (<see cref="JsonLinesReader"/>, each at most a case's length; blank lines
/// skipped). Exit code 0 when no case changed, 1 when one did or a line could not be compared, 2 for a usage error.
/// </remarks>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("cases") { Description = "A JSON Lines file: one case per line (lines end at LF), each at most 4 MiB. Blank lines are skipped." };
        var oldRules = new Option<string>("--rules") { Description = "The rule set folder before the change.", Required = true };
        var newRules = new Option<string>("--against") { Description = "The rule set folder after the change.", Required = true };
        var language = LanguageOption.Create("zh-CN, en or en-GB: a language both rule sets are written in; the old rule set's first when left out.");
        var command = new Command(
            "diff",
            "Advises every case under two rule sets and reports the cases whose outcome, ranked requests, materials, warnings, remedies " +
            "or other plan content changed, each with the rules whose firing changed, then a summary. Exit code 0 when nothing changed, 1 when something did.")
        {
            file, oldRules, newRules, language,
        };
        command.SetAction(parse =>
        {
            // Both sets are loaded, so that the problems of each are reported in one run.
            var before = RuleSetFiles.TryLoad(parse.GetValue(oldRules), stderr);
            var after = RuleSetFiles.TryLoad(parse.GetValue(newRules), stderr);
            if (before is null || after is null)
            {
                return ExitCodes.InvalidInput;
            }

            var lang = parse.GetValue(language) ?? before.Languages[0];
            if (before.LanguageFor(lang) is not { } beforeLang || after.LanguageFor(lang) != beforeLang)
            {
                stderr.WriteLine($"--lang: both rule sets must be written in '{lang}' (old: {string.Join(", ", before.Languages)}; new: {string.Join(", ", after.Languages)})");
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(file)!;
            if (JsonLinesReader.TryOpen(path, stderr) is not { } input)
            {
                return ExitCodes.InvalidInput;
            }

            using (input)
            {
                var summary = new PlanDiffSummary();
                var oldAdvisor = NegotiationAdvisor.Create(before);
                var newAdvisor = NegotiationAdvisor.Create(after);
                var lines = new JsonLinesReader(input, InputLimits.CaseLength);
                try
                {
                    while (lines.TryRead(out var line, out var text))
                    {
                        if (text is not null && string.IsNullOrWhiteSpace(text))
                        {
                            continue;
                        }

                        if (text is null)
                        {
                            summary.Failed++;
                            stderr.WriteLine($"{path}:{line}: {InputLimits.TooLong("the line", InputLimits.CaseLength)}; it was skipped");
                            continue;
                        }

                        try
                        {
                            var c = BorrowerCase.FromJson(text);
                            var change = PlanDiff.Compare(oldAdvisor.Advise(c, lang), newAdvisor.Advise(c, lang));
                            summary.Add(change);
                            if (change.Changed)
                            {
                                change.Write(stdout, line);
                            }
                        }
                        catch (CaseValidationException e)
                        {
                            summary.Failed++;
                            foreach (var problem in e.Problems)
                            {
                                stderr.WriteLine($"{path}:{line}: {problem}");
                            }
                        }
                    }
                }
                catch (Exception e) when (e is IOException or DecoderFallbackException)
                {
                    stderr.WriteLine($"{path}: cannot read the file: {e.Message}");
                    return ExitCodes.InvalidInput;
                }

                summary.Write(stdout, before, after);
                return summary.Changed == 0 && summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}

/// <summary>What changed in one case's plan between two rule sets.</summary>
internal sealed class PlanDiff
{
    private readonly List<(string Aspect, string Before, string After)> changes = [];
    private readonly List<string> firings = [];

    /// <summary>Gets the aspects that changed: outcome, requests, materials, warnings, remedies, other.</summary>
    public IEnumerable<string> Aspects => changes.Select(c => c.Aspect);

    /// <summary>Gets whether the plan changed.</summary>
    public bool Changed => changes.Count > 0;

    /// <summary>Compares the plans; their traces say which rules' firing changed.</summary>
    public static PlanDiff Compare(NegotiationPlan before, NegotiationPlan after)
    {
        var diff = new PlanDiff();
        diff.Aspect("outcome", EnumNames<Outcome>.Of(before.Decision.Outcome), EnumNames<Outcome>.Of(after.Decision.Outcome));
        diff.Aspect("requests", List(before.Requests.Select(r => EnumNames<RequestType>.Of(r.Type))), List(after.Requests.Select(r => EnumNames<RequestType>.Of(r.Type))));
        if (!diff.Aspects.Contains("requests") && !before.Requests.SequenceEqual(after.Requests))
        {
            diff.changes.Add(("requests", "same requests", "their terms or wording changed"));
        }

        diff.Aspect("materials", List(before.Materials.Select(Material)), List(after.Materials.Select(Material)));
        diff.Aspect("warnings", List(before.Warnings.Select(w => $"{w.Code} ({w.Severity})")), List(after.Warnings.Select(w => $"{w.Code} ({w.Severity})")));
        diff.Aspect("remedies", List(before.Remedies.Select(r => r.Code)), List(after.Remedies.Select(r => r.Code)));
        // The rest of what the borrower reads; the assessment follows from the case and the parameters, and is not advice.
        var rest = new (string Part, bool Same)[]
        {
            ("reasons", before.Decision.Reasons.Equals(after.Decision.Reasons)),
            ("communication", before.Communication.Points.Equals(after.Communication.Points) && before.Communication.Opening == after.Communication.Opening),
            ("watchpoints", before.Watchpoints.Equals(after.Watchpoints)),
            ("follow-up", before.NextFollowUp == after.NextFollowUp),
            ("citations", before.Citations.Equals(after.Citations)),
            ("wording of the items above", diff.changes.Count > 0 || (before.Materials.Equals(after.Materials) && before.Warnings.Equals(after.Warnings) && before.Remedies.Equals(after.Remedies))),
        }.Where(p => !p.Same).Select(p => p.Part).ToList();
        if (rest.Count > 0)
        {
            diff.changes.Add(("other", string.Join(", ", rest), "changed"));
        }

        var old = before.Trace.ToDictionary(t => (t.Workflow, t.Rule), t => t.Success);
        var now = after.Trace.ToDictionary(t => (t.Workflow, t.Rule), t => t.Success);
        foreach (var rule in old.Keys.Union(now.Keys))
        {
            var (had, was) = (old.TryGetValue(rule, out var w), w);
            var (has, @is) = (now.TryGetValue(rule, out var i), i);
            if (had && has && was != @is)
            {
                diff.firings.Add($"{rule.Workflow}/{rule.Rule}: {(was ? "fired" : "not fired")} → {(@is ? "fired" : "not fired")}");
            }
            else if (had != has && (was || @is))
            {
                diff.firings.Add($"{rule.Workflow}/{rule.Rule}: {(had ? "fired, and is not in the new set" : "is new, and fired")}");
            }
        }

        return diff;
    }

    /// <summary>Writes the case's changes and the rules whose firing changed.</summary>
    public void Write(TextWriter output, long line)
    {
        output.WriteLine($"line {line}:");
        foreach (var (aspect, before, after) in changes)
        {
            output.WriteLine(aspect == "other" ? $"  other: {before} changed" : $"  {aspect}: {before} → {after}");
        }

        output.WriteLine(firings.Count == 0 ? "  rules whose firing changed: none" : "  rules whose firing changed:");
        foreach (var firing in firings)
        {
            output.WriteLine($"    {firing}");
        }
    }

    private void Aspect(string aspect, string before, string after)
    {
        if (before != after)
        {
            changes.Add((aspect, before, after));
        }
    }

    private static string Material(Material m) => m.Required ? m.Code + " (required)" : m.Code;

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}

/// <summary>The counts a diff ends with.</summary>
internal sealed class PlanDiffSummary
{
    private readonly Dictionary<string, int> byAspect = new(StringComparer.Ordinal);

    public int Compared { get; private set; }

    public int Changed { get; private set; }

    public int Failed { get; set; }

    public void Add(PlanDiff diff)
    {
        Compared++;
        if (diff.Changed)
        {
            Changed++;
        }

        foreach (var aspect in diff.Aspects.Distinct())
        {
            byAspect[aspect] = byAspect.GetValueOrDefault(aspect) + 1;
        }
    }

    public void Write(TextWriter output, RuleSet before, RuleSet after)
    {
        var aspects = new[] { "outcome", "requests", "materials", "warnings", "remedies", "other" }
            .Where(byAspect.ContainsKey).Select(a => $"{a} {byAspect[a]}");
        var detail = Changed == 0 ? "" : $" ({string.Join(", ", aspects)})";
        output.WriteLine(
            $"diff {before.Id} {before.Version} → {after.Id} {after.Version}: {Compared} cases compared, {Changed} changed{detail}, " +
            $"{Compared - Changed} unchanged{(Failed == 0 ? "" : $", {Failed} lines could not be compared")}");
    }
}
