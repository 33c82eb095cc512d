namespace Negotiation.Core.Tests.Support;

/// <summary>
/// Test categories. The default <c>dotnet test</c> leaves out <see cref="Slow"/> (tests/quick.runsettings) so that it stays
/// quick; <c>dotnet test Negotiation.Core.sln --settings tests/slow.runsettings</c> runs them, and .ci/run does so as its own step.
/// </summary>
internal static class TestCategories
{
    /// <summary>Fuzz, differential and property suites over thousands of generated inputs: seconds to minutes each.</summary>
    public const string Slow = "Slow";
}
