using System.Diagnostics;
using Negotiation.Cli;

namespace Negotiation.Core.Tests.Support;

/// <summary>Runs the <c>negotiation</c> command in process, or as a process of its own, and captures what it wrote.</summary>
internal static class CommandLine
{
    /// <summary>Runs the command with <paramref name="args"/>; line ends come back as <c>\n</c> on every platform.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Runs the built command (<c>negotiation.dll</c> beside the tests) in a process of its own, started by bash after
    /// <paramref name="shellSetup"/> (such as <c>ulimit -s 1024</c>) and with <paramref name="environment"/> added: what an
    /// in-process run cannot show, such as a crash that no handler can catch, or a setting read once at start-up.
    /// </summary>
    public static (int Code, string Out, string Err) RunProcess(string shellSetup, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // The variables are set by env for the command alone: bash itself would warn about a locale the system lacks.
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shellSetup + "; exec env \"$@\"");
        start.ArgumentList.Add("negotiation");
        foreach (var (name, value) in environment)
        {
            start.ArgumentList.Add($"{name}={value}");
        }

        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(TestFiles.Path("negotiation.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"negotiation {string.Join(' ', args)} did not finish in two minutes");
        }

        return (process.ExitCode, stdout.Result.ReplaceLineEndings("\n"), stderr.Result.ReplaceLineEndings("\n"));
    }
}
