using System.Diagnostics;
using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using Negotiation.Core.RuleSets.Expressions;
using Negotiation.Core.Tests.RuleSets.Expressions;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// The hostile-expression corpus is large and covers the known tricks (ExpressionGuardTests runs each entry);
/// what the guard still admits is bounded, and the cost of the worst admitted expression is measured.
/// </summary>
public sealed class HostileRuleTests(ITestOutputHelper output)
{
    private static readonly string[] Corpus =
        JArray.Parse(TestFiles.Read("TestData", "rulesets", "hostile-expressions.json")).Select(e => (string)e["expression"]!).ToArray();

    [Fact]
    public void Corpus_has_at_least_sixty_expressions_covering_every_trick()
    {
        Assert.True(Corpus.Length >= 60, $"{Corpus.Length} expressions");
        Assert.Equal(Corpus.Length, Corpus.Distinct(StringComparer.Ordinal).Count());

        // Each trick the issue names has at least one entry.
        Assert.Contains(Corpus, e => e.Contains("\\u00", StringComparison.Ordinal));                          // Unicode escapes in identifiers
        Assert.Contains(Corpus, e => e.Contains("gettype", StringComparison.Ordinal));                       // casing
        Assert.Contains(Corpus, e => e.Split("=>").Length > 3);                                               // nested lambdas
        Assert.Contains(Corpus, e => e.Contains(".Select(", StringComparison.Ordinal) && e.Contains("case.", StringComparison.Ordinal)); // Select over inputs
        Assert.Contains(Corpus, e => e.Contains("\"System.\" +", StringComparison.Ordinal));                  // type names built by concatenation
        Assert.Contains(Corpus, e => e.StartsWith("typeof", StringComparison.Ordinal));                      // typeof
        Assert.Contains(Corpus, e => e.Length > ExpressionGuard.MaxLength);                                  // very long
        Assert.Contains(Corpus, e => e.StartsWith(new string('(', ExpressionGuard.MaxDepth + 1), StringComparison.Ordinal)); // deeply nested
        Assert.Contains(Corpus, e => e.Contains("Enumerable.Range(0, 2147483647)", StringComparison.Ordinal)); // runs for ever
        Assert.Contains(Corpus, e => e.Contains("PadLeft(1000000000)", StringComparison.Ordinal));           // allocates without bound
        Assert.Contains(Corpus, e => e.StartsWith("'x\\' != ", StringComparison.Ordinal));                       // a quote the parser ends at \'
        Assert.Contains(Corpus, e => e.Contains(".Contains(a) && ", StringComparison.Ordinal));               // hidden loops: record equality
        Assert.Contains(Corpus, e => e.Contains("name.Any(a => case.lender.name.Any(", StringComparison.Ordinal)); // loops over long texts
    }

    [Theory]
    [InlineData(ExpressionGuard.MaxDepth, true)]
    [InlineData(ExpressionGuard.MaxDepth + 1, false)]
    [InlineData(990, false)]
    public void Bracket_nesting_is_bounded_before_the_parser_recurses(int depth, bool admitted)
    {
        var expression = new string('(', depth) + "facts.isOverdue" + new string(')', depth);

        var error = Record.Exception(() => RuleSetKit.Minimal().WithExpression(expression).Load());

        Assert.Equal(admitted, error is null);
    }

    [Theory]
    [InlineData("'x\\' != \"\" || ", ExpressionGuard.MaxDepth + 1)]
    [InlineData("'x\\' != \"\" || ", 100)]
    [InlineData("'\\' == 'x' || ", 60)]
    [InlineData("\"\\\\\" != '\\' || ", 60)]
    public void Quote_trick_cannot_bypass_the_depth_limit(string prefix, int depth)
    {
        // The parser ends a '...' literal at \' (only \" is an escape to it); a check that read \' as an escaped quote saw the
        // rest as text and let any nesting through, and 400 levels overflowed a 1 MB stack (RuleSetCommandTests shows the process).
        var expression = prefix + new string('(', depth) + "true" + new string(')', depth);

        var problems = RuleSetKit.Minimal().WithExpression(expression).Problems();

        Assert.Contains(problems, p => p.Rule == "in-grace" && p.Message == $"the expression is refused: brackets nest deeper than {ExpressionGuard.MaxDepth} levels; split the expression or use a fact");
    }

    public static TheoryData<string> DeepestWithinTheLimits => new(
        new string('(', ExpressionGuard.MaxDepth) + new string('!', 1900) + "true" + new string(')', ExpressionGuard.MaxDepth),
        new string('(', ExpressionGuard.MaxDepth) + new string('-', 1900) + "1 > 0" + new string(')', ExpressionGuard.MaxDepth),
        string.Concat(Enumerable.Repeat("case.history.Any(h => ", ExpressionGuard.MaxDepth)) + new string('!', 1000) + "true" + new string(')', ExpressionGuard.MaxDepth));

