using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;

namespace Negotiation.Core.Advice;

/// <summary>Builds the plan from the rules that fired: orders items, renders messages, computes request terms, adds caveats.</summary>
internal static class PlanAssembler
{
    /// <summary>The outcome when no fired reason names one.</summary>
    public const string DefaultOutcome = "negotiate";

    /// <summary>
    /// Gets whether an outcome asks the lender for something, so that the plan proposes requests and a follow-up date:
    /// negotiating, alone or with a free debt adviser.
    /// </summary>
    public static bool AsksLender(string outcome) => outcome is DefaultOutcome or "seek-debt-advice";

    public static NegotiationPlan Assemble(RuleSet rules, BorrowerCase c, Assessment facts, List<RuleFiring> firings, List<RankedRequest> ranked, string language)
    {
        var decimals = Currencies.TryGetMinorUnit(c.Currency, out var minor) ? minor : 2;
        facts = facts.Outcome.Length > 0 ? facts : facts with { Outcome = DefaultOutcome };
        var layout = PlanLayout.For(rules, language);
        var lender = c.Lender.Kind;

        // The rules that fired, in firing order, and by kind; each kind then in rank order (firing order among equals).
        var work = Work.Take();
        for (var i = 0; i < firings.Count; i++)
        {
            if (firings[i].Success)
            {
                var fired = new Fired(layout.Spec(firings[i].Spec, i), work.All.Count);
                work.All.Add(fired);
                work.OfKind[(int)fired.Spec.Spec.Kind].Add(fired);
            }
        }

        // Remedies keep the first of a code in firing order, not in rank order: take them before the kinds are sorted.
        var remedies = work.Remedies;
        DistinctByCode(work.OfKind[(int)RuleKind.Remedy], remedies);
        Sort(remedies, static (a, b) => a.Spec.Spec.Step != b.Spec.Spec.Step ? a.Spec.Spec.Step.CompareTo(b.Spec.Spec.Step) : ByRank(a, b));
        var remedyList = Scratch<Remedy>.Take();
        foreach (var r in remedies)
        {
            var channel = r.Spec.Spec.Channel;
            remedyList.Add(new Remedy
            {
                Step = r.Spec.Spec.Step,
                Code = r.Spec.Spec.Code,
                Message = r.Spec.Message(facts, null, decimals),
                Channel = channel,
                WaitDays = r.Spec.Spec.WaitDays,
                ChannelName = channel is null ? null : rules.ChannelName(channel, language),
            });
        }

        foreach (var kind in work.OfKind)
        {
            Sort(kind, ByRank);
        }

        // A reason that argues for another outcome than the one chosen is left out, unless both ask the lender for something:
        // its rule fired (the trace shows it), but a plan that says "put things right first" does not also say "negotiate
        // now", while one that sends the borrower to an adviser with requests to put keeps what a dispute needs.
        var outcome = facts.Outcome;
        var reasons = Scratch<Reason>.Take();
        foreach (var r in work.OfKind[(int)RuleKind.Reason])
        {
            if (r.Spec.Spec.Outcome is { } argues && argues != outcome && !(AsksLender(argues) && AsksLender(outcome)))
            {
                continue;
            }

            reasons.Add(new Reason { Code = r.Spec.Spec.Code, Message = r.Spec.Message(facts, null, decimals), Citations = r.Spec.Citations });
        }

        var decision = new Decision { Outcome = EnumNames<Outcome>.Parse(outcome), Reasons = Freeze(reasons) };

        // The requests as the ranking policy ordered them, each worded by its rule; the opening names the first one's terms.
        // A caveat shown under one request is not repeated under the next (one clause cited by two requests).
        var requests = Scratch<ProposedRequest>.Take();
        foreach (var r in ranked)
        {
            var spec = layout.Spec(r.Spec, r.Firing);
            requests.Add(new ProposedRequest
            {
                Rank = requests.Count + 1,
                Type = spec.RequestType!.Value,
                Code = r.Spec.Code,
                Rationale = spec.Message(facts, r.Computed.Terms, decimals),
                Terms = r.Computed.Terms,
                Savings = r.Computed.Savings,
                Schedule = r.Computed.Schedule,
                Caveats = NotShownBefore(spec.Caveats(lender), requests),
                Citations = spec.Citations,
            });
        }

        var topTerms = requests.Count > 0 ? requests[0].Terms : null;
        var requestList = Freeze(requests);

        // A tip shown under one material is not repeated under the next ("scan everything" once, not twice).
        var materials = Scratch<Material>.Take();
        List<string>? shownTips = null;
        var materialRules = work.OfKind[(int)RuleKind.Material];
        for (var i = 0; i < materialRules.Count; i++)
        {
            var m = materialRules[i].Spec;
            if (FirstOf(materialRules, i, SameCode))
            {
                materials.Add(new Material
                {
                    Code = m.Spec.Code,
                    Required = m.Spec.Required,
                    Held = m.Spec.Document is { } document && (document == RuleSpec.NoticesDocument ? c.Notices.Count > 0 : Holds(facts.Documents, document)),
                    Why = m.Message(facts, null, decimals),
                    Tips = Tips(m, facts, decimals, ref shownTips),
                    Citations = m.Citations,
                });
            }
        }

        var guidance = work.OfKind[(int)RuleKind.Guidance];
        string? opening = null;
        var points = Scratch<TalkingPoint>.Take();
        for (var i = 0; i < guidance.Count; i++)
        {
            var g = guidance[i].Spec;
            if (g.Spec.Part == "opening" && opening is null)
            {
                opening = g.Message(facts, topTerms, decimals);
            }
            else if (g.Spec.Part == "point" && FirstOf(guidance, i, static (a, b) => a.Part == "point" && a.Code == b.Code))
            {
                points.Add(new TalkingPoint { Code = g.Spec.Code, Message = g.Message(facts, null, decimals) });
            }
        }

        var communication = new Communication { Opening = opening, Points = Freeze(points) };

        var watchpoints = Scratch<Watchpoint>.Take();
        var watchRules = work.OfKind[(int)RuleKind.Watchpoint];
        for (var i = 0; i < watchRules.Count; i++)
        {
            var w = watchRules[i].Spec;
            if (FirstOf(watchRules, i, SameCode))
            {
                watchpoints.Add(new Watchpoint
                {
                    Code = w.Spec.Code,
                    Severity = w.Severity!.Value,
                    DueDate = w.DueDate(facts),
                    Message = w.Message(facts, null, decimals),
                });
            }
        }

        var warningRules = work.Warnings;
        DistinctByCode(work.OfKind[(int)RuleKind.Warning], warningRules);
        Sort(warningRules, static (a, b) =>
        {
            var bySeverity = SeverityOrder(a.Spec.Spec.Severity).CompareTo(SeverityOrder(b.Spec.Spec.Severity));
            return bySeverity != 0 ? bySeverity : ByRank(a, b);
        });
        var warnings = Scratch<PlanWarning>.Take();
        foreach (var w in warningRules)
        {
            warnings.Add(new PlanWarning
            {
                Code = w.Spec.Spec.Code,
                Severity = w.Spec.Severity!.Value,
                Message = w.Spec.Message(facts, null, decimals),
            });
        }


        // Every clause cited by a rule that fired, once, in firing order.
        var cited = Scratch<CitedSource>.Take();
        foreach (var f in work.All)
        {
            foreach (var id in f.Spec.Spec.Citations)
            {
                if (work.Cited.Add(id))
                {
                    cited.Add(layout.Cited(id, lender));
                }
            }
        }

        work.Clear();
        return new NegotiationPlan
        {
            RuleSet = layout.RuleSetInfo,
            AsOf = c.AsOf,
            Language = language,
            Currency = c.Currency,
            Assessment = facts,
            Decision = decision,
            Requests = requestList,
            Materials = Freeze(materials),
            Communication = communication,
            Watchpoints = Freeze(watchpoints),
            Warnings = Freeze(warnings),
            Remedies = Freeze(remedyList),
            // Advice first follows up with the lender only when it asks the lender for something.
            NextFollowUp = !AsksLender(outcome) || (outcome != DefaultOutcome && requestList.Count == 0) ? null : facts.HasPendingPromise && facts.NextPromiseDue < facts.NextFollowUp ? facts.NextPromiseDue : facts.NextFollowUp,
            Citations = Freeze(cited),
            BudgetGroups = layout.BudgetGroups is { Length: > 0 } groups
                ? ValueList<BudgetGroup>.Own([.. groups.Select(g => new BudgetGroup
                {
                    Name = g.Name,
                    Categories = g.Categories,
                    Monthly = Currencies.ToMinorUnit(c.Finances?.Expenses.Where(e => g.Categories.Contains(e.Category)).Sum(e => e.Monthly) ?? 0m, decimals),
                })])
                : null,
            Trace = Trace(firings),
        };
    }

