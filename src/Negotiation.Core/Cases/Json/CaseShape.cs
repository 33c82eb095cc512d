using System.Collections.Frozen;
using System.Reflection;
using NodaTime;

namespace Negotiation.Core.Cases.Json;

/// <summary>What a JSON value must look like to fill one model property.</summary>
internal enum ValueKind
{
    Object,
    Array,
    Enum,
    Money,
    Rate,
    Integer,
    Boolean,
    Text,
    Date,
    Currency,
}

/// <summary>The expected shape of one JSON value, derived from the case model by reflection.</summary>
internal sealed class ValueShape
{
    public required ValueKind Kind { get; init; }

    /// <summary>Properties of an object, by JSON name.</summary>
    public ObjectShape? Object { get; init; }

    /// <summary>The element shape of an array.</summary>
    public ValueShape? Element { get; init; }

    /// <summary>The allowed JSON names of an enum, in declaration order.</summary>
    public IReadOnlyList<string> EnumNames { get; init; } = [];

    public double Min { get; init; } = double.NaN;

    public double Max { get; init; } = double.NaN;

    public int MaxItems { get; init; } = CaseLimits.MaxItems;
}

/// <summary>One property of an object shape.</summary>
internal sealed record PropertyShape(string JsonName, bool Required, ValueShape Value);

/// <summary>The properties of one model type.</summary>
internal sealed class ObjectShape
{
    public required Type ClrType { get; init; }

    public required FrozenDictionary<string, PropertyShape> Properties { get; init; }

    /// <summary>Properties in declaration order, for messages and for the schema comparison.</summary>
    public required IReadOnlyList<PropertyShape> Ordered { get; init; }
}

/// <summary>
/// Builds the shape of the case model once, from its properties and their <see cref="CaseFieldAttribute"/>s,
/// so that the reader's checks and the model cannot drift apart.
/// </summary>
internal static class CaseShape
{
    private static readonly Lazy<ObjectShape> RootShape = new(() => BuildObject(typeof(BorrowerCase)));

    public static ObjectShape Root => RootShape.Value;

    private static ObjectShape BuildObject(Type type)
    {
        var ordered = new List<PropertyShape>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Computed members (TotalOwed, IsEssential) have no setter and are not part of the JSON.
            if (property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var field = property.GetCustomAttribute<CaseFieldAttribute>() ?? new CaseFieldAttribute();
            ordered.Add(new PropertyShape(CaseJson.PropertyName(property.Name), field.Required, BuildValue(property.PropertyType, field, property)));
        }

        return new ObjectShape
        {
            ClrType = type,
            Properties = ordered.ToFrozenDictionary(p => p.JsonName, StringComparer.Ordinal),
            Ordered = ordered,
        };
    }

    private static ValueShape BuildValue(Type type, CaseFieldAttribute field, PropertyInfo where)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return field.Kind switch
        {
            FieldKind.Money => Expect(type, typeof(decimal), where, new ValueShape { Kind = ValueKind.Money }),
            FieldKind.Rate => Expect(type, typeof(decimal), where, new ValueShape { Kind = ValueKind.Rate, Max = field.Max }),
            FieldKind.Text => Expect(type, typeof(string), where, new ValueShape { Kind = ValueKind.Text }),
            FieldKind.Currency => Expect(type, typeof(string), where, new ValueShape { Kind = ValueKind.Currency }),
            _ when type == typeof(int) => new ValueShape { Kind = ValueKind.Integer, Min = field.Min, Max = field.Max },
            _ when type == typeof(bool) => new ValueShape { Kind = ValueKind.Boolean },
            _ when type == typeof(LocalDate) => new ValueShape { Kind = ValueKind.Date },
            _ when type.IsEnum => new ValueShape
            {
                Kind = ValueKind.Enum,
                EnumNames = Enum.GetValues(type).Cast<Enum>().Select(CaseJson.EnumName).ToArray(),
            },
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>) => new ValueShape
            {
                Kind = ValueKind.Array,
                MaxItems = field.MaxItems,
                Element = BuildValue(type.GetGenericArguments()[0], new CaseFieldAttribute(), where),
            },
            _ when type.IsClass && type.Namespace == typeof(BorrowerCase).Namespace => new ValueShape
            {
                Kind = ValueKind.Object,
                Object = BuildObject(type),
            },
            _ => throw new InvalidOperationException(
                $"{where.DeclaringType?.Name}.{where.Name}: the case reader does not know how to check a {type.Name}; give it a [CaseField] kind."),
        };
    }

    private static ValueShape Expect(Type actual, Type expected, PropertyInfo where, ValueShape shape) =>
        actual == expected
            ? shape
            : throw new InvalidOperationException($"{where.DeclaringType?.Name}.{where.Name}: [CaseField] kind needs a {expected.Name}, not a {actual.Name}.");
}
