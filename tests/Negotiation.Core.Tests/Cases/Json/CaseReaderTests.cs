using Negotiation.Core.Cases;

namespace Negotiation.Core.Tests.Cases.Json;

/// <summary>What the one-pass reader does that a file-by-file expectation does not show: where problems point, and the corners.</summary>
public sealed class CaseReaderTests
{
    private const string Account = "\"account\": { \"principal\": 1000, \"dueDate\": \"2026-11-10\", \"amountDue\": 100 }";

    [Fact]
    public void A_problem_points_at_the_first_character_of_its_value_name_or_object()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "lender": { "kind": "bank", "nmae": "x" },
              "account": { "dueDate": "2026-11-10", "amountDue": -1 } }
            """;

        var problems = Refused(json);

        Assert.Equal(
            [("lender.kind", 2, 23), ("lender.nmae", 2, 31), ("account.amountDue", 3, 54), ("account.principal", 3, 14)],
            problems.Select(p => (p.Path, p.Line ?? 0, p.Column ?? 0)));
    }

    [Fact]
    public void A_name_given_twice_is_reported_with_the_other_problems_at_its_second_place()
    {
        var json = "{ \"asOf\": \"2026-11-20\", \"currency\": \"CNY\", \"goal\": \"extend\",\n  \"asOf\": \"2026-11-21\", " + Account + " }";

        var problems = Refused(json);

        Assert.Equal(["goal", "asOf"], problems.Select(p => p.Path));
        Assert.Equal(("invalid JSON: 'asOf' is given more than once in this object; give each property once", 2, 3), (problems[1].Message, problems[1].Line, problems[1].Column));
    }

    [Fact]
    public void An_amount_before_the_currency_is_checked_against_that_currency()
    {
        var json = "{ \"account\": { \"principal\": 100000.5, \"dueDate\": \"2026-11-10\", \"amountDue\": 10000 }, \"asOf\": \"2026-11-20\", \"currency\": \"JPY\" }";

        var problem = Assert.Single(Refused(json));

        Assert.Equal(("account.principal", "has more decimal places than the currency's minor unit allows (0)"), (problem.Path, problem.Message));
    }

    [Fact]
    public void A_priority_debts_arrears_arrangement_is_read_and_written_back()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "GBP",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 },
              "priorityDebts": [ { "kind": "energy", "arrears": 120, "monthlyPayment": 20, "arrearsArranged": true },
                                 { "kind": "rent", "arrears": 400, "monthlyPayment": 650 } ] }
            """;

        var c = BorrowerCase.FromJson(json);

        Assert.Equal([true, false], c.PriorityDebts.Select(p => p.ArrearsArranged));
        Assert.Equal(c, BorrowerCase.FromJson(c.ToJson()));
    }

    [Fact]
    public void Interest_stopped_after_asOf_is_refused_with_its_path()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "GBP",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100, "interestStoppedOn": "2026-12-01" } }
            """;

        var problem = Assert.Single(Refused(json));

        Assert.Equal("account.interestStoppedOn", problem.Path);
        Assert.StartsWith("2026-12-01 is after asOf (2026-11-20)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_between_fields_carries_the_line_of_the_value_it_names()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 },
              "history": [ { "dueDate": "2026-10-10", "amountDue": 100,
                             "paidOn": "2026-11-25", "amountPaid": 100 } ] }
            """;

        var problem = Assert.Single(Refused(json));

        Assert.Equal(("history[0].paidOn", 4, 28), (problem.Path, problem.Line, problem.Column));
        Assert.StartsWith("2026-11-25 is after asOf (2026-11-20)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lump_sum_already_received_is_refused_and_one_ahead_is_read()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 },
              "finances": { "savings": 0, "lumpSums": [ { "amount": 500, "on": "2026-11-20" } ] } }
            """;

        var problem = Assert.Single(Refused(json));
        Assert.Equal(("finances.lumpSums[0].on", 3, 68), (problem.Path, problem.Line, problem.Column));
        Assert.StartsWith("2026-11-20 is not after asOf (2026-11-20)", problem.Message, StringComparison.Ordinal);

        var ahead = BorrowerCase.FromJson(json.Replace("\"on\": \"2026-11-20\"", "\"on\": \"2026-12-20\", \"confirmed\": true", StringComparison.Ordinal));
        Assert.Equal((500m, new NodaTime.LocalDate(2026, 12, 20), true), (ahead.Finances!.LumpSums[0].Amount, ahead.Finances.LumpSums[0].On, ahead.Finances.LumpSums[0].Confirmed));
    }

    [Fact]
    public void Savings_reserved_beyond_the_savings_are_refused_and_within_them_are_not_the_borrowers_to_offer()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 },
              "finances": { "savings": 300, "savingsReserved": 500 } }
            """;

        var problem = Assert.Single(Refused(json));
        Assert.Equal(("finances.savingsReserved", 3, 52), (problem.Path, problem.Line, problem.Column));
        Assert.StartsWith("500 is more than the savings (300)", problem.Message, StringComparison.Ordinal);

        var held = BorrowerCase.FromJson(json.Replace("\"savingsReserved\": 500", "\"savingsReserved\": 250", StringComparison.Ordinal));
        Assert.Equal((300m, 250m), (held.Finances!.Savings, held.Finances.SavingsReserved));
        Assert.Equal(50m, Negotiation.Core.Advice.NegotiationAdvisor.CreateDefault().Advise(held).Assessment.Savings);
    }

    [Theory]
    [InlineData("raw high", 1, 24)]
    [InlineData("raw low after a letter", 1, 25)]
    public void Text_with_half_a_surrogate_pair_is_refused_where_it_is(string how, int line, int column)
    {
        // Built here, not in the attribute: test runners need not carry invalid UTF-16 through their own serialisation.
        var name = how == "raw high" ? "\ud800" : "a\udc00b";
        var json = "{ \"lender\": { \"name\": \"" + name + "\" }, \"asOf\": \"2026-11-20\", \"currency\": \"CNY\", " + Account + " }";

        var problem = Assert.Single(Refused(json));

        Assert.Contains("surrogate", problem.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }

    [Fact]
    public void Half_a_surrogate_pair_escaped_in_the_json_reads_as_the_replacement_character()
    {
        // JSON text can carry "\ud800": read as U+FFFD, as Newtonsoft read it before, so the case stays Unicode.
        var json = "{ \"lender\": { \"name\": \"a\\ud800b\" }, \"asOf\": \"2026-11-20\", \"currency\": \"CNY\", " + Account + " }";

        Assert.Equal("a\ufffdb", BorrowerCase.FromJson(json).Lender.Name);
    }

    [Fact]
    public void Exactly_two_hundred_problems_are_all_listed_without_the_note_that_reading_stopped()
    {
        var json = "{ \"asOf\": \"2026-11-20\", \"currency\": \"CNY\", " + Account + ", \"documents\": [" + string.Join(",", Enumerable.Repeat("\"x\"", CaseLimits.MaxProblems)) + "] }";

        var problems = Refused(json);

        Assert.Equal(CaseLimits.MaxProblems, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("unknown value 'x'", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_syntax_error_after_problems_in_values_is_reported_alone()
    {
        var json = "{ \"asOf\": \"2026-13-01\", \"currency\": \"RMB\", " + Account + ", }";

        var problem = Assert.Single(Refused(json));

        Assert.StartsWith("invalid JSON: a comma before '}'", problem.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<CaseProblem> Refused(string json) =>
        Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems;
}
