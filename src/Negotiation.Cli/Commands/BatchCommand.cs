using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Negotiation.Cli.Input;
using Negotiation.Core.Advice;
using Negotiation.Core.Cases;
using Negotiation.Core.Inputs;
using Newtonsoft.Json;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiation batch &lt;cases.jsonl&gt;</c>: advises on one case per line and writes one plan per line, in input order.
/// </summary>
/// <remarks>
/// Lines are read in blocks: each block is advised in parallel, then written in order while the next block is advised,
/// then dropped, so memory stays flat however long the input is (two blocks at most are held). A block holds at most
/// <see cref="LinesPerWorker"/> lines per worker and <see cref="InputLimits.BatchBlockLength"/> characters. Lines end at a line feed only (see <see cref="JsonLinesReader"/>);
/// a line longer than a case may be is skipped unread. A line that is not a valid case yields an error record naming
/// its line, and the run goes on. Plans are written as UTF-8 bytes straight to the file or to standard output, whatever the
/// console's encoding: no string is built per plan.
/// </remarks>
internal static class BatchCommand
{
    /// <summary>Lines advised per block and worker: large enough to keep the workers busy, small enough to keep memory flat.</summary>
    private const int LinesPerWorker = 128;

    /// <summary>Bytes reserved per plan: a compact plan of the default rule set is some 20,000 bytes with the fired trace, 60,000 with every rule (the slot grows).</summary>
    private const int PlanCapacity = 32 * 1024;

