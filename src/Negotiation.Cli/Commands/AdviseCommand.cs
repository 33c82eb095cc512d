using System.CommandLine;
using Negotiation.Core.Advice;
using Negotiation.Core.Rendering;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiation advise &lt;case.json&gt;</c>: advises on a case with the default or a given rule set.</summary>
internal static class AdviseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("case") { Description = "The case file (JSON), or a scenario file, whose case is used." };
        var rules = new Option<string?>("--rules") { Description = "A rule set folder, or the id of a rule set embedded in the library (cn-consumer-credit, uk-consumer-credit); the embedded default (cn-consumer-credit) when left out." };
        var format = new Option<string>("--format") { Description = "text, json, markdown or html (the printable dossier).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var language = LanguageOption.Create("zh-CN, en or en-GB: one of the rule set's languages (en reaches an en-GB set); its first when left out.");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var trace = TraceOption.Create();
        var command = new Command("advise", "Advises on a case: decision, requests, materials, script, watchpoints, warnings and remedies.")
        {
            file, rules, format, language, output, trace,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (CaseFiles.TryRead(path, stderr) is not { } borrowerCase || RuleSetFiles.TryLoad(parse.GetValue(rules), stderr) is not { } ruleSet)
            {
                return ExitCodes.InvalidInput;
            }

            if (LanguageOption.Resolve(ruleSet, parse.GetValue(language), stderr) is not { } lang)
            {
                return ExitCodes.InvalidInput;
            }

            NegotiationPlan plan;
            try
            {
                plan = NegotiationAdvisor.Create(ruleSet).Advise(borrowerCase, lang);
            }
            catch (Negotiation.Core.Cases.CaseValidationException e)
            {
                foreach (var problem in e.Problems)
                {
                    stderr.WriteLine($"{path}:{problem}");
                }

                return ExitCodes.InvalidInput;
            }

            var text = parse.GetValue(format) switch
            {
                "json" => plan.ToJson(TraceOption.Parse(parse.GetValue(trace)!)) + "\n",
                "markdown" => MarkdownRenderer.Render(plan, borrowerCase),
                "html" => HtmlRenderer.Render(plan, borrowerCase),
                _ => TextRenderer.Render(plan),
            };
            return CommandOutput.Write(parse.GetValue(output), text, stdout, stderr);
        });
        return command;
    }
}
