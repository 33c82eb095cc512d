using Negotiation.Cli;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Cli;

public sealed class BatchCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}");

    public BatchCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);


    /// <summary>One example case on one line, with its asOf moved so that each line's plan differs and order can be checked.</summary>
    private static string Line(string example, int day)
    {
        var json = JObject.Parse(File.ReadAllText(TestFiles.ExampleCase(example + ".json")));
        json.Remove("$schema");
        json["asOf"] = $"2026-11-{day:00}";
        return json.ToString(Newtonsoft.Json.Formatting.None);
    }

    private string Write(IEnumerable<string> lines)
    {
        var file = Path.Combine(folder, "cases.jsonl");
        File.WriteAllText(file, string.Join("\n", lines) + "\n");
        return file;
    }

    private static string[] OutputLines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Writes_one_compact_plan_per_line_equal_to_advise_and_exits_0()
    {
        var file = Write([Line("seed-oversight", 20), Line("lasting-hardship", 20), Line("scam-offer", 20)]);

        var (code, output, error) = CommandLine.Run("batch", file);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        var lines = OutputLines(output);
        Assert.Equal(3, lines.Length);
        var advisor = NegotiationAdvisor.CreateDefault();
        foreach (var (line, example) in lines.Zip(["seed-oversight", "lasting-hardship", "scam-offer"]))
        {
            var expected = advisor.Advise(BorrowerCase.FromJson(Line(example, 20))).ToJson();
            Assert.DoesNotContain('\r', line);
            Assert.True(JToken.DeepEquals(JObject.Parse(expected), JObject.Parse(line)), $"{example}: the batch plan differs from advise's");
        }
    }

    [Theory]
    [InlineData("none")]
    [InlineData("fired")]
    [InlineData("all")]
    public void Trace_option_writes_each_plan_with_the_trace_asked_for(string trace)
    {
        var file = Write([Line("seed-oversight", 20), Line("scam-offer", 20)]);

        var (code, output, error) = CommandLine.Run("batch", file, "--trace", trace);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        var advisor = NegotiationAdvisor.CreateDefault();
        var expected = new[] { "seed-oversight", "scam-offer" }
            .Select(e => advisor.Advise(BorrowerCase.FromJson(Line(e, 20))).ToJsonLine(trace switch { "none" => PlanTrace.None, "all" => PlanTrace.All, _ => PlanTrace.Fired }));
        Assert.Equal(expected, OutputLines(output));
        Assert.All(OutputLines(output), line => Assert.Equal(trace != "none", JObject.Parse(line).ContainsKey("trace")));
    }

    [Fact]
    public void A_trace_other_than_none_fired_or_all_is_a_usage_error()
    {
        var (code, _, error) = CommandLine.Run("batch", Write([Line("seed-oversight", 20)]), "--trace", "some");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'some'", error, StringComparison.Ordinal);
        Assert.Contains("'fired'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_input_order_with_parallel_workers()
    {
        // More lines than one block, so that several blocks are advised by several workers.
        var days = Enumerable.Range(0, 1200).Select(i => 11 + (i % 19)).ToArray();
        var examples = new[] { "seed-oversight", "lasting-hardship", "scam-offer" };
        var file = Write(days.Select((d, i) => Line(examples[i % 3], d)));
        var outFile = Path.Combine(folder, "plans.jsonl");

        var (code, output, error) = CommandLine.Run("batch", file, "--parallel", "4", "--out", outFile);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(output);
        Assert.Empty(error);
        var lines = File.ReadAllLines(outFile);
        Assert.Equal(days.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal($"2026-11-{days[i]:00}", (string?)JObject.Parse(lines[i])["asOf"]);
        }
    }

    [Fact]
    public void Bad_lines_give_error_records_with_their_line_numbers_and_the_run_goes_on()
    {
        var file = Write(
        [
            Line("seed-oversight", 20),
            """{ "asOf": "2026-11-20", "currency": "CNY", "account": { "principal": -1, "dueDate": "2026-11-10", "amountDue": 1 } }""",
            "not json at all",
            Line("scam-offer", 20),
        ]);

        var (code, output, error) = CommandLine.Run("batch", file, "--parallel", "2");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("2 of 4 cases failed", error, StringComparison.Ordinal);
        var lines = OutputLines(output).Select(JObject.Parse).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Equal("2026-11-20", (string?)lines[0]["asOf"]);
        Assert.Equal(2, (int)lines[1]["line"]!);
        Assert.Contains(lines[1]["errors"]!.Values<string>(), e => e!.StartsWith("account.principal: must not be negative", StringComparison.Ordinal));
        Assert.Equal(3, (int)lines[2]["line"]!);
        Assert.NotEmpty(lines[2]["errors"]!);
        Assert.Equal("2026-11-20", (string?)lines[3]["asOf"]);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_in_line_numbers()
    {
        var file = Write(["", Line("seed-oversight", 20), "   ", "{}", ""]);

        var (code, output, _) = CommandLine.Run("batch", file, "--parallel", "1");

        Assert.Equal(ExitCodes.InvalidInput, code);
        var lines = OutputLines(output).Select(JObject.Parse).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.NotNull(lines[0]["decision"]);
        Assert.Equal(4, (int)lines[1]["line"]!);
    }

    [Fact]
    public void A_carriage_return_between_tokens_does_not_split_a_record()
    {
        // A bare CR is JSON white space: the first record is one valid case, not two fragments, and the lines after it
        // keep their numbers. A CR before the LF is still only the line's end.
        var withCr = Line("seed-oversight", 20).Replace(",\"currency\":", ",\r\"currency\":\r", StringComparison.Ordinal);
        Assert.Contains('\r', withCr);
        var file = Path.Combine(folder, "cases.jsonl");
        File.WriteAllText(file, withCr + "\n{}\r\n" + Line("scam-offer", 20) + "\r\n");

        var (code, output, _) = CommandLine.Run("batch", file, "--parallel", "1");

        Assert.Equal(ExitCodes.InvalidInput, code);
        var lines = OutputLines(output).Select(JObject.Parse).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.NotNull(lines[0]["decision"]);
        Assert.Equal(2, (int)lines[1]["line"]!);
        Assert.NotNull(lines[2]["decision"]);
    }

    [Fact]
    public void An_empty_file_writes_nothing_and_exits_0()
    {
        var file = Write([]);

        var (code, output, error) = CommandLine.Run("batch", file);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", output);
        Assert.Empty(error);
    }

    [Fact]
    public void A_missing_file_is_reported_and_exits_1()
    {
        var (code, output, error) = CommandLine.Run("batch", Path.Combine(folder, "missing.jsonl"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Contains("missing.jsonl: cannot read the file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_below_one_is_a_usage_error()
    {
        var (code, _, error) = CommandLine.Run("batch", Write([]), "--parallel", "0");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--parallel must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_states_the_exit_codes()
    {
        var (code, output, _) = CommandLine.Run("batch", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Exit code 0 when every line was advised, 1 when some line failed", output, StringComparison.Ordinal);
    }
}
