namespace Negotiation.Core.Tests.Support;

/// <summary>Paths of files copied beside the test assembly (see the test csproj).</summary>
internal static class TestFiles
{
    public static string Root => AppContext.BaseDirectory;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    public static string RulesDir => Path("rules");

    public static string ExampleCase(string name) => Path("rules", "cn-consumer-credit", "examples", name);

    public static IEnumerable<string> ExampleCases() =>
        Directory.EnumerateFiles(Path("rules", "cn-consumer-credit", "examples"), "*.json").Order(StringComparer.Ordinal);
}
