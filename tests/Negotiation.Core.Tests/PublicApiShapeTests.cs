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

    [Theory]
    [InlineData(typeof(NegotiationPlan))]
    [InlineData(typeof(RuleSetInfo))]
    [InlineData(typeof(Decision))]
    [InlineData(typeof(Reason))]
    [InlineData(typeof(ProposedRequest))]
    [InlineData(typeof(Material))]
    [InlineData(typeof(Communication))]
    [InlineData(typeof(TalkingPoint))]
    [InlineData(typeof(Watchpoint))]
    [InlineData(typeof(PlanWarning))]
    [InlineData(typeof(Remedy))]
    [InlineData(typeof(CitedSource))]
    [InlineData(typeof(BudgetGroup))]
    public void Plan_types_that_will_grow_are_built_by_name_not_by_position(Type type)
    {
        // A positional record's constructor and Deconstruct change shape when a field is added, breaking callers.
        Assert.DoesNotContain(type.GetConstructors(), c => c.IsPublic && c.GetParameters().Length > 0 && c.GetParameters()[0].ParameterType != type);
        Assert.Null(type.GetMethod("Deconstruct"));
    }

    [Theory]
    [InlineData(typeof(Assessment))]
    [InlineData(typeof(RequestTerms))]
    public void Computed_results_cannot_be_made_or_changed_by_a_caller(Type type)
    {
        Assert.DoesNotContain(type.GetConstructors(), c => c.IsPublic);
        Assert.All(type.GetProperties(), p => Assert.False(p.SetMethod is { IsPublic: true }, $"{type.Name}.{p.Name} has a public setter"));
    }
}