    [Theory]
    [MemberData(nameof(DeepestWithinTheLimits))]
    public void The_deepest_expressions_within_the_limits_load_from_a_thread_with_a_small_stack(string expression)
    {
        // The parser needs 512 to 768 KiB of stack for these; the loader parses on a thread of its own, so a caller with
        // 256 KiB (an IIS worker has that much) gets a refusal, not a process killed by a stack overflow.
        var error = SmallStack.Run(256 * 1024, () => Record.Exception(() => RuleSetKit.Minimal().WithExpression(expression).Load()));

        Assert.True(error is null or RuleSetValidationException, error?.ToString());
    }

    [Fact]
    public void Brackets_inside_text_do_not_count_as_nesting()
    {
        var expression = "facts.lenderName != \"" + new string('(', 100) + "\\\"" + new string('[', 100) + "\"";

        Assert.Equal(5, RuleSetKit.Minimal().WithExpression(expression).Load().RuleCount);
    }

    [Theory]
    [InlineData("1 / (facts.historyCount - facts.historyCount) > 0")]
    [InlineData("case.history[5].amountDue > 0")]
    [InlineData("case.finances.savings > 0")]
    public void Run_time_errors_in_admitted_expressions_leave_the_rule_unfired_and_traced(string expression)
    {
        var advisor = NegotiationAdvisor.Create(RuleSetKit.Minimal().WithExpression(expression).Load());
        var @case = new BorrowerCase
        {
            AsOf = new NodaTime.LocalDate(2026, 11, 20),
            Currency = "CNY",
            Account = new Account { Principal = 1000m, DueDate = new NodaTime.LocalDate(2026, 11, 10), AmountDue = 100m },
        };

        var entry = Assert.Single(advisor.Advise(@case).Trace, t => t.Rule == "in-grace");

        Assert.False(entry.Success);
        Assert.False(string.IsNullOrEmpty(entry.Error));
    }

    [Theory]
    [InlineData("case.lender.name.Any(a => case.lender.name.Any(b => case.lender.name.ToLower().Contains(case.lender.name.ToUpper())))")]
    [InlineData("case.lender.name.Any(a => case.lender.name.Any(b => case.lender.name.StartsWith(case.lender.name) && case.lender.name.EndsWith(case.lender.name)))")]
    [InlineData("case.offers.Any(a => case.offers.Any(b => a.description.ToUpper() == b.description.ToLower()))")]
    public void Nested_loops_over_long_texts_are_refused_at_load_with_the_reason(string expression)
    {
        // The first took 95 s for one advice on a case whose lender name was 2,000 characters long.
        var problem = Assert.Single(RuleSetKit.Minimal().WithExpression(expression).Problems());

        Assert.Equal("in-grace", problem.Rule);
        Assert.Contains("the expression may take up to", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {ExpressionCost.MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} are allowed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_equality_inside_nested_lambdas_is_refused_at_load()
    {
        // Contains compares whole records, field by field, against every item: 32 of them inside two nested lambdas over
        // 1,000-item lists still ran after 90 s. No lambda is nested deeper than two, so only the cost bound sees it.
        var checks = string.Join(" && ", Enumerable.Range(0, 32).Select(i => i % 2 == 0 ? "case.history.Contains(a)" : "case.history.Contains(b)"));
        var expression = $"case.history.Any(a => case.history.Any(b => {checks}))";

        var problem = Assert.Single(RuleSetKit.Minimal().WithExpression(expression).Problems());

        Assert.Contains("the expression may take up to", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_nested_lambdas_are_admitted_and_their_cost_over_full_lists_is_bounded()
    {
        // The worst the guard admits over one list: 1,000 × 1,000 steps that never succeed, so none is skipped. It is also
        // about the dearest expression the cost budget admits, and the dearest kind of step measured (decimal arithmetic).
        const string expression = "case.history.Any(a => case.history.Any(b => a.amountDue + b.amountDue < 0))";
        var rules = RuleSetKit.Minimal().WithExpression(expression).Load();
        var advisor = NegotiationAdvisor.Create(rules);
        var @case = CaseWithFullHistory();

        advisor.Advise(@case);
        var clock = Stopwatch.StartNew();
        advisor.Advise(@case);
        clock.Stop();

        var estimate = ExpressionCostTests.Estimate(expression);
        output.WriteLine($"one advise with a 1,000 × 1,000 nested Any ({estimate:N0} estimated steps): {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.InRange(estimate, ExpressionCost.MaxSteps / 2, ExpressionCost.MaxSteps);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>A case whose history is as long as the case limits allow, every instalment unpaid.</summary>
    private static BorrowerCase CaseWithFullHistory() => new()
    {
        AsOf = new NodaTime.LocalDate(2026, 11, 20),
        Currency = "CNY",
        Account = new Account { Principal = 1000m, DueDate = new NodaTime.LocalDate(2026, 11, 10), AmountDue = 100m },
        History = [.. Enumerable.Range(0, CaseLimits.MaxItems)
            .Select(i => new RepaymentRecord { DueDate = new NodaTime.LocalDate(2026, 11, 20).PlusDays(-1 - i), AmountDue = 1m })],
    };
}
