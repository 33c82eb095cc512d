using System.CommandLine;
using Negotiation.Cli.Commands;

namespace Negotiation.Cli;

/// <summary>The <c>negotiation</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers; tests call this to capture output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "Advises a borrower who has fallen behind on a consumer credit line, and checks the rule sets behind the advice.");
        root.Subcommands.Add(CheckCaseCommand.Create(stdout, stderr));
        root.Subcommands.Add(ScheduleCommand.Create(stdout, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine("Run 'negotiation --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace: an unexpected failure is reported in one line and is a bug to file.
            stderr.WriteLine($"negotiation: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
