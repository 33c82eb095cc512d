using Negotiation.Core.Tests.Support;
using Xunit.Sdk;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>
/// Every example case in <c>rules/cn-consumer-credit/examples/</c>, in every format (text, JSON, Markdown,
/// HTML) and both languages, renders byte for byte as its golden file
/// <c>TestData/golden/&lt;example&gt;.&lt;lang&gt;.&lt;txt|json|md|html&gt;</c>. Set the environment variable
/// <c>UPDATE_GOLDEN=1</c> to rewrite the golden files in the source tree instead of comparing; without it, a
/// missing golden file fails its test.
/// </summary>
/// <remarks>
/// When the output changes on purpose (a wording, the rule set), run
/// <c>UPDATE_GOLDEN=1 dotnet test tests/Negotiation.Core.Tests --filter "FullyQualifiedName~Rendering.GoldenFileTests"</c>,
/// then run the tests again without it (the build copies the new files beside the test assembly), review the
/// diff and commit it.
/// </remarks>
public sealed class GoldenFileTests
{
    public static TheoryData<string, string, string> Outputs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (example, language, format) in Golden())
        {
            data.Add(example, language, format);
        }

        return data;
    }

    private static IEnumerable<(string Example, string Language, string Format)> Golden() =>
        from example in TestFiles.ExampleCases()
        from language in RenderingKit.Languages
        from format in RenderingKit.Formats
        select (Path.GetFileNameWithoutExtension(example), language, format);

    private static IEnumerable<string> GoldenNames() => Golden().Select(g => $"{g.Example}.{g.Language}.{g.Format}");

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Example_renders_as_its_golden_file(string example, string language, string format)
    {
        var @case = RenderingKit.ReadCase(TestFiles.ExampleCase(example + ".json"));

        var output = RenderingKit.Render(@case, language, format);

        GoldenFile.Check($"{example}.{language}.{format}", output, GoldenFile.UpdateRequested);
    }

    [Fact]
    public void Every_golden_file_belongs_to_an_example_case_language_and_format()
    {
        var expected = GoldenNames().ToHashSet(StringComparer.Ordinal);
        var folder = GoldenFile.UpdateRequested ? GoldenFile.SourceFolder : GoldenFile.OutputFolder;

        var stale = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(f => f != ".gitattributes" && !expected.Contains(f!)).ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public void A_missing_golden_file_fails_rather_than_passes()
    {
        var failure = Assert.Throws<XunitException>(() => GoldenFile.Check("no-such-example.en.md", "# anything\n", update: false));

        Assert.Contains("UPDATE_GOLDEN=1", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(GoldenFile.SourceFolder, "no-such-example.en.md")));
    }

    [Fact]
    public void A_golden_file_that_differs_fails_and_names_the_line()
    {
        var golden = GoldenNames().First(name => name.EndsWith(".md", StringComparison.Ordinal));
        if (GoldenFile.UpdateRequested)
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(GoldenFile.OutputFolder, golden));

        var failure = Assert.Throws<XunitException>(() => GoldenFile.Check(golden, text.Replace("\n", "\r\n", StringComparison.Ordinal), update: false));

        Assert.Contains("at line 1:", failure.Message, StringComparison.Ordinal);
    }
}