    /// <summary>A slot that an unusual plan grew beyond this is replaced, so that one huge line does not pin its buffer for the run.</summary>
    private const int LargestKeptSlot = 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("cases") { Description = "A JSON Lines file: one case per line (lines end at LF), each at most 4 MiB. Blank lines are skipped." };
        var output = new Option<string?>("--out") { Description = "Write the plans to this file instead of standard output." };
        var rules = new Option<string?>("--rules") { Description = "A rule set folder, or the id of a rule set embedded in the library (cn-consumer-credit, uk-consumer-credit); the embedded default (cn-consumer-credit) when left out." };
        var language = LanguageOption.Create("zh-CN, en or en-GB: one of the rule set's languages (en reaches an en-GB set); its first when left out.");
        var trace = TraceOption.Create();
        var parallel = new Option<int>("--parallel")
        {
            Description = "How many cases to advise at once; the number of processors when left out.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be at least 1.");
            }
        });
        var command = new Command(
            "batch",
            "Advises on every case in a JSON Lines file and writes one plan per line (compact JSON), in input order. " +
            "A line that is not a valid case gives {\"line\": N, \"errors\": [...]} instead, and the run goes on. " +
            "Progress is shown on standard error when it is a terminal. " +
            "Exit code 0 when every line was advised, 1 when some line failed or the input could not be read, 2 for a usage error.")
        {
            file, output, rules, language, parallel, trace,
        };
        command.SetAction(parse =>
        {
            if (RuleSetFiles.TryLoad(parse.GetValue(rules), stderr) is not { } ruleSet)
            {
                return ExitCodes.InvalidInput;
            }

            if (LanguageOption.Resolve(ruleSet, parse.GetValue(language), stderr) is not { } lang)
            {
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(file)!;
            if (JsonLinesReader.TryOpen(path, stderr) is not { } input)
            {
                return ExitCodes.InvalidInput;
            }

            using (input)
            {
                var outPath = parse.GetValue(output);
                FileStream? outFile = null;
                try
                {
                    outFile = outPath is null ? null : new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    stderr.WriteLine($"{outPath}: cannot write the file: {e.Message}");
                    return ExitCodes.InvalidInput;
                }

                using (outFile)
                {
                    var sink = outFile is not null ? new LineSink(outFile) : StandardOutput(stdout);
                    var run = new BatchRun(NegotiationAdvisor.Create(ruleSet), lang, TraceOption.Parse(parse.GetValue(trace)!), parse.GetValue(parallel), Progress(stderr));
                    var summary = run.Process(input, sink);
                    sink.Flush();
                    if (summary.Failed > 0)
                    {
                        stderr.WriteLine($"{path}: {summary.Failed} of {summary.Failed + summary.Advised} cases failed; see the error records");
                    }

                    return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
                }
            }
        });
        return command;
    }

    /// <summary>Progress goes to the terminal only: never into a redirected stderr that a script reads.</summary>
    private static TextWriter? Progress(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null;

    /// <summary>
    /// The console's standard output as bytes, so that plans go out as UTF-8 without a detour through the console's
    /// encoder; any other writer (tests capture output in one) gets the same bytes decoded.
    /// </summary>
    private static LineSink StandardOutput(TextWriter stdout)
    {
        if (!ReferenceEquals(stdout, Console.Out))
        {
            return new LineSink(stdout);
        }

        stdout.Flush();
        return new LineSink(Console.OpenStandardOutput());
    }

    internal readonly record struct Summary(long Advised, long Failed);

    /// <summary>Where the lines go: a byte stream, or a text writer that is given them decoded.</summary>
    private sealed class LineSink
    {
        private readonly Stream? stream;
        private readonly TextWriter? text;
        private char[] chars = [];

        public LineSink(Stream stream) => this.stream = stream;

        public LineSink(TextWriter text) => this.text = text;

        public void Write(ReadOnlySpan<byte> utf8)
        {
            if (stream is not null)
            {
                stream.Write(utf8);
                return;
            }

            var needed = Utf8.GetMaxCharCount(utf8.Length);
            if (chars.Length < needed)
            {
                chars = new char[needed];
            }

            var count = Utf8.GetChars(utf8, chars);
            text!.Write(chars.AsSpan(0, count));
        }

        public void Flush()
        {
            stream?.Flush();
            text?.Flush();
        }
    }

    /// <summary>One run over one input: reads a block, advises it in parallel, writes it in order, repeats.</summary>
    private sealed class BatchRun(NegotiationAdvisor advisor, string language, PlanTrace trace, int workers, TextWriter? progress)
    {
        public Summary Process(TextReader input, LineSink output)
        {
            // Two blocks: while the workers advise one, the other's plans are written out, so that the cores do not wait
            // while a block of plans (some 5 MB) goes to the file, nor the file while the cores advise.
            Block current = new(LinesPerWorker * workers), other = new(LinesPerWorker * workers);
            var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
            var lines = new JsonLinesReader(input, InputLimits.CaseLength);
            long advised = 0, failures = 0;
            var clock = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            Task<(long Advised, long Failed)>? writing = null;
            while (true)
            {
                var count = current.Read(lines);
                if (count > 0)
                {
                    var block = current;
                    if (workers == 1)
                    {
                        for (var i = 0; i < count; i++)
                        {
                            block.Advise(this, i);
                        }
                    }
                    else
                    {
                        Parallel.For(0, count, options, i => block.Advise(this, i));
                    }
                }

                if (writing is not null)
                {
                    var (ok, bad) = writing.GetAwaiter().GetResult();
                    advised += ok;
                    failures += bad;
                }

                if (count == 0)
                {
                    break;
                }

                var written = current;
                writing = Task.Run(() => written.Write(count, output));
                (current, other) = (other, current);

                if (progress is not null && clock.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
                {
                    lastReport = clock.Elapsed;
                    progress.Write($"\r{advised + failures:N0} cases, {failures:N0} failed, {(advised + failures) / clock.Elapsed.TotalSeconds:N0}/s ");
                }
            }

            progress?.WriteLine($"\r{advised + failures:N0} cases, {failures:N0} failed, {clock.Elapsed.TotalSeconds:N1} s ");
            return new Summary(advised, failures);
        }

        /// <summary>A block of lines and, slot by slot, the plan or error record of each, reused from block to block.</summary>
        private sealed class Block(int size)
        {
            private readonly (long Line, string? Text)[] lines = new (long, string?)[size];

            // One UTF-8 buffer per slot, sized once and reused: a string per plan would be a second encoding pass.
            private readonly ArrayBufferWriter<byte>[] results = [.. Enumerable.Range(0, size).Select(_ => new ArrayBufferWriter<byte>(PlanCapacity))];
            private readonly bool[] failed = new bool[size];

            /// <summary>Reads the next lines; a block ends at its count of lines or of characters, so that lines near the bound do not pile up by the hundred.</summary>
            public int Read(JsonLinesReader reader)
            {
                var count = 0;
                long characters = 0;
                while (count < lines.Length && characters < InputLimits.BatchBlockLength && reader.TryRead(out var line, out var text))
                {
                    if (text is null || !string.IsNullOrWhiteSpace(text))
                    {
                        lines[count++] = (line, text);
                        characters += text?.Length ?? 0;
                    }
                }

                return count;
            }

            public void Advise(BatchRun run, int i) => failed[i] = !run.AdviseLine(lines[i].Line, lines[i].Text, results[i]);

            /// <summary>Writes the first <paramref name="count"/> slots in order and empties the block; returns how many were advised and how many failed.</summary>
            public (long Advised, long Failed) Write(int count, LineSink output)
            {
                long advised = 0, failures = 0;
                for (var i = 0; i < count; i++)
                {
                    // The line break is in the slot already: one write per line.
                    output.Write(results[i].WrittenSpan);
                    failures += failed[i] ? 1 : 0;
                    advised += failed[i] ? 0 : 1;
                    if (results[i].Capacity > LargestKeptSlot)
                    {
                        results[i] = new ArrayBufferWriter<byte>(PlanCapacity);
                    }
                    else
                    {
                        results[i].ResetWrittenCount();
                    }

                    lines[i] = default;
                }

                return (advised, failures);
            }
        }

        /// <summary>Writes the plan of one line, or its error record, and a line break to <paramref name="result"/>; never throws for a bad case.</summary>
        /// <param name="line">The line's number.</param>
        /// <param name="text">The line, or null when it was too long to be read.</param>
        /// <param name="result">Where the plan or the error record goes.</param>
        /// <returns>Whether the line was advised.</returns>
        private bool AdviseLine(long line, string? text, ArrayBufferWriter<byte> result)
        {
            var advised = WriteLine(line, text, result);
            result.Write("\n"u8);
            return advised;
        }

        private bool WriteLine(long line, string? text, ArrayBufferWriter<byte> result)
        {
            if (text is null)
            {
                Utf8.GetBytes(ErrorRecord(line, [InputLimits.TooLong("the line", InputLimits.CaseLength) + "; it was skipped"]), result);
                return false;
            }

            NegotiationPlan plan;
            try
            {
                plan = advisor.Advise(BorrowerCase.FromJson(text), language);
            }
            catch (CaseValidationException e)
            {
                Utf8.GetBytes(ErrorRecord(line, e.Problems.Select(p => p.Path.Length > 0 ? $"{p.Path}: {p.Message}" : p.Message)), result);
                return false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug, not a bad case: say so on its line and keep going, like any other failed line.
                Utf8.GetBytes(ErrorRecord(line, [$"internal error: {e.GetType().Name}: {e.Message}"]), result);
                return false;
            }

            plan.WriteJsonLine(result, trace);
            return true;
        }

        private static string ErrorRecord(long line, IEnumerable<string> errors) =>
            JsonConvert.SerializeObject(new { line, errors });
    }
}
