using Negotiation.Cli;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Cli;

public sealed class CheckCaseCommandTests
{

    [Fact]
    public void Valid_case_prints_valid_and_exits_0()
    {
        var (code, output, error) = CommandLine.Run("check-case", TestFiles.ExampleCase("seed-oversight.json"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("valid", output.Trim());
        Assert.Empty(error);
    }

    [Fact]
    public void Invalid_case_lists_every_problem_with_file_line_column_and_path_and_exits_1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"check-case-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            { "asOf": "2026-11-20", "currency": "CNY",
              "account": { "principal": -1, "dueDate": "2026-11-10", "amountDue": 1 },
              "goal": "extend" }
            """);
        try
        {
            var (code, output, error) = CommandLine.Run("check-case", file);

            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Empty(output);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"{file}:2:", lines[0], StringComparison.Ordinal);
            Assert.Contains(": account.principal: must not be negative", lines[0], StringComparison.Ordinal);
            Assert.Contains(": goal: unknown value 'extend'", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Missing_file_is_invalid_input_without_a_stack_trace()
    {
        var (code, _, error) = CommandLine.Run("check-case", "/no/such/case.json");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith("/no/such/case.json: cannot read the file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check-case")]
    [InlineData("check-case", "a.json", "b.json")]
    [InlineData("--no-such-option")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, error) = CommandLine.Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("negotiation --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var (code, output, _) = CommandLine.Run("--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("check-case", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var (code, output, _) = CommandLine.Run("--version");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("0.1.0", output.Trim(), StringComparison.Ordinal);
    }
}
