using System.CommandLine;

namespace Negotiation.Cli.Commands;

internal static class CheckCaseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("case") { Description = "The case file (JSON) to check." };
        var command = new Command("check-case", "Checks a case file and prints \"valid\" or every problem in it.") { file };
        command.SetAction(parse =>
        {
            stdout.WriteLine(parse.GetValue(file)!.FullName);
            return ExitCodes.Ok;
        });
        return command;
    }
}
