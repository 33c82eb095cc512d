namespace Negotiation.Core.Benchmarks;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet runs the generated benchmark process.</summary>
internal static class RepositoryFiles
{
    /// <summary>Gets the repository root: the nearest folder above the running assembly that holds <c>Negotiation.Core.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets a path inside the repository.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Gets the default rule set's folder.</summary>
    public static string DefaultRules => Path("rules", "cn-consumer-credit");

    /// <summary>Gets an example case file of the default rule set.</summary>
    public static string ExampleCase(string name) => Path("rules", "cn-consumer-credit", "examples", name + ".json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Negotiation.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Negotiation.Core.sln above {AppContext.BaseDirectory}.");
    }
}
