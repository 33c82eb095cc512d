using System.Text;
using Xunit.Sdk;

namespace Negotiation.Core.Tests.Rendering;

/// <summary>
/// Compares rendered output with a committed golden file, byte for byte. Golden files live in
/// <c>tests/Negotiation.Core.Tests/TestData/golden/</c> and are read from the copy beside the test assembly.
/// With the environment variable <c>UPDATE_GOLDEN=1</c> the comparison rewrites the file in the source tree
/// instead (then rebuild, or run the tests again, so that the copy is refreshed).
/// </summary>
internal static class GoldenFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool UpdateRequested => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static string SourceFolder => Path.Combine(RepositoryRoot(), "tests", "Negotiation.Core.Tests", "TestData", "golden");

    public static string OutputFolder => Support.TestFiles.Path("TestData", "golden");

    /// <summary>Checks <paramref name="actual"/> against the golden file <paramref name="name"/>, or rewrites it when <paramref name="update"/> is true.</summary>
    /// <exception cref="XunitException">The file is missing (and not being updated), or differs.</exception>
    public static void Check(string name, string actual, bool update)
    {
        if (update)
        {
            Directory.CreateDirectory(SourceFolder);
            File.WriteAllBytes(Path.Combine(SourceFolder, name), Utf8.GetBytes(actual));
            return;
        }

        var path = Path.Combine(OutputFolder, name);
        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file '{name}' is missing. Run the tests with UPDATE_GOLDEN=1 to write it, review it, and commit it.");
        }

        var expected = File.ReadAllBytes(path);
        var bytes = Utf8.GetBytes(actual);
        if (!expected.AsSpan().SequenceEqual(bytes))
        {
            // Show the first differing line; the whole file would drown it.
            var expectedLines = Utf8.GetString(expected).Split('\n');
            var actualLines = actual.Split('\n');
            var line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            throw new XunitException(
                $"Output differs from golden file '{name}' at line {line + 1}:\n" +
                $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
                $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
                "If the change is intended, run the tests with UPDATE_GOLDEN=1, review the diff, and commit the golden files.");
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Negotiation.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Negotiation.Core.sln not found above the test assembly.");
    }
}
