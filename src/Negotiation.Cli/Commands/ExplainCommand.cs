using System.CommandLine;
using System.Globalization;
using Negotiation.Core.Advice;
using Negotiation.Core.Advice.Explaining;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiation explain &lt;case.json&gt; --rule NAME</c>: why a rule fired or did not for a case, part by part of its
/// expression, with the named conditions it uses and the values it read.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("case") { Description = "The case file (JSON), or a scenario file, whose case is used." };
        var rule = new Option<string>("--rule") { Description = "The name of a top-level rule.", Required = true };
        var rules = new Option<string?>("--rules") { Description = "A rule set folder, or the id of a rule set embedded in the library (cn-consumer-credit, uk-consumer-credit); the embedded default (cn-consumer-credit) when left out." };
        var language = LanguageOption.Create("Also show the rule's message in this language: one of the rule set's languages (zh-CN, en or en-GB).");
        var command = new Command("explain", "Shows why a rule fired or did not for a case: each part of its expression with its value.") { file, rule, rules, language };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (CaseFiles.TryRead(path, stderr) is not { } borrowerCase || RuleSetFiles.TryLoad(parse.GetValue(rules), stderr) is not { } ruleSet)
            {
                return ExitCodes.InvalidInput;
            }

            var asked = parse.GetValue(language);
            var lang = asked is null ? null : LanguageOption.Resolve(ruleSet, asked, stderr);
            if (asked is not null && lang is null)
            {
                return ExitCodes.InvalidInput;
            }

            RuleExplanation explanation;
            try
            {
                explanation = NegotiationAdvisor.Create(ruleSet).Explain(borrowerCase, parse.GetValue(rule)!);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"--rule: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.InvalidInput;
            }
            catch (Negotiation.Core.Cases.CaseValidationException e)
            {
                foreach (var problem in e.Problems)
                {
                    stderr.WriteLine($"{path}:{problem}");
                }

                return ExitCodes.InvalidInput;
            }

            var status = !explanation.Enabled ? "disabled" : explanation.Fired ? "fired" : "not fired";
            stdout.WriteLine($"rule '{explanation.Rule}' ({explanation.Workflow}): {status}{(explanation.Error is null ? "" : " — error: " + explanation.Error)}");
            if (lang is not null && ruleSet.Rules.FirstOrDefault(r => r.Name == explanation.Rule) is { } spec)
            {
                stdout.WriteLine($"message ({lang}): {spec.Message[lang].Text}");
            }

            stdout.WriteLine();
            Write(stdout, explanation.Condition, "  ");
            if (explanation.Conditions.Count > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine("named conditions:");
                foreach (var condition in explanation.Conditions)
                {
                    stdout.WriteLine($"  {condition.Name} = {Shown(condition.Value, condition.Error)}    ({condition.Expression})");
                }
            }

            if (explanation.Inputs.Count > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine("values read:");
                foreach (var input in explanation.Inputs)
                {
                    stdout.WriteLine($"  {input.Path} = {Shown(input.Value, null)}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line per part, <c>value  text</c>, its parts indented below it and joined by their operator.</summary>
    private static void Write(TextWriter stdout, ConditionPart part, string indent)
    {
        stdout.WriteLine($"{indent}{Shown(part.Value, part.Error),-7} {part.Text}");
        for (var i = 0; i < part.Parts.Count; i++)
        {
            if (i > 0 && part.Operator is { } op and not "!")
            {
                stdout.WriteLine($"{indent}  {op}");
            }

            Write(stdout, part.Parts[i], indent + (part.Operator == "!" ? "  ! " : "    "));
        }
    }

    private static string Shown(object? value, string? error) => error is not null ? $"error ({error})" : value switch
    {
        null => "null",
        bool yes => yes ? "true" : "false",
        string text => "\"" + text + "\"",
        LocalDate date => LocalDatePattern.Iso.Format(date),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
