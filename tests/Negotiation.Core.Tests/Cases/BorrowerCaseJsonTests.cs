using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Support;
using NodaTime;

namespace Negotiation.Core.Tests.Cases;

public sealed class BorrowerCaseJsonTests
{
    private static BorrowerCase Seed() => BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));

    [Fact]
    public void Seed_example_reads_with_every_figure_exact()
    {
        var c = Seed();

        Assert.Equal(new LocalDate(2026, 11, 20), c.AsOf);
        Assert.Equal("CNY", c.Currency);
        Assert.Equal(LenderKind.ConsumerFinance, c.Lender.Kind);
        Assert.Equal("享花卡", c.Lender.Name);
        Assert.Equal(6800.00m, c.Account.Principal);
        Assert.Equal(96.50m, c.Account.Interest);
        Assert.Equal(0.0005m, c.Account.PenaltyDailyRate);
        Assert.Equal(6964.90m, c.Account.TotalOwed);
        Assert.Equal(new LocalDate(2026, 11, 10), c.Account.DueDate);
        Assert.Null(c.Account.GracePeriodDays);
        Assert.Equal(4, c.History.Count);
        Assert.Null(c.History[3].PaidOn);
        Assert.Equal(HardshipCause.Oversight, c.Hardship.Cause);
        Assert.Equal([DocumentKind.Id, DocumentKind.Statements], c.Documents);
        Assert.Equal(9500.00m, Assert.Single(c.Finances!.Income).Monthly);
        Assert.Equal([true, true, true, false, false], c.Finances.Expenses.Select(e => e.IsEssential));
    }

    [Fact]
    public void Minimal_case_gets_documented_defaults()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 } }
            """;

        var c = BorrowerCase.FromJson(json);

        Assert.Equal(LenderKind.Other, c.Lender.Kind);
        Assert.Null(c.Lender.Name);
        Assert.Equal(0m, c.Account.Interest);
        Assert.Null(c.Account.AnnualRate);
        Assert.Null(c.Finances);
        Assert.Equal(HardshipCause.None, c.Hardship.Cause);
        Assert.Equal(HardshipAffects.Self, c.Hardship.Affects);
        Assert.Equal(NegotiationGoal.Auto, c.Goal);
        Assert.True(c.Conduct.Contactable);
        Assert.Equal(0, c.Conduct.BrokenPromises);
        Assert.Empty(c.History);
        Assert.Empty(c.Offers);
    }

    [Fact]
    public void A_hardship_that_falls_on_the_borrower_from_a_family_member_is_read_as_such()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 },
              "hardship": { "cause": "illness", "affects": "family" } }
            """;

        Assert.Equal(HardshipAffects.Family, BorrowerCase.FromJson(json).Hardship.Affects);
        var wrong = Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json.Replace("\"family\"", "\"wife\"", StringComparison.Ordinal)));
        Assert.Contains("hardship.affects", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_null_for_an_optional_value_means_not_given()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY", "lender": null, "history": null, "finances": null,
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100, "annualRate": null } }
            """;

        var c = BorrowerCase.FromJson(json);

        Assert.Equal(new Lender(), c.Lender);
        Assert.Empty(c.History);
        Assert.Null(c.Finances);
        Assert.Null(c.Account.AnnualRate);
    }

    [Fact]
    public void Income_without_stability_counts_as_stable()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 },
              "finances": { "income": [ { "monthly": 5000 } ] } }
            """;

        Assert.True(Assert.Single(BorrowerCase.FromJson(json).Finances!.Income).Stable);
    }

    [Fact]
    public void Schema_key_is_tolerated_but_comments_are_not_json()
    {
        const string json = """
            { "$schema": "../../schemas/borrower-case.schema.json", "asOf": "2026-11-20", "currency": "JPY",
              "account": { "principal": 100000, "dueDate": "2026-11-10", "amountDue": 10000 } }
            """;
        var commented = "// a case for the tests\n" + json.Replace(" } }", " } /* yen have no minor unit */ }", StringComparison.Ordinal);

        Assert.Equal("JPY", BorrowerCase.FromJson(json).Currency);
        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(commented)).Problems);
        Assert.Equal((1, 1, "invalid JSON: comments are not allowed in JSON"), (problem.Line, problem.Column, problem.Message));
    }

    [Fact]
    public void Yen_amounts_with_decimals_are_refused()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "JPY",
              "account": { "principal": 100000.5, "dueDate": "2026-11-10", "amountDue": 10000 } }
            """;

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);
        Assert.Equal("account.principal", problem.Path);
        Assert.Contains("minor unit allows (0)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_keeps_every_digit_up_to_the_bound()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": 999999999999.99, "interest": 0.01, "dueDate": "2026-11-10", "amountDue": 1000000000000 } }
            """;

        var account = BorrowerCase.FromJson(json).Account;

        Assert.Equal(999_999_999_999.99m, account.Principal);
        Assert.Equal(1_000_000_000_000.00m, account.TotalOwed);
    }

    [Fact]
    public void Written_case_reads_back_equal()
    {
        var c = Seed();

        var again = BorrowerCase.FromJson(c.ToJson());

        Assert.Equal(c, again);
        Assert.Equal(c.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Written_case_uses_the_contract_spelling()
    {
        var json = Seed().ToJson();

        Assert.Contains("\"kind\": \"consumer-finance\"", json, StringComparison.Ordinal);
        Assert.Contains("\"asOf\": \"2026-11-20\"", json, StringComparison.Ordinal);
        Assert.Contains("\"penaltyDailyRate\": 0.0005", json, StringComparison.Ordinal);
        Assert.DoesNotContain("totalOwed", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isEssential", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_differing_in_one_list_item_are_not_equal()
    {
        var c = Seed();
        var changed = c with { Documents = new ValueList<DocumentKind>([DocumentKind.Id]) };

        Assert.NotEqual(c, changed);
    }
}

/// <summary>The seed example case, for tests in other folders.</summary>
internal static class BorrowerCaseJsonTestsAccess
{
    public static BorrowerCase Seed() => BorrowerCase.FromJson(File.ReadAllText(TestFiles.ExampleCase("seed-oversight.json")));
}

public sealed class ValueListTests
{
    [Fact]
    public void Collection_expressions_build_value_lists_that_compare_by_element()
    {
        ValueList<IncomeSource> income = [new IncomeSource { Monthly = 100m }, new IncomeSource { Monthly = 50m, Stable = false }];
        ValueList<IncomeSource> same = [new IncomeSource { Monthly = 100m }, new IncomeSource { Monthly = 50m, Stable = false }];

        Assert.Equal(2, income.Count);
        Assert.Equal(income, same);
        Assert.Equal(income.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(income, [new IncomeSource { Monthly = 100m }]);
        Assert.Empty(ValueList<IncomeSource>.Empty);
    }
}
