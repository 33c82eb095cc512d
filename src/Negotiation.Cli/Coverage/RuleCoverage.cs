using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.RuleSets;

namespace Negotiation.Cli.Coverage;

/// <summary>
/// How many plans fired each top-level rule of a rule set, and how many did not: which rules the scenarios never
/// exercise, which always fire, and the share of rules seen both ways.
/// </summary>
internal sealed class RuleCoverage
{
    private readonly List<RuleCount> rules;
    private readonly Dictionary<(string Workflow, string Rule), RuleCount> byName;

    public RuleCoverage(RuleSet ruleSet)
    {
        rules = [.. ruleSet.Workflows.SelectMany(w => ruleSet.Rules.Where(r => r.Workflow == w).Select(r => new RuleCount(w, r.Name)))];
        byName = rules.ToDictionary(r => (r.Workflow, r.Rule));
    }

    /// <summary>Gets how many plans were counted.</summary>
    public int Plans { get; private set; }

    /// <summary>Gets the share of rules fired by at least one plan, in percent (100 when the set has no rule).</summary>
    public decimal FiredShare => Share(rules.Count(r => r.Fired > 0));

    /// <summary>Counts one plan's trace: every enabled rule appears in it, fired or not.</summary>
    public void Add(NegotiationPlan plan)
    {
        Plans++;
        foreach (var entry in plan.Trace)
        {
            if (byName.TryGetValue((entry.Workflow, entry.Rule), out var count))
            {
                if (entry.Success)
                {
                    count.Fired++;
                }
                else
                {
                    count.NotFired++;
                }
            }
        }
    }

    /// <summary>Writes the table per workflow and rule, the lists of rules never fired and always fired, and the shares.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine($"coverage over {Plans} scenario{(Plans == 1 ? "" : "s")}:");
        var width = rules.Select(r => r.Rule.Length).DefaultIfEmpty(4).Max();
        foreach (var workflow in rules.GroupBy(r => r.Workflow))
        {
            var fired = workflow.Count(r => r.Fired > 0);
            output.WriteLine($"  {workflow.Key}: {fired} of {workflow.Count()} rules fired at least once");
            output.WriteLine($"    {"rule".PadRight(width)}  {"fired",6}  {"not fired",9}");
            foreach (var rule in workflow)
            {
                output.WriteLine($"    {rule.Rule.PadRight(width)}  {rule.Fired,6}  {rule.NotFired,9}{(rule.Fired + rule.NotFired == 0 ? "  (disabled)" : "")}");
            }
        }

        var never = rules.Where(r => r.Fired == 0).ToList();
        var always = rules.Where(r => r.Fired > 0 && r.NotFired == 0).ToList();
        var both = rules.Count(r => r.Fired > 0 && r.NotFired > 0);
        output.WriteLine($"never fired ({never.Count}): {List(never)}");
        output.WriteLine($"always fired ({always.Count}): {List(always)}");
        output.WriteLine($"fired at least once: {rules.Count - never.Count} of {rules.Count} rules ({Percent(FiredShare)})");
        output.WriteLine($"exercised both ways: {both} of {rules.Count} rules ({Percent(Share(both))})");
    }

    /// <summary>A share in percent as the report writes it: one decimal, never rounded up to a minimum it does not reach.</summary>
    public static string Percent(decimal share) => (Math.Floor(share * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private decimal Share(int count) => rules.Count == 0 ? 100m : 100m * count / rules.Count;

    private static string List(List<RuleCount> rules) => rules.Count == 0 ? "none" : string.Join(", ", rules.Select(r => $"{r.Workflow}/{r.Rule}"));

    private sealed class RuleCount(string workflow, string rule)
    {
        public string Workflow { get; } = workflow;

        public string Rule { get; } = rule;

        public int Fired { get; set; }

        public int NotFired { get; set; }
    }
}
