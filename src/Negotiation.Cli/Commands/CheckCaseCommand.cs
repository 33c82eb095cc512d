using System.CommandLine;
using Negotiation.Core.Cases;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiation check-case &lt;file&gt;</c>: reads a case and prints "valid" or every problem.</summary>
internal static class CheckCaseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("case") { Description = "The case file (JSON) to check, or a scenario file, whose case is used." };
        var command = new Command("check-case", "Checks a case file and prints \"valid\" or every problem in it, one per line on stderr.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (CaseFiles.TryRead(path, stderr) is null)
            {
                return ExitCodes.InvalidInput;
            }

            stdout.WriteLine("valid");
            return ExitCodes.Ok;
        });
        return command;
    }
}
