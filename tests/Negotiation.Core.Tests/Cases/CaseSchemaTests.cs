using System.Reflection;
using Negotiation.Core.Cases;
using Negotiation.Core.Cases.Json;
using Negotiation.Core.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Negotiation.Core.Tests.Cases;

/// <summary>The published case schema and the C# model describe the same contract.</summary>
public sealed class CaseSchemaTests
{
    private static readonly string SchemaPath = TestFiles.Path("rules", "schemas", "borrower-case.schema.json");

    public static TheoryData<string> Examples => new(TestFiles.ExampleCases().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_case_validates_against_the_schema_and_the_reader(string file)
    {
        var json = File.ReadAllText(TestFiles.ExampleCase(file));
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
        Assert.NotNull(BorrowerCase.FromJson(json));
        Assert.Equal("../../schemas/borrower-case.schema.json", (string?)JObject.Parse(json)["$schema"]);
    }

    [Fact]
    public void Schema_and_model_list_the_same_properties_required_fields_and_enum_values()
    {
        var schema = JObject.Parse(File.ReadAllText(SchemaPath));
        var differences = new List<string>();

        CompareObject(schema, schema, CaseFields.Root, "", differences, isRoot: true);

        Assert.Empty(differences);
    }

    [Fact]
    public void Reader_table_names_every_settable_property_of_the_model_in_declaration_order()
    {
        var differences = new List<string>();

        CompareWithModel(typeof(BorrowerCase), CaseFields.Root, "", differences);

        Assert.Empty(differences);
    }

    [Fact]
    public void An_empty_object_reads_to_the_model_defaults_at_every_level()
    {
        const string json = """
            { "asOf": "2026-11-20", "currency": "CNY", "lender": {}, "hardship": {}, "conduct": {},
              "finances": { "income": [ { "monthly": 1 } ] }, "offers": [ {} ],
              "account": { "principal": 1000, "dueDate": "2026-11-10", "amountDue": 100 } }
            """;

        var c = BorrowerCase.FromJson(json);

        Assert.Equal(new Lender(), c.Lender);
        Assert.Equal(new Hardship(), c.Hardship);
        Assert.Equal(new Conduct(), c.Conduct);
        Assert.Equal(new Finances { Income = [new IncomeSource { Monthly = 1 }] }, c.Finances);
        Assert.Equal(new ReceivedOffer(), Assert.Single(c.Offers));
    }

    [Fact]
    public async Task Schema_refuses_what_the_reader_refuses_for_shape_errors()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        foreach (var file in new[] { "missing-asof", "unknown-goal", "negative-principal", "misspelt-property", "list-given-as-object" })
        {
            var json = TestFiles.Read("TestData", "cases", "malformed", file + ".json");
            Assert.True(schema.Validate(json).Count > 0, file);
        }
    }

    private static void CompareObject(JObject root, JObject schemaObject, ObjectShape shape, string path, List<string> differences, bool isRoot = false)
    {
        var properties = (JObject?)schemaObject["properties"] ?? [];
        var schemaNames = properties.Properties().Select(p => p.Name).Where(n => !(isRoot && n == "$schema")).Order(StringComparer.Ordinal).ToList();
        var modelNames = shape.Ordered.Select(p => p.JsonName).Order(StringComparer.Ordinal).ToList();
        if (!schemaNames.SequenceEqual(modelNames))
        {
            differences.Add($"{path}: schema [{string.Join(", ", schemaNames)}] vs model [{string.Join(", ", modelNames)}]");
        }

        var schemaRequired = ((JArray?)schemaObject["required"] ?? []).Select(t => (string)t!).Order(StringComparer.Ordinal);
        var modelRequired = shape.Ordered.Where(p => p.Required).Select(p => p.JsonName).Order(StringComparer.Ordinal);
        if (!schemaRequired.SequenceEqual(modelRequired))
        {
            differences.Add($"{path}: required differs: schema [{string.Join(", ", schemaRequired)}] vs model [{string.Join(", ", modelRequired)}]");
        }

        if ((bool?)schemaObject["additionalProperties"] != false)
        {
            differences.Add($"{path}: the schema must set additionalProperties: false, as the reader refuses unknown names");
        }

        foreach (var property in shape.Ordered)
        {
            if (properties[property.JsonName] is JObject schemaValue)
            {
                CompareValue(root, Resolve(root, schemaValue), property.Value, Join(path, property.JsonName), differences);
            }
        }
    }

    private static void CompareValue(JObject root, JObject schemaValue, ValueShape shape, string path, List<string> differences)
    {
        switch (shape.Kind)
        {
            case ValueKind.Object:
                CompareObject(root, schemaValue, shape.Object!, path, differences);
                break;
            case ValueKind.Array:
                if ((int?)schemaValue["maxItems"] != shape.MaxItems)
                {
                    differences.Add($"{path}: maxItems {(int?)schemaValue["maxItems"]} vs {shape.MaxItems}");
                }

                CompareValue(root, Resolve(root, (JObject)schemaValue["items"]!), shape.Element!, path + "[]", differences);
                break;
            case ValueKind.Enum:
                var values = ((JArray?)schemaValue["enum"] ?? []).Select(t => (string)t!);
                if (!values.SequenceEqual(shape.EnumNames))
                {
                    differences.Add($"{path}: enum [{string.Join(", ", values)}] vs model [{string.Join(", ", shape.EnumNames)}]");
                }

                break;
            default:
                var expectedType = shape.Kind switch
                {
                    ValueKind.Money or ValueKind.Rate => "number",
                    ValueKind.Integer => "integer",
                    ValueKind.Boolean => "boolean",
                    _ => "string",
                };
                if ((string?)schemaValue["type"] != expectedType)
                {
                    differences.Add($"{path}: type {(string?)schemaValue["type"]} vs {expectedType}");
                }

                break;
        }
    }

    private static void CompareWithModel(Type type, ObjectShape shape, string path, List<string> differences)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).ToArray();
        var modelNames = properties.Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
        if (!modelNames.SequenceEqual(shape.Names))
        {
            differences.Add($"{type.Name}: model [{string.Join(", ", modelNames)}] vs reader [{string.Join(", ", shape.Names)}]");
            return;
        }

        foreach (var (property, field) in properties.Zip(shape.Ordered))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var value = field.Value;
            if (value.Kind == ValueKind.Array)
            {
                propertyType = propertyType.GetGenericArguments()[0];
                value = value.Element!;
            }

            if (value.Kind == ValueKind.Object)
            {
                CompareWithModel(propertyType, value.Object!, Join(path, field.JsonName), differences);
            }
            else if (value.Kind == ValueKind.Enum && !Enum.GetNames(propertyType).Select(n => string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))).SequenceEqual(value.EnumNames))
            {
                differences.Add($"{Join(path, field.JsonName)}: enum {propertyType.Name} and the reader's names differ");
            }
        }
    }

    private static JObject Resolve(JObject root, JObject schemaValue) =>
        schemaValue["$ref"] is JValue { Value: string reference } && reference.StartsWith("#/definitions/", StringComparison.Ordinal)
            ? (JObject)root["definitions"]![reference["#/definitions/".Length..]]!
            : schemaValue;

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
