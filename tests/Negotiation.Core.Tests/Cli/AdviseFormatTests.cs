using System.Xml.Linq;
using Negotiation.Cli;
using Negotiation.Core.Advice;
using Negotiation.Core.Rendering;
using Negotiation.Core.Tests.Rendering;
using Negotiation.Core.Tests.Support;

namespace Negotiation.Core.Tests.Cli;

/// <summary><c>advise --format markdown|html</c> writes the renderers' output to standard output or to <c>--out</c>.</summary>
public sealed class AdviseFormatTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-advise-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);


    [Theory]
    [InlineData("markdown", "en")]
    [InlineData("markdown", "zh-CN")]
    [InlineData("html", "en")]
    [InlineData("html", "zh-CN")]
    public void Advise_writes_the_renderer_output_to_standard_output(string format, string language)
    {
        var file = TestFiles.ExampleCase("seed-oversight.json");
        var @case = RenderingKit.ReadCase(file);
        var plan = RenderingKit.Advisor.Advise(@case, language);
        var expected = format == "html" ? HtmlRenderer.Render(plan, @case) : MarkdownRenderer.Render(plan, @case);

        var (code, output, error) = CommandLine.Run("advise", file, "--format", format, "--lang", language);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData(null, PlanTrace.Fired)]
    [InlineData("none", PlanTrace.None)]
    [InlineData("fired", PlanTrace.Fired)]
    [InlineData("all", PlanTrace.All)]
    public void Advise_json_carries_the_trace_asked_for_and_the_fired_one_by_default(string? option, PlanTrace trace)
    {
        var file = TestFiles.ExampleCase("lasting-hardship.json");
        var expected = RenderingKit.Advisor.Advise(RenderingKit.ReadCase(file), "en").ToJson(trace) + "\n";
        string[] args = ["advise", file, "--format", "json", "--lang", "en", .. option is null ? [] : new[] { "--trace", option }];

        var (code, output, error) = CommandLine.Run(args);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Advise_in_en_on_a_rule_set_written_in_en_GB_writes_en_GB()
    {
        var file = TestFiles.Path("rules", "uk-consumer-credit", "examples", "card-arrears-england.json");

        var (code, output, error) = CommandLine.Run("advise", file, "--rules", "uk-consumer-credit", "--format", "json", "--trace", "none", "--lang", "en");

        Assert.Equal((ExitCodes.Ok, ""), (code, error));
        Assert.Contains("\"language\": \"en-GB\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("advise")]
    [InlineData("batch")]
    public void A_language_the_rule_set_is_not_written_in_is_refused_with_the_languages_it_has(string command)
    {
        var (code, output, error) = CommandLine.Run(command, TestFiles.ExampleCase("seed-oversight.json"), "--lang", "fr");

        Assert.Equal((ExitCodes.InvalidInput, ""), (code, output));
        Assert.Equal("--lang: the rule set 'cn-consumer-credit' is written in zh-CN, en, not 'fr'", error.Trim());
    }

    [Fact]
    public void A_language_asked_for_in_another_case_or_form_is_written_in_the_rule_set_s_form()
    {
        var (code, output, error) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--format", "json", "--trace", "none", "--lang", "zh-cn");

        Assert.Equal((ExitCodes.Ok, ""), (code, error));
        Assert.Contains("\"language\": \"zh-CN\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_writes_the_html_dossier_to_the_out_file()
    {
        var target = Path.Combine(temp, "dossier.html");

        var (code, output, error) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--format", "html", "--out", target);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(output);
        Assert.Empty(error);
        var html = File.ReadAllText(target);
        Assert.StartsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.NotNull(XDocument.Parse(html["<!DOCTYPE html>\n".Length..]).Root);
    }

    [Fact]
    public void Advise_writes_markdown_to_the_out_file()
    {
        var target = Path.Combine(temp, "plan.md");

        var (code, _, error) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--format", "markdown", "--lang", "en", "--out", target);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.StartsWith("# Negotiation plan", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_refuses_a_format_it_does_not_know_and_names_the_ones_it_does()
    {
        var (code, _, error) = CommandLine.Run("advise", TestFiles.ExampleCase("seed-oversight.json"), "--format", "pdf");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("markdown", error, StringComparison.Ordinal);
        Assert.Contains("html", error, StringComparison.Ordinal);
    }
}
