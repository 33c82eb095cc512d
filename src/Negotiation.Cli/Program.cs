using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
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
        root.Subcommands.Add(AdviseCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCaseCommand.Create(stdout, stderr));
        root.Subcommands.Add(ScheduleCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(TestCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Create(stdout, stderr));
        root.Subcommands.Add(DiffCommand.Create(stdout, stderr));
        root.Subcommands.Add(BatchCommand.Create(stdout, stderr));

        // The default prints the entry assembly's version, which is the test host's under tests.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion(stdout);

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

/// <summary>Prints this tool's informational version for <c>--version</c>.</summary>
internal sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var version = typeof(PrintVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        stdout.WriteLine(version);
        return ExitCodes.Ok;
    }
}
