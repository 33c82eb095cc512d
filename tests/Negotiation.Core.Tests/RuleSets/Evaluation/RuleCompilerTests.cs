using System.Linq.Expressions;
using Negotiation.Core.Messages;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Evaluation;

namespace Negotiation.Core.Tests.RuleSets.Evaluation;

/// <summary>Every enabled rule is compiled at load; one that cannot be compiled is named, with the others that cannot.</summary>
public sealed class RuleCompilerTests
{
    private static readonly RuleInputs Inputs = new(new Dictionary<string, decimal> { ["limit"] = 10m });

    [Fact]
    public void Rules_that_cannot_be_compiled_are_all_named_at_load()
    {
        var ok = Leaf("ok", Expression.GreaterThan(Expression.Property(Inputs.Expressions[1], "DaysPastDue"), Expression.Constant(1)));
        var notBoolean = Leaf("not-boolean", Expression.Property(Inputs.Expressions[1], "DaysPastDue"));
        var empty = new RuleTree("empty", true, ExpressionType.And, null, [new RuleTree("no-body", true, null, null, [])]);

        var e = Assert.Throws<RuleCompilationException>(() => Evaluator([ok, notBoolean, empty]));

        Assert.Equal(["not-boolean", "empty"], e.Failures.Select(f => f.Rule));
        Assert.Contains("not true or false", e.Failures[0].Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_rules_are_not_compiled_and_not_run()
    {
        var disabled = new RuleTree("disabled", false, null, Expression.Property(Inputs.Expressions[1], "DaysPastDue"), []);
        var ok = Leaf("ok", Expression.Constant(true));

        var (firings, _) = Evaluator([disabled, ok]).Evaluate(new Core.Cases.BorrowerCase(), new Core.Assessments.Assessment());

        Assert.Equal(["ok"], firings.Select(f => f.Rule));
        Assert.True(firings[0].Success);
    }

    private static RuleTree Leaf(string name, Expression body) => new(name, true, null, body, []);

    private static RuleEvaluator Evaluator(IReadOnlyList<RuleTree> rules) =>
        new([("decision", rules)], rules.ToDictionary(r => r.Name, r => Spec(r.Name)), Inputs);

    private static RuleSpec Spec(string name) => new()
    {
        Workflow = "decision",
        Name = name,
        Kind = RuleKind.Reason,
        Code = name,
        Message = new LocalizedTemplate(new Dictionary<string, MessageTemplate>()),
    };
}
