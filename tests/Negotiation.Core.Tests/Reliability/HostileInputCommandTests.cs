using System.Diagnostics;
using System.Text;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Negotiation.Core.Tests.Reliability;

/// <summary>
/// No internal error is reachable from any input file. A corpus of hostile files goes through every command that reads
/// files — <c>check-case</c>, <c>advise</c>, <c>batch</c>, <c>validate</c> and <c>test</c> — and every run must end with
/// exit code 0, 1 or 2, in its time, and without "internal error" (the command's word for a bug) on either stream.
/// </summary>
/// <remarks>
/// The corpus: the malformed cases of TestData, odd documents, lenient syntax, damaged cases (the fuzz suite's
/// mutations), a huge file, NUL bytes, invalid UTF-8 and UTF-16; rule sets damaged the same ways, with the hostile
/// expressions, a pipe, links out of the folder, a huge and an empty file, a folder where a file should be; scenarios
/// naming all of these, escaping their folder, and being pipes, links and huge files themselves.
/// </remarks>
public sealed class HostileInputCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>UTF-8 that writes a lone surrogate as U+FFFD instead of throwing: the odd texts hold some.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] OddDocuments =
    [
        "", " ", "null", "0", "\"\"", "[]", "{", "{}", "\ufeff{}", "{\"a\":1}\0", "{\"\ud800\":1}", "{\"account\":{\"principal\":1e400}}",
        "{\"account\":{\"principal\":NaN}}", "{\"account\":{\"principal\":0x10}}", "{'asOf':'2026-01-01'}", "{asOf:1}", "[1,]",
        "{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}", new string('[', 100_000),
        new string('{', 10_000), "{\"a\":\"" + new string('x', 100_000) + "\"}", "\"\\ud800\"", "{\"asOf\":\"2026-11-20\"}//",
    ];

    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-hostile-").FullName;
    private readonly List<string> fifos = [];

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public void No_internal_error_is_reachable_from_any_input_file()
    {
        var clock = Stopwatch.StartNew();
        var cases = CaseCorpus();
        var rules = RuleSetCorpus();
        var scenarios = ScenarioCorpus(cases, rules[0]);
        var runs = 0;

        for (var i = 0; i < cases.Count; i++)
        {
            runs += Run("check-case", cases[i]);
            runs += Run("advise", cases[i], "--format", i % 2 == 0 ? "json" : "html");
        }

        if (File.Exists("/dev/zero"))
        {
            runs += Run("check-case", "/dev/zero") + Run("advise", "/dev/zero");
        }

        var lines = BatchCorpus(cases);
        runs += Run("batch", lines, "--parallel", "2");
        runs += Run("diff", lines, "--rules", TestFiles.Path("rules", "cn-consumer-credit"), "--against", TestFiles.Path("rules", "cn-consumer-credit"));
        for (var i = 0; i < cases.Count; i += 4)
        {
            runs += Run("explain", cases[i], "--rule", "extension-goal");
        }

        foreach (var folder in rules)
        {
            runs += Run("validate", folder);
        }

        foreach (var folder in rules.Where((_, i) => i % 8 == 0))
        {
            runs += Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--rules", folder);
            runs += Run("batch", cases[0], "--rules", folder);
            runs += Run("explain", TestFiles.ExampleCase("seed-oversight.json"), "--rule", "in-grace", "--rules", folder);
            runs += Run("diff", cases[0], "--rules", folder, "--against", folder);
        }

        runs += Run("test", scenarios, "--rules", rules[0]);
        runs += Run("test", scenarios);
        runs += Run("test", scenarios, "--coverage-min", "100");

        output.WriteLine($"{runs} runs over {cases.Count} case files, {rules.Count} rule sets and {Directory.GetFiles(scenarios).Length} scenario files in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private int Run(params string[] args)
    {
        var run = Task.Run(() => CommandLine.Run(args));
        if (!run.Wait(Patience))
        {
            Release();
            throw new Xunit.Sdk.XunitException($"negotiation {string.Join(' ', args)} did not end within {Patience.TotalSeconds} s");
        }

        var (code, stdout, stderr) = run.Result;
        var said = stdout + stderr;
        Assert.True(code is 0 or 1 or 2, $"negotiation {string.Join(' ', args)} exited {code}: {Shorten(said)}");
        Assert.False(said.Contains("internal error", StringComparison.OrdinalIgnoreCase), $"negotiation {string.Join(' ', args)}: {Shorten(said)}");
        Assert.False(said.Contains("   at ", StringComparison.Ordinal), $"a stack trace from negotiation {string.Join(' ', args)}: {Shorten(said)}");
        return 1;
    }

    /// <summary>Opens the writing end of every pipe, so that a reader stuck on one (the bug this test would then report) gets its end of file.</summary>
    private void Release()
    {
        foreach (var fifo in fifos)
        {
            // Opening the writing end waits for a reader: there is one only where a command is stuck.
            var open = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write));
            if (open.Wait(TimeSpan.FromSeconds(1)))
            {
                open.Result.Dispose();
            }
        }
    }

    private List<string> CaseCorpus()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "cases")).FullName;
        var files = new List<string>();
        void Add(string name, string text) => files.Add(Write(Path.Combine(folder, name), text));

        files.AddRange(Directory.GetFiles(TestFiles.Path("TestData", "cases", "malformed"), "*.json").Order(StringComparer.Ordinal));
        files.AddRange(TestFiles.ExampleCases());
        for (var i = 0; i < OddDocuments.Length; i++)
        {
            Add($"odd-{i}.json", OddDocuments[i]);
        }

        var seed = TestFiles.Read("rules", "cn-consumer-credit", "examples", "seed-oversight.json").ReplaceLineEndings("\n");
        var random = new Random(20261128);
        foreach (var kind in LenientSyntax.Kinds)
        {
            if (LenientSyntax.Apply(seed, kind, random) is var (text, _))
            {
                Add($"lenient-{kind.Replace(' ', '-')}.json", text);
            }
        }

        var document = JToken.Parse(seed);
        var mutations = Samples.Of(JsonMutations.ForDocument(document), 60, seed: 16);
        for (var i = 0; i < mutations.Length; i++)
        {
            Add($"mutated-{i}.json", JsonMutations.Apply(document, mutations[i]));
        }

        Add("crlf-and-cr.json", seed.Replace("\n", "\r", StringComparison.Ordinal));
        files.Add(Bytes(Path.Combine(folder, "invalid-utf8.json"), [.. "{\"asOf\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]));
        files.Add(Bytes(Path.Combine(folder, "utf16.json"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(seed)]));
        files.Add(Bytes(Path.Combine(folder, "nul-bytes.json"), new byte[5000]));
        files.Add(Sparse(Path.Combine(folder, "huge.json"), 64L << 20));
        return files;
    }

    /// <summary>Every case of the corpus in one JSON Lines file, once as written and once with its lines joined by CR; then a huge line.</summary>
    private string BatchCorpus(List<string> cases)
    {
        var file = Path.Combine(temp, "cases.jsonl");
        using (var stream = new FileStream(file, FileMode.CreateNew))
        {
            foreach (var path in cases.Where(c => new FileInfo(c).Length < 1 << 20))
            {
                var text = File.ReadAllText(path);
                stream.Write(Encoding.UTF8.GetBytes(text + "\n" + text.ReplaceLineEndings("\r") + "\n"));
            }

            stream.Seek(8L << 20, SeekOrigin.Current);
            stream.Write("\n{}\n"u8);
        }

        return file;
    }

    private List<string> RuleSetCorpus()
    {
        var minimal = Directory.GetFiles(TestFiles.Path("TestData", "rulesets", "minimal")).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        var folders = new List<string>();
        string Set(string name, string? file = null, string? text = null)
        {
            var folder = Directory.CreateDirectory(Path.Combine(temp, "rules", name)).FullName;
            foreach (var (f, t) in minimal)
            {
                File.WriteAllText(Path.Combine(folder, f), f == file ? text : t, Utf8);
            }

            folders.Add(folder);
            return folder;
        }

        Set("valid");
        var random = new Random(8);
        foreach (var file in minimal.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var kind in LenientSyntax.Kinds)
            {
                if (LenientSyntax.Apply(minimal[file], kind, random) is var (text, _))
                {
                    Set($"{file}-{kind.Replace(' ', '-')}", file, text);
                }
            }

            var tree = JToken.Parse(minimal[file]);
            var samples = Samples.Of(JsonMutations.ForDocument(tree), 8, seed: (ulong)file.Length);
            for (var i = 0; i < samples.Length; i++)
            {
                Set($"{file}-mutated-{i}", file, JsonMutations.Apply(tree, samples[i]));
            }

            Set($"{file}-odd", file, OddDocuments[random.Next(OddDocuments.Length)]);
        }

        // Every hostile expression of the corpus, each in a rule of its own, in one set.
        var decision = JObject.Parse(minimal["decision.json"]);
        var template = (JObject)decision["Rules"]![0]!;
        var rules = (JArray)decision["Rules"]!;
        var expressions = JArray.Parse(TestFiles.Read("TestData", "rulesets", "hostile-expressions.json")).Select(e => (string)e["expression"]!).ToArray();
        for (var i = 0; i < expressions.Length; i++)
        {
            var rule = (JObject)template.DeepClone();
            rule["RuleName"] = $"hostile-{i}";
            rule["Expression"] = expressions[i];
            rule["Properties"]!["code"] = $"hostile-{i}";
            rules.Add(rule);
        }

        Set("hostile-expressions", "decision.json", decision.ToString());

        var outside = Write(Path.Combine(temp, "outside.json"), """{ "SECRET-outside": 1 }""");
        File.Delete(Path.Combine(Set("link-outside"), "citations.json"));
        File.CreateSymbolicLink(Path.Combine(folders[^1], "citations.json"), outside);
        File.Delete(Path.Combine(Set("link-loop"), "citations.json"));
        File.CreateSymbolicLink(Path.Combine(folders[^1], "citations.json"), "citations.json");
        File.Delete(Path.Combine(Set("folder-for-file"), "requests.json"));
        Directory.CreateDirectory(Path.Combine(folders[^1], "requests.json"));
        File.Delete(Path.Combine(Set("no-manifest"), "ruleset.json"));
        File.WriteAllText(Path.Combine(Set("empty-manifest"), "ruleset.json"), "");
        File.Delete(Path.Combine(Set("huge-workflow"), "requests.json"));
        Sparse(Path.Combine(folders[^1], "requests.json"), 8L << 20);
        if (File.Exists("/dev/zero"))
        {
            File.Delete(Path.Combine(Set("link-to-device"), "decision.json"));
            File.CreateSymbolicLink(Path.Combine(folders[^1], "decision.json"), "/dev/zero");
        }

        if (!OperatingSystem.IsWindows())
        {
            var fifo = Path.Combine(Set("pipe"), "decision.json");
            File.Delete(fifo);
            MakeFifo(fifo);
        }

        return folders;
    }

    private string ScenarioCorpus(List<string> cases, string rules)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "scenarios")).FullName;
        var caseFolder = Directory.CreateDirectory(Path.Combine(folder, "cases")).FullName;
        var i = 0;
        void Scenario(object? caseFile, string extra = "") =>
            File.WriteAllText(Path.Combine(folder, $"s{i++:000}.json"), $$"""{ "caseFile": {{JsonConvert.SerializeObject(caseFile)}}, "expect": { "outcome": "negotiate" }{{extra}} }""");

        foreach (var file in cases)
        {
            var copy = Path.Combine(caseFolder, Path.GetFileName(file));
            if (!File.Exists(copy))
            {
                File.Copy(file, copy);
            }

            Scenario("cases/" + Path.GetFileName(file));
            if (new FileInfo(file).Length < 1 << 20)
            {
                // The case file itself read as a scenario.
                File.Copy(file, Path.Combine(folder, $"as-scenario-{Path.GetFileName(file)}"));
            }
        }

        Scenario("../../../../../../../../etc/passwd");
        Scenario("/etc/passwd");
        Scenario("/dev/zero");
        Scenario("cases/../../outside.json");
        Scenario(Path.Combine(rules, "ruleset.json"));
        Scenario("cases");
        Scenario("missing.json");
        Scenario("a\0b.json");
        Scenario(new string('x', 100_000));
        Scenario(5);
        Scenario(null);
        Scenario("cases/seed-oversight.json", ", \"case\": {}");
        Scenario("cases/seed-oversight.json", ", \"language\": \"xx\"");
        Scenario("cases/seed-oversight.json", ", \"language\": 5, \"name\": [], \"description\": {}");
        foreach (var expect in new[] { "null", "[]", "5", "{ \"requests\": 5, \"outcome\": {}, \"citations\": [[]], \"nextFollowUp\": null, \"messageContains\": [null, 1] }" })
        {
            File.WriteAllText(Path.Combine(folder, $"s{i++:000}.json"), $$"""{ "caseFile": "cases/seed-oversight.json", "expect": {{expect}} }""");
        }

        File.CreateSymbolicLink(Path.Combine(folder, "link-outside.json"), Path.Combine(rules, "ruleset.json"));
        File.CreateSymbolicLink(Path.Combine(caseFolder, "link-outside.json"), Path.Combine(temp, "outside.json"));
        Scenario("cases/link-outside.json");
        Sparse(Path.Combine(folder, "huge.json"), 8L << 20);
        Directory.CreateDirectory(Path.Combine(folder, "folder.json"));
        if (!OperatingSystem.IsWindows())
        {
            MakeFifo(Path.Combine(folder, "pipe.json"));
            MakeFifo(Path.Combine(caseFolder, "pipe.json"));
            Scenario("cases/pipe.json");
        }

        return folder;
    }

    private void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        fifos.Add(path);
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text, Utf8);
        return path;
    }

    private static string Bytes(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no disk: a hole, read back as NUL bytes.</summary>
    private static string Sparse(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.CreateNew);
        stream.SetLength(length);
        return path;
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
