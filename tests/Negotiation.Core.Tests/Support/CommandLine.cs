using Negotiation.Cli;

namespace Negotiation.Core.Tests.Support;

/// <summary>Runs the <c>negotiation</c> command in process and captures what it wrote.</summary>
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
}
