using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Cases;

/// <summary>Every file under TestData/cases/malformed is refused with a problem at the offending path.</summary>
public sealed class MalformedCaseTests
{
    // file, the JSON path the problem must name, a fragment of its message.
    public static TheoryData<string, string, string> Files => new()
    {
        { "truncated", "account", "invalid JSON: the text ends before the JSON value is complete" },
        { "root-is-array", "", "must be a JSON object" },
        { "duplicate-key", "asOf", "invalid JSON" },
        { "content-after-object", "", "invalid JSON: nothing may follow the JSON value (found '{')" },
        { "missing-asof", "asOf", "required property 'asOf' is missing" },
        { "missing-currency", "currency", "required property 'currency' is missing" },
        { "missing-account", "account", "required property 'account' is missing" },
        { "missing-principal", "account.principal", "required property 'principal' is missing" },
        { "missing-due-date", "account.dueDate", "required property 'dueDate' is missing" },
        { "missing-amount-due", "account.amountDue", "required property 'amountDue' is missing" },
        { "null-required-asof", "asOf", "is required and must not be null" },
        { "impossible-date", "asOf", "'2026-02-30' is not a date" },
        { "date-in-local-format", "account.dueDate", "'10/11/2026' is not a date; write it as \"yyyy-MM-dd\"" },
        { "date-out-of-range", "history[0].dueDate", "outside the dates accepted (1970-01-01 to 2100-12-31)" },
        { "negative-principal", "account.principal", "must not be negative" },
        { "money-as-string", "account.fees", "written as a JSON number, not as text" },
        { "money-above-bound", "account.principal", "above the largest amount accepted (1,000,000,000,000)" },
        { "money-huge-integer", "finances.savings", "far too large" },
        { "money-too-many-decimals", "account.interest", "more decimal places than the currency's minor unit allows (2)" },
        { "rate-written-as-percent", "account.annualRate", "is a fraction (0.18 means 18 %)" },
        { "unknown-lender-kind", "lender.kind", "did you mean 'bank-card'? Allowed: other, bank-card, consumer-finance, online-lender, bnpl" },
        { "unknown-goal", "goal", "unknown value 'extend'; did you mean 'extension'?" },
        { "unknown-expense-category", "finances.expenses[0].category", "unknown value 'rent'; allowed: housing, utilities" },
        { "unknown-document", "documents[2]", "unknown value 'passport'" },
        { "unknown-currency", "currency", "did you mean \"CNY\"?" },
        { "misspelt-property", "account.princpal", "unknown property 'princpal'; did you mean 'principal'?" },
        { "unknown-root-property", "borrower", "unknown property 'borrower'; known here: asOf, currency, lender" },
        { "object-given-as-text", "lender", "must be an object, not the text \"享花卡\"" },
        { "list-given-as-object", "history", "must be a list (JSON array), not an object" },
        { "boolean-as-text", "conduct.contactable", "must be true or false, not the text \"yes\"" },
        { "fractional-grace-days", "account.gracePeriodDays", "must be a whole number, not the number 3.5" },
        { "negative-broken-promises", "conduct.brokenPromises", "must be between 0 and 1000 (got -1)" },
        { "null-list-item", "history[0]", "a list item must not be null" },
        { "payment-after-asof", "history[2].paidOn", "2026-11-25 is after asOf (2026-11-20)" },
        { "payment-without-amount", "history[0]", "paidOn and amountPaid go together" },
        { "amount-due-above-total-owed", "account.amountDue", "9000.00 is more than everything owed" },
        { "attempt-after-asof", "attempts[0].on", "2026-12-01 is after asOf" },
        { "attempt-missing-outcome", "attempts[0].outcome", "required property 'outcome' is missing" },
        { "duplicate-due-date", "history[4].dueDate", "2026-09-10 appears 2 times in the history" },
        { "hardship-since-after-asof", "hardship.since", "2027-01-01 is after asOf" },
        { "income-after-without-months", "hardship.incomeAfter", "give hardship.expectedMonths too" },
        { "income-after-hardship-over", "hardship.incomeAfter", "the hardship is over (expectedMonths 0)" },
        { "income-after-without-finances", "hardship.incomeAfter", "give finances too" },
        { "text-too-long", "offers[0].description", "is 2,001 characters long; at most 2,000 are accepted" },
        { "too-many-history-items", "history", "has 1,001 items; at most 1,000 are accepted" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Malformed_case_is_refused_with_a_problem_at_the_offending_path(string file, string path, string fragment)
    {
        var json = TestFiles.Read("TestData", "cases", "malformed", file + ".json");

        var error = Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json));

        Assert.Contains(error.Problems, p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_malformed_file_has_an_expectation()
    {
        var onDisk = Directory.EnumerateFiles(TestFiles.Path("TestData", "cases", "malformed"), "*.json")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);
        var expected = Files.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, onDisk);
        Assert.True(onDisk.Count() >= 25);
    }

    [Fact]
    public void Syntax_errors_carry_line_and_column()
    {
        var json = TestFiles.Read("TestData", "cases", "malformed", "truncated.json");

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);

        Assert.NotNull(problem.Line);
        Assert.NotNull(problem.Column);
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_at_once_in_document_order()
    {
        const string json = """
            { "asOf": "2026-13-01", "currency": "RMB",
              "lender": { "kind": "bank", "nmae": "x" },
              "account": { "principal": -5, "interest": "12", "dueDate": "2026-11-10", "amountDue": 1.234 },
              "goal": "extend" }
            """;

        var problems = Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems;

        Assert.Equal(
            ["asOf", "currency", "lender.kind", "lender.nmae", "account.principal", "account.interest", "account.amountDue", "goal"],
            problems.Select(p => p.Path));
        Assert.Equal([1, 1, 2, 2, 3, 3, 3, 4], problems.Select(p => p.Line ?? 0));
    }

    [Fact]
    public void Problem_text_reads_line_column_path_message()
    {
        var problem = new CaseProblem { Path = "account.principal", Message = "must not be negative", Line = 3, Column = 17 };

        Assert.Equal("3:17: account.principal: must not be negative", problem.ToString());
    }

    [Fact]
    public void Null_json_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => BorrowerCase.FromJson(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"case\"")]
    public void Empty_or_non_object_text_is_refused(string json)
    {
        var error = Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json));

        Assert.Single(error.Problems);
    }
}
