using Negotiation.Cli;
using Negotiation.Core.RuleSets;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Negotiation.Core.Tests.Cli;

/// <summary>
/// Every file the commands read is read only up to its bound: a huge or endless case file, scenario file or batch line
/// is refused after reading one character past the bound, with a message naming the bound, and never ends a run with
/// "Out of memory" or an internal error. The huge files are sparse (no disk, no memory), read as NUL characters.
/// </summary>
public sealed class HugeInputTests : IDisposable
{
    private const long Huge = 256L << 20;

    private const long AllocationBound = 64L << 20;

    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-huge-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("check-case")]
    [InlineData("advise")]
    public void A_case_file_beyond_the_bound_is_refused_after_reading_at_most_the_bound(string command)
    {
        var file = Sparse("huge.json", Huge);

        var (code, output, error, allocated) = RunCounting(command, file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Equal($"{file}: the file is longer than the 4,194,304 characters accepted\n", error);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated to refuse a {Huge:N0}-byte file");
    }

    [Theory]
    [InlineData("check-case")]
    [InlineData("advise")]
    public void An_endless_device_is_refused_like_a_huge_file(string command)
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var (code, _, error) = CommandLine.Run(command, "/dev/zero");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("/dev/zero: the file is longer than the 4,194,304 characters accepted\n", error);
    }

    [Fact]
    public void A_scenario_file_or_its_case_file_beyond_the_bound_fails_that_scenario_only()
    {
        var scenarios = Path.Combine(temp, "scenarios");
        Directory.CreateDirectory(scenarios);
        Sparse(Path.Combine("scenarios", "a-huge.json"), Huge);
        Directory.CreateDirectory(Path.Combine(scenarios, "cases"));
        Sparse(Path.Combine("scenarios", "cases", "huge.json"), Huge);
        File.WriteAllText(Path.Combine(scenarios, "b-huge-case.json"), """{ "name": "huge case", "caseFile": "cases/huge.json", "expect": {} }""");
        File.WriteAllText(Path.Combine(scenarios, "c-fine.json"), """{ "name": "fine", "case": { "asOf": "2026-11-20", "currency": "CNY", "account": { "principal": 6800, "dueDate": "2026-11-10", "amountDue": 1250 } }, "expect": {} }""");
        _ = RuleSet.Default;

        var (code, output, _, allocated) = RunCounting("test", scenarios);

        Assert.Equal(ExitCodes.InvalidInput, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("a-huge.json: the file is longer than the 4,194,304 characters accepted", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("huge.json: the file is longer than the 4,194,304 characters accepted", lines[1], StringComparison.Ordinal);
        Assert.Equal("1 passed, 2 failed", lines[2]);
        Assert.True(allocated < 2 * AllocationBound, $"{allocated:N0} bytes allocated to refuse two {Huge:N0}-byte files");
    }

    [Fact]
    public void A_batch_line_beyond_the_bound_is_skipped_unread_and_every_other_line_is_advised()
    {
        // A valid line, then one of 256 MiB (a sparse hole: NUL characters), then a valid line.
        var file = Path.Combine(temp, "cases.jsonl");
        using (var stream = new FileStream(file, FileMode.CreateNew))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(OneLine("seed-oversight.json") + "\n"));
            stream.Seek(Huge, SeekOrigin.Current);
            stream.Write(System.Text.Encoding.UTF8.GetBytes("\n" + OneLine("scam-offer.json") + "\n"));
        }

        _ = RuleSet.Default;
        var (code, output, error, allocated) = RunCounting("batch", file, "--parallel", "1");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("1 of 3 cases failed", error, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.NotNull(lines[0]["decision"]);
        Assert.Equal(2, (int)lines[1]["line"]!);
        Assert.Equal(["the line is longer than the 4,194,304 characters accepted; it was skipped"], lines[1]["errors"]!.Values<string>());
        Assert.NotNull(lines[2]["decision"]);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated to skip a {Huge:N0}-byte line");
    }

    private static string OneLine(string example)
    {
        var json = JObject.Parse(File.ReadAllText(TestFiles.ExampleCase(example)));
        json.Remove("$schema");
        return json.ToString(Newtonsoft.Json.Formatting.None);
    }

    /// <summary>Runs the command in process and counts what this thread allocated meanwhile (one worker: the run stays on it).</summary>
    private static (int Code, string Out, string Err, long Allocated) RunCounting(params string[] args)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (code, output, error) = CommandLine.Run(args);
        return (code, output, error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no disk: a hole, read back as NUL bytes.</summary>
    private string Sparse(string name, long length)
    {
        var path = Path.Combine(temp, name);
        using var stream = new FileStream(path, FileMode.CreateNew);
        stream.SetLength(length);
        return path;
    }
}