    private static ValueList<string> Tips(PlanLayout.SpecLayout m, Assessment facts, int decimals, ref List<string>? shown)
    {
        if (m.Tips.Length == 0)
        {
            return ValueList<string>.Empty;
        }

        var tips = Scratch<string>.Take();
        for (var i = 0; i < m.Tips.Length; i++)
        {
            var tip = m.Tip(i, facts, decimals);
            if (!(shown ??= []).Contains(tip))
            {
                shown.Add(tip);
                tips.Add(tip);
            }
        }

        return Freeze(tips);
    }

    private static ValueList<string> NotShownBefore(ValueList<string> caveats, List<ProposedRequest> earlier)
    {
        var kept = Scratch<string>.Take();
        for (var i = 0; i < caveats.Count; i++)
        {
            if (!ShownIn(earlier, caveats[i]))
            {
                kept.Add(caveats[i]);
            }
        }

        // Nothing left out: the layout's own list, shared by every plan for this lender kind (the next Take clears the scratch).
        return kept.Count == caveats.Count ? caveats : Freeze(kept);
    }

    private static bool ShownIn(List<ProposedRequest> earlier, string caveat)
    {
        for (var i = 0; i < earlier.Count; i++)
        {
            if (earlier[i].Caveats.Contains(caveat))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(ValueList<string> documents, string document)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] == document)
            {
                return true;
            }
        }

        return false;
    }

    private static int SeverityOrder(string? severity) => severity switch { "high" => 0, "caution" => 1, _ => 2 };

    private static int ByRank(Fired a, Fired b) =>
        a.Spec.RankKey != b.Spec.RankKey ? a.Spec.RankKey.CompareTo(b.Spec.RankKey) : a.Order.CompareTo(b.Order);

    private static bool SameCode(RuleSpec a, RuleSpec b) => a.Code == b.Code;

    /// <summary>Whether no item before the <paramref name="index"/>th is the same, as DistinctBy keeps the first of each.</summary>
    private static bool FirstOf(List<Fired> items, int index, Func<RuleSpec, RuleSpec, bool> same)
    {
        var spec = items[index].Spec.Spec;
        for (var j = 0; j < index; j++)
        {
            if (same(items[j].Spec.Spec, spec))
            {
                return false;
            }
        }

        return true;
    }

    private static void DistinctByCode(List<Fired> items, List<Fired> into)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (FirstOf(items, i, SameCode))
            {
                into.Add(items[i]);
            }
        }
    }

    /// <summary>A stable insertion sort: the lists hold a handful of items, and the order among equals must be kept.</summary>
    private static void Sort(List<Fired> items, Comparison<Fired> compare)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }

    /// <summary>Copies the scratch list into the plan's list and empties it for the next use.</summary>
    private static ValueList<T> Freeze<T>(List<T> items)
    {
        var list = items.Count == 0 ? ValueList<T>.Empty : new ValueList<T>(items);
        items.Clear();
        return list;
    }

    /// <summary>A rule that fired: its layout and its place among the rules that fired.</summary>
    private readonly record struct Fired(PlanLayout.SpecLayout Spec, int Order);

    /// <summary>One list per thread for each kind of item, reused from plan to plan; a list is always left empty.</summary>
    private static class Scratch<T>
    {
        [ThreadStatic]
        private static List<T>? list;

        public static List<T> Take()
        {
            var items = list ??= new List<T>(16);
            items.Clear();
            return items;
        }
    }

    /// <summary>The per-thread working lists of one assembly.</summary>
    private sealed class Work
    {
        [ThreadStatic]
        private static Work? current;

        public List<Fired> All { get; } = new(64);

        public List<Fired>[] OfKind { get; } = [.. Enum.GetValues<RuleKind>().Select(_ => new List<Fired>(16))];

        public List<Fired> Remedies { get; } = new(16);

        public List<Fired> Warnings { get; } = new(16);

        public HashSet<string> Cited { get; } = new(StringComparer.Ordinal);

        public static Work Take()
        {
            var work = current ??= new Work();
            work.Clear();
            return work;
        }

        public void Clear()
        {
            All.Clear();
            foreach (var kind in OfKind)
            {
                kind.Clear();
            }

            Remedies.Clear();
            Warnings.Clear();
            Cited.Clear();
        }
    }

    /// <summary>Every firing's trace entry, whose inputs are read only when asked for (most plans never are, in full).</summary>
    private static ValueList<TraceEntry> Trace(List<RuleFiring> firings)
    {
        var entries = new TraceEntry[firings.Count];
        TraceInputs? inputs = null;
        for (var i = 0; i < entries.Length; i++)
        {
            var firing = firings[i];
            if (inputs is null || !ReferenceEquals(inputs.Reads, firing.Reads))
            {
                inputs = new TraceInputs(firing.Reads);
            }

            entries[i] = new TraceEntry(firing, inputs);
        }

        // A new array that nothing else holds: the list takes it without a copy.
        return ValueList<TraceEntry>.Own(entries);
    }
}
