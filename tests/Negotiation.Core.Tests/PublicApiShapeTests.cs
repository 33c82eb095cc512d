using System.Reflection;
using Negotiation.Core.Advice;
using Negotiation.Core.Assessments;

namespace Negotiation.Core.Tests;

/// <summary>What a 1.0 caller may rely on: public models free of any serializer's attributes, computed facts read-only.</summary>
public sealed class PublicApiShapeTests
{
    private static readonly Type[] Exported = typeof(NegotiationAdvisor).Assembly.GetExportedTypes();

    [Fact]
    public void No_public_type_or_member_carries_a_serializer_attribute()
    {
        var found = new List<string>();
        foreach (var type in Exported)
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Append(type);
            foreach (var member in members)
            {
                found.AddRange(member.GetCustomAttributes(inherit: false)
                    .Select(a => a.GetType())
                    .Where(a => a.Namespace is { } ns && (ns.StartsWith("Newtonsoft.Json", StringComparison.Ordinal) || ns == "System.Text.Json.Serialization"))
                    .Select(a => $"{type.FullName}.{member.Name}: [{a.Name}]"));
            }
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Closed_sets_on_the_plan_are_enums_and_json_spells_them_kebab_case()
    {
        Assert.All(
            [typeof(Decision).GetProperty(nameof(Decision.Outcome))!, typeof(ProposedRequest).GetProperty(nameof(ProposedRequest.Type))!,
             typeof(Watchpoint).GetProperty(nameof(Watchpoint.Severity))!, typeof(PlanWarning).GetProperty(nameof(PlanWarning.Severity))!,
             typeof(CitedSource).GetProperty(nameof(CitedSource.Certainty))!],
            p => Assert.True(p.PropertyType.IsEnum, $"{p.DeclaringType!.Name}.{p.Name} is {p.PropertyType.Name}"));

        var plan = NegotiationAdvisor.CreateDefault().Advise(Negotiation.Core.Cases.BorrowerCase.FromJson(File.ReadAllText(Support.TestFiles.ExampleCase("seed-oversight.json"))));
        var json = plan.ToJson();

        Assert.Equal(Outcome.Negotiate, plan.Decision.Outcome);
        Assert.Contains("\"outcome\": \"negotiate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"fee-waiver\"", json, StringComparison.Ordinal);
        Assert.Contains("\"certainty\": \"primary\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_writer_leaves_out_computed_members_without_attributes_to_tell_it()
    {
        var json = Negotiation.Core.Cases.BorrowerCase.FromJson(File.ReadAllText(Support.TestFiles.ExampleCase("seed-oversight.json"))).ToJson();

        Assert.DoesNotContain("totalOwed", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isEssential", json, StringComparison.Ordinal);
        Assert.Contains("\"principal\"", json, StringComparison.Ordinal);
    }

    // Small values whose fields are fixed by what they are, so a field will not be added: a (path, value) pair, a
    // schedule row, an asset-tier band, the five buckets a repayment is split into, and an extension's two costs.
    private static readonly HashSet<Type> FixedShapeValues =
    [
        typeof(TraceInput), typeof(Negotiation.Core.Calculators.Instalment), typeof(Negotiation.Core.Calculators.AssetTierBand),
        typeof(Negotiation.Core.Calculators.RepaymentAllocation), typeof(Negotiation.Core.Calculators.ExtensionCost),
    ];

    [Fact]
    public void Public_records_are_built_by_name_not_by_position()
    {
        // A positional record's constructor and Deconstruct change shape when a field is added, breaking callers; only the
        // fixed-shape values above may be positional.
        var positional = Exported
            .Where(t => IsRecord(t) && !FixedShapeValues.Contains(t))
            .Where(t => t.GetMethod("Deconstruct") is not null ||
                        t.GetConstructors().Any(c => c.IsPublic && c.GetParameters().Length > 0 && c.GetParameters()[0].ParameterType != t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(positional.Count == 0, "positional: " + string.Join(", ", positional));
        Assert.All(FixedShapeValues, t => Assert.True(IsRecord(t) && t.GetMethod("Deconstruct") is not null, t.Name));
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null ||
        (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    [Theory]
    [InlineData(typeof(Assessment))]
    [InlineData(typeof(RequestTerms))]
    public void Computed_results_cannot_be_made_or_changed_by_a_caller(Type type)
    {
        Assert.DoesNotContain(type.GetConstructors(), c => c.IsPublic);
        Assert.All(type.GetProperties(), p => Assert.False(p.SetMethod is { IsPublic: true }, $"{type.Name}.{p.Name} has a public setter"));
    }
}
