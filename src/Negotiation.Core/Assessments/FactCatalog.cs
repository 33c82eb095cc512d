using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json.Serialization;

namespace Negotiation.Core.Assessments;

/// <summary>One named value that messages can show: its camelCase name, its format, and a compiled getter.</summary>
internal sealed record FactInfo(string Name, PropertyInfo Property, FactFormat Format, Func<object, object?> Get);

/// <summary>
/// The named values of a type whose properties carry <see cref="FactFieldAttribute"/> (the <see cref="Assessment"/>,
/// a request's terms), found once by reflection, with compiled getters.
/// </summary>
internal static class FactCatalog<T>
{
    public static FrozenDictionary<string, FactInfo> ByName { get; } = Build();

    /// <summary>Finds a value by its exact camelCase name.</summary>
    public static FactInfo? Find(string name) => ByName.GetValueOrDefault(name);

    private static FrozenDictionary<string, FactInfo> Build()
    {
        var naming = new CamelCaseNamingStrategy();
        var facts = new Dictionary<string, FactInfo>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<FactFieldAttribute>() is not { } fact)
            {
                continue;
            }

            var instance = Expression.Parameter(typeof(object));
            var body = Expression.Convert(Expression.Property(Expression.Convert(instance, typeof(T)), property), typeof(object));
            var getter = Expression.Lambda<Func<object, object?>>(body, instance).Compile();
            var name = naming.GetPropertyName(property.Name, false);
            facts[name] = new FactInfo(name, property, fact.Format, getter);
        }

        return facts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
