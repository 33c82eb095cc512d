using Negotiation.Core.Cases;

namespace Negotiation.Core.Tests.Cases;

/// <summary>
/// Case JSON is read as RFC 8259 writes it, as every other JSON reader reads it: what Newtonsoft alone accepts
/// (single quotes, bare names, trailing commas, comments, <c>010</c> read as 8, <c>0x0C</c> read as 12) is refused
/// with the usual line, column and path, never read as a guess.
/// </summary>
public sealed class StrictCaseJsonTests
{
    // Valid as written; each row below breaks it in one place, on the line given.
    private const string Valid = """
        {
          "asOf": "2026-11-20",
          "currency": "CNY",
          "account": { "principal": 6800.00, "dueDate": "2026-11-10", "amountDue": 1250.00 },
          "conduct": { "brokenPromises": 1 },
          "documents": ["id", "statements"]
        }
        """;

    // what to replace, with what, then the line, column, path and a fragment of the message expected.
    public static TheoryData<string, string, int, int, string, string> Edits => new()
    {
        { "\"currency\": \"CNY\"", "\"currency\": 'CNY'", 3, 15, "currency", "double quotes" },
        { "\"currency\": \"CNY\"", "currency: \"CNY\"", 3, 3, "", "a property name must be in double quotes (\"currency\")" },
        { "\"statements\"]", "\"statements\",]", 6, 35, "documents", "a comma before ']'" },
        { "\"amountDue\": 1250.00 }", "\"amountDue\": 1250.00, }", 4, 83, "account", "a comma before '}'" },
        { "\"asOf\": \"2026-11-20\",", "\"asOf\": \"2026-11-20\", // today", 2, 25, "", "comments are not allowed" },
        { "\"principal\": 6800.00", "\"principal\": /* owed */ 6800.00", 4, 29, "account.principal", "comments are not allowed" },
        { "\"brokenPromises\": 1", "\"brokenPromises\": 010", 5, 34, "conduct.brokenPromises", "'010' is not a JSON number" },
        { "\"brokenPromises\": 1", "\"brokenPromises\": 0x0C", 5, 34, "conduct.brokenPromises", "'0x0C' is not a JSON number" },
        { "\"brokenPromises\": 1", "\"brokenPromises\": +1", 5, 34, "conduct.brokenPromises", "'+1' is not a JSON number" },
        { "\"principal\": 6800.00", "\"principal\": 6800.", 4, 29, "account.principal", "'6800.' is not a JSON number" },
        { "\"documents\": [\"id\"", "\"documents\": [\"i\td\"", 6, 19, "documents", "a control character (U+0009)" },
        { "\"currency\": \"CNY\",", "\"currency\": \"CNY\",\u00a0", 3, 21, "", "U+00A0 is not white space in JSON" },
        { "\"currency\": \"CNY\",", "\u2028\"currency\": \"CNY\",", 3, 3, "", "U+2028 is not white space in JSON" },
        { "\"brokenPromises\": 1", "\"brokenPromises\": NaN", 5, 34, "conduct.brokenPromises", "'NaN' is not a JSON value" },
        { "\"brokenPromises\": 1", "\"brokenPromises\": 1 2", 5, 36, "conduct", "a ',' is missing before '2'" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Syntax_only_newtonsoft_accepts_is_refused_at_its_line_column_and_path(string find, string replace, int line, int column, string path, string fragment)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);

        Assert.StartsWith("invalid JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
        Assert.Equal((path, line, column), (problem.Path, problem.Line, problem.Column));
    }

    [Fact]
    public void The_unedited_case_is_valid()
    {
        Assert.Equal(1, BorrowerCase.FromJson(Valid).Conduct.BrokenPromises);
    }

    [Fact]
    public void Leading_zero_is_not_read_as_octal_nor_hexadecimal_as_a_number()
    {
        // Before: 010 read as 8 broken promises and 0x0C as 12.
        Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(Valid.Replace("\"brokenPromises\": 1", "\"brokenPromises\": 010", StringComparison.Ordinal)));
        Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(Valid.Replace("\"brokenPromises\": 1", "\"brokenPromises\": 0x0C", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Lines_are_counted_whatever_the_line_ends(string lineEnd)
    {
        var json = Valid.ReplaceLineEndings(lineEnd).Replace("\"brokenPromises\": 1", "\"brokenPromises\": 010", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);

        Assert.Equal((5, 34), (problem.Line, problem.Column));
    }

    [Fact]
    public void Position_counts_characters_not_utf8_bytes()
    {
        var json = Valid.Replace("\"documents\": [\"id\", \"statements\"]", "\"lender\": { \"name\": \"享花卡\", \"kind\": 'bnpl' }", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);

        Assert.Equal(("lender.kind", 6, 38), (problem.Path, problem.Line, problem.Column));
    }

    [Fact]
    public void The_message_quotes_no_more_of_the_text_than_the_offending_token()
    {
        var json = Valid.Replace("\"brokenPromises\": 1", "\"brokenPromises\": 0" + new string('7', 5000), StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BorrowerCase.FromJson(json)).Problems);

        Assert.True(problem.Message.Length < 200, problem.Message);
    }
}
